/**
 * The rules of changing a case, independent of any database: which fields a change touches,
 * how closing and reopening move `closedAt`, and the before/after diff the audit keeps.
 */
import type { AuditEntry, CaseChange, SupportCase } from './store.js';

export type FieldChanges = NonNullable<AuditEntry['changes']>;

export interface AppliedCaseChange {
  /** The case after the change; `audit` is not extended here. */
  readonly next: SupportCase;
  /** Only the fields whose value actually changed. */
  readonly changes: FieldChanges;
}

/** Fields the diff compares, in the order they appear in the audit. */
const AUDITED_FIELDS = [
  'status',
  'closedAt',
  'severity',
  'category',
  'planFamily',
  'owner',
  'respondBy',
  'contact',
  'affectedUsers',
  'conversationReference',
  'extra',
] as const satisfies readonly (keyof SupportCase)[];

export function applyCaseChange(current: SupportCase, change: CaseChange, now: Date): AppliedCaseChange {
  for (const date of [change.closedAt, change.respondBy]) {
    if (date instanceof Date) assertValidDate(date);
  }
  const status = change.status ?? current.status;
  if (status === 'open' && change.closedAt !== undefined) {
    throw new RangeError('closedAt can only be set on a closed case');
  }
  // Keeping the original close time when a closed case is "closed" again keeps the 14-day
  // reopen window anchored where it started.
  const closedAt = status === 'closed' ? (change.closedAt ?? current.closedAt ?? now) : undefined;

  const next: SupportCase = {
    ...current,
    status,
    closedAt,
    severity: change.severity ?? current.severity,
    category: change.category ?? current.category,
    planFamily: change.planFamily ?? current.planFamily,
    owner: change.owner === undefined ? current.owner : (change.owner ?? undefined),
    respondBy: change.respondBy === undefined ? current.respondBy : (change.respondBy ?? undefined),
    contact: change.contact ?? current.contact,
    affectedUsers: change.affectedUsers ?? current.affectedUsers,
    conversationReference:
      change.conversationReference === undefined ? current.conversationReference : change.conversationReference,
    extra: change.extra ?? current.extra,
    updatedAt: now,
  };

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of AUDITED_FIELDS) {
    const from = toAuditValue(current[field]);
    const to = toAuditValue(next[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return { next, changes };
}

/** JSON-safe form of a field value, so the diff survives storage unchanged. */
function toAuditValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

export function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date');
}
