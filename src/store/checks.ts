/** Argument checks every store runs before touching its database, so both reject alike. */
import { assertValidDate } from './case-change.js';
import type { AuditInput, CaseFilter, OutboxClaim, ReminderRecord, ReminderSchedule, RetentionPolicy, TurnWrite } from './store.js';

export function requireText(value: string, name: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${name} must be a non-empty string`);
}

export function requireAudit(audit: AuditInput): void {
  requireText(audit.actor, 'audit.actor');
  requireText(audit.action, 'audit.action');
}

export function requireTtl(ttlMs: number): void {
  if (!(Number.isFinite(ttlMs) && ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
}

export function checkFilter(filter: CaseFilter): void {
  if (filter.closedSince) assertValidDate(filter.closedSince);
  if (filter.limit !== undefined) checkLimit(filter.limit);
}

function requirePositiveInteger(value: number, name: string): void {
  if (!(Number.isSafeInteger(value) && value > 0)) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

export function checkLimit(limit: number): void {
  requirePositiveInteger(limit, 'limit');
}

export function checkOutboxClaim(claim: OutboxClaim): void {
  requirePositiveInteger(claim.leaseMs, 'leaseMs');
  requirePositiveInteger(claim.limit, 'limit');
}

/** A turn's claim and state keys, and the claim's lifetime. */
export function checkTurnWrite(turn: TurnWrite): void {
  if (turn.claim) {
    requireText(turn.claim.key, 'claim.key');
    requireTtl(turn.claim.ttlMs);
  }
  if (turn.state) requireText(turn.state.key, 'state.key');
}

export function requireTargets(targets: readonly string[]): readonly string[] {
  for (const target of targets) requireText(target, 'outbox target');
  return [...new Set(targets)];
}

/** The start of the fixed window of `windowMs` that holds `now` (windows are aligned on the epoch). */
export function windowStart(windowMs: number, now: Date): number {
  requirePositiveInteger(windowMs, 'windowMs');
  assertValidDate(now);
  return Math.floor(now.getTime() / windowMs) * windowMs;
}

export function checkRetentionPolicy(policy: RetentionPolicy): RetentionPolicy {
  requirePositiveInteger(policy.conversationIdleMs, 'conversationIdleMs');
  requirePositiveInteger(policy.closedCaseMarginMs, 'closedCaseMarginMs');
  requirePositiveInteger(policy.batchSize, 'batchSize');
  requirePositiveInteger(policy.maxBatches, 'maxBatches');
  return policy;
}

/** A page of reminder writes: at most this many entries per call (one transaction, one statement). */
export const MAX_REMINDER_BATCH = 1_000;

function checkBatchSize(entries: readonly unknown[], name: string): void {
  if (!Array.isArray(entries) || entries.length > MAX_REMINDER_BATCH) throw new RangeError(`${name} takes an array of at most ${MAX_REMINDER_BATCH} entries`);
}

export function checkReminderSchedules(entries: readonly ReminderSchedule[]): void {
  checkBatchSize(entries, 'scheduleReminders');
  for (const entry of entries) {
    if (entry.at) assertValidDate(entry.at);
    assertValidDate(entry.seenUpdatedAt);
  }
}

export function checkReminderRecords(reminders: readonly ReminderRecord[]): void {
  checkBatchSize(reminders, 'recordReminders');
  for (const reminder of reminders) {
    requireText(reminder.key, 'key');
    requireTtl(reminder.ttlMs);
    requireAudit(reminder.audit);
  }
}
