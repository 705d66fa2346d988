/**
 * GET calls to Microsoft Graph for one tenant, inside the turn's budget: the token and the call
 * together get `budgetMs`, a throttled (429) or failing tenant is paused by the breaker, and every
 * failure becomes a `GraphCallError` with a reason the directory can answer with.
 */
import type { Breaker } from './breaker.js';
import { CONSENT_PAUSE_MS } from './breaker.js';
import type { GraphFailure } from './port.js';
import { ConsentRequiredError, CredentialRejectedError, type FetchLike, type TokenSource } from './tokens.js';
import { retryAfterMs } from '../http/retry.js';

export class GraphCallError extends Error {
  constructor(
    readonly why: GraphFailure,
    message: string,
  ) {
    super(message);
    this.name = 'GraphCallError';
  }
}

export interface GraphClient {
  get<T>(tenantId: string, path: string): Promise<T>;
}

export interface GraphClientOptions {
  readonly graphUrl: string;
  readonly tokens: TokenSource;
  readonly breaker: Breaker;
  readonly budgetMs: number;
  readonly fetch?: FetchLike;
}

function withBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GraphCallError('timeout', `no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  const { breaker } = options;

  const call = async <T>(tenantId: string, path: string, signal: AbortSignal): Promise<T> => {
    const token = await options.tokens.token(tenantId);
    const response = await fetcher(`${options.graphUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal });
    if (response.status === 429) {
      const pause = retryAfterMs(response.headers.get('retry-after') ?? undefined);
      breaker.failed(tenantId, 'throttled', `HTTP 429, Retry-After ${pause} ms`, pause);
      throw new GraphCallError('throttled', 'HTTP 429');
    }
    if (response.status === 401 || response.status === 403) throw new GraphCallError('forbidden', `HTTP ${response.status}: the app lacks a permission for ${path.split('?')[0]}`);
    if (!response.ok) throw new GraphCallError('unavailable', `HTTP ${response.status}`);
    return (await response.json()) as T;
  };

  return {
    async get<T>(tenantId: string, path: string): Promise<T> {
      const paused = breaker.paused(tenantId);
      if (paused) throw new GraphCallError(paused === 'consent' || paused === 'credentials' ? paused : 'paused', `calls for this tenant are paused (${paused})`);
      const controller = new AbortController();
      try {
        const value = await withBudget(call<T>(tenantId, path, controller.signal), options.budgetMs);
        breaker.succeeded(tenantId);
        return value;
      } catch (error) {
        controller.abort();
        if (error instanceof ConsentRequiredError) {
          breaker.failed(tenantId, 'consent', error.message, CONSENT_PAUSE_MS);
          throw new GraphCallError('consent', error.message);
        }
        if (error instanceof CredentialRejectedError) {
          // Retrying will not fix a wrong credential; the operator must, so ask again only after a while.
          breaker.failed(tenantId, 'credentials', error.message, CONSENT_PAUSE_MS);
          throw new GraphCallError('credentials', error.message);
        }
        if (error instanceof GraphCallError) {
          if (error.why !== 'throttled') breaker.failed(tenantId, error.why, error.message);
          throw error;
        }
        const detail = error instanceof Error ? error.message : String(error);
        breaker.failed(tenantId, 'unavailable', detail);
        throw new GraphCallError('unavailable', detail);
      }
    },
  };
}
