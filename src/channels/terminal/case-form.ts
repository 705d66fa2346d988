/**
 * The case form in the terminal: shown with the labels and display names the cards use, filled
 * field by field. A choice field takes a number, a value or a display name ("Mail flow"); an
 * answer that matches no choice is refused on the spot with the list, before anything is sent.
 */
import { SEVERITY_DEFINITIONS, type Severity } from '../../domain/severity.js';
import { channelLabels } from '../../conversation/strings/index.js';
import { CASE_FORM_FIELDS, contactMethodOptions, languageOptions } from '../../conversation/case-form.js';
import type { CaseFormReply, CaseFormValues, ChoiceOption, TurnAction } from '../../conversation/types.js';

export type FormField = (typeof CASE_FORM_FIELDS)[number];

export interface FieldView {
  readonly field: FormField;
  readonly label: string;
  /** Set for fields that take one of a list. */
  readonly options?: readonly ChoiceOption[];
}

export function fieldViews(form: CaseFormReply): FieldView[] {
  const l = channelLabels(form.lang);
  const options: Partial<Record<FormField, readonly ChoiceOption[]>> = {
    category: form.categoryOptions,
    severity: form.severityOptions,
    contactMethod: contactMethodOptions(form.lang, l.contactChatTeams),
    language: languageOptions(form.lang),
  };
  const labels: Record<FormField, string> = {
    title: l.title,
    description: l.description,
    category: l.category,
    severity: l.severity,
    affectedUsers: l.affectedUsers,
    contactMethod: l.contactMethod,
    email: l.email,
    phone: l.phone,
    language: l.language,
    timeZone: `${l.timeZone} (${l.timeZoneHint})`,
  };
  return CASE_FORM_FIELDS.map((field) => ({ field, label: labels[field], ...(options[field] ? { options: options[field] } : {}) }));
}

/** What the admin reads for a stored value: the choice's title, or the value itself. */
export function displayValue(view: FieldView, value: string): string {
  return view.options?.find((o) => o.value === value)?.title ?? value;
}

export function choiceList(options: readonly ChoiceOption[]): string[] {
  return options.map((o, i) => `      ${String(i + 1).padStart(2)}) ${o.title}`);
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The choice an answer names: its number, its value, its title, or the one title containing it. */
export function matchChoice(options: readonly ChoiceOption[], answer: string): ChoiceOption | undefined {
  const text = fold(answer);
  if (/^\d+$/.test(text)) return options[Number(text) - 1];
  const exact = options.find((o) => fold(o.value) === text || fold(o.title) === text);
  if (exact) return exact;
  const partial = options.filter((o) => fold(o.title).includes(text));
  return partial.length === 1 ? partial[0] : undefined;
}

/** The form as text: the error summary first, then each field with its value and its error. */
export function renderCaseForm(form: CaseFormReply): string[] {
  const l = channelLabels(form.lang);
  const lines = [`── ${l.formTitle}`];
  if (form.note) lines.push(`   ${form.note}`);
  if (form.errors.form) lines.push(`   ⚠ ${form.errors.form}`);
  for (const view of fieldViews(form)) {
    if (view.field === 'severity' && !form.severityEditable && !form.errors.severity) {
      lines.push(`   ${view.label}: ${SEVERITY_DEFINITIONS[form.values.severity as Severity].label[form.lang]} (${l.severityFixed})`);
      continue;
    }
    const error = form.errors[view.field];
    lines.push(`   ${view.label}: ${displayValue(view, form.values[view.field])}${error ? `   ⚠ ${error}` : ''}`);
    if (error && view.options) lines.push(...choiceList(view.options));
  }
  return lines;
}

export type Ask = (prompt: string) => Promise<string | undefined>;

/**
 * Walks the form's fields (only the errored ones after a refused submit); Enter keeps the value
 * shown, "?" lists a field's choices. Returns the submit action, or undefined at the end of input.
 */
export async function fillCaseForm(form: CaseFormReply, ask: Ask, print: (line: string) => void): Promise<TurnAction | undefined> {
  const values: Record<keyof CaseFormValues, string> = { ...form.values };
  const views = fieldViews(form);
  const errored = views.filter((v) => form.errors[v.field]);
  const asked = errored.length > 0 ? errored : views.filter((v) => v.field !== 'severity' || form.severityEditable);
  for (const view of asked) {
    for (;;) {
      const answer = await ask(`${view.label} [${displayValue(view, values[view.field])}]: `);
      if (answer === undefined) return undefined;
      const text = answer.trim();
      if (text === '') break;
      if (!view.options) {
        values[view.field] = text;
        break;
      }
      const choice = text === '?' ? undefined : matchChoice(view.options, text);
      if (choice) {
        values[view.field] = choice.value;
        break;
      }
      if (text !== '?') print(`   ⚠ ${channelLabels(form.lang).notAChoice(text)}`);
      for (const line of choiceList(view.options)) print(line);
    }
  }
  return { verb: 'submitCase', data: { ...values, formId: form.formId } };
}
