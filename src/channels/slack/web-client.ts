/**
 * The settings of Bolt's WebClient, through which every Slack Web API call goes: our retry policy
 * (network errors and 5xx backed off, a 429 waited out for its Retry-After), a concurrency cap,
 * a timeout, and, when a proxy is configured, a `fetch` on an undici agent that honours
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

/** Any of these set: calls go through the proxy (Node's own fetch would ignore it). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

/**
 * Without a proxy, Node's own fetch (keep-alive on its global agent, as a plain Bolt app uses it);
 * with one, undici's EnvHttpProxyAgent, which also honours NO_PROXY.
 */
export function createSlackTransport(options: { connections: number; env?: Readonly<Record<string, string | undefined>> }): SlackTransport {
  const env = options.env ?? process.env;
  if (!PROXY_VARIABLES.some((name) => env[name])) return { fetch: globalThis.fetch as FetchFunction, close: async () => {} };
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
