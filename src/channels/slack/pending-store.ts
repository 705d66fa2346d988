/**
 * Slack's pending state in the case store, shared by every instance on it: a modal opened on one
 * instance can be submitted to another, an answer given by one shared from another, and a
 * submission confirmed once whichever instance each delivery reaches. Keys hold the tenant as a
 * whole `:`-segment (`slack-pending:KIND:TENANT:KEY`) so `purge-tenant` deletes them.
 */
import type { CaseStore } from '../../store/index.js';
import type { PendingKind, SlackPendingState } from './pending.js';

export function storePendingState(store: Pick<CaseStore, 'putShared' | 'getShared' | 'takeShared' | 'claimOnce'>): SlackPendingState {
  // Slack ids carry no ':', but a key from a request is not trusted to: it is encoded.
  const keyOf = (kind: PendingKind, tenantId: string, key: string): string =>
    `slack-pending:${kind}:${encodeURIComponent(tenantId)}:${encodeURIComponent(key)}`;
  return {
    put: (kind, tenantId, key, value, ttlMs) => store.putShared(keyOf(kind, tenantId, key), value, ttlMs),
    get: (kind, tenantId, key) => store.getShared(keyOf(kind, tenantId, key)),
    take: (kind, tenantId, key) => store.takeShared(keyOf(kind, tenantId, key)),
    claim: (kind, tenantId, key, ttlMs) => store.claimOnce(keyOf(kind, tenantId, key), ttlMs),
  };
}
