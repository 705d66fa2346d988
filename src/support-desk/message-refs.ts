/**
 * Where each case card was posted, per channel, so any later change updates that same message:
 * Teams keeps the activity id, Slack the channel and ts. Kept in the store's key-value state
 * (the `conversation_state` table) under `support-desk:` keys, so it survives restarts and is
 * shared by every instance without a schema migration.
 */
import type { CaseStore } from '../store/index.js';

export interface MessageRefStore<T> {
  get(tenantId: string, number: string): Promise<T | undefined>;
  set(tenantId: string, number: string, ref: T): Promise<void>;
}

export function messageRefs<T>(store: CaseStore, channel: string): MessageRefStore<T> {
  const key = (tenantId: string, number: string): string => `support-desk:card:${channel}:${tenantId}:${number}`;
  return {
    get: (tenantId, number) => store.getConversationState<T>(key(tenantId, number)),
    set: (tenantId, number, ref) => store.setConversationState(key(tenantId, number), ref),
  };
}
