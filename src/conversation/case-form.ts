/**
 * The case form: built prefilled from the conversation, and validated with zod when submitted.
 * Validation never throws: bad input comes back as per-field messages with the values kept.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { namedGroup, namesEveryUser } from '../domain/affected-scope.js';
import { isValidTimeZone } from '../domain/business-hours.js';
import { SEVERITIES, SEVERITY_DEFINITIONS, type Severity } from '../domain/severity.js';
import { caseCanBeOpened, CATEGORIES, categoryDisplayName, isCategoryId, type CategoryId, type Lang } from '../domain/taxonomy.js';
import { channelLabels, strings, type Strings } from './strings/index.js';
import type { CaseFormReply, CaseFormValues, ChoiceOption } from './types.js';
import type { Scope } from './state.js';

export const MAX_TITLE_CHARS = 200;
export const MAX_DESCRIPTION_CHARS = 4000;
const TITLE_FROM_MESSAGE_CHARS = 80;

type FieldErrors = CaseFormReply['errors'];
type FormValuesDraft = { -readonly [K in keyof CaseFormValues]: CaseFormValues[K] };

export function newFormId(): string {
  return randomUUID();
}

/** Categories a case can be opened in: technical, billing and pre-sales. */
export function caseCategoryOptions(lang: Lang): ChoiceOption[] {
  return CATEGORIES.filter((c) => caseCanBeOpened(c.support)).map((c) => ({
    value: c.id,
    title: categoryDisplayName(c.id, lang),
  }));
}

export function severityOptions(lang: Lang): ChoiceOption[] {
  return SEVERITIES.map((sev) => ({ value: sev, title: `${SEVERITY_DEFINITIONS[sev].label[lang]}: ${SEVERITY_DEFINITIONS[sev].definition[lang]}` }));
}

/** The contact methods a case form offers; `chatTitle` names the chat of the admin's own channel. */
export function contactMethodOptions(lang: Lang, chatTitle: string): ChoiceOption[] {
  const labels = channelLabels(lang);
  return [
    { value: 'email', title: labels.contactEmail },
    { value: 'phone', title: labels.contactPhone },
    { value: 'chat', title: chatTitle },
  ];
}

/** The languages a case can be worked in. */
export function languageOptions(lang: Lang): ChoiceOption[] {
  const labels = channelLabels(lang);
  return [
    { value: 'en', title: labels.langEn },
    { value: 'zh-TW', title: labels.langZh },
  ];
}

/** The first sentence or line of the message, short enough for a title. */
export function titleFromMessage(message: string): string {
  const first = message.trim().split(/\r?\n|(?<=[.!?。!?])\s/u)[0] ?? '';
  const clean = first.replace(/\s+/g, ' ').trim();
  return clean.length <= TITLE_FROM_MESSAGE_CHARS ? clean : `${clean.slice(0, TITLE_FROM_MESSAGE_CHARS - 1).trimEnd()}…`;
}

export function capDescription(message: string): { text: string; truncated: boolean } {
  const trimmed = message.trim();
  if (trimmed.length <= MAX_DESCRIPTION_CHARS) return { text: trimmed, truncated: false };
  return { text: `${trimmed.slice(0, MAX_DESCRIPTION_CHARS - 1)}…`, truncated: true };
}

/** The form's "Affected users": the group the admin named ("the whole sales floor") is not "Everyone". */
export function affectedUsersFor(scope: Scope, s: Strings, message = ''): string {
  if (scope === 'everyone') return namesEveryUser(message) ? s.affectedEveryone : (namedGroup(message) ?? s.affectedEveryone);
  if (scope === 'several') return s.affectedSeveral;
  if (scope === 'single') return s.affectedSingle;
  return '';
}

export interface NewFormInput {
  readonly lang: Lang;
  readonly formId: string;
  readonly message: string;
  readonly category: CategoryId;
  readonly severity: Severity;
  readonly scope: Scope;
  readonly email?: string;
  readonly timeZone: string;
  readonly severityEditable: boolean;
  readonly extraNote?: string;
}

export function buildCaseForm(input: NewFormInput): CaseFormReply {
  const s = strings(input.lang);
  const description = capDescription(input.message);
  const notes: string[] = [];
  if (input.extraNote) notes.push(input.extraNote);
  const def = SEVERITY_DEFINITIONS[input.severity];
  notes.push(input.severityEditable ? s.formNoteElevated : s.formNoteSeverity(def.label[input.lang], def.definition[input.lang]));
  if (description.truncated) notes.push(s.formNoteTruncated(MAX_DESCRIPTION_CHARS));
  return formReply(
    input.lang,
    input.formId,
    {
      title: titleFromMessage(input.message),
      description: description.text,
      category: input.category,
      severity: input.severity,
      affectedUsers: affectedUsersFor(input.scope, s, input.message),
      contactMethod: 'email',
      email: input.email ?? '',
      phone: '',
      language: input.lang,
      timeZone: input.timeZone,
    },
    input.severityEditable,
    {},
    notes.join(' '),
  );
}

function formReply(lang: Lang, formId: string, values: CaseFormValues, severityEditable: boolean, errors: FieldErrors, note?: string): CaseFormReply {
  return {
    kind: 'case-form',
    lang,
    values,
    severityEditable,
    categoryOptions: caseCategoryOptions(lang),
    severityOptions: severityOptions(lang),
    errors,
    formId,
    ...(note ? { note } : {}),
  };
}

// ---- validation ----------------------------------------------------------------------------

const PHONE_SHAPE = /^\+[\d\s-]+$/;

function phoneOk(phone: string): boolean {
  const digits = phone.replace(/\D/g, '').length;
  return PHONE_SHAPE.test(phone) && digits >= 7 && digits <= 15;
}

type ErrorKey = keyof Pick<
  Strings,
  'errorRequired' | 'errorCategory' | 'errorSeverity' | 'errorContactMethod' | 'errorEmail' | 'errorPhoneRequired' | 'errorPhone' | 'errorLanguage' | 'errorTimeZone'
>;

const text = z.string().trim();
/** zod messages are keys into the strings; the form shows them in the conversation's language. */
const submitSchema = z
  .object({
    title: text.min(1, 'errorRequired').max(MAX_TITLE_CHARS, 'tooLong:title'),
    description: text.min(1, 'errorRequired'),
    category: z.string().refine((c) => isCategoryId(c) && caseCategoryIds.has(c), 'errorCategory'),
    severity: z.enum(SEVERITIES, 'errorSeverity'),
    affectedUsers: text.max(200, 'tooLong:affectedUsers'),
    contactMethod: z.enum(['email', 'phone', 'chat'], 'errorContactMethod'),
    email: text,
    phone: text,
    language: z.enum(['en', 'zh-TW'], 'errorLanguage'),
    timeZone: text.refine((zone) => isValidTimeZone(zone), 'errorTimeZone'),
  })
  .superRefine((v, ctx) => {
    if (v.email !== '' && !z.email().safeParse(v.email).success) ctx.addIssue({ code: 'custom', path: ['email'], message: 'errorEmail' });
    else if (v.contactMethod === 'email' && v.email === '') ctx.addIssue({ code: 'custom', path: ['email'], message: 'errorRequired' });
    if (v.contactMethod === 'phone' && v.phone === '') ctx.addIssue({ code: 'custom', path: ['phone'], message: 'errorPhoneRequired' });
    else if (v.phone !== '' && !phoneOk(v.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'errorPhone' });
  });

const caseCategoryIds = new Set<string>(caseCategoryOptions('en').map((o) => o.value));

/** The case form's fields, in the order the form shows them. */
export const CASE_FORM_FIELDS = ['title', 'description', 'category', 'severity', 'affectedUsers', 'contactMethod', 'email', 'phone', 'language', 'timeZone'] as const;

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export type FormValidation =
  | { readonly ok: true; readonly values: CaseFormValues; readonly truncated: boolean }
  | { readonly ok: false; readonly form: CaseFormReply };

export interface ValidateInput {
  readonly lang: Lang;
  readonly formId: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The severity the bot assigned; kept unless the plan may set its own. */
  readonly assignedSeverity: Severity;
  readonly fallbackCategory: CategoryId;
  readonly severityEditable: boolean;
}

/** Validates a submitted form; never throws. */
export function validateCaseForm(input: ValidateInput): FormValidation {
  const s = strings(input.lang);
  const raw: Record<string, string> = {};
  for (const field of CASE_FORM_FIELDS) raw[field] = asText(input.data[field]);
  if (!input.severityEditable || raw.severity === '') raw.severity = input.assignedSeverity;
  if (raw.contactMethod === '') raw.contactMethod = 'email';
  if (raw.language === '') raw.language = input.lang;
  const capped = capDescription(raw.description ?? '');
  raw.description = capped.text;

  const parsed = submitSchema.safeParse(raw);
  if (parsed.success) return { ok: true, values: { ...parsed.data, category: parsed.data.category as CategoryId }, truncated: capped.truncated };

  const errors: Partial<Record<keyof CaseFormValues | 'form', string>> = { form: s.errorForm };
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(CASE_FORM_FIELDS as readonly string[]).includes(field)) continue;
    const key = field as keyof CaseFormValues;
    if (errors[key]) continue;
    errors[key] = messageFor(issue.message, s);
  }
  const kept: FormValuesDraft = {
    title: raw.title ?? '',
    description: raw.description,
    category: isCategoryId(raw.category ?? '') ? (raw.category as CategoryId) : input.fallbackCategory,
    severity: (SEVERITIES as readonly string[]).includes(raw.severity ?? '') ? (raw.severity as Severity) : input.assignedSeverity,
    affectedUsers: raw.affectedUsers ?? '',
    contactMethod: raw.contactMethod === 'phone' || raw.contactMethod === 'chat' ? raw.contactMethod : 'email',
    email: raw.email ?? '',
    phone: raw.phone ?? '',
    language: raw.language === 'zh-TW' ? 'zh-TW' : 'en',
    timeZone: raw.timeZone ?? '',
  };
  return { ok: false, form: formReply(input.lang, input.formId, kept, input.severityEditable, errors) };
}

function messageFor(code: string, s: Strings): string {
  if (code.startsWith('tooLong:')) return s.errorTooLong(code.endsWith('title') ? MAX_TITLE_CHARS : 200);
  const key = code as ErrorKey;
  const value = s[key];
  return typeof value === 'string' ? value : s.errorRequired;
}
