/**
 * A stored case row as both stores read it back: the text columns are the same in SQLite and
 * PostgreSQL, only how times and JSON come back differs (epoch ms and JSON text vs Date and
 * jsonb), so each store decodes those and this module builds the `SupportCase`.
 */
import type { CategoryId, Lang } from '../domain/taxonomy.js';
import type { Severity } from '../domain/severity.js';
import type { AuditEntry, CaseStatus, ContactMethod, SupportCase } from './store.js';

/** The columns both stores return as they are. */
export interface CaseTextColumns {
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
  status: string;
  owner: string | null;
}

/** What each store decodes in its own way. */
export type DecodedCaseColumns = Pick<SupportCase, 'affectedUsers' | 'createdAt' | 'updatedAt' | 'closedAt' | 'respondBy' | 'conversationReference' | 'extra'>;

// Values are cast, not re-validated: only the stores write these columns, through the typed
// API and the CHECK constraints, and a read must not fail on a category retired later.
export function caseFromRow(row: CaseTextColumns, decoded: DecodedCaseColumns, audit: readonly AuditEntry[]): SupportCase {
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
    status: row.status as CaseStatus,
    owner: row.owner ?? undefined,
    ...decoded,
    audit,
  });
}

/** Absent optional fields are left out, so a read-back case deep-equals what was written. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** JSON.stringify, but refusing values it would silently drop or mangle. */
export function toJson(value: unknown, field: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${field} is not JSON-serialisable`);
  return text;
}
