/**
 * The mapping between `SupportCase` and its PostgreSQL rows. node-postgres parses `timestamptz`
 * into Date and `jsonb` into values; JSON is always sent as text (`$n::jsonb`) because the driver
 * would turn a JS array into a PostgreSQL array.
 */
import { caseFromRow, toJson, withoutUndefined, type CaseTextColumns } from '../case-record.js';
import type { AuditEntry, SupportCase } from '../store.js';

export interface PgCaseRow extends CaseTextColumns {
  id: string;
  affected_users: number | string;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  respond_by: Date | null;
  conversation_reference: unknown;
  extra: Record<string, unknown>;
}

export interface PgAuditRow {
  id: string;
  case_id: string;
  at: Date;
  actor: string;
  action: string;
  detail: string | null;
  changes: AuditEntry['changes'] | null;
}

/**
 * PostgreSQL cannot store U+0000 in text or jsonb (SQLite can); user text carrying one would
 * fail the write. It is stored as U+FFFD instead, so the case is saved and the rest kept.
 */
export function pgText<T extends string | null>(value: T): T {
  return (typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value) as T;
}

/** `toJson`, with every escaped U+0000 (an odd run of backslashes before u0000) as U+FFFD. */
export function pgJson(value: unknown, field: string): string {
  return toJson(value, field).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd');
}

/** The columns a write sets, in this order, as $1..$21 of `CASE_COLUMNS`. */
export const CASE_COLUMNS = [
  'requester_channel', 'requester_user_id', 'requester_name', 'category', 'severity', 'plan_family',
  'title', 'description', 'contact_method', 'contact_email', 'contact_phone', 'contact_language',
  'contact_time_zone', 'affected_users', 'status', 'updated_at', 'closed_at', 'respond_by', 'owner',
  'conversation_reference', 'extra',
] as const;

const JSON_COLUMNS = new Set<string>(['affected_users', 'conversation_reference', 'extra']);

/** `$n` or `$n::jsonb` for each of CASE_COLUMNS, numbered from `first`. */
export function casePlaceholders(first: number): string[] {
  return CASE_COLUMNS.map((column, i) => `$${first + i}${JSON_COLUMNS.has(column) ? '::jsonb' : ''}`);
}

export function caseColumnValues(c: Omit<SupportCase, 'number' | 'tenantId' | 'createdAt' | 'audit'>): unknown[] {
  return [
    pgText(c.requester.channel),
    pgText(c.requester.userId),
    pgText(c.requester.name),
    c.category,
    c.severity,
    pgText(c.planFamily),
    pgText(c.title),
    pgText(c.description),
    c.contact.method,
    pgText(c.contact.email ?? null),
    pgText(c.contact.phone ?? null),
    c.contact.language,
    pgText(c.contact.timeZone),
    pgJson(c.affectedUsers, 'affectedUsers'),
    c.status,
    c.updatedAt,
    c.closedAt ?? null,
    c.respondBy ?? null,
    pgText(c.owner ?? null),
    pgJson(c.conversationReference ?? null, 'conversationReference'),
    pgJson(c.extra, 'extra'),
  ];
}

export function pgRowToCase(row: PgCaseRow, audit: readonly AuditEntry[]): SupportCase {
  const decoded = {
    affectedUsers: row.affected_users,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at ?? undefined,
    respondBy: row.respond_by ?? undefined,
    conversationReference: row.conversation_reference,
    extra: row.extra,
  };
  return caseFromRow(row, decoded, audit);
}

export function pgRowToAuditEntry(row: PgAuditRow): AuditEntry {
  return withoutUndefined({
    at: row.at,
    actor: row.actor,
    action: row.action,
    detail: row.detail ?? undefined,
    changes: row.changes ?? undefined,
  });
}
