/**
 * Slack's write methods (chat.*, views.*) sent as JSON bodies over a keep-alive undici agent.
 *
 * Why not the WebClient for these: it form-encodes every call, so a Block Kit reply is
 * JSON-encoded and then percent-encoded (about 4 KB per answer), and it sends through fetch with
 * an AbortSignal, a web stream and a retry wrapper per call. Measured under load, that was the
 * largest part of what a Slack turn cost on top of Bolt's own floor. Slack accepts these methods
 * as `application/json` with the token as a Bearer header; read methods (users.info,
 * conversations.members, auth.test) do not take JSON, so they stay on the WebClient.
 *
 * Same behaviour as the WebClient as configured before: rate limits are waited out (Retry-After)
 * and retried, network errors and 5xx answers are retried with exponential backoff, and a call
 * that fails throws an error `slackErrorCode` reads (`data.error`, `statusCode` or `code`).
 */
import { Agent } from 'undici';
import { postAttempt, type PostAnswer, type PostFailure } from '../../http/post.js';
import { DEFAULT_RETRY_CONFIG, withRetries, type Attempt, type RetryConfig } from '../../http/retry.js';

/** The write methods Slack documents as accepting JSON bodies. */
export const JSON_METHODS: ReadonlySet<string> = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.delete',
  'views.open',
  'views.publish',
  'views.update',
  'views.push',
]);

export const SLACK_API_URL = 'https://slack.com/api/';
const TIMEOUT_MS = 10_000;

/** What a failed call throws: the same shape as the WebClient's errors, for `slackErrorCode`. */
export class SlackCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly data?: Record<string, unknown>,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'SlackCallError';
  }
}

export interface JsonCaller {
  call(method: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface JsonCallerOptions {
  readonly token: string;
  /** Base URL ending in '/', e.g. https://slack.com/api/ (default). */
  readonly apiUrl?: string | undefined;
  readonly retryConfig?: RetryConfig | undefined;
  /** Sockets kept open to Slack; the call limiter in front bounds concurrency anyway. */
  readonly connections?: number;
}

export function createJsonCaller(options: JsonCallerOptions): JsonCaller {
  const base = options.apiUrl ?? SLACK_API_URL;
  const retry = options.retryConfig ?? DEFAULT_RETRY_CONFIG;
  const dispatcher = new Agent({ connections: options.connections ?? 16, keepAliveTimeout: 30_000, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json; charset=utf-8' };

  /** The WebClient's error codes: `slackErrorCode` reads them for the logs. */
  const failure = (reason: PostFailure): SlackCallError => {
    if (!('statusCode' in reason)) return new SlackCallError(`Slack call failed: ${reason.message}`, reason.code ?? 'request_error');
    if (reason.statusCode === 429) return new SlackCallError('Slack rate-limited the call', 'slack_webapi_rate_limited_error', undefined, 429);
    return new SlackCallError(`Slack answered HTTP ${reason.statusCode}`, 'slack_webapi_http_error', undefined, reason.statusCode);
  };
  /** Slack answers 200 with `ok`; a 4xx or a page that is not Slack's JSON (a proxy's login page) will not change if sent again. */
  const answer = ({ statusCode, text }: PostAnswer): Attempt<Record<string, unknown>> => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    if (statusCode !== 200 || typeof data !== 'object' || data === null) return { fail: failure({ statusCode, text }) };
    const fields = data as Record<string, unknown>;
    if (fields.ok === true) return { value: fields };
    const code = typeof fields.error === 'string' ? fields.error : 'unknown_error';
    return { fail: new SlackCallError(`Slack answered an error: ${code}`, 'slack_webapi_platform_error', fields) };
  };

  return {
    async call(method, args) {
      const url = `${base}${method}`;
      const body = JSON.stringify(args);
      return withRetries(retry, () => postAttempt(dispatcher, url, headers, body, answer, failure));
    },
    close: () => dispatcher.close(),
  };
}
