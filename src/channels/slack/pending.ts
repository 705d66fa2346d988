/**
 * What a Slack conversation has to remember between two requests: a case form until its modal is
 * opened or submitted, an ephemeral answer until "Share in channel" is pressed, and the
 * submissions already confirmed (Slack may deliver a modal submit twice). Behind one small
 * interface so that a store-backed implementation can replace the in-memory one when a modal
 * opened on one instance is submitted to another.
 */
import { LRUCache } from 'lru-cache';

/** The three things kept, each in its own key space. */
export type PendingKind = 'form' | 'share' | 'confirmed';

/**
 * Every entry belongs to a tenant (the workspace or Enterprise Grid organisation), so a store-backed
 * implementation can file it where `purge-tenant` finds it.
 */
export interface SlackPendingState {
  put(kind: PendingKind, tenantId: string, key: string, value: unknown, ttlMs: number): Promise<void>;
  get(kind: PendingKind, tenantId: string, key: string): Promise<unknown>;
  /** Reads and removes the entry: of two concurrent callers, exactly one gets the value. */
  take(kind: PendingKind, tenantId: string, key: string): Promise<unknown>;
  /**
   * true for the first caller on `key` within `ttlMs`, false for every later one, atomically (a
   * get then a put would let two instances both confirm one submission).
   */
  claim(kind: PendingKind, tenantId: string, key: string, ttlMs: number): Promise<boolean>;
}

/** One hour: a form left open over lunch can still be submitted. */
export const PENDING_TTL_MS = 60 * 60 * 1000;

const DEFAULT_MAX: Readonly<Record<PendingKind, number>> = { form: 1_000, share: 1_000, confirmed: 5_000 };

/**
 * In memory, each kind an LRU with a TTL and a size cap (the oldest goes first), so memory stays
 * bounded however many answers are never shared.
 */
export function memoryPendingState(options: { max?: Partial<Record<PendingKind, number>>; now?: () => number } = {}): SlackPendingState {
  const { max = {}, now } = options;
  const caches = new Map<PendingKind, LRUCache<string, { value: unknown }>>();
  const cache = (kind: PendingKind): LRUCache<string, { value: unknown }> => {
    let found = caches.get(kind);
    if (!found) {
      // An injected clock (tests) is read on every check, not cached for a millisecond.
      found = new LRUCache({ max: max[kind] ?? DEFAULT_MAX[kind], ttl: PENDING_TTL_MS, ...(now ? { perf: { now }, ttlResolution: 0 } : {}) });
      caches.set(kind, found);
    }
    return found;
  };
  // One process: tenant and key together name the entry.
  const id = (tenantId: string, key: string): string => `${tenantId}:${key}`;
  return {
    async put(kind, tenantId, key, value, ttlMs) {
      cache(kind).set(id(tenantId, key), { value }, { ttl: ttlMs });
    },
    async get(kind, tenantId, key) {
      return cache(kind).get(id(tenantId, key))?.value;
    },
    async take(kind, tenantId, key) {
      const c = cache(kind);
      const entry = c.get(id(tenantId, key));
      // get and delete run in one turn of the event loop: no other caller can interleave.
      if (entry !== undefined) c.delete(id(tenantId, key));
      return entry?.value;
    },
    async claim(kind, tenantId, key, ttlMs) {
      const c = cache(kind);
      // has and set run in one turn of the event loop: no other caller can interleave.
      if (c.has(id(tenantId, key))) return false;
      c.set(id(tenantId, key), { value: true }, { ttl: ttlMs });
      return true;
    },
  };
}
