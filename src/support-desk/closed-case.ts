/**
 * How a closed case ended, for the support channel's card: who closed it (the requester, or support
 * resolving it) and whether the initial-response time of its last cycle was met. A case the
 * requester closed before anyone answered is not a "resolved" one, and its respond-by time stays
 * what it was.
 */
import type { BusinessHours } from '../domain/business-hours.js';
import type { AuditEntry, SupportCase } from '../store/index.js';
import { cycleStart, formatDuration, slaClock } from './sla.js';

/** Audit actions that count as support's first response to the requester. */
const RESPONSE_ACTIONS = new Set(['claimed', 'assigned', 'engineer-reply', 'info-requested', 'resolved']);

export type ClosedBy = 'requester' | 'support';

/** Who closed the case last: a `resolved` entry is support's, a `closed` one the requester's. */
export function closedBy(c: SupportCase): ClosedBy {
  const last = [...c.audit].reverse().find((entry) => entry.action === 'resolved' || entry.action === 'closed');
  return last?.action === 'resolved' ? 'support' : 'requester';
}

export function closedStatusLabel(c: SupportCase): string {
  return closedBy(c) === 'support' ? 'Resolved by support' : 'Closed by the requester';
}

/** The first response of the current cycle (claim, assignment, reply, question or resolve). */
export function firstResponse(c: SupportCase): AuditEntry | undefined {
  const start = cycleStart(c).getTime();
  return c.audit.find((entry) => entry.at.getTime() >= start && RESPONSE_ACTIONS.has(entry.action));
}

/**
 * Whether the response time was met, in words: "met (first response after 12 min)", "missed by
 * 20 min", "no engineer response; closed by the requester in time" or "no response time committed".
 */
export function responseOutcome(c: SupportCase, businessHours?: BusinessHours): string {
  const response = firstResponse(c);
  const at = response?.at ?? c.closedAt ?? c.updatedAt;
  const clock = slaClock(c, at, businessHours);
  if (!clock) return 'no response time committed';
  if (response) {
    const took = formatDuration(at.getTime() - clock.start.getTime());
    return clock.remainingMs >= 0 ? `met (first response after ${took})` : `missed by ${formatDuration(-clock.remainingMs)}`;
  }
  return clock.remainingMs >= 0
    ? 'no engineer response; closed by the requester before the response time ran out'
    : `missed by ${formatDuration(-clock.remainingMs)}: no engineer response before it was closed`;
}
