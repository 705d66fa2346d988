/**
 * "Have I seen this delivery?" Through the store's `claimOnce` when there is a store (shared by
 * every instance and kept across restarts), else an in-memory LRU with a TTL and a size cap.
 */
import { LRUCache } from 'lru-cache';
import type { CaseStore } from '../../store/index.js';

export type ClaimOnce = (key: string, ttlMs: number) => Promise<boolean>;

/** An in-memory claimOnce: true the first time a key is seen within `ttlMs`; holds at most `maxKeys`. */
export function memoryClaimOnce(options: { maxKeys?: number; now?: () => number } = {}): ClaimOnce {
  const seen = new LRUCache<string, true>({
    max: options.maxKeys ?? 10_000,
    // An injected clock (tests) is read on every check, not cached for a millisecond.
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  });
  return async (key, ttlMs) => {
    if (seen.has(key)) return false;
    seen.set(key, true, { ttl: ttlMs });
    return true;
  };
}

export function claimOnceFor(store: CaseStore | undefined): ClaimOnce {
  return store ? (key, ttlMs) => store.claimOnce(key, ttlMs) : memoryClaimOnce();
}
