/**
 * What the core remembers per conversation, between turns. Stored as JSON by the store and
 * parsed back with zod: a state written by an older version, or garbage, reads as empty.
 */
import { z } from 'zod';
import type { Turn } from './types.js';

const scopeSchema = z.enum(['everyone', 'several', 'single', 'unspecified']);
export type Scope = z.infer<typeof scopeSchema>;

const triageSchema = z.object({
  /** What the admin wrote. */
  message: z.string(),
  /** What the engine read: the message plus clarification answers. */
  triagedText: z.string(),
  category: z.string(),
  severity: z.enum(['A', 'B', 'C']).nullable(),
  scope: scopeSchema,
  /** The admin picked the category ("Not quite"); the engine did not place it. */
  forced: z.boolean(),
  /** The categories the bot asked between, when the engine was unsure (best first). */
  asked: z.array(z.string()).optional(),
  /** The admin chose one of `asked`: the engine triages the message as that category. */
  chosen: z.boolean().optional(),
  /** An open Microsoft service health incident shown with this triage (Microsoft Graph). */
  incident: z.object({ id: z.string(), title: z.string() }).optional(),
});

/** What happens once the plan question is answered. */
const afterPlanSchema = z.discriminatedUnion('kind', [
  /** Answer `lastTriage`. */
  z.object({ kind: z.literal('answer') }),
  z.object({ kind: z.literal('openForm'), officeAfterAll: z.boolean() }),
  z.object({ kind: z.literal('nothing') }),
  /** Answer a question about support that needed the plan ("response time for Sev A?"). */
  z.object({ kind: z.literal('supportQuestion'), text: z.string() }),
]);

const formSchema = z.object({
  category: z.string(),
  severity: z.enum(['A', 'B', 'C']),
  plan: z.string(),
  support: z.string(),
  officeAfterAll: z.boolean(),
});

const stateSchema = z.object({
  lang: z.enum(['en', 'zh-TW']).optional(),
  /** The last complaint and how it was placed. */
  lastTriage: triageSchema.optional(),
  /** A clarifying question is out: the original message and the answers so far. */
  clarification: z
    .object({
      message: z.string(),
      remaining: z.array(z.enum(['service', 'scope'])),
      service: z.string().optional(),
      scope: scopeSchema.optional(),
    })
    .optional(),
  /** The plan question is out; what to do once it is answered. */
  planQuestion: afterPlanSchema.optional(),
  /** Case forms handed out, by formId (the last few), so a retried submit still finds its form. */
  forms: z.record(z.string(), formSchema).optional(),
  /** formIds oldest first, to drop old forms. */
  formOrder: z.array(z.string()).optional(),
  /** Cases opened in this conversation (the last few): where an engineer's question comes back to. */
  casesOpenedHere: z.array(z.string()).optional(),
  /** The words last added to a case as the answer to an engineer's question ("It's a new problem" triages them). */
  lastAnswer: z.object({ number: z.string(), text: z.string() }).optional(),
});

export type ConversationState = z.infer<typeof stateSchema>;
export type StoredTriage = z.infer<typeof triageSchema>;
export type StoredForm = z.infer<typeof formSchema>;

export function stateKey(turn: Pick<Turn, 'channel' | 'tenantId' | 'conversationId'>): string {
  return `conversation:${turn.channel}:${turn.tenantId}:${turn.conversationId}`;
}

/**
 * A stored state as this version understands it; anything unreadable starts afresh. The result
 * shares no object with `raw` (zod builds every object and array anew), so `raw` still holds the
 * stored value when the turn's handlers have changed the state (see `unchangedState`).
 */
export function parseState(raw: unknown): ConversationState {
  const parsed = stateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * True when `state` would be stored as the same JSON value as `stored` (the value the turn read):
 * a key holding undefined counts as absent, as in JSON, and key order does not matter. Compared
 * in place, so an unchanged turn serialises nothing and a changed one only once (by the store).
 * Anything it cannot vouch for (a class instance, NaN, undefined in an array) counts as changed.
 */
export function unchangedState(stored: unknown, state: ConversationState): boolean {
  return sameJsonValue(stored ?? {}, state);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function sameJsonValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b && (typeof a !== 'number' || Number.isFinite(a));
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => item !== undefined && sameJsonValue(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let defined = 0;
  for (const key of Object.keys(left)) {
    if (left[key] === undefined) continue;
    defined += 1;
    if (!sameJsonValue(left[key], right[key])) return false;
  }
  for (const key of Object.keys(right)) if (right[key] !== undefined) defined -= 1;
  return defined === 0;
}

export const MAX_REMEMBERED_FORMS = 5;

export function rememberForm(state: ConversationState, formId: string, form: StoredForm): void {
  const forms = { ...(state.forms ?? {}) };
  const order = (state.formOrder ?? []).filter((id) => id !== formId);
  forms[formId] = form;
  order.push(formId);
  while (order.length > MAX_REMEMBERED_FORMS) delete forms[order.shift()!];
  state.forms = forms;
  state.formOrder = order;
}

export const MAX_REMEMBERED_CASES = 20;

/** Only conversations that opened a case look for an engineer's open question: no extra read for the rest. */
export function rememberCaseOpenedHere(state: ConversationState, number: string): void {
  const numbers = (state.casesOpenedHere ?? []).filter((n) => n !== number);
  numbers.push(number);
  state.casesOpenedHere = numbers.slice(-MAX_REMEMBERED_CASES);
}
