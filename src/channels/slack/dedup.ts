/**
 * "Have I seen this delivery?" Through the store's `claimOnce` when there is a store (shared by
 * every instance and kept across restarts), else an in-memory map with a TTL and a size cap.
 */
import type { CaseStore } from '../../store/index.js';

export type ClaimOnce = (key: string, ttlMs: number) => Promise<boolean>;

/** An in-memory claimOnce: true the first time a key is seen within `ttlMs`; holds at most `maxKeys`. */
export function memoryClaimOnce(options: { maxKeys?: number; now?: () => number } = {}): ClaimOnce {
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  return async (key, ttlMs) => {
    const t = now();
    const expires = seen.get(key);
    if (expires !== undefined && expires > t) return false;
    seen.delete(key);
    seen.set(key, t + ttlMs);
    if (seen.size > maxKeys) {
      for (const [k, e] of seen) {
        if (seen.size <= maxKeys && e > t) break;
        seen.delete(k);
      }
    }
    return true;
  };
}

export function claimOnceFor(store: CaseStore | undefined): ClaimOnce {
  return store ? (key, ttlMs) => store.claimOnce(key, ttlMs) : memoryClaimOnce();
}

/** A small map with a TTL and a size cap (oldest first out), for answers to share and forms to open. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
