/** Stored cases as the replies show them: summaries, details with history, dates in the user's zone. */
import { DateTime } from 'luxon';
import { canReopen } from '../domain/support-rules.js';
import { categoryDisplayName, type Lang } from '../domain/taxonomy.js';
import type { SupportCase } from '../store/index.js';
import { strings } from './strings/index.js';
import type { ActionButton, CaseDetailReply, CaseListReply, CaseSummaryView } from './types.js';

/** "2026-11-24 09:30" in the zone. */
export function formatDateTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

export function formatDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd');
}

export function caseSummary(c: SupportCase, lang: Lang): CaseSummaryView {
  const last = c.audit.at(-1);
  return {
    number: c.number,
    title: c.title,
    status: c.status,
    severity: c.severity,
    categoryName: categoryDisplayName(c.category, lang),
    createdAt: c.createdAt.toISOString(),
    ...(c.closedAt ? { closedAt: c.closedAt.toISOString() } : {}),
    ...(c.respondBy ? { respondBy: c.respondBy.toISOString() } : {}),
    ...(c.owner ? { owner: c.owner } : {}),
    ...(last ? { lastUpdate: last.at.toISOString() } : {}),
  };
}

export function caseList(cases: readonly SupportCase[], lang: Lang): CaseListReply {
  const s = strings(lang);
  return { kind: 'case-list', lang, title: s.caseListTitle, cases: cases.map((c) => caseSummary(c, lang)), empty: s.caseListEmpty };
}

export function caseDetail(c: SupportCase, lang: Lang, zone: string, now: Date): CaseDetailReply {
  const s = strings(lang);
  const actions: ActionButton[] = [];
  if (c.status === 'open') actions.push({ verb: 'closeCase', title: s.actionClose, data: { number: c.number }, style: 'destructive' });
  else if (c.closedAt && canReopen(c.closedAt, now).allowed) actions.push({ verb: 'reopenCase', title: s.actionReopen, data: { number: c.number } });
  actions.push({ verb: 'myCases', title: s.actionMyCases });
  return {
    kind: 'case-detail',
    lang,
    case: {
      ...caseSummary(c, lang),
      description: c.description,
      history: c.audit.map((entry) => s.historyEntry(formatDateTime(entry.at, zone), entry.action, entry.actor)),
    },
    actions,
  };
}
