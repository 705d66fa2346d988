/** Stored cases as the replies show them: summaries, details with history, dates in the user's zone. */
import { formatDateTime, formatMoment } from '../domain/time.js';
import { canReopen } from '../domain/support-rules.js';
import { categoryDisplayName, type Lang } from '../domain/taxonomy.js';
import type { SupportCase } from '../store/index.js';
import type { CaseListFilter } from './commands.js';
import { strings } from './strings/index.js';
import type { ActionButton, CaseDetailReply, CaseListReply, CaseSummaryView } from './types.js';

export function caseSummary(c: SupportCase, lang: Lang, zone: string): CaseSummaryView {
  // A listed case comes without its audit trail: its last change is then `updatedAt`.
  const lastAt = c.audit.at(-1)?.at ?? c.updatedAt;
  return {
    number: c.number,
    title: c.title,
    status: c.status,
    severity: c.severity,
    categoryName: categoryDisplayName(c.category, lang),
    createdAt: formatMoment(c.createdAt, zone),
    ...(c.closedAt ? { closedAt: formatMoment(c.closedAt, zone) } : {}),
    ...(c.respondBy ? { respondBy: formatMoment(c.respondBy, zone) } : {}),
    ...(c.owner ? { owner: c.owner } : {}),
    lastUpdate: formatMoment(lastAt, zone),
  };
}

export interface CaseListPage {
  readonly cases: readonly SupportCase[];
  readonly filter: CaseListFilter;
  /** Matching cases after this page. */
  readonly remaining: number;
}

export function caseList(page: CaseListPage, lang: Lang, zone: string): CaseListReply {
  const s = strings(lang);
  const { filter, remaining } = page;
  const title = [
    filter.closedOnly ? s.caseListTitleClosed : s.caseListTitle,
    ...(filter.severity ? [s.caseListTitleSeverity(filter.severity)] : []),
    ...(filter.page > 1 ? [s.caseListTitlePage(filter.page)] : []),
  ].join(' · ');
  const next = s.caseListCommand({ ...filter, page: filter.page + 1 });
  return {
    kind: 'case-list',
    lang,
    title,
    cases: page.cases.map((c) => caseSummary(c, lang, zone)),
    empty: filter.page > 1 ? s.caseListPageEmpty(filter.page) : s.caseListEmpty,
    ...(remaining > 0 ? { more: s.caseListMore(remaining, next) } : {}),
  };
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
      ...caseSummary(c, lang, zone),
      description: c.description,
      history: c.audit.map((entry) => s.historyEntry(formatDateTime(entry.at, zone), entry.action, entry.actor)),
    },
    actions,
  };
}
