/**
 * The mapping between `SupportCase` and its rows in `cases` / `case_audit`: dates as epoch ms,
 * nested objects flattened into columns, opaque values as JSON text.
 */
import { caseFromRow, toJson, withoutUndefined, type CaseTextColumns } from '../case-record.js';
import type { AuditEntry, SupportCase } from '../store.js';

export interface CaseRow extends CaseTextColumns {
  id: number;
  idempotency_key: string;
  affected_users_json: string;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  respond_by: number | null;
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

export function rowToCase(row: CaseRow, audit: readonly AuditEntry[]): SupportCase {
  const decoded = {
    affectedUsers: JSON.parse(row.affected_users_json) as number | string,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    closedAt: optionalDate(row.closed_at),
    respondBy: optionalDate(row.respond_by),
    conversationReference: JSON.parse(row.conversation_reference_json) as unknown,
    extra: JSON.parse(row.extra_json) as Record<string, unknown>,
  };
  return caseFromRow(row, decoded, audit);
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


function optionalDate(ms: number | null): Date | undefined {
  return ms === null ? undefined : new Date(ms);
}
