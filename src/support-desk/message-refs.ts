/**
 * Where each case card was posted, per channel, so any later change updates that same message:
 * Teams keeps the activity id, Slack the channel and ts. Kept in the store's key-value state
 * (the `conversation_state` table) under `support-desk:` keys, so it survives restarts and is
 * shared by every instance without a schema migration.
 *
 * One card per case and channel: before posting, a poster reserves the post with the store's
 * `claimOnce` (a unique key), so two instances showing a case that has no card yet cannot both
 * post one; the loser reports "not delivered" and a later try updates the card the winner posted.
 */
import type { CaseStore } from '../store/index.js';

export interface MessageRefStore<T> {
  get(tenantId: string, number: string): Promise<T | undefined>;
  set(tenantId: string, number: string, ref: T): Promise<void>;
  /** true: post the card now, then `set` (or `release` if the post failed); false: someone else is posting it. */
  reservePost(tenantId: string, number: string): Promise<boolean>;
  release(tenantId: string, number: string): Promise<void>;
}

/**
 * Longer than one post takes (the Bot Connector and Slack answer in well under a second; their
 * retries stay within this), and short, because a poster that died holds the case's card until it
 * expires (the outbox retries it with backoff meanwhile).
 */
const POST_RESERVATION_MS = 15_000;

export function messageRefs<T>(store: CaseStore, channel: string): MessageRefStore<T> {
  const key = (tenantId: string, number: string): string => `support-desk:card:${channel}:${tenantId}:${number}`;
  const reservation = (tenantId: string, number: string): string => `support-desk:card-post:${channel}:${tenantId}:${number}`;
  return {
    get: (tenantId, number) => store.getConversationState<T>(key(tenantId, number)),
    set: (tenantId, number, ref) => store.setConversationState(key(tenantId, number), ref),
    reservePost: (tenantId, number) => store.claimOnce(reservation(tenantId, number), POST_RESERVATION_MS),
    release: (tenantId, number) => store.releaseClaim(reservation(tenantId, number)),
  };
}
