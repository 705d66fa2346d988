/** Commands typed in chat, in English and Traditional Chinese. Anything else is a complaint. */

export type Command =
  | { readonly kind: 'myCases' }
  | { readonly kind: 'showCase' | 'closeCase' | 'reopenCase'; readonly number: string | undefined }
  | { readonly kind: 'changePlan' }
  | { readonly kind: 'help' }
  | { readonly kind: 'newCase' }
  | { readonly kind: 'greeting' };

const CASE_NUMBER = /\bSR-\d{6}-\d{4,}\b/i;

const GREETING_WORDS = /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|你好|您好|哈囉|嗨|早安|午安|晚安|大家好)(?:\s+(?:there|all|everyone|bot))?(?![a-z])/i;

function tidy(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[!?.。!?,,~]+$/u, '').trim();
}

function withNumber(kind: 'showCase' | 'closeCase' | 'reopenCase', rest: string): Command | undefined {
  const match = CASE_NUMBER.exec(rest);
  if (match) return { kind, number: match[0].toUpperCase() };
  // "close" alone is a command without its number; "close the sharing link" is a complaint.
  return rest.trim() === '' ? { kind, number: undefined } : undefined;
}

export function parseCommand(raw: string): Command | undefined {
  const text = tidy(raw);
  const lower = text.toLowerCase();
  if (/^(?:my cases|my case|cases|list cases|我的案件|我的案例)$/.test(lower)) return { kind: 'myCases' };
  if (/^(?:help|\?|menu|說明|幫助|help me)$/.test(lower)) return { kind: 'help' };
  // The Teams manifest advertises "new case": it asks for the problem rather than triaging two words.
  if (/^(?:new case|new request|open a case|open case|new ticket|新案件|建立案件|開新案件|提出案件)$/.test(lower)) return { kind: 'newCase' };
  if (/^(?:change plan|change my plan|change our plan|set plan|變更方案|更改方案)$/.test(lower)) return { kind: 'changePlan' };

  const prefixes: [RegExp, 'showCase' | 'closeCase' | 'reopenCase'][] = [
    [/^(?:reopen|re-open|重新開啟|重開)\s*(?:case|案件|案例)?\s*/i, 'reopenCase'],
    [/^(?:close|關閉|結案)\s*(?:case|案件|案例)?\s*/i, 'closeCase'],
    [/^(?:case|show case|show|案件|案例|查看案件)\s*/i, 'showCase'],
  ];
  for (const [prefix, kind] of prefixes) {
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
