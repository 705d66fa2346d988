/**
 * The mapping between `SupportCase` and its PostgreSQL rows. node-postgres parses `timestamptz`
 * into Date and `jsonb` into values; JSON is always sent as text (`$n::jsonb`) because the driver
 * would turn a JS array into a PostgreSQL array.
 */
import type { CategoryId, Lang } from '../../domain/taxonomy.js';
import type { Severity } from '../../domain/severity.js';
import { toJson } from '../sqlite/case-rows.js';
import type { AuditEntry, CaseStatus, ContactMethod, SupportCase } from '../store.js';

export interface PgCaseRow {
  id: string;
  number: string;
  tenant_id: string;
  requester_channel: string;
  requester_user_id: string;
  requester_name: string;
  category: string;
  severity: string;
  plan_family: string;
  title: string;
  description: string;
  contact_method: string;
  contact_email: string | null;
  contact_phone: string | null;
  contact_language: string;
  contact_time_zone: string;
  affected_users: number | string;
  status: string;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  respond_by: Date | null;
  owner: string | null;
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
  return withoutUndefined({
    number: row.number,
    tenantId: row.tenant_id,
    requester: { channel: row.requester_channel, userId: row.requester_user_id, name: row.requester_name },
    category: row.category as CategoryId,
    severity: row.severity as Severity,
    planFamily: row.plan_family,
    title: row.title,
    description: row.description,
    contact: withoutUndefined({
      method: row.contact_method as ContactMethod,
      email: row.contact_email ?? undefined,
      phone: row.contact_phone ?? undefined,
      language: row.contact_language as Lang,
      timeZone: row.contact_time_zone,
    }),
    affectedUsers: row.affected_users,
    status: row.status as CaseStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at ?? undefined,
    respondBy: row.respond_by ?? undefined,
    owner: row.owner ?? undefined,
    conversationReference: row.conversation_reference,
    extra: row.extra,
    audit,
  });
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

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
