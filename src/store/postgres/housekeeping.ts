/**
 * Retention and tenant purge on PostgreSQL. Each retention batch is one indexed statement that
 * skips rows another instance is deleting (`FOR UPDATE SKIP LOCKED`), so instances running the
 * pass together share the work instead of waiting on each other; a purge is one transaction.
 */
import type pg from 'pg';
import { REMINDER_CLAIM_PREFIX, type RetentionPolicy, type RetentionResult, type TenantPurgeCounts } from '../store.js';

type Queryable = Pick<pg.PoolClient, 'query'>;
type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export async function retentionPass(pool: Queryable, transaction: Transaction, now: Date, policy: RetentionPolicy): Promise<RetentionResult> {
  const batches = async (sql: string, cutoff: Date): Promise<number> => {
    let deleted = 0;
    for (let i = 0; i < policy.maxBatches; i++) {
      const { rowCount } = await pool.query(sql, [cutoff, policy.batchSize]);
      deleted += rowCount ?? 0;
      if ((rowCount ?? 0) < policy.batchSize) break;
    }
    return deleted;
  };
  const expired = (table: string): string =>
    `DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)`;
  return {
    conversationState: await batches(
      `DELETE FROM conversation_state WHERE key IN (
         SELECT key FROM conversation_state WHERE updated_at < $1 AND starts_with(key, 'conversation:')
         ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      new Date(now.getTime() - policy.conversationIdleMs),
    ),
    claims: await batches(expired('dedup_claims'), now),
    shared: await batches(expired('shared_values'), now),
    counters: await batches(expired('hit_counters'), now),
    reminderClaims: await sweepClosedCases(transaction, new Date(now.getTime() - policy.closedCaseMarginMs), policy),
  };
}

/** LIKE's wildcards and escape character in a literal prefix. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

async function sweepClosedCases(transaction: Transaction, cutoff: Date, policy: RetentionPolicy): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < policy.maxBatches; i++) {
    const rows = await transaction(async (client) => {
      const page = await client.query<{ id: string; tenant_id: string; number: string }>(
        `SELECT id, tenant_id, number FROM cases
         WHERE closed_at IS NOT NULL AND claims_swept_at IS NULL AND closed_at < $1
         ORDER BY closed_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [cutoff, policy.batchSize],
      );
      for (const row of page.rows) {
        const { rowCount } = await client.query('DELETE FROM dedup_claims WHERE key LIKE $1', [likePrefix(`${REMINDER_CLAIM_PREFIX}${row.tenant_id}:${row.number}:`)]);
        deleted += rowCount ?? 0;
      }
      if (page.rows.length > 0) await client.query('UPDATE cases SET claims_swept_at = $1 WHERE id = ANY($2::bigint[])', [cutoff, page.rows.map((r) => r.id)]);
      return page.rows.length;
    });
    if (rows < policy.batchSize) break;
  }
  return deleted;
}

/** As on SQLite (sqlite/housekeeping.ts): the tenant is a key's third segment, or any segment of a shared key. */
const T = '$1::text';
const thirdSegment = (prefix: string): string => {
  const rest = `substr(key, ${prefix.length + 1})`;
  return `(substr(key, 1, ${prefix.length}) = '${prefix}' AND substr(${rest}, strpos(${rest}, ':') + 1, length(${T}) + 1) = ${T} || ':')`;
};
const TENANT_STATE = `(${thirdSegment('conversation:')} OR ${thirdSegment('support-desk:card:')})`;
const TENANT_CLAIMS = `(substr(key, 1, length(${T}) + 5) = 'sla:' || ${T} || ':' OR ${thirdSegment('support-desk:card-post:')})`;
const TENANT_SEGMENT = `strpos(':' || replace(key, '|', ':') || ':', ':' || ${T} || ':') > 0`;

export async function purgeTenant(transaction: Transaction, tenant: string, dryRun: boolean): Promise<TenantPurgeCounts> {
  return transaction(async (client) => {
    const count = async (from: string): Promise<number> => {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from}`, [tenant]);
      return rows[0]!.n;
    };
    const counts: TenantPurgeCounts = {
      cases: await count(`cases WHERE tenant_id = ${T}`),
      audit: await count(`case_audit WHERE case_id IN (SELECT id FROM cases WHERE tenant_id = ${T})`),
      outbox: await count(`case_outbox WHERE case_id IN (SELECT id FROM cases WHERE tenant_id = ${T})`),
      settings: await count(`tenant_settings WHERE tenant_id = ${T}`),
      state: await count(`conversation_state WHERE ${TENANT_STATE}`),
      claims: await count(`dedup_claims WHERE ${TENANT_CLAIMS}`),
      shared: await count(`shared_values WHERE ${TENANT_SEGMENT}`),
      counters: await count(`hit_counters WHERE ${TENANT_SEGMENT}`),
    };
    if (dryRun) return counts;
    // Audit and outbox rows go with their case (ON DELETE CASCADE).
    for (const sql of [
      `DELETE FROM cases WHERE tenant_id = ${T}`,
      `DELETE FROM tenant_settings WHERE tenant_id = ${T}`,
      `DELETE FROM conversation_state WHERE ${TENANT_STATE}`,
      `DELETE FROM dedup_claims WHERE ${TENANT_CLAIMS}`,
      `DELETE FROM shared_values WHERE ${TENANT_SEGMENT}`,
      `DELETE FROM hit_counters WHERE ${TENANT_SEGMENT}`,
    ]) {
      await client.query(sql, [tenant]);
    }
    return counts;
  });
}
