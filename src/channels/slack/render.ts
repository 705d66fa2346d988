/**
 * Replies → Block Kit. One pure function per surface: `renderReply` (a message), `renderCaseFormModal`
 * (the case form as a modal) and `renderHome` (the App Home tab). Everything comes from the reply's
 * data, as for Teams; nothing is decided here. Every text the core or the user wrote is escaped for
 * mrkdwn (`escapeMrkdwn`), every message has a plain `text` fallback, and Slack's limits are kept:
 * button value 2000, option value 150, option/button text 75, section 3000, field 2000, context
 * elements 10, blocks 50 per message and 100 per view.
 *
 * Buttons: `action_id` is the core's verb (suffixed `#n` when a block holds the same verb twice, as
 * Slack requires unique ids per block), `value` the verb's data as JSON. Link buttons use
 * `link#n` and are ignored when clicked.
 */
import type { types } from '@slack/bolt';
import {
  assertNever,
  type ActionButton,
  type ActionVerb,
  type CaseFormReply,
  type CaseSummaryView,
  type ChoiceOption,
  type Reply,
} from '../../conversation/types.js';
import { contactMethodOptions, languageOptions } from '../../conversation/case-form.js';
import { SEVERITY_DEFINITIONS, type Severity } from '../../domain/severity.js';
import type { Lang } from '../../domain/taxonomy.js';
import { labelsFor, type SlackLabels } from './labels.js';
import { clip, escapeClip, escapeMrkdwn } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;
type PlainTextOption = types.PlainTextOption;

export const LIMITS = {
  buttonValue: 2000,
  optionValue: 150,
  buttonText: 75,
  optionText: 75,
  sectionText: 3000,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  messageBlocks: 50,
  viewBlocks: 100,
  headerText: 150,
  inputText: 3000,
  selectOptions: 100,
  modalTitle: 24,
  messageText: 4000,
} as const;

/** Up to this many choices are buttons; more become one static_select. */
export const MAX_CHOICE_BUTTONS = 5;
/** Slack-only action ids (not core verbs). */
export const SHARE_ACTION = 'shareInChannel';
export const LINK_ACTION_PREFIX = 'link';
export const CASE_FORM_CALLBACK = 'caseForm';
/** The action id of every input of the case form modal; the block id is the field name. */
export const FORM_INPUT_ACTION = 'value';

export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

// ---- small builders ---------------------------------------------------------------------------

// No `emoji` flag: Slack's default already shows :codes: as emoji, and none of these texts has one;
// the flag only added bytes to every post.
const plain = (text: string, max: number = LIMITS.buttonText): types.PlainTextElement => ({ type: 'plain_text', text: clip(text, max) });
const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text });
const section = (text: string): types.SectionBlock => ({ type: 'section', text: mrkdwn(clip(text, LIMITS.sectionText)) });
const escSection = (text: string): types.SectionBlock => ({ type: 'section', text: mrkdwn(escapeClip(text, LIMITS.sectionText)) });
const field = (title: string, value: string): types.MrkdwnElement => mrkdwn(clip(`*${escapeMrkdwn(title)}*\n${escapeClip(value, LIMITS.fieldText - title.length - 10)}`, LIMITS.fieldText));

/**
 * The data of a button or option as JSON within `max` characters. Oversized data (never produced
 * by the core today) keeps the fields that fit, shortest first, so the button still works.
 */
export function encodeActionValue(data: Readonly<Record<string, unknown>> | undefined, max: number = LIMITS.buttonValue): string {
  const full = JSON.stringify(data ?? {});
  if (full.length <= max) return full;
  const kept: Record<string, unknown> = {};
  const entries = Object.entries(data ?? {}).sort((a, b) => JSON.stringify(a[1]).length - JSON.stringify(b[1]).length);
  for (const [key, value] of entries) {
    const next = { ...kept, [key]: value };
    if (JSON.stringify(next).length <= max) kept[key] = value;
  }
  return JSON.stringify(kept);
}

/** Parses a button/option value back into data; anything not a JSON object is `{ value }`. */
export function decodeActionValue(value: string | undefined): Record<string, unknown> {
  if (value === undefined || value === '') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    return { value: parsed };
  } catch {
    return { value };
  }
}

/** The verb of an action id (`pickCategory#2` → `pickCategory`). */
export function verbOfActionId(actionId: string): string {
  const hash = actionId.indexOf('#');
  return hash === -1 ? actionId : actionId.slice(0, hash);
}

function uniqueIds(buttons: readonly { verb: string }[]): string[] {
  const seen = new Map<string, number>();
  return buttons.map(({ verb }) => {
    const n = seen.get(verb) ?? 0;
    seen.set(verb, n + 1);
    return n === 0 ? verb : `${verb}#${n}`;
  });
}

function button(actionId: string, title: string, data: Readonly<Record<string, unknown>> | undefined, style?: ActionButton['style']): Button {
  const b: Button = { type: 'button', action_id: actionId, text: plain(title) };
  // A click without a value reads as no data (decodeActionValue): "{}" would only add bytes to every post.
  if (data && Object.keys(data).length > 0) b.value = encodeActionValue(data);
  if (style === 'primary') b.style = 'primary';
  if (style === 'destructive') b.style = 'danger';
  return b;
}

function actionsBlock(buttons: readonly ActionButton[]): types.ActionsBlock | undefined {
  if (buttons.length === 0) return undefined;
  const kept = buttons.slice(0, LIMITS.actionsElements);
  const ids = uniqueIds(kept);
  return { type: 'actions', elements: kept.map((b, i) => button(ids[i] ?? b.verb, b.title, b.data, b.style)) };
}

function option(title: string, value: string): PlainTextOption {
  return { text: plain(title, LIMITS.optionText), value: clip(value, LIMITS.optionValue) };
}

/** Few options: buttons; more: a static_select whose option values carry the data. */
function choiceBlocks(verb: ActionVerb, extra: Readonly<Record<string, unknown>>, options: readonly ChoiceOption[], labels: SlackLabels): KnownBlock[] {
  if (options.length === 0) return [];
  if (options.length <= MAX_CHOICE_BUTTONS) {
    const ids = uniqueIds(options.map(() => ({ verb })));
    return [{ type: 'actions', elements: options.map((o, i) => button(ids[i] ?? verb, o.title, { ...extra, value: o.value })) }];
  }
  return [
    {
      type: 'actions',
      elements: [
        {
          type: 'static_select',
          action_id: verb,
          placeholder: plain(labels.choose),
          options: options.slice(0, LIMITS.selectOptions).map((o) => option(o.title, encodeActionValue({ ...extra, value: o.value }, LIMITS.optionValue))),
        },
      ],
    },
  ];
}

function severityName(severity: Severity, lang: Lang): string {
  return SEVERITY_DEFINITIONS[severity].label[lang];
}

function statusLabel(status: CaseSummaryView['status'], labels: SlackLabels): string {
  return status === 'open' ? labels.statusOpen : labels.statusClosed;
}

function caseFields(c: CaseSummaryView, lang: Lang, labels: SlackLabels): types.MrkdwnElement[] {
  const fields = [
    field(labels.status, statusLabel(c.status, labels)),
    field(labels.severity, severityName(c.severity, lang)),
    field(labels.category, c.categoryName),
    field(labels.created, c.createdAt),
  ];
  if (c.respondBy) fields.push(field(labels.respondBy, c.respondBy));
  if (c.closedAt) fields.push(field(labels.closed, c.closedAt));
  if (c.owner) fields.push(field(labels.owner, c.owner));
  if (c.lastUpdate) fields.push(field(labels.lastUpdate, c.lastUpdate));
  return fields.slice(0, 10);
}

function contextLines(lines: readonly string[], prefix?: string): types.ContextBlock | undefined {
  if (lines.length === 0) return undefined;
  const max = LIMITS.contextElements;
  const shown = lines.length > max ? [...lines.slice(0, max - 1), lines.slice(max - 1).join(' · ')] : [...lines];
  return { type: 'context', elements: shown.map((line, i) => mrkdwn(escapeClip(i === 0 && prefix ? `${prefix}: ${line}` : line, LIMITS.sectionText))) };
}

const TONE_ICON = { info: '', warning: ':warning: ', error: ':x: ' } as const;

function caseHeading(c: { number: string; title: string }): string {
  return `*${escapeMrkdwn(c.number)}: ${escapeClip(c.title, 500)}*`;
}

function compact<T>(items: readonly (T | undefined | false)[]): T[] {
  return items.filter((x): x is T => x !== undefined && x !== false);
}

function capBlocks(blocks: KnownBlock[], max: number): KnownBlock[] {
  return blocks.length <= max ? blocks : blocks.slice(0, max);
}

// ---- messages ---------------------------------------------------------------------------------

/** The triage answer: what was understood, severity and response time, why, and the self-help links. */
function triageMessage(reply: Extract<Reply, { kind: 'triage' }>, labels: SlackLabels): SlackMessage {
  const fields = [field(labels.category, reply.categoryName)];
  if (reply.severity !== null) fields.push(field(labels.severity, reply.severityLabel ?? severityName(reply.severity, reply.lang)));
  if (reply.expectation) {
    fields.push(field(labels.responseTime, reply.expectation.summary));
    if (reply.expectation.respondBy) fields.push(field(labels.respondBy, reply.expectation.respondBy));
  }
  const links = reply.links.slice(0, LIMITS.actionsElements);
  const health = reply.serviceHealth;
  const blocks = compact<KnownBlock>([
    // "Is it Microsoft?" first: an open incident changes what the admin does next.
    health ? escSection(`:rotating_light: ${[health.headline, health.incident?.status].filter(Boolean).join('\n')}`) : undefined,
    health?.incident ? { type: 'actions', elements: [{ type: 'button', action_id: `${LINK_ACTION_PREFIX}#health`, text: plain(health.incident.linkTitle), url: clip(health.incident.url, 3000) }] } : undefined,
    escSection(reply.message),
    { type: 'section', fields },
    reply.planSource ? { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(reply.planSource) }] } : undefined,
    contextLines(reply.reasons, labels.why),
    reply.notice ? escSection(`:information_source: ${reply.notice}`) : undefined,
    links.length > 0 ? section(`*${escapeMrkdwn(labels.selfHelp)}*`) : undefined,
    links.length > 0
      ? {
          type: 'actions',
          elements: links.map((link, i): Button => ({
            type: 'button',
            action_id: `${LINK_ACTION_PREFIX}#${i}`,
            text: plain(link.title),
            url: clip(link.url, 3000),
          })),
        }
      : undefined,
    actionsBlock(reply.actions),
  ]);
  // The notification text: what was understood and what to expect. The links are buttons
  // in the message itself; a notification preview full of URLs helps nobody.
  const fallback = [
    health?.headline ?? '',
    reply.message,
    `${labels.category}: ${reply.categoryName}`,
    reply.severity !== null ? `${labels.severity}: ${reply.severityLabel ?? severityName(reply.severity, reply.lang)}` : '',
    reply.expectation ? `${labels.responseTime}: ${reply.expectation.summary}` : '',
  ];
  return { text: textOf(fallback), blocks };
}

/** One reply as a message: Block Kit blocks and a plain-text fallback (also escaped: Slack parses it). */
export function renderReply(reply: Reply): SlackMessage {
  const labels = labelsFor(reply.lang);
  switch (reply.kind) {
    case 'triage':
      return triageMessage(reply, labels);
    case 'question':
      return {
        text: textOf([reply.question, ...reply.options.map((o) => `- ${o.title}`)]),
        blocks: [escSection(reply.question), ...choiceBlocks(reply.verb, { field: reply.field }, reply.options, labels)],
      };
    case 'plan-question':
      return {
        text: textOf([reply.question, ...reply.options.map((o) => `- ${o.title}`)]),
        blocks: [escSection(reply.question), ...choiceBlocks('choosePlan', {}, reply.options, labels)],
      };
    case 'case-form': {
      // In a message the form is a button: a modal needs the trigger_id of a click.
      const blocks = compact<KnownBlock>([
        reply.errors.form ? escSection(`:warning: ${reply.errors.form}`) : undefined,
        escSection(`${labels.formReady}${reply.note ? `\n${reply.note}` : ''}`),
        actionsBlock([{ verb: 'openCase', title: labels.openForm, data: { formId: reply.formId }, style: 'primary' }]),
      ]);
      return { text: textOf([labels.formReady, reply.values.title]), blocks };
    }
    case 'case-created': {
      const fields = caseFields(reply.case, reply.lang, labels);
      if (reply.expectation && fields.length < 10) fields.push(field(labels.responseTime, reply.expectation.summary));
      return {
        text: textOf([`${reply.case.number}: ${reply.case.title}`, reply.nextSteps]),
        blocks: compact<KnownBlock>([
          section(`:white_check_mark: ${caseHeading(reply.case)}`),
          { type: 'section', fields },
          escSection(reply.nextSteps),
          actionsBlock([
            { verb: 'showCase', title: labels.details, data: { number: reply.case.number } },
            { verb: 'myCases', title: labels.myCases },
          ]),
        ]),
      };
    }
    case 'case-list':
      return { text: textOf([reply.title, ...reply.cases.map((c) => `${c.number}: ${c.title}`), ...(reply.more ? [reply.more] : [])]), blocks: caseListBlocks(reply, labels, LIMITS.messageBlocks) };
    case 'case-detail': {
      const history = reply.case.history.slice(-20);
      return {
        text: textOf([`${reply.case.number}: ${reply.case.title}`, reply.case.description]),
        blocks: compact<KnownBlock>([
          section(caseHeading(reply.case)),
          { type: 'section', fields: caseFields(reply.case, reply.lang, labels) },
          escSection(reply.case.description),
          history.length > 0 ? section(`*${escapeMrkdwn(labels.history)}*\n${escapeClip(history.map((h) => `• ${h}`).join('\n'), LIMITS.sectionText - 100)}`) : undefined,
          actionsBlock(reply.actions),
        ]),
      };
    }
    case 'text':
      return {
        text: textOf([reply.text]),
        blocks: compact<KnownBlock>([
          section(`${TONE_ICON[reply.tone ?? 'info']}${escapeClip(reply.text, LIMITS.sectionText - 20)}`),
          reply.link ? { type: 'actions', elements: [{ type: 'button', action_id: `${LINK_ACTION_PREFIX}#text`, text: plain(reply.link.title), url: clip(reply.link.url, 3000) }] } : undefined,
        ]),
      };
    case 'welcome': {
      const commandFields = reply.commands.slice(0, 10).map((c) => field(c.command, c.description));
      return {
        text: textOf([reply.title, reply.text]),
        blocks: compact<KnownBlock>([
          { type: 'header', text: plain(reply.title, LIMITS.headerText) },
          escSection(reply.text),
          reply.examples.length > 0
            ? section(`*${escapeMrkdwn(labels.examples)}*\n${escapeClip(reply.examples.map((e) => `• "${e}"`).join('\n'), LIMITS.sectionText - 100)}`)
            : undefined,
          commandFields.length > 0 ? section(`*${escapeMrkdwn(labels.commands)}*`) : undefined,
          commandFields.length > 0 ? { type: 'section', fields: commandFields } : undefined,
          actionsBlock([{ verb: 'myCases', title: labels.myCases }]),
        ]),
      };
    }
    default:
      return assertNever(reply);
  }
}

function caseListBlocks(reply: Extract<Reply, { kind: 'case-list' }>, labels: SlackLabels, maxBlocks: number): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(reply.title, LIMITS.headerText) }];
  if (reply.cases.length === 0) return [...blocks, escSection(reply.empty)];
  const room = maxBlocks - blocks.length - 1;
  const shown = reply.cases.slice(0, room);
  for (const c of shown) {
    const summary = [
      statusLabel(c.status, labels),
      ...(c.owner ? [`${labels.owner}: ${c.owner}`] : []),
      severityName(c.severity, reply.lang),
      c.categoryName,
      c.createdAt,
      ...(c.lastUpdate ? [`${labels.lastUpdate}: ${c.lastUpdate}`] : []),
    ].join(' · ');
    blocks.push({
      type: 'section',
      text: mrkdwn(`${caseHeading(c)}\n${escapeClip(summary, 1000)}`),
      accessory: button('showCase', labels.details, { number: c.number }),
    });
  }
  if (reply.cases.length > shown.length) blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(labels.more(reply.cases.length - shown.length)))] });
  else if (reply.more) blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(reply.more))] });
  return blocks;
}

function textOf(lines: readonly string[]): string {
  return escapeClip(lines.filter((l) => l.trim() !== '').join('\n'), LIMITS.messageText);
}

/** A "Share in channel" button for an ephemeral answer (value: the id of the stashed answer). */
export function shareBlock(shareId: string, lang: Lang): types.ActionsBlock {
  return { type: 'actions', elements: [button(SHARE_ACTION, labelsFor(lang).shareInChannel, { id: shareId })] };
}

// ---- the case form modal ------------------------------------------------------------------------

type FormField = keyof CaseFormReply['values'];

function textInput(blockId: FormField, label: string, value: string, options: { multiline?: boolean; optional?: boolean; max?: number; hint?: string } = {}): types.InputBlock {
  const max = options.max ?? LIMITS.inputText;
  const element: types.PlainTextInput = { type: 'plain_text_input', action_id: FORM_INPUT_ACTION, max_length: max };
  if (options.multiline) element.multiline = true;
  if (value !== '') element.initial_value = clip(value, max);
  const block: types.InputBlock = { type: 'input', block_id: blockId, label: plain(label, 2000), element, optional: options.optional ?? false };
  if (options.hint) block.hint = plain(options.hint, 2000);
  return block;
}

function selectInput(blockId: FormField, label: string, options: readonly PlainTextOption[], selected: string): types.InputBlock {
  const element: types.StaticSelect = { type: 'static_select', action_id: FORM_INPUT_ACTION, options: options.slice(0, LIMITS.selectOptions) };
  const initial = options.find((o) => o.value === selected);
  if (initial) element.initial_option = initial;
  return { type: 'input', block_id: blockId, label: plain(label, 2000), element };
}

/** The case form as a modal: the same fields as the form reply, prefilled; the block id is the field. */
export function renderCaseFormModal(reply: CaseFormReply, privateMetadata: string): types.ModalView {
  const labels = labelsFor(reply.lang);
  const { values } = reply;
  const severityTitle = reply.severityOptions.find((o) => o.value === values.severity)?.title ?? severityName(values.severity, reply.lang);
  const contactOptions: PlainTextOption[] = contactMethodOptions(reply.lang, labels.contactChat).map((o) => option(o.title, o.value));
  const contact: types.RadioButtons = { type: 'radio_buttons', action_id: FORM_INPUT_ACTION, options: contactOptions };
  const initialContact = contactOptions.find((o) => o.value === values.contactMethod);
  if (initialContact) contact.initial_option = initialContact;
  const shortened = values.description.length > LIMITS.inputText;

  const blocks = compact<KnownBlock>([
    reply.note ? { type: 'context', elements: [mrkdwn(escapeClip(reply.note, LIMITS.sectionText))] } : undefined,
    shortened ? { type: 'context', elements: [mrkdwn(escapeMrkdwn(labels.descriptionShortened(LIMITS.inputText)))] } : undefined,
    reply.errors.form ? escSection(`:warning: ${reply.errors.form}`) : undefined,
    textInput('title', labels.title, values.title, { max: 200 }),
    textInput('description', labels.description, values.description, { multiline: true }),
    selectInput('category', labels.category, reply.categoryOptions.map((o) => option(o.title, o.value)), values.category),
    reply.severityEditable
      ? selectInput('severity', labels.severity, reply.severityOptions.map((o) => option(o.title, o.value)), values.severity)
      : { type: 'context', block_id: 'severity', elements: [mrkdwn(`*${escapeMrkdwn(labels.severity)}:* ${escapeClip(severityTitle, 1000)}`)] },
    textInput('affectedUsers', labels.affectedUsers, values.affectedUsers, { optional: true, max: 200 }),
    { type: 'input', block_id: 'contactMethod', label: plain(labels.contactMethod, 2000), element: contact },
    textInput('email', labels.email, values.email, { optional: true, max: 320 }),
    textInput('phone', labels.phone, values.phone, { optional: true, max: 40 }),
    selectInput('language', labels.language, languageOptions(reply.lang).map((o) => option(o.title, o.value)), values.language),
    textInput('timeZone', labels.timeZone, values.timeZone, { max: 64, hint: labels.timeZoneHint }),
  ]);
  return {
    type: 'modal',
    callback_id: CASE_FORM_CALLBACK,
    title: plain(labels.formTitle, LIMITS.modalTitle),
    submit: plain(labels.submit, LIMITS.modalTitle),
    close: plain(labels.cancel, LIMITS.modalTitle),
    private_metadata: privateMetadata,
    notify_on_close: false,
    blocks: capBlocks(blocks, LIMITS.viewBlocks),
  };
}

const MODAL_INPUT_FIELDS: readonly FormField[] = ['title', 'description', 'category', 'affectedUsers', 'contactMethod', 'email', 'phone', 'language', 'timeZone'];

/**
 * `response_action: 'errors'` for a form the core sent back: block id → message. An error on a
 * field without an input (severity when it is read-only, or the whole form) goes under the title.
 */
export function modalErrors(reply: CaseFormReply): Record<string, string> {
  const inputs = new Set<string>(MODAL_INPUT_FIELDS);
  if (reply.severityEditable) inputs.add('severity');
  const errors: Record<string, string> = {};
  const orphans: string[] = [];
  for (const [key, message] of Object.entries(reply.errors)) {
    if (!message || key === 'form') continue;
    if (inputs.has(key)) errors[key] = clip(message, 2000);
    else orphans.push(message);
  }
  if (Object.keys(errors).length === 0 && orphans.length === 0 && reply.errors.form) orphans.push(reply.errors.form);
  if (orphans.length > 0) errors.title = clip([errors.title, ...orphans].filter(Boolean).join(' '), 2000);
  return errors;
}

/** True when the core answered a submit with the form again, with errors to show. */
export function hasFormErrors(reply: CaseFormReply): boolean {
  return Object.values(reply.errors).some((m) => typeof m === 'string' && m !== '');
}

interface ViewStateValue {
  readonly type?: string;
  readonly value?: string | null;
  readonly selected_option?: { readonly value?: string } | null;
}

/** The submitted modal's values as the core's form data (field → string). */
export function formDataFromView(values: Readonly<Record<string, Readonly<Record<string, ViewStateValue>>>>): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const input = actions[FORM_INPUT_ACTION];
    if (!input) continue;
    data[blockId] = input.selected_option?.value ?? input.value ?? '';
  }
  return data;
}

// ---- App Home -----------------------------------------------------------------------------------

/** The App Home tab: a title, then the replies the core gave to "my cases" (a list, or a refusal). */
export function renderHome(replies: readonly Reply[], lang: Lang): types.HomeView {
  const labels = labelsFor(lang);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(labels.homeTitle, LIMITS.headerText) },
    { type: 'context', elements: [mrkdwn(escapeMrkdwn(labels.homeIntro))] },
  ];
  const footer: KnownBlock[] = [{ type: 'divider' }, { type: 'context', elements: [mrkdwn(escapeMrkdwn(labels.homeHint))] }];
  for (const reply of replies) {
    const room = LIMITS.viewBlocks - blocks.length - footer.length;
    if (room <= 1) break;
    const rendered = reply.kind === 'case-list' ? caseListBlocks(reply, labels, room) : renderReply(reply).blocks;
    blocks.push(...rendered.slice(0, room));
  }
  return { type: 'home', blocks: capBlocks([...blocks, ...footer], LIMITS.viewBlocks) };
}
