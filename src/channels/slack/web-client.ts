/**
 * The settings of Bolt's WebClient, through which every Slack Web API call goes: our retry policy
 * (network errors and 5xx backed off, a 429 waited out for its Retry-After), a concurrency cap,
 * a timeout, and a `fetch` on an undici agent that keeps connections alive and honours
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY (Node's own fetch ignores them).
 */
import type { webApi } from '@slack/bolt';
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import { DEFAULT_RETRY_CONFIG, type RetryConfig } from '../../http/retry.js';

type FetchFunction = webApi.FetchFunction;
type WebClientOptions = webApi.WebClientOptions;

/** Slack answers in well under a second; a call still open after this is given up (and retried). */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

export interface SlackTransport {
  /** For the WebClient and for response_url posts. */
  readonly fetch: FetchFunction;
  close(): Promise<void>;
}

export function createSlackTransport(options: { connections: number }): SlackTransport {
  const dispatcher = new EnvHttpProxyAgent({ connections: options.connections, keepAliveTimeout: 30_000 });
  const fetch: FetchFunction = (url, init) => undiciFetch(url, { ...init, dispatcher } as Parameters<typeof undiciFetch>[1]);
  return { fetch, close: () => dispatcher.close() };
}

export function slackClientOptions(options: {
  readonly apiUrl?: string | undefined;
  readonly retryConfig?: RetryConfig | undefined;
  readonly maxConcurrent: number;
  readonly transport: SlackTransport;
}): WebClientOptions {
  return {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/` } : {}),
    rejectRateLimitedCalls: false,
    retryConfig: { ...(options.retryConfig ?? DEFAULT_RETRY_CONFIG) },
    // The call limiter in front (limiter.ts) admits this many at once and bounds the wait.
    maxRequestConcurrency: options.maxConcurrent,
    timeout: SLACK_CALL_TIMEOUT_MS,
    fetch: options.transport.fetch,
    // Methods are names, never URLs from outside.
    allowAbsoluteUrls: false,
  };
}
