/**
 * Reads whose words each stretch of a message is: the admin's own, someone's words in quote
 * marks, or what software printed (an error, a log, JSON, a URL, a fenced block). Software's
 * words are evidence of WHAT failed (an error code names its area), never of WHO is affected or
 * of what is asked: "Failed to find users for tenant" in an error is no statement that many
 * users are cut off, "Please consider removing ..." no request. People's words passed on ("the
 * ticket says: nobody in accounting can log in") still tell who is affected.
 *
 * text.ts calls `readVoices` once per message and gives every token its voice; every reader
 * (cues, severity, the opening, the engine) asks the token or `AnalyzedText.voiceAt`, never
 * this module again. Pure and cheap: only messages with a colon, a quote mark, a brace or a
 * fence have anything to look at. Spans are character offsets in the normalized text, half
 * open, sorted and disjoint.
 */

/** Whose words a token is. */
export type Voice = 'own' | 'quoted' | 'output';

export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface Voices {
  /** What software printed. */
  readonly output: readonly Span[];
  /**
   * Someone's words passed on: stretches between quote marks that are not software's output, and
   * what a person "says:" or "wrote:" in a ticket. They tell who is affected, but a cause or a
   * wish in them is not the admin's own.
   */
  readonly quoted: readonly Span[];
}

const NO_VOICES: Voices = { output: [], quoted: [] };

export function readVoices(normalized: string): Voices {
  const pasted = findPasted(normalized);
  const output = pasted.filter((span) => isSoftwareOutput(span.kind));
  const speech = pasted.filter((span) => !isSoftwareOutput(span.kind));
  const marked = QUOTE_MARKS.test(normalized) ? quotedStretches(normalized) : [];
  const quoted = speech.length === 0 ? marked : merged([...marked, ...speech]);
  return output.length === 0 && quoted.length === 0 ? NO_VOICES : { output, quoted };
}

/** The voice of the character at `offset`: software's output wins over quote marks around it. */
export function voiceAt(voices: Voices, offset: number): Voice {
  if (voices.output.length > 0 && pastedAt(voices.output, offset) !== undefined) return 'output';
  if (voices.quoted.length > 0 && pastedAt(voices.quoted, offset) !== undefined) return 'quoted';
  return 'own';
}

const QUOTE_MARKS = /["「']/;

/**
 * Quoted stretches, and between double quote marks taken in pairs: a pasted error can run longer
 * than a quoted stretch, and a quote mark left open runs to the end ('the error: "... Please
 * consider removing ...').
 */
function quotedStretches(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(QUOTE)) spans.push({ from: match.index, to: match.index + match[0].length });
  for (let open = text.indexOf('"'); open >= 0; ) {
    const close = text.indexOf('"', open + 1);
    spans.push({ from: open, to: close < 0 ? text.length : close + 1 });
    open = close < 0 ? -1 : text.indexOf('"', close + 1);
  }
  return merged(spans);
}

export interface PastedSpan extends Span {
  readonly kind: PastedKind;
}

/**
 * `speech` is someone's words passed on ("the ticket says: nobody in accounting can log in", a
 * quote with no error word before it): it still tells who is affected. The other kinds are what
 * software printed.
 */
export type PastedKind = 'fence' | 'speech' | 'output' | 'json' | 'url';

/** Software's words: they say what failed, never who is affected or what is asked. */
function isSoftwareOutput(kind: PastedKind): boolean {
  return kind !== 'speech';
}

/** What a message must contain for any rule below to find something. */
const GUARD = /[:"{「']/;

/** ``` becomes ''' in text.ts: a fenced block, or the rest of the message when it is left open. */
const FENCE = /'''[\s\S]*?(?:'''|$)/g;
/**
 * A quoted stretch: "...", 「...」, and '...' when the quote marks stand apart from words (a
 * quote mark next to a letter is an apostrophe, and ''' a fence). One pattern for every reader:
 * a single-quoted error is as much the product speaking as a double-quoted one.
 */
const QUOTE = /"[^"]{1,600}"|「[^」]{1,600}」|(?<=^|[\s(\[:])'[^']{1,600}'(?=[\s.,;:!?)\]]|$)/gu;
const URL = /\bhttps?:\/\/[^\s"'<>]+/g;

/**
 * The words that introduce output: "I get this error: ...", "Error: ...", "the error in the
 * migration status: ...", "the banner says: ...", "+ CategoryInfo : ...". The pasted part starts
 * after the colon. An error word may stand a few words before its colon; a verb or noun that
 * only introduces must stand right before it ("the status: ..."), or "the toggle does not show
 * for me - point 4: ..." would read the admin's own list as output. "Impact: entire company"
 * or "Update: it works" are the admin's own fields.
 */
const OUTPUT_INTRO = new RegExp(
  [
    String.raw`\b[a-z]*(?:error|exception|failure|warning)s?\b[^.!?:;]{0,40}?:(?=\s|$)`,
    String.raw`\b(?:shows?|showed|displays?|displayed|returns?|returned|throws?|threw|raises?|raised|output|response|result|log|trace|details|status|messages?|following|below|categoryinfo|fullyqualifiederrorid)(?: (?:the following|this|as follows|below))? ?:(?=\s|$)`,
    // People's words passed on: read as pasted, but they may still say who is affected.
    String.raw`\b(?<speech>says?|said|reads?|states|writes|wrote|reported|reports)(?: (?:the following|this|as follows|below))? ?:(?=\s|$)`,
  ].join('|'),
  'g',
);
/**
 * Words before a quote that make it software's words: 'an error "..."', 'the banner "..."', and
 * the same in zh-TW: 錯誤「...」, 訊息「...」, 顯示「...」, 跳出「...」 (error, message, shows, pops up).
 * zh-TW has no spaces, so its words stand without word boundaries, and its own stops end the look-back.
 */
const SOFTWARE_BEFORE_QUOTE =
  /(?:\b(?:error|errors|exception|warning|failure|message|prompt|banner|pop ?up|popup|dialog|notification|code|status|shows|showed|displays|returns|returned|throws)\b|錯誤|訊息|例外|警告|失敗|提示|通知|代碼|狀態|對話方塊|對話框|視窗|橫幅|顯示|跳出|彈出|回傳|傳回)[^".!?。！？「」]{0,20}$/;
const QUOTE_LOOK_BACK = 40;

/** Software that "says" something: "the client log says: ...", "Outlook on my PC says: ...". */
const SOFTWARE_SUBJECT =
  /\b(?:log|logs|error|message|screen|page|banner|prompt|dialog|pop ?up|window|portal|console|status|output|trace|event|outlook|teams|onedrive|sharepoint|word|excel|app|client|setup|installer|wizard|tool|center|centre|powershell|browser)\b[^.!?:]{0,25}$/;

function softwareSpeaks(text: string, introAt: number): boolean {
  return SOFTWARE_SUBJECT.test(text.slice(Math.max(0, introAt - QUOTE_LOOK_BACK), introAt));
}

/** Output never opens with the admin's own "I" or "we" ("looking at the trace: I see a 403 ..."). */
const FIRST_PERSON = new Set(['i', 'we', 'my', 'our']);

/**
 * A sentence that opens with one of these is the admin talking again, after the pasted output:
 * first and second person, a question word, thanks, or a link word that goes on with the story.
 */
const ADMIN_OPENERS = new Set([
  'i', 'we', 'my', 'our', 'me', 'us', 'you', 'your', 'please', 'thanks', 'thank', 'help', 'anyone', 'anybody', 'anything',
  'any', 'how', 'what', 'why', 'where', 'when', 'which', 'who', 'is', 'are', 'can', 'could', 'should', 'would', 'does', 'do',
  'did', 'also', 'however', 'but', 'so', 'then', 'after', 'since', 'now', 'today', 'yesterday', 'this', 'it', 'tried',
  'has', 'have', 'nothing', 'everyone', 'nobody', 'all', 'users', 'some', 'only', 'same', 'other', 'others',
]);
/** Pasted output runs at most this far: longer, the admin is surely talking again. */
const MAX_OUTPUT = 600;
/** Where a sentence of the running text ends: a stop, question or exclamation mark and a space, or a fence. */
const SENTENCE_END = /[.!?](?:\s|$)|[。！？]|'''/g;

export function findPasted(normalized: string): readonly PastedSpan[] {
  if (!GUARD.test(normalized)) return [];
  const spans: PastedSpan[] = [];
  collect(spans, normalized, FENCE, 'fence');
  collectQuotes(spans, normalized);
  collect(spans, normalized, URL, 'url');
  collectJson(spans, normalized);
  collectOutput(spans, normalized);
  return merged(spans);
}

/** The span (sorted, disjoint) the character at `offset` is in, if any. */
export function pastedAt<S extends Span>(spans: readonly S[], offset: number): S | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (offset < span.from) high = middle - 1;
    else if (offset >= span.to) low = middle + 1;
    else return span;
  }
  return undefined;
}

function collect(spans: PastedSpan[], text: string, pattern: RegExp, kind: PastedKind): void {
  for (const match of text.matchAll(pattern)) spans.push({ from: match.index, to: match.index + match[0].length, kind });
}

/** A quote is software's words after an error word ('the error "..."'), else someone's words. */
function collectQuotes(spans: PastedSpan[], text: string): void {
  for (const match of text.matchAll(QUOTE)) {
    const before = text.slice(Math.max(0, match.index - QUOTE_LOOK_BACK), match.index);
    spans.push({ from: match.index, to: match.index + match[0].length, kind: SOFTWARE_BEFORE_QUOTE.test(before) ? 'output' : 'speech' });
  }
}

/** `{"error":{"code":...}}`: from an opening brace before a quote mark to its matching brace. */
function collectJson(spans: PastedSpan[], text: string): void {
  for (let at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) {
    if (!/^\{\s*["[{]/.test(text.slice(at, at + 4))) continue;
    let depth = 0;
    let end = at;
    for (; end < text.length && end - at < MAX_OUTPUT * 2; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    spans.push({ from: at, to: Math.min(text.length, end + 1), kind: 'json' });
    at = end;
  }
}

/** Output after an intro's colon, sentence by sentence, until the admin talks again. */
function collectOutput(spans: PastedSpan[], text: string): void {
  OUTPUT_INTRO.lastIndex = 0;
  for (let match = OUTPUT_INTRO.exec(text); match !== null; match = OUTPUT_INTRO.exec(text)) {
    const from = match.index + match[0].length;
    const speech = match.groups?.speech !== undefined && !softwareSpeaks(text, match.index);
    // A person passed on speaks in the first person ("the ticket says: I can not log in"); software does not.
    if (!speech && FIRST_PERSON.has(firstWordAt(text, from) ?? '')) continue;
    const to = outputEnd(text, from);
    if (to > from) spans.push({ from, to, kind: speech ? 'speech' : 'output' });
    OUTPUT_INTRO.lastIndex = Math.max(OUTPUT_INTRO.lastIndex, to);
  }
}

/**
 * The output runs to the end of the sentence it starts in, and on through the next sentences
 * while none opens with the admin's words; a question mark is always the admin asking. A code
 * fence ends it too: a fenced block is a span of its own (an "Error:" line inside one ends with
 * the block, and the admin's words come after it).
 */
function outputEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_OUTPUT);
  SENTENCE_END.lastIndex = from;
  for (let match = SENTENCE_END.exec(text); match !== null && match.index < limit; match = SENTENCE_END.exec(text)) {
    if (text[match.index] === '?' || text[match.index] === '？' || text[match.index] === "'") return match.index;
    if (adminTalksAt(text, match.index + 1)) return match.index + 1;
  }
  return limit;
}

function adminTalksAt(text: string, at: number): boolean {
  const word = firstWordAt(text, at);
  return word === undefined || ADMIN_OPENERS.has(word);
}

const WORD = /[a-z]+/y;

/** The word that starts at `at` after spaces, or undefined at the end or before a non-letter. */
function firstWordAt(text: string, at: number): string | undefined {
  let start = at;
  while (start < text.length && text[start] === ' ') start++;
  WORD.lastIndex = start;
  return WORD.exec(text)?.[0];
}

/** Sorted by start, overlapping spans joined (a URL inside a quote is one span). */
function merged<S extends Span>(spans: S[]): S[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.from - b.from);
  const out: S[] = [spans[0]!];
  for (const span of spans.slice(1)) {
    const last = out[out.length - 1]!;
    if (span.from < last.to) out[out.length - 1] = { ...last, to: Math.max(last.to, span.to) };
    else out.push(span);
  }
  return out;
}
