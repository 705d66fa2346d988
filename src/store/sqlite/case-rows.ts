/**
 * The mapping between `SupportCase` and its rows in `cases` / `case_audit`: dates as epoch ms,
 * nested objects flattened into columns, opaque values as JSON text.
 */
import type { CategoryId, Lang } from '../../domain/taxonomy.js';
import type { Severity } from '../../domain/severity.js';
import type { AuditEntry, CaseStatus, ContactMethod, SupportCase } from '../store.js';

export interface CaseRow {
  id: number;
  number: string;
  tenant_id: string;
  idempotency_key: string;
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
  affected_users_json: string;
  status: string;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  respond_by: number | null;
  owner: string | null;
  conversation_reference_json: string;
  extra_json: string;
}

export interface AuditRow {
  id: number;
  case_id: number;
  at: number;
  actor: string;
  action: string;
  detail: string | null;
  changes_json: string | null;
}

/** Named parameters of the case columns a write sets (all but id, number, tenant and key). */
export type CaseColumnParams = Omit<CaseRow, 'id' | 'number' | 'tenant_id' | 'idempotency_key' | 'created_at'>;

export function caseColumnParams(c: Omit<SupportCase, 'number' | 'tenantId' | 'createdAt' | 'audit'>): CaseColumnParams {
  return {
    requester_channel: c.requester.channel,
    requester_user_id: c.requester.userId,
    requester_name: c.requester.name,
    category: c.category,
    severity: c.severity,
    plan_family: c.planFamily,
    title: c.title,
    description: c.description,
    contact_method: c.contact.method,
    contact_email: c.contact.email ?? null,
    contact_phone: c.contact.phone ?? null,
    contact_language: c.contact.language,
    contact_time_zone: c.contact.timeZone,
    affected_users_json: toJson(c.affectedUsers, 'affectedUsers'),
    status: c.status,
    updated_at: c.updatedAt.getTime(),
    closed_at: c.closedAt?.getTime() ?? null,
    respond_by: c.respondBy?.getTime() ?? null,
    owner: c.owner ?? null,
    conversation_reference_json: toJson(c.conversationReference ?? null, 'conversationReference'),
    extra_json: toJson(c.extra, 'extra'),
  };
}

// Values are cast, not re-validated: only this store writes these columns, through the typed
// API and the CHECK constraints, and a read must not fail on a category retired later.
export function rowToCase(row: CaseRow, audit: readonly AuditEntry[]): SupportCase {
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
    affectedUsers: JSON.parse(row.affected_users_json) as number | string,
    status: row.status as CaseStatus,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    closedAt: optionalDate(row.closed_at),
    respondBy: optionalDate(row.respond_by),
    owner: row.owner ?? undefined,
    conversationReference: JSON.parse(row.conversation_reference_json) as unknown,
    extra: JSON.parse(row.extra_json) as Record<string, unknown>,
    audit,
  });
}

export function rowToAuditEntry(row: AuditRow): AuditEntry {
  return withoutUndefined({
    at: new Date(row.at),
    actor: row.actor,
    action: row.action,
    detail: row.detail ?? undefined,
    changes: row.changes_json === null ? undefined : (JSON.parse(row.changes_json) as AuditEntry['changes']),
  });
}

/** JSON.stringify, but refusing values it would silently drop or mangle. */
export function toJson(value: unknown, field: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${field} is not JSON-serialisable`);
  return text;
}

function optionalDate(ms: number | null): Date | undefined {
  return ms === null ? undefined : new Date(ms);
}

/** Absent optional fields are left out, so a read-back case deep-equals what was written. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
