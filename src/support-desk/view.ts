/** A stored case → the support channel's case card data, and the one-line "what happened last". */
import type { BusinessHours } from '../domain/business-hours.js';
import { PLAN_FAMILIES, planFamilyOf, resolvePlan } from '../domain/plans.js';
import { SEVERITIES, SEVERITY_DEFINITIONS } from '../domain/severity.js';
import { categoryDisplayName, isCategoryId } from '../domain/taxonomy.js';
import type { AuditEntry, ContactMethod, SupportCase } from '../store/index.js';
import { slaClock, timeLeftText } from './sla.js';
import { closedStatusLabel, responseOutcome } from './closed-case.js';
import type { SupportCaseView, SupportContactView } from './types.js';
import { formatMoment } from '../domain/time.js';

export function planName(plan: string): string {
  const resolved = resolvePlan(plan);
  return resolved?.plan?.name.en ?? PLAN_FAMILIES[planFamilyOf(plan)].name.en;
}

/** One line for an audit entry, or undefined for entries not worth showing on the card. */
export function describeAudit(entry: AuditEntry): string | undefined {
  const detail = entry.detail ? `: ${entry.detail}` : '';
  switch (entry.action) {
    case 'created':
      return 'Opened';
    case 'claimed':
      return `Claimed by ${entry.detail ?? entry.actor}`;
    case 'assigned':
      return `Assigned${entry.detail ? ` to ${entry.detail}` : ''}`;
    case 'engineer-reply':
      return `Engineer replied${detail}`;
    case 'info-requested':
      return `Information requested${detail}`;
    case 'requester-answer':
      return `Requester answered${detail}`;
    case 'severity-changed':
      return `Severity changed${detail}`;
    case 'resolved':
      return `Resolved${detail}`;
    case 'closed':
      return 'Closed by the requester';
    case 'reopened':
      return `Reopened${detail}`;
    case 'sla-warning':
      return 'Reminder: 80% of the response time used';
    case 'sla-breach':
      return 'Response time breached';
    default:
      return undefined;
  }
}

export function triageReasonsOf(c: SupportCase, reasonsOf?: (c: SupportCase) => readonly string[]): readonly string[] {
  if (reasonsOf) {
    try {
      return reasonsOf(c);
    } catch {
      return [];
    }
  }
  const stored = (c.extra.triage as { reasons?: unknown } | null | undefined)?.reasons;
  return Array.isArray(stored) ? stored.filter((r): r is string => typeof r === 'string') : [];
}

/** The Microsoft incident stored with the case (Microsoft Graph), as "EX123456: title". */
export function serviceIncidentOf(c: SupportCase): string | undefined {
  const incident = c.extra.serviceIncident as { id?: unknown; title?: unknown } | null | undefined;
  if (!incident || typeof incident.id !== 'string') return undefined;
  return typeof incident.title === 'string' ? `${incident.id}: ${incident.title}` : incident.id;
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English (en)', 'zh-TW': 'Traditional Chinese (zh-TW)' };

/** The requester's contact details as stored: the preferred method first, then the others. */
export function contactView(c: SupportCase): SupportContactView {
  const { method, email, phone, language, timeZone } = c.contact;
  const way = (name: ContactMethod, label: string, value: string) => ({ first: method === name, text: `${label}${method === name ? ' (preferred)' : ''}: ${value}` });
  const ways = [
    ...(method === 'chat' ? [way('chat', 'Chat', 'in the chat the case was opened from')] : []),
    ...(email ? [way('email', 'Email', email)] : []),
    ...(phone ? [way('phone', 'Phone', phone)] : []),
  ]
    .sort((a, b) => Number(b.first) - Number(a.first))
    .map((w) => w.text);
  return {
    reach: ways.length > 0 ? ways.join(' · ') : `${method} (no address given)`,
    affectedUsers: String(c.affectedUsers),
    language: LANGUAGE_NAMES[language] ?? language,
    timeZone,
  };
}

export function supportCaseView(
  c: SupportCase,
  now: Date,
  options: { businessHours?: BusinessHours; reasonsOf?: (c: SupportCase) => readonly string[] } = {},
): SupportCaseView {
  const zone = c.contact.timeZone;
  const open = c.status === 'open';
  // Closed cases keep their due time: computed for the cycle they were in, as for open ones.
  const clock = slaClock(c, now, options.businessHours);
  const respondBy = clock?.dueAt ?? c.respondBy;
  const last = [...c.audit].reverse().map(describeAudit).find((line): line is string => line !== undefined);
  return {
    number: c.number,
    tenantId: c.tenantId,
    title: c.title,
    requester: c.requester.name,
    contact: contactView(c),
    category: isCategoryId(c.category) ? categoryDisplayName(c.category, 'en') : c.category,
    severity: c.severity,
    severityLabel: SEVERITY_DEFINITIONS[c.severity].label.en,
    plan: planName(c.planFamily),
    status: c.status,
    statusLabel: open ? (c.owner ? 'Open, claimed' : 'Open, waiting for an engineer') : closedStatusLabel(c),
    ...(c.owner ? { owner: c.owner } : open ? {} : { owner: 'nobody (never claimed)' }),
    ...(respondBy ? { respondBy: formatMoment(respondBy, zone) } : {}),
    timeLeft: open ? timeLeftText(c, clock) : responseOutcome(c, options.businessHours),
    description: c.description,
    reasons: triageReasonsOf(c, options.reasonsOf),
    ...(last ? { lastEvent: last } : {}),
    ...(serviceIncidentOf(c) ? { serviceIncident: serviceIncidentOf(c) } : {}),
    canClaim: c.status === 'open' && !c.owner,
    canAct: c.status === 'open',
    severityOptions: SEVERITIES.map((s) => ({ value: s, title: SEVERITY_DEFINITIONS[s].label.en })),
  };
}
