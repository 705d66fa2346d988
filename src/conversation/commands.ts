/** Commands typed in chat, in English and Traditional Chinese. Anything else is a complaint. */
import type { Severity } from '../domain/severity.js';
import { singleSpaced } from '../domain/whitespace.js';

/** What `my cases` narrows to: a page (from 1), one severity, only the recently closed. */
export interface CaseListFilter {
  readonly page: number;
  readonly severity?: Severity;
  readonly closedOnly: boolean;
}

export type Command =
  | { readonly kind: 'myCases'; readonly filter?: CaseListFilter }
  | { readonly kind: 'showCase' | 'closeCase' | 'reopenCase'; readonly number: string | undefined }
  | { readonly kind: 'changePlan' }
  | { readonly kind: 'help' }
  | { readonly kind: 'newCase' }
  | { readonly kind: 'greeting' };

const CASE_NUMBER = /\bSR-\d{6}-\d{4,}\b/i;

const GREETING_WORDS = /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|你好|您好|哈囉|嗨|早安|午安|晚安|大家好)(?:\s+(?:there|all|everyone|bot))?(?![a-z])/i;

function tidy(text: string): string {
  return singleSpaced(text.normalize('NFKC').trim())
    .replace(/[!?.。!?,,~]+$/u, '')
    .trim();
}

function withNumber(kind: 'showCase' | 'closeCase' | 'reopenCase', rest: string): Command | undefined {
  const match = CASE_NUMBER.exec(rest);
  if (match) return { kind, number: match[0].toUpperCase() };
  // "close" alone is a command without its number; "close the sharing link" is a complaint.
  return rest.trim() === '' ? { kind, number: undefined } : undefined;
}

const LIST_OPTIONS: readonly { readonly pattern: RegExp; readonly apply: (match: RegExpExecArray, into: { -readonly [K in keyof CaseListFilter]: CaseListFilter[K] }) => void }[] = [
  { pattern: /^(?:page|p|第)\s*(\d{1,5})\s*頁?/, apply: (m, into) => void (into.page = Number(m[1])) },
  { pattern: /^(?:sev|severity|嚴重性|嚴重程度)\s*-?\s*([abc])(?![a-z])/, apply: (m, into) => void (into.severity = m[1]!.toUpperCase() as Severity) },
  { pattern: /^(?:closed|已關閉|已結案|關閉)(?![a-z])/, apply: (_m, into) => void (into.closedOnly = true) },
];

/** The options after `my cases`, in any order; undefined when anything else follows. */
function caseListFilterOf(rest: string): CaseListFilter | undefined {
  const filter: { -readonly [K in keyof CaseListFilter]: CaseListFilter[K] } = { page: 1, closedOnly: false };
  let remaining = rest.trim();
  while (remaining !== '') {
    const option = LIST_OPTIONS.find((o) => o.pattern.test(remaining));
    const match = option?.pattern.exec(remaining);
    if (!option || !match) return undefined;
    option.apply(match, filter);
    remaining = remaining.slice(match[0].length).replace(/^[\s,,、]+/u, '');
  }
  return filter.page >= 1 ? filter : undefined;
}

// Compiled once: a regular expression literal inside a function is a new object on every call,
// and every typed message goes through here.
const MY_CASES = /^(?:my cases|my case|cases|list cases|我的案件|我的案例)(?![a-z])\s*/;
const HELP = /^(?:help|\?|menu|說明|幫助|help me)$/;
const NEW_CASE = /^(?:new case|new request|open a case|open case|new ticket|新案件|建立案件|開新案件|提出案件)$/;
const CHANGE_PLAN = /^(?:change plan|change my plan|change our plan|set plan|變更方案|更改方案)$/;
const CASE_PREFIXES: readonly (readonly [RegExp, 'showCase' | 'closeCase' | 'reopenCase'])[] = [
  [/^(?:reopen|re-open|重新開啟|重開)\s*(?:case|案件|案例)?\s*/i, 'reopenCase'],
  [/^(?:close|關閉|結案)\s*(?:case|案件|案例)?\s*/i, 'closeCase'],
  [/^(?:case|show case|show|案件|案例|查看案件)\s*/i, 'showCase'],
];

export function parseCommand(raw: string): Command | undefined {
  const text = tidy(raw);
  const lower = text.toLowerCase();
  const myCases = MY_CASES.exec(lower);
  if (myCases) {
    const filter = caseListFilterOf(lower.slice(myCases[0].length));
    // "my case is about Outlook" stays a complaint.
    if (filter) return { kind: 'myCases', filter };
  }
  if (HELP.test(lower)) return { kind: 'help' };
  // The Teams manifest advertises "new case": it asks for the problem rather than triaging two words.
  if (NEW_CASE.test(lower)) return { kind: 'newCase' };
  if (CHANGE_PLAN.test(lower)) return { kind: 'changePlan' };

  for (const [prefix, kind] of CASE_PREFIXES) {
    const match = prefix.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length);
    const command = withNumber(kind, rest);
    if (command) return command;
  }
  if (isGreeting(text) && GREETING_WORDS.exec(text)?.[0].length === text.length) return { kind: 'greeting' };
  return undefined;
}

/** True when the text opens with a greeting ("hi", "hello there, ...", "你好"). */
export function isGreeting(raw: string): boolean {
  return GREETING_WORDS.test(tidy(raw));
}

/**
 * What follows the case number in a typed "reopen SR-… <reason>" (undefined when nothing does):
 * the reason is kept in the audit entry, and a reason that only says thanks does not reopen.
 */
export function reopenNoteOf(raw: string): string | undefined {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const prefix = /^(?:reopen|re-open|重新開啟|重開)\s*(?:case|案件|案例)?\s*/i.exec(text);
  if (!prefix) return undefined;
  const rest = text.slice(prefix[0].length).replace(CASE_NUMBER, ' ');
  const note = rest.replace(/^[\s:;,.,:;。-]+/u, '').trim();
  return note === '' ? undefined : note;
}
