/**
 * The SLA watch's page writes on PostgreSQL, one statement each (arrays unnested in the server):
 * rescheduling a page of cases, and recording a page of reminders (claim, then audit where
 * claimed, atomically as one statement is).
 */
import type pg from 'pg';
import type { ReminderRecord, ReminderSchedule } from '../store.js';
import { pgText } from './case-rows.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Whether each entry was written, in order (the conditions of `scheduleReminder`). */
export async function scheduleReminders(client: Queryable, entries: readonly ReminderSchedule[]): Promise<boolean[]> {
  const { rows } = await client.query<{ ord: string }>(
    `UPDATE cases c SET next_reminder_at = u.at
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS u(tenant_id, number, at, seen, ord)
     WHERE c.tenant_id = u.tenant_id AND c.number = u.number AND c.updated_at = u.seen AND c.status = 'open'
     RETURNING u.ord`,
    [entries.map((e) => e.tenantId), entries.map((e) => e.number), entries.map((e) => e.at ?? null), entries.map((e) => e.seenUpdatedAt)],
  );
  const written = new Set(rows.map((r) => Number(r.ord)));
  return entries.map((_, i) => written.has(i + 1));
}

/**
 * Claims each key (an expired claim is taken over, as `claimOnce` does) and appends the audit
 * entry of each reminder claimed; returns the case id of each reminder claimed now, in order.
 * A key repeated in the page is claimed by its first entry only.
 */
export async function claimReminders(client: Queryable, reminders: readonly ReminderRecord[], now: Date): Promise<(string | undefined)[]> {
  const seen = new Set<string>();
  const isFirst = reminders.map((r) => !seen.has(r.key) && seen.add(r.key) !== undefined);
  const first = reminders.filter((_, i) => isFirst[i]);
  const { rows } = await client.query<{ key: string; case_id: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
         WITH ORDINALITY AS u(tenant_id, number, key, expires_at, actor, action, detail, ord)),
     target AS (SELECT i.*, c.id AS case_id FROM input i JOIN cases c ON c.tenant_id = i.tenant_id AND c.number = i.number),
     claimed AS (
       -- In key order: two instances inserting overlapping pages lock in one order (no deadlock).
       INSERT INTO dedup_claims (key, expires_at) SELECT key, expires_at FROM target ORDER BY key
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE dedup_claims.expires_at <= $8
       RETURNING key),
     audited AS (
       INSERT INTO case_audit (case_id, at, actor, action, detail)
       SELECT t.case_id, $8, t.actor, t.action, t.detail FROM target t JOIN claimed USING (key) ORDER BY t.ord
       RETURNING 1)
     -- (audited runs to completion unread, as every data-modifying WITH does)
     SELECT t.key, t.case_id FROM target t JOIN claimed USING (key)`,
    [
      first.map((r) => r.tenantId),
      first.map((r) => r.number),
      first.map((r) => pgText(r.key)),
      first.map((r) => new Date(now.getTime() + r.ttlMs)),
      first.map((r) => pgText(r.audit.actor)),
      first.map((r) => pgText(r.audit.action)),
      first.map((r) => pgText(r.audit.detail ?? null)),
      now,
    ],
  );
  const caseOf = new Map(rows.map((r) => [r.key, r.case_id]));
  return reminders.map((r, i) => (isFirst[i] ? caseOf.get(pgText(r.key)) : undefined));
}
