/**
 * One breaker per tenant: after a throttle (for its Retry-After), a missing consent, a timeout, or
 * a few failures in a row, calls for that tenant are not made until the pause ends, so a failing tenant
 * costs nothing and is not hammered. The first failure after a good answer is logged, with why.
 */
import type { Logger } from 'pino';
import { LRUCache } from 'lru-cache';
import type { GraphFailure } from './port.js';

export const FAILURES_BEFORE_PAUSE = 3;
export const PAUSE_MS = 30_000;
export const CONSENT_PAUSE_MS = 10 * 60_000;

interface TenantHealth {
  failures: number;
  pausedUntil: number;
  why?: GraphFailure;
  logged: boolean;
}

export interface Breaker {
  /** The reason calls are paused for this tenant, or undefined when a call may go. */
  paused(tenantId: string): GraphFailure | undefined;
  succeeded(tenantId: string): void;
  failed(tenantId: string, why: GraphFailure, detail: string, pauseMs?: number): void;
}

export function createBreaker(logger: Logger, now: () => number = Date.now): Breaker {
  const tenants = new LRUCache<string, TenantHealth>({ max: 10_000 });
  const healthOf = (tenantId: string): TenantHealth => {
    let health = tenants.get(tenantId);
    if (!health) tenants.set(tenantId, (health = { failures: 0, pausedUntil: 0, logged: false }));
    return health;
  };
  return {
    paused(tenantId) {
      const health = tenants.get(tenantId);
      return health && health.pausedUntil > now() ? (health.why ?? 'unavailable') : undefined;
    },
    succeeded(tenantId) {
      const health = tenants.get(tenantId);
      if (!health) return;
      if (health.logged) logger.info({ tenant: tenantId }, 'Microsoft Graph answers again for this tenant');
      tenants.delete(tenantId);
    },
    failed(tenantId, why, detail, pauseMs) {
      const health = healthOf(tenantId);
      health.failures += 1;
      health.why = why;
      // A timeout pauses at once: every further call would make a turn wait the whole budget again.
      const pause = pauseMs ?? (why === 'timeout' || health.failures >= FAILURES_BEFORE_PAUSE ? PAUSE_MS : 0);
      if (pause > 0) health.pausedUntil = now() + pause;
      if (!health.logged) {
        health.logged = true;
        logger.warn({ tenant: tenantId, why, detail, pausedForMs: pause }, `Microsoft Graph did not answer for this tenant (${why}); the bot answers with what it knows${pause > 0 ? ' and pauses calls for this tenant' : ''}`);
      }
    },
  };
}
