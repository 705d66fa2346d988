/** Argument checks every store runs before touching its database, so both reject alike. */
import { assertValidDate } from './case-change.js';
import type { AuditInput, CaseFilter, OutboxClaim } from './store.js';

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
  if (filter.limit !== undefined && !(Number.isSafeInteger(filter.limit) && filter.limit > 0)) {
    throw new RangeError(`limit must be a positive integer, got ${filter.limit}`);
  }
}

export function checkLimit(limit: number): void {
  if (!(Number.isSafeInteger(limit) && limit > 0)) throw new RangeError(`limit must be a positive integer, got ${limit}`);
}

export function checkOutboxClaim(claim: OutboxClaim): void {
  if (!(Number.isSafeInteger(claim.leaseMs) && claim.leaseMs > 0)) throw new RangeError(`leaseMs must be a positive integer, got ${claim.leaseMs}`);
  if (!(Number.isSafeInteger(claim.limit) && claim.limit > 0)) throw new RangeError(`limit must be a positive integer, got ${claim.limit}`);
}

export function requireTargets(targets: readonly string[]): readonly string[] {
  for (const target of targets) requireText(target, 'outbox target');
  return [...new Set(targets)];
}
