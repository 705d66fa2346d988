/**
 * The support desk's Adaptive Cards: `cards/support-case.json` (the case card in the support
 * channel), `cards/support-notice.json` (what the requester is told), both expanded by
 * adaptivecards-templating like every other card, and the compact case card of the local
 * `/support` page. Text is Markdown-escaped here; the templates hold no wording.
 */
import { deskStrings } from '../../support-desk/strings/index.js';
import { DESK_VERB_PREFIX, type RequesterNotice, type SupportCaseView } from '../../support-desk/types.js';
import { cardTemplate, CARD_VERSION, CardTemplateError, DEFAULT_CARDS_DIR, readCardTemplate, type CardJson, type CardTemplate } from './card-template.js';
import { inlineCardText as inline, plainTextToCard } from './markdown.js';

export const SUPPORT_CARD_LABELS = {
  description: 'Description',
  reasons: 'Why the bot triaged it this way',
  message: 'Message to the requester (Reply, Ask for information, Resolve)',
  messagePlaceholder: 'What the requester will read',
  severity: 'New severity',
  reason: 'Why (for Change severity)',
  reasonPlaceholder: 'Required to change the severity',
  assignee: 'Assign to',
  assigneePlaceholder: 'Id or email of an engineer listed in SUPPORT_ENGINEERS',
  claim: 'Claim',
  reply: 'Reply to requester',
  askInfo: 'Ask for information',
  changeSeverity: 'Change severity',
  assign: 'Assign',
  resolve: 'Resolve',
} as const;

export interface SupportCardTemplates {
  readonly case: CardTemplate;
  readonly notice: CardTemplate;
}

/** Reads both desk templates; throws one CardTemplateError naming every bad file. */
export function loadSupportCardTemplates(directory: string = DEFAULT_CARDS_DIR): SupportCardTemplates {
  const problems: string[] = [];
  const caseJson = readCardTemplate(directory, 'support-case.json', problems);
  const noticeJson = readCardTemplate(directory, 'support-notice.json', problems);
  if (!caseJson || !noticeJson) throw new CardTemplateError(problems);
  return { case: cardTemplate(caseJson), notice: cardTemplate(noticeJson) };
}

export function renderSupportCaseCard(templates: SupportCardTemplates, view: SupportCaseView): CardJson {
  const facts: { title: string; value: string }[] = [
    { title: 'Tenant', value: inline(view.tenantId) },
    { title: 'Requester', value: inline(view.requester) },
    { title: 'Contact', value: inline(view.contact.reach) },
    { title: 'Affected users', value: inline(view.contact.affectedUsers) },
    { title: 'Language', value: inline(view.contact.language) },
    { title: 'Time zone', value: inline(view.contact.timeZone) },
    { title: 'Category', value: inline(view.category) },
    { title: 'Severity', value: inline(view.severityLabel) },
    { title: 'Plan', value: inline(view.plan) },
    { title: 'Status', value: inline(view.statusLabel) },
    { title: 'Owner', value: inline(view.owner ?? 'nobody yet') },
    { title: 'Respond by', value: inline(view.respondBy ?? 'no commitment') },
    { title: view.status === 'closed' ? 'Response time' : 'Time left', value: inline(view.timeLeft) },
  ];
  return templates.case.expand({
    heading: inline(`${view.number} · ${view.severityLabel}`),
    headingColor: view.status === 'closed' ? 'Good' : view.severity === 'A' ? 'Attention' : 'Default',
    title: inline(view.title),
    facts,
    description: plainTextToCard(view.description),
    hasReasons: view.reasons.length > 0,
    reasons: view.reasons.map((r) => `- ${inline(r)}`).join('\n'),
    hasIncident: view.serviceIncident !== undefined,
    serviceIncident: inline(view.serviceIncident ? `Microsoft incident ${view.serviceIncident}` : ''),
    hasLastEvent: view.lastEvent !== undefined,
    lastEvent: inline(view.lastEvent ?? ''),
    canAct: view.canAct,
    canClaim: view.canClaim,
    number: view.number,
    tenantId: view.tenantId,
    severity: view.severity,
    severityOptions: view.severityOptions,
    labels: SUPPORT_CARD_LABELS,
  });
}

export function renderRequesterNoticeCard(templates: SupportCardTemplates, notice: RequesterNotice): CardJson {
  const hasInput = notice.answerable || notice.reopenable;
  const s = deskStrings(notice.lang);
  return templates.notice.expand({
    heading: inline(`${notice.number}: ${s.noticeHeadings[notice.kind]}`),
    text: plainTextToCard(notice.text),
    hasInput,
    inputLabel: notice.reopenable ? s.reopenLabel : s.answerLabel,
    buttonTitle: notice.reopenable ? s.reopenButton : s.answerButton,
    verb: `${DESK_VERB_PREFIX}${notice.reopenable ? 'reopen' : 'answer'}`,
    number: notice.number,
    tenantId: notice.tenantId,
  });
}

/** The full card's first two blocks are its heading and title; the rest goes behind "Open". */
const SUMMARY_BLOCKS = 2;

/**
 * The local `/support` page's compact case card: a one-line summary (number, severity, status,
 * time left) and the title, with the full card (facts, inputs, buttons) behind an "Open" button
 * (Action.ShowCard, which Web Chat expands in place without a round trip). The page shows every
 * case this way except the one the engineer is working on, so it reads as a list.
 */
export function compactCaseCard(full: CardJson, view: SupportCaseView): CardJson {
  const body = Array.isArray(full.body) ? (full.body as unknown[]) : [];
  const summary = [view.statusLabel, view.owner ? `owner ${view.owner}` : undefined, view.timeLeft].filter((part): part is string => part !== undefined);
  return {
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    body: [
      ...body.slice(0, SUMMARY_BLOCKS),
      { type: 'TextBlock', text: inline(summary.join(' · ')), isSubtle: true, wrap: true, spacing: 'Small' },
    ],
    actions: [{ type: 'Action.ShowCard', title: `Open ${view.number}`, card: { type: 'AdaptiveCard', body: body.slice(SUMMARY_BLOCKS) } }],
  };
}
