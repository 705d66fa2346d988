/**
 * The support desk's Adaptive Cards: `cards/support-case.json` (the case card in the support
 * channel) and `cards/support-notice.json` (what the requester is told), expanded with
 * `compileTemplate` (../channels/teams/templating.ts) like every other card. Text is
 * Markdown-escaped here; the templates hold no wording.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CARDS_DIR, CARD_VERSION, type CardJson } from '../channels/teams/renderer.js';
import { inlineCardText as inline, plainTextToCard } from '../channels/teams/markdown.js';
import { compileTemplate, type CardTemplate } from '../channels/teams/templating.js';
import { deskStrings } from './strings/index.js';
import { DESK_VERB_PREFIX, type RequesterNotice, type SupportCaseView } from './types.js';

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
  readonly case: CardJson;
  readonly notice: CardJson;
}

export function loadSupportCardTemplates(directory: string = DEFAULT_CARDS_DIR): SupportCardTemplates {
  const read = (name: string): CardJson => {
    const parsed = JSON.parse(readFileSync(join(directory, name), 'utf8')) as CardJson;
    if (parsed.type !== 'AdaptiveCard' || parsed.version !== CARD_VERSION) throw new Error(`${name}: not an Adaptive Card ${CARD_VERSION}`);
    return parsed;
  };
  return { case: read('support-case.json'), notice: read('support-notice.json') };
}


/** Compiled once per loaded template: compiling costs far more than expanding. */
const compiled = new WeakMap<CardJson, CardTemplate>();

function expand(template: CardJson, data: unknown): CardJson {
  let card = compiled.get(template);
  if (!card) compiled.set(template, (card = compileTemplate(template)));
  return card.expand({ $root: data }) as CardJson;
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
  return expand(templates.case, {
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
  return expand(templates.notice, {
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
