/**
 * Per-user rate limits, channel-neutral: the core asks before it touches the store, so one user
 * (or one compromised account) cannot flood the case store or the bot from any channel.
 *
 * - Turns: at most `turnsPerMinute` messages and card actions per user in a sliding minute
 *   (RATE_LIMIT_PER_MINUTE, default 30; 0 turns the limit off).
 * - Cases: at most `casesPerHour` new cases per user in a sliding hour
 *   (RATE_LIMIT_CASES_PER_HOUR, default 10; 0 turns it off). Only cases actually created count.
 *
 * `createRateLimiter` keeps sliding windows in memory, per process (one instance, tests, the
 * terminal); memory is bounded: at most `maxUsers` users are tracked (least recently seen dropped).
 * `createStoreRateLimiter` counts fixed windows in the store (`countHit`), so instances sharing a
 * database allow each limit once, not once per instance.
 */
import type { CaseStore } from '../store/index.js';

export interface RateLimitConfig {
  /** Messages and card actions per user per minute; 0 = unlimited. */
  readonly turnsPerMinute: number;
  /** New cases per user per hour; 0 = unlimited. */
  readonly casesPerHour: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { turnsPerMinute: 30, casesPerHour: 10 };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** A refused user hears "slow down" at most this often; refusals in between are silent. */
export const SLOW_DOWN_NOTICE_MS = 15_000;

export type RateDecision =
  | { readonly allowed: true }
  /** `notify`: answer with "slow down" (false: stay silent, the user was told recently). */
  | { readonly allowed: false; readonly notify: boolean; readonly retryAfterMs: number };

interface UserWindow {
  turns: number[];
  cases: number[];
  lastNotice: number;
}

/** What the core asks; a store-backed limiter answers asynchronously. */
export interface RateLimiter {
  /** Counts one turn of `userKey` at `now` and says whether it may go on. */
  takeTurn(userKey: string, now: number): RateDecision | Promise<RateDecision>;
  /** Whether `userKey` may create one more case now (does not count it). */
  mayCreateCase(userKey: string, now: number): RateDecision | Promise<RateDecision>;
  /** Counts a case that was created. */
  caseCreated(userKey: string, now: number): void | Promise<void>;
}

export interface MemoryRateLimiter extends RateLimiter {
  takeTurn(userKey: string, now: number): RateDecision;
  mayCreateCase(userKey: string, now: number): RateDecision;
  caseCreated(userKey: string, now: number): void;
  /** Users tracked (for tests and metrics). */
  size(): number;
}

function prune(times: number[], since: number): void {
  let drop = 0;
  while (drop < times.length && times[drop]! <= since) drop += 1;
  if (drop > 0) times.splice(0, drop);
}

export function createRateLimiter(config: RateLimitConfig = DEFAULT_RATE_LIMITS, maxUsers = 50_000): MemoryRateLimiter {
  const users = new Map<string, UserWindow>();

  const windowOf = (key: string): UserWindow => {
    let w = users.get(key);
    if (w) {
      // Map order is insertion order: re-insert to mark as recently seen.
      users.delete(key);
    } else {
      w = { turns: [], cases: [], lastNotice: Number.NEGATIVE_INFINITY };
      if (users.size >= maxUsers) {
        const oldest = users.keys().next().value;
        if (oldest !== undefined) users.delete(oldest);
      }
    }
    users.set(key, w);
    return w;
  };

  const refuse = (w: UserWindow, now: number, retryAfterMs: number): RateDecision => {
    const notify = now - w.lastNotice >= SLOW_DOWN_NOTICE_MS;
    if (notify) w.lastNotice = now;
    return { allowed: false, notify, retryAfterMs: Math.max(0, retryAfterMs) };
  };

  return {
    takeTurn(key, now) {
      if (config.turnsPerMinute <= 0) return { allowed: true };
      const w = windowOf(key);
      prune(w.turns, now - MINUTE_MS);
      if (w.turns.length >= config.turnsPerMinute) return refuse(w, now, w.turns[0]! + MINUTE_MS - now);
      w.turns.push(now);
      return { allowed: true };
    },
    mayCreateCase(key, now) {
      if (config.casesPerHour <= 0) return { allowed: true };
      const w = windowOf(key);
      prune(w.cases, now - HOUR_MS);
      if (w.cases.length >= config.casesPerHour) {
        // A refused case is always explained: the admin pressed Submit and waits for an answer.
        w.lastNotice = now;
        return { allowed: false, notify: true, retryAfterMs: w.cases[0]! + HOUR_MS - now };
      }
      return { allowed: true };
    },
    caseCreated(key, now) {
      if (config.casesPerHour <= 0) return;
      windowOf(key).cases.push(now);
    },
    size: () => users.size,
  };
}

const ALLOWED: RateDecision = { allowed: true };

/**
 * The limits counted in the store, in fixed windows (a minute, an hour): across instances a user
 * gets `turnsPerMinute` turns per clock minute however the turns are spread. The "slow down"
 * notice is counted too (a 15-s window), so a user refused on two instances hears it once per window.
 * An in-memory limiter with the same limits answers first: once it refuses, a flood on this
 * instance costs no store write at all.
 */
export function createStoreRateLimiter(
  store: Pick<CaseStore, 'countHit' | 'peekCount'>,
  config: RateLimitConfig = DEFAULT_RATE_LIMITS,
  local: MemoryRateLimiter = createRateLimiter(config),
): RateLimiter {
  const windowLeft = (now: number, windowMs: number): number => windowMs - (now % windowMs);
  return {
    async takeTurn(key, now) {
      if (config.turnsPerMinute <= 0) return ALLOWED;
      const here = local.takeTurn(key, now);
      if (!here.allowed) return here;
      const hits = await store.countHit(`rate:turn:${key}`, MINUTE_MS, new Date(now));
      if (hits <= config.turnsPerMinute) return ALLOWED;
      const notify = (await store.countHit(`rate:notice:${key}`, SLOW_DOWN_NOTICE_MS, new Date(now))) === 1;
      return { allowed: false, notify, retryAfterMs: windowLeft(now, MINUTE_MS) };
    },
    async mayCreateCase(key, now) {
      if (config.casesPerHour <= 0) return ALLOWED;
      const cases = await store.peekCount(`rate:case:${key}`, HOUR_MS, new Date(now));
      // A refused case is always explained: the admin pressed Submit and waits for an answer.
      return cases < config.casesPerHour ? ALLOWED : { allowed: false, notify: true, retryAfterMs: windowLeft(now, HOUR_MS) };
    },
    async caseCreated(key, now) {
      if (config.casesPerHour <= 0) return;
      // The case exists already: a count lost to a store hiccup must not turn it into an error.
      await store.countHit(`rate:case:${key}`, HOUR_MS, new Date(now)).catch(() => undefined);
    },
  };
}

export type TurnLimitScope = 'user' | 'conversation';

/**
 * The key a user is limited by: the same person in two chats shares one budget. With
 * `per: 'conversation'` each conversation has its own (for ids nobody authenticated).
 */
export function rateLimitKey(
  turn: { readonly channel: string; readonly tenantId: string; readonly conversationId?: string; readonly user?: { readonly id?: unknown } },
  per: TurnLimitScope = 'user',
): string {
  const id = typeof turn.user?.id === 'string' ? turn.user.id : 'unknown-user';
  const base = `${turn.channel}|${turn.tenantId}|${id}`;
  return per === 'conversation' ? `${base}|${turn.conversationId ?? ''}` : base;
}
