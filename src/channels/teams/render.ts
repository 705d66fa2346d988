/**
 * Replies → Adaptive Cards (1.5). Each reply kind has one template, `cards/<kind>.json`,
 * expanded by adaptivecards-templating (card-template.ts) against a view model built here. The
 * view model holds display-ready strings: everything the core says is treated as plain text and
 * Markdown-escaped (the contract is channel-neutral, so a reply never carries Teams Markdown on
 * purpose), while input values (the case form) are passed raw because inputs are not Markdown.
 *
 * Buttons are `Action.Submit` with `data: { verb, ...data }`: Teams delivers them as a message
 * activity whose `value` is that data merged with the card's inputs, in personal chats, group
 * chats and channels alike, with no Universal Actions (`Action.Execute`) registration needed.
 */
import { CardFactory, type Attachment } from 'botbuilder';
import {
  assertNever,
  type ActionButton,
  type CaseSummaryView,
  type ChoiceOption,
  type Reply,
  type ReplyKind,
} from '../../conversation/types.js';
import { contactMethodOptions, languageOptions } from '../../conversation/case-form.js';
import type { Lang } from '../../domain/taxonomy.js';
import { cardTemplate, CardTemplateError, DEFAULT_CARDS_DIR, readCardTemplate, type CardJson, type CardTemplate } from './card-template.js';
import { CARD_LABELS, severityLabel, type CardLabels } from './labels.js';
import { inlineCardText as inline, markdownLink, plainTextToCard } from './markdown.js';

/** Every reply kind, so each template can be loaded and checked at start-up. */
const KIND_TABLE: Readonly<Record<ReplyKind, true>> = {
  triage: true,
  question: true,
  'plan-question': true,
  'case-form': true,
  'case-created': true,
  'case-list': true,
  'case-detail': true,
  text: true,
  welcome: true,
};
export const REPLY_KINDS = Object.keys(KIND_TABLE) as readonly ReplyKind[];

/** Up to this many choices are buttons; more become a drop-down with one submit button. */
export const MAX_CHOICE_BUTTONS = 5;

export type CardTemplates = Readonly<Record<ReplyKind, CardJson>>;

/** Reads `cards/<kind>.json` for every reply kind; throws one error listing every bad file. */
export function loadCardTemplates(directory: string = DEFAULT_CARDS_DIR): CardTemplates {
  const problems: string[] = [];
  const templates: Partial<Record<ReplyKind, CardJson>> = {};
  for (const kind of REPLY_KINDS) {
    const json = readCardTemplate(directory, `${kind}.json`, problems);
    if (json) templates[kind] = json;
  }
  if (problems.length > 0) throw new CardTemplateError(problems);
  return templates as CardTemplates;
}

// ---------------------------------------------------------------------------------------------
// View models

/**
 * Lists (facts, buttons, choices, links) are whole card objects in the view model and bound in one
 * `${...}` by the template: a `$data` repetition costs the templating engine an expression
 * evaluation per field of every item, on every reply.
 */
interface ActionView {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly style: 'positive' | 'destructive' | 'default';
  readonly data: Readonly<Record<string, unknown>>;
}

interface FactView {
  readonly title: string;
  readonly value: string;
}

/** The data an action button sends back: the core's data plus the verb (which always wins). */
export function actionData(verb: string, data?: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { ...(data ?? {}), verb };
}

function submitAction(title: string, style: ActionView['style'], data: Readonly<Record<string, unknown>>): ActionView {
  return { type: 'Action.Submit', title, style, data };
}

function actionView(button: ActionButton): ActionView {
  const style = button.style === 'primary' ? 'positive' : button.style === 'destructive' ? 'destructive' : 'default';
  return submitAction(button.title, style, actionData(button.verb, button.data));
}

const text = plainTextToCard;

function bullets(lines: readonly string[]): string {
  return lines.map((line) => `- ${inline(line)}`).join('\n');
}

function statusLabel(status: CaseSummaryView['status'], labels: CardLabels): string {
  return status === 'open' ? labels.statusOpen : labels.statusClosed;
}

function caseFacts(c: CaseSummaryView, lang: Lang, labels: CardLabels): FactView[] {
  const facts: FactView[] = [
    { title: labels.caseNumber, value: inline(c.number) },
    { title: labels.status, value: statusLabel(c.status, labels) },
    { title: labels.severity, value: inline(severityLabel(c.severity, lang)) },
    { title: labels.category, value: inline(c.categoryName) },
    { title: labels.created, value: inline(c.createdAt) },
  ];
  if (c.respondBy) facts.push({ title: labels.respondBy, value: inline(c.respondBy) });
  if (c.closedAt) facts.push({ title: labels.closed, value: inline(c.closedAt) });
  if (c.owner) facts.push({ title: labels.owner, value: inline(c.owner) });
  if (c.lastUpdate) facts.push({ title: labels.lastUpdate, value: inline(c.lastUpdate) });
  return facts;
}

interface ChoicesView {
  readonly useButtons: boolean;
  readonly buttons: readonly ActionView[];
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  readonly submit: ActionView;
}

/** Options as buttons when few, else as a drop-down (input id `value`) with one submit button. */
function choicesView(
  verb: string,
  extra: Readonly<Record<string, unknown>>,
  options: readonly ChoiceOption[],
  labels: CardLabels,
): ChoicesView {
  const useButtons = options.length <= MAX_CHOICE_BUTTONS;
  return {
    useButtons,
    buttons: useButtons
      ? options.map((option) => submitAction(option.title, 'default', actionData(verb, { ...extra, value: option.value })))
      : [],
    choices: options.map((option) => ({ title: option.title, value: option.value })),
    submit: submitAction(labels.choose, 'positive', actionData(verb, extra)),
  };
}

/** The case form's data: inputs take the raw values, everything shown is escaped. */
function caseFormData(reply: Extract<Reply, { kind: 'case-form' }>, labels: CardLabels): CardJson {
  const { values, errors } = reply;
  const error = (field: keyof typeof errors): string => inline(errors[field] ?? '');
  const currentSeverity = reply.severityOptions.find((option) => option.value === values.severity);
  return {
    labels,
    // Inputs take the raw values: an Input.Text value is not Markdown.
    values,
    severityEditable: reply.severityEditable,
    severityText: inline(currentSeverity?.title ?? severityLabel(values.severity, reply.lang)),
    categoryOptions: reply.categoryOptions,
    severityOptions: reply.severityOptions,
    contactOptions: contactMethodOptions(reply.lang, labels.contactChat),
    languageOptions: languageOptions(reply.lang),
    errors: {
      form: error('form'),
      title: error('title'),
      description: error('description'),
      category: error('category'),
      severity: error('severity'),
      affectedUsers: error('affectedUsers'),
      contactMethod: error('contactMethod'),
      email: error('email'),
      phone: error('phone'),
      language: error('language'),
      timeZone: error('timeZone'),
    },
    hasNote: Boolean(reply.note),
    note: text(reply.note ?? ''),
    submit: submitAction(labels.submit, 'positive', actionData('submitCase', { formId: reply.formId })),
  };
}

/** The triage answer: what was understood, why, the links, and service health when known. */
function triageData(reply: Extract<Reply, { kind: 'triage' }>, labels: CardLabels): CardJson {
  const facts: FactView[] = [{ title: labels.category, value: inline(reply.categoryName) }];
  if (reply.severity !== null) {
    facts.push({ title: labels.severity, value: inline(reply.severityLabel ?? severityLabel(reply.severity, reply.lang)) });
  }
  if (reply.expectation) {
    facts.push({ title: labels.responseTime, value: inline(reply.expectation.summary) });
    if (reply.expectation.respondBy) facts.push({ title: labels.respondBy, value: inline(reply.expectation.respondBy) });
  }
  return {
    labels,
    message: text(reply.message),
    facts,
    hasReasons: reply.reasons.length > 0,
    reasons: bullets(reply.reasons),
    hasLinks: reply.links.length > 0,
    links: reply.links.map((link) => `- ${markdownLink(link.title, link.url)}`).join('\n'),
    hasNotice: Boolean(reply.notice),
    notice: text(reply.notice ?? ''),
    hasPlanSource: Boolean(reply.planSource),
    planSource: text(reply.planSource ?? ''),
    hasHealth: Boolean(reply.serviceHealth),
    healthHeadline: text(reply.serviceHealth?.headline ?? ''),
    hasIncident: Boolean(reply.serviceHealth?.incident),
    incidentStatus: text(reply.serviceHealth?.incident?.status ?? ''),
    incidentLink: reply.serviceHealth?.incident ? markdownLink(reply.serviceHealth.incident.linkTitle, reply.serviceHealth.incident.url) : '',
    actions: reply.actions.map(actionView),
  };
}

/** One page of the admin's cases, each with its status line and a details button. */
function caseListData(reply: Extract<Reply, { kind: 'case-list' }>, labels: CardLabels): CardJson {
  return {
    labels,
    title: inline(reply.title),
    isEmpty: reply.cases.length === 0,
    empty: text(reply.empty),
    hasMore: reply.more !== undefined,
    more: text(reply.more ?? ''),
    cases: reply.cases.map((c) => ({
      heading: `${inline(c.number)}: ${inline(c.title)}`,
      summary: inline(
        [
          statusLabel(c.status, labels),
          ...(c.owner ? [`${labels.owner}: ${c.owner}`] : []),
          severityLabel(c.severity, reply.lang),
          c.categoryName,
          c.createdAt,
          ...(c.lastUpdate ? [`${labels.lastUpdate}: ${c.lastUpdate}`] : []),
        ].join(' · '),
      ),
      isOpen: c.status === 'open',
      details: submitAction(labels.details, 'default', actionData('showCase', { number: c.number })),
    })),
  };
}

/** The template's data for one reply. Exhaustive: a new reply kind does not compile here. */
export function cardData(reply: Reply): CardJson {
  const labels = CARD_LABELS[reply.lang] ?? CARD_LABELS.en;
  switch (reply.kind) {
    case 'triage':
      return triageData(reply, labels);
    case 'question':
      return {
        labels,
        question: text(reply.question),
        ...choicesView(reply.verb, { field: reply.field }, reply.options, labels),
      };
    case 'plan-question':
      return {
        labels,
        question: text(reply.question),
        ...choicesView('choosePlan', {}, reply.options, labels),
      };
    case 'case-form':
      return caseFormData(reply, labels);
    case 'case-created': {
      const facts = caseFacts(reply.case, reply.lang, labels);
      if (reply.expectation) facts.push({ title: labels.responseTime, value: inline(reply.expectation.summary) });
      return {
        labels,
        heading: `${inline(reply.case.number)}: ${inline(reply.case.title)}`,
        facts,
        nextSteps: text(reply.nextSteps),
        actions: [
          submitAction(labels.details, 'default', actionData('showCase', { number: reply.case.number })),
          submitAction(labels.myCases, 'default', actionData('myCases')),
        ],
      };
    }
    case 'case-list':
      return caseListData(reply, labels);
    case 'case-detail':
      return {
        labels,
        heading: `${inline(reply.case.number)}: ${inline(reply.case.title)}`,
        facts: caseFacts(reply.case, reply.lang, labels),
        description: text(reply.case.description),
        hasHistory: reply.case.history.length > 0,
        history: bullets(reply.case.history),
        actions: reply.actions.map(actionView),
      };
    case 'text':
      return {
        labels,
        text: text(reply.text),
        color: reply.tone === 'error' ? 'attention' : reply.tone === 'warning' ? 'warning' : 'default',
        // A URL escaped as Markdown text is not reliably clickable: the link is a button (plain-text title).
        links: reply.link ? [{ type: 'Action.OpenUrl', title: reply.link.title, url: reply.link.url }] : [],
      };
    case 'welcome':
      return {
        labels,
        title: inline(reply.title),
        text: text(reply.text),
        hasExamples: reply.examples.length > 0,
        examples: reply.examples.map((example) => `- "${inline(example)}"`).join('\n'),
        hasCommands: reply.commands.length > 0,
        commands: reply.commands.map((c) => ({ title: inline(c.command), value: inline(c.description) })),
        actions: [submitAction(labels.myCases, 'default', actionData('myCases'))],
      };
    default:
      return assertNever(reply);
  }
}

export interface CardRenderer {
  /** The expanded Adaptive Card JSON for a reply. */
  render(reply: Reply): CardJson;
  /** The same card as a Bot Framework attachment. */
  attachment(reply: Reply): Attachment;
}

export function createCardRenderer(templates: CardTemplates = loadCardTemplates()): CardRenderer {
  const prepared = new Map<ReplyKind, CardTemplate>(REPLY_KINDS.map((kind) => [kind, cardTemplate(templates[kind])]));
  const render = (reply: Reply): CardJson => {
    const template = prepared.get(reply.kind);
    if (!template) throw new CardTemplateError([`no template for reply kind "${reply.kind}"`]);
    return template.expand(cardData(reply));
  };
  return {
    render,
    attachment: (reply) => CardFactory.adaptiveCard(render(reply)),
  };
}
