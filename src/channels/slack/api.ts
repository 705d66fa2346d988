/**
 * Every outgoing Slack call goes through here: through the limiter, then Bolt's WebClient (its
 * retries and Retry-After handling), and never throwing. A failed call is logged with its Slack
 * error code (`channel_not_found`, `invalid_auth`, ...) and answers undefined / false.
 */
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import { SlackQueueFullError, type CallLimiter } from './limiter.js';
import type { SlackTransport } from './web-client.js';

export type SlackResult = Record<string, unknown> & { readonly ok?: boolean };

export interface SlackApi {
  call(method: string, args: Record<string, unknown>): Promise<SlackResult | undefined>;
  /** POST to an interaction's response_url (ephemeral answers, "Share in channel"). */
  respond(url: string, body: Record<string, unknown>): Promise<boolean>;
}

/** The Slack error code of a failed call, for logs. */
export function slackErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; message?: unknown };
  if (typeof e.data?.error === 'string') return e.data.error;
  if (e.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (typeof e.statusCode === 'number') return `http_${e.statusCode}`;
  if (typeof e.code === 'string') return e.code;
  return typeof e.message === 'string' ? e.message : 'unknown_error';
}

/**
 * Block Kit arguments (`blocks`, `view`) as the JSON strings the form-encoded call carries anyway:
 * the WebClient then sends them as they are, instead of walking every block for its debug line
 * (it redacts and stringifies the whole body on each call, whatever the log level).
 */
function withJsonFields(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) out[key] = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
  return out;
}

export function createSlackApi(deps: { client: App['client']; limiter: CallLimiter; logger: Logger; transport: Pick<SlackTransport, 'fetch'> }): SlackApi {
  const { client, limiter, logger, transport } = deps;
  return {
    async call(method, args) {
      try {
        return await limiter.run(method, () => client.apiCall(method, withJsonFields(args)) as Promise<SlackResult>);
      } catch (error) {
        if (error instanceof SlackQueueFullError) return undefined;
        logger.warn({ method, slackError: slackErrorCode(error) }, `Slack ${method} failed: ${slackErrorCode(error)}`);
        return undefined;
      }
    },
    async respond(url, body) {
      try {
        return await limiter.run('response_url', async () => {
          const res = await transport.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), redirect: 'error' });
          const answer = await res.text();
          if (!res.ok) {
            logger.warn({ status: res.status, slackError: answer.slice(0, 100) }, `Slack response_url failed: HTTP ${res.status}`);
            return false;
          }
          return true;
        });
      } catch (error) {
        if (!(error instanceof SlackQueueFullError)) logger.warn({ slackError: slackErrorCode(error) }, 'Slack response_url failed');
        return false;
      }
    },
  };
}
