/** Argument checks every store runs before touching its database, so both reject alike. */
import { assertValidDate } from './case-change.js';
import type { AuditInput, CaseFilter, OutboxClaim, RetentionPolicy, TurnWrite } from './store.js';

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
