/**
 * Retention and tenant purge on SQLite. Retention deletes in small IMMEDIATE transactions (one
 * per batch), each reading an index, so a pass never holds the write lock for long whatever the
 * size of the file; a tenant purge is one transaction (a privacy request, run by an operator).
 */
import type Database from 'better-sqlite3';
import { REMINDER_CLAIM_PREFIX, type RetentionPolicy, type RetentionResult, type TenantPurgeCounts } from '../store.js';

const CONVERSATION_PREFIX = 'conversation:';

export function retentionPass(db: Database.Database, now: number, policy: RetentionPolicy): RetentionResult {
  const batches = (statement: Database.Statement, params: Record<string, unknown>): number => {
    let deleted = 0;
    for (let i = 0; i < policy.maxBatches; i++) {
      const { changes } = db.transaction(() => statement.run({ ...params, limit: policy.batchSize })).immediate();
      deleted += changes;
      if (changes < policy.batchSize) break;
    }
    return deleted;
  };
  const expired = (table: string): Database.Statement =>
    db.prepare(`DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} WHERE expires_at <= @now ORDER BY expires_at LIMIT @limit)`);
  return {
    conversationState: batches(
      db.prepare(`
        DELETE FROM conversation_state WHERE key IN (
          SELECT key FROM conversation_state
          WHERE updated_at < @cutoff AND key >= '${CONVERSATION_PREFIX}' AND key < 'conversation;'
          ORDER BY updated_at LIMIT @limit)`),
      { cutoff: now - policy.conversationIdleMs },
    ),
    claims: batches(expired('dedup_claims'), { now }),
    shared: batches(expired('shared_values'), { now }),
    counters: batches(expired('hit_counters'), { now }),
    reminderClaims: sweepClosedCases(db, now - policy.closedCaseMarginMs, policy),
  };
}

/** Removes the reminder claims of cases closed before `cutoff`, a batch of cases at a time. */
function sweepClosedCases(db: Database.Database, cutoff: number, policy: RetentionPolicy): number {
  const closed = db.prepare(`
    SELECT id, tenant_id, number FROM cases
    WHERE closed_at IS NOT NULL AND claims_swept_at IS NULL AND closed_at < ?
    ORDER BY closed_at LIMIT ?`);
  // BINARY collation: the key range is exactly the keys starting with the prefix.
  const deleteClaims = db.prepare('DELETE FROM dedup_claims WHERE key >= ? AND key < ?');
  const markSwept = db.prepare('UPDATE cases SET claims_swept_at = ? WHERE id = ?');
  let deleted = 0;
  for (let i = 0; i < policy.maxBatches; i++) {
    const rows = db
      .transaction(() => {
        const page = closed.all(cutoff, policy.batchSize) as { id: number; tenant_id: string; number: string }[];
        for (const row of page) {
          const prefix = `${REMINDER_CLAIM_PREFIX}${row.tenant_id}:${row.number}:`;
          deleted += deleteClaims.run(prefix, `${prefix.slice(0, -1)};`).changes;
          markSwept.run(cutoff, row.id);
        }
        return page.length;
      })
      .immediate();
    if (rows < policy.batchSize) break;
  }
  return deleted;
}

/**
 * The key conditions a tenant's rows are found by. Conversation state and card references carry
 * the tenant as their third segment (`conversation:CHANNEL:TENANT:…`); shared values and counters
 * anywhere as a whole segment.
 */
const TENANT_STATE = `(
  (substr(key, 1, 13) = 'conversation:' AND substr(substr(key, 14), instr(substr(key, 14), ':') + 1, length(@tenant) + 1) = @tenant || ':')
  OR (substr(key, 1, 18) = 'support-desk:card:' AND substr(substr(key, 19), instr(substr(key, 19), ':') + 1, length(@tenant) + 1) = @tenant || ':'))`;
const TENANT_CLAIMS = `(
  substr(key, 1, length(@tenant) + 5) = 'sla:' || @tenant || ':'
  OR (substr(key, 1, 23) = 'support-desk:card-post:' AND substr(substr(key, 24), instr(substr(key, 24), ':') + 1, length(@tenant) + 1) = @tenant || ':'))`;
const TENANT_SEGMENT = `instr(':' || replace(key, '|', ':') || ':', ':' || @tenant || ':') > 0`;

export function purgeTenant(db: Database.Database, tenant: string, dryRun: boolean): TenantPurgeCounts {
  const count = (sql: string): number => (db.prepare(`SELECT count(*) AS n FROM ${sql}`).get({ tenant }) as { n: number }).n;
  const work = db.transaction((): TenantPurgeCounts => {
    const counts: TenantPurgeCounts = {
      cases: count('cases WHERE tenant_id = @tenant'),
      audit: count('case_audit WHERE case_id IN (SELECT id FROM cases WHERE tenant_id = @tenant)'),
      outbox: count('case_outbox WHERE case_id IN (SELECT id FROM cases WHERE tenant_id = @tenant)'),
      settings: count('tenant_settings WHERE tenant_id = @tenant'),
      state: count(`conversation_state WHERE ${TENANT_STATE}`),
      claims: count(`dedup_claims WHERE ${TENANT_CLAIMS}`),
      shared: count(`shared_values WHERE ${TENANT_SEGMENT}`),
      counters: count(`hit_counters WHERE ${TENANT_SEGMENT}`),
    };
    if (dryRun) return counts;
    // Audit and outbox rows go with their case (ON DELETE CASCADE).
    for (const sql of [
      'DELETE FROM cases WHERE tenant_id = @tenant',
      'DELETE FROM tenant_settings WHERE tenant_id = @tenant',
      `DELETE FROM conversation_state WHERE ${TENANT_STATE}`,
      `DELETE FROM dedup_claims WHERE ${TENANT_CLAIMS}`,
      `DELETE FROM shared_values WHERE ${TENANT_SEGMENT}`,
      `DELETE FROM hit_counters WHERE ${TENANT_SEGMENT}`,
    ]) {
      db.prepare(sql).run({ tenant });
    }
    return counts;
  });
  return work.immediate();
}
