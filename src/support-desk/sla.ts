/**
 * How far a case is into its initial-response time. 24x7 objectives run on the wall clock up to
 * the due time the response-time table gives; business-hours objectives count only business
 * hours in the requester's zone; "no commitment" never breaches. The clock starts when the case
 * was opened, or when it was last reopened.
 */
import { businessTimeBetween, type BusinessHours } from '../domain/business-hours.js';
import { planFamilyOf } from '../domain/plans.js';
import {
  BILLING_AND_PRESALES_TARGET,
  RESPONSE_TIME_TABLE,
  respondByFor,
  supportLineOf,
  type ResponseObjective,
  type ResponseTarget,
} from '../domain/response-times.js';
import { getCategory, isCategoryId } from '../domain/taxonomy.js';
import type { SupportCase } from '../store/index.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Business-hours objectives in business time ("next day" = one business day of 8 hours). */
const BUSINESS_OBJECTIVE_MS: Readonly<Record<ResponseObjective, number | undefined>> = {
  'one-hour': HOUR_MS,
  'two-hours': 2 * HOUR_MS,
  'four-hours': 4 * HOUR_MS,
  'next-day': 8 * HOUR_MS,
  'no-commitment': undefined,
};

export const WARNING_FRACTION = 0.8;

export interface SlaClock {
  /** When the clock started: opened or last reopened. */
  readonly start: Date;
  /** Elapsed / allowed, in the objective's own time (wall or business). */
  readonly fraction: number;
  /** Allowed minus elapsed, in the objective's own time; negative when overdue. */
  readonly remainingMs: number;
  /** Wall-clock due time (24x7 only). */
  readonly dueAt?: Date;
  readonly businessHoursOnly: boolean;
}

export function targetOf(c: SupportCase): ResponseTarget {
  const support = isCategoryId(c.category) ? getCategory(c.category).support : 'technical';
  if (support === 'billing' || support === 'presales') return BILLING_AND_PRESALES_TARGET;
  return RESPONSE_TIME_TABLE[planFamilyOf(c.planFamily)][c.severity];
}

/** The start of the current response cycle: the last reopen, else creation. */
export function cycleStart(c: SupportCase): Date {
  const reopened = [...c.audit].reverse().find((entry) => entry.action === 'reopened');
  return reopened ? reopened.at : c.createdAt;
}

/** Undefined when no response time is committed. */
export function slaClock(c: SupportCase, now: Date, businessHours?: BusinessHours): SlaClock | undefined {
  const target = targetOf(c);
  if (target.objective === 'no-commitment') return undefined;
  const start = cycleStart(c);
  if (target.availability === '24x7') {
    const dueAt = dueAtFor(c, start, businessHours);
    if (!dueAt) return undefined;
    const allowed = dueAt.getTime() - start.getTime();
    const elapsed = now.getTime() - start.getTime();
    return { start, fraction: allowed > 0 ? elapsed / allowed : 1, remainingMs: allowed - elapsed, dueAt, businessHoursOnly: false };
  }
  const allowed = BUSINESS_OBJECTIVE_MS[target.objective];
  if (allowed === undefined) return undefined;
  const elapsed = businessTimeBetween(start, now, c.contact.timeZone, businessHours);
  return { start, fraction: elapsed / allowed, remainingMs: allowed - elapsed, businessHoursOnly: true };
}

/**
 * The due time for a 24x7 objective starting at `start`, computed from the case's current
 * severity (a severity change moves it); the stored respondBy only when that fails.
 */
export function dueAtFor(c: SupportCase, start: Date, businessHours?: BusinessHours): Date | undefined {
  try {
    return respondByFor({
      plan: c.planFamily,
      severity: c.severity,
      at: start,
      timeZone: c.contact.timeZone,
      support: supportLineOf(isCategoryId(c.category) ? getCategory(c.category).support : 'technical'),
      ...(businessHours ? { businessHours } : {}),
    });
  } catch {
    return c.respondBy;
  }
}

/** "1 h 5 min", "45 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

/** `clock`: the case's `slaClock` (computed once by the caller, who shows its due time too). */
export function timeLeftText(c: SupportCase, clock: SlaClock | undefined): string {
  if (c.status === 'closed') return 'resolved';
  if (c.owner) return `claimed by ${c.owner}`;
  if (!clock) return 'no response time committed';
  const unit = clock.businessHoursOnly ? ' (business hours)' : '';
  return clock.remainingMs >= 0 ? `${formatDuration(clock.remainingMs)} left${unit}` : `overdue by ${formatDuration(-clock.remainingMs)}${unit}`;
}
