/**
 * The answer to a complaint: where it belongs, how severe, what to try, when support responds,
 * and the buttons for what comes next. Boundaries and redirects get a notice and no "Open a case".
 */
import { boundaryGuidance } from '../domain/boundaries.js';
import { DEFAULT_BUSINESS_HOURS, formatBusinessHours, type BusinessHours } from '../domain/business-hours.js';
import { SEVERITY_DEFINITIONS, type Severity } from '../domain/severity.js';
import { caseCanBeOpened, categoryDisplayName, getCategory, type CategoryId, type Lang } from '../domain/taxonomy.js';
import type { SelfServiceLink } from '../triage/engine.js';
import { localizeLink } from './link-titles.zh-TW.js';
import { expectationViewAt } from './expectation.js';
import { strings } from './strings/index.js';
import type { Scope } from './state.js';
import type { ActionButton, TextReply, TriageReply } from './types.js';

export const MAX_LINKS = 4;

/** Microsoft's page on the service health dashboard: an outage may be theirs, not the tenant's. */
export const SERVICE_HEALTH_LINK: SelfServiceLink = {
  title: 'How to check Microsoft 365 service health',
  url: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/view-service-health',
};

export interface Placement {
  readonly category: CategoryId;
  readonly severity: Severity | null;
  readonly reasons: readonly string[];
  readonly links: readonly SelfServiceLink[];
  /** Who is affected, as read from the message or answered by the admin. */
  readonly scope?: Scope;
}

export interface TriageReplyContext {
  readonly lang: Lang;
  readonly message: string;
  /** The tenant's plan; absent only for boundaries and redirects, which promise no response time. */
  readonly plan: string | undefined;
  readonly timeZone: string;
  readonly now: Date;
  readonly businessHours?: BusinessHours;
  readonly admin: boolean;
}

export function buildTriageReply(placement: Placement, ctx: TriageReplyContext): TriageReply {
  const s = strings(ctx.lang);
  const category = getCategory(placement.category);
  const support = category.support;
  const guidance = boundaryGuidance(placement.category);

  const guidanceLinks = guidance ? guidance.links.map((l) => ({ title: l.title[ctx.lang], url: l.url })) : [];
  const healthLinks = readsAsOutage(placement) ? [SERVICE_HEALTH_LINK] : [];
  const links = firstDistinct([...healthLinks, ...guidanceLinks, ...placement.links], MAX_LINKS).map((link) => localizeLink(link, ctx.lang));

  let notice: string | undefined;
  if (guidance) notice = s.boundaryNotice(guidance.why[ctx.lang], guidance.whereToGo[ctx.lang]);
  else if (support === 'billing' || support === 'presales') {
    notice = s.billingNotice(formatBusinessHours(ctx.businessHours ?? DEFAULT_BUSINESS_HOURS).replace(/^\S+\s/, ''));
  }

  const severity = caseCanBeOpened(support) ? placement.severity : null;
  const expectation =
    severity && ctx.plan
      ? expectationViewAt({ plan: ctx.plan, severity, support, at: ctx.now, timeZone: ctx.timeZone, ...(ctx.businessHours ? { businessHours: ctx.businessHours } : {}) }, ctx.lang)
      : undefined;

  const actions: ActionButton[] = [];
  if (caseCanBeOpened(support)) {
    if (ctx.admin) actions.push({ verb: 'openCase', title: s.actionOpenCase, style: 'primary' });
  } else if (support === 'boundary' || support === 'redirect') {
    actions.push({ verb: 'officeProblemAfterAll', title: s.actionOfficeAfterAll });
  }
  actions.push({ verb: 'notQuite', title: s.actionNotQuite });
  actions.push({ verb: 'solved', title: s.actionSolved });

  return {
    kind: 'triage',
    lang: ctx.lang,
    message: ctx.message,
    support,
    category: placement.category,
    categoryName: categoryDisplayName(placement.category, ctx.lang),
    severity,
    ...(severity ? { severityLabel: SEVERITY_DEFINITIONS[severity].label[ctx.lang] } : {}),
    reasons: placement.reasons,
    links,
    ...(expectation ? { expectation } : {}),
    ...(notice ? { notice } : {}),
    actions,
  };
}

/**
 * A Sev A that cuts off several users or everyone: the first thing to rule out is an incident on
 * Microsoft's side, which the tenant's service health dashboard shows before any case is opened.
 */
function readsAsOutage(placement: Placement): boolean {
  return placement.severity === 'A' && (placement.scope === 'everyone' || placement.scope === 'several');
}

function firstDistinct(candidates: readonly SelfServiceLink[], max: number): SelfServiceLink[] {
  const seen = new Set<string>();
  const links: SelfServiceLink[] = [];
  for (const link of candidates) {
    if (seen.has(link.url) || links.length >= max) continue;
    seen.add(link.url);
    links.push(link);
  }
  return links;
}

/** The text a non-admin forwards to their admin: the message and the triage in one line. */
export function forwardToAdmin(reply: TriageReply, lang: Lang, configureHint: boolean): TextReply {
  const s = strings(lang);
  const summary = reply.severityLabel ? s.forwardSummary(reply.categoryName, reply.severityLabel) : reply.categoryName;
  const parts = [[s.notAdmin, s.forwardIntro].join(lang === 'zh-TW' ? '' : ' '), s.forwardText(reply.message, reply.expectation ? `${summary} — ${reply.expectation.summary}` : summary)];
  if (configureHint) parts.push(s.notAdminConfigure);
  return { kind: 'text', lang, text: parts.join('\n\n'), tone: 'info' };
}
