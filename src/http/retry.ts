/**
 * Retrying an outgoing HTTP call the way the frameworks' clients did (the Slack WebClient's
 * `retryConfig`, the Bot Connector client's default policy): network errors and 5xx answers are
 * retried with exponential backoff, a rate limit waits for the Retry-After the service asked for,
 * and a definite answer (an API error, a 4xx) is never repeated.
 */
export interface RetryConfig {
  readonly retries: number;
  readonly factor?: number;
  readonly minTimeout?: number;
  readonly maxTimeout?: number;
  readonly randomize?: boolean;
}

export const DEFAULT_RETRY_CONFIG: RetryConfig = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true };

/** A Retry-After longer than this is treated as an outage, not waited out. */
const MAX_RETRY_AFTER_MS = 60_000;

/** One attempt's outcome: a value, an error worth retrying (after `afterMs` if the service said), or a final error. */
export type Attempt<T> = { readonly value: T } | { readonly retry: Error; readonly afterMs?: number } | { readonly fail: Error };

/** The wait before retry `attempt` (1-based), as the `retry` package computes it. */
export function backoffMs(config: RetryConfig, attempt: number, random: () => number = Math.random): number {
  const min = config.minTimeout ?? 1_000;
  const factor = config.factor ?? 2;
  const jitter = config.randomize ? 1 + random() : 1;
  return Math.min(Math.round(jitter * min * factor ** (attempt - 1)), config.maxTimeout ?? Infinity);
}

/** A Retry-After header in seconds (what Slack and the Bot Connector send) as milliseconds, capped. */
export function retryAfterMs(header: string | string[] | undefined): number {
  const value = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(value) && value >= 0 ? Math.min(value * 1_000, MAX_RETRY_AFTER_MS) : 1_000;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it gives a value or a final error, at most `config.retries` extra times. */
export async function withRetries<T>(config: RetryConfig, attempt: () => Promise<Attempt<T>>): Promise<T> {
  for (let tries = 1; ; tries++) {
    const outcome = await attempt();
    if ('value' in outcome) return outcome.value;
    if ('fail' in outcome) throw outcome.fail;
    if (tries > config.retries) throw outcome.retry;
    await sleep(outcome.afterMs ?? backoffMs(config, tries));
  }
}
