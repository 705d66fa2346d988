/**
 * Turns a raw admin message into what the matchers work on: a normalized string, English
 * word tokens with their Porter stems and clause numbers, and the CJK text with its segments.
 * Pure and allocation-light: it runs once per message on the hot path.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { CJK_RUN, hasCjk } from '../domain/scripts.js';
import { singleSpaced } from '../domain/whitespace.js';
import { readVoices, voiceAt, type Voice, type Voices } from './quoted.js';

export interface Token {
  /** The word as written (lower case, contractions expanded). */
  readonly word: string;
  /** Its Porter stem; what phrases are matched on. */
  readonly stem: string;
  /** Clauses split at sentence punctuation and "but"; negation and doubt stay inside one. */
  readonly clause: number;
  /** Stretches between commas and clause breaks: a negation reaches no further ("not X, only her"). */
  readonly segment: number;
  /** Character offsets in `normalized`, so pattern matches map back onto tokens. */
  readonly from: number;
  readonly to: number;
  /** Whose words these are (quoted.ts): the admin's own, quoted, or what software printed. */
  readonly voice: Voice;
}

export interface AnalyzedText {
  /** Lower case, NFKC, contractions expanded, whitespace collapsed. Patterns run on this. */
  readonly normalized: string;
  readonly tokens: readonly Token[];
  /** The message with every space removed, so CJK phrases match across stray spaces. */
  readonly compact: string;
  /** Word segments of the CJK runs (Intl.Segmenter, ICU's dictionary for Chinese). */
  readonly cjkWords: readonly string[];
  readonly hasCjk: boolean;
  /** Clauses that end in a question mark. */
  readonly questionClauses: ReadonlySet<number>;
  /** Whose words the character at `offset` in `normalized` is: for hits that are no English word. */
  voiceAt(offset: number): Voice;
}

/** Messages longer than this are cut: no admin complaint needs more, and triage stays fast. */
export const MAX_ANALYZED_CHARS = 4000;

/**
 * Each rewrite with substrings one of which the text must contain for it to apply at all: most
 * messages have no apostrophe and no "e-mail", so most of these passes are skipped on the hot
 * path. (Apostrophes are plain by then: ’ is rewritten to ' first.)
 */
type Rewrite = readonly [guards: readonly string[], pattern: RegExp, replacement: string];

const CONTRACTIONS: readonly Rewrite[] = [
  [['can'], /\bcan['’]?t\b|\bcannot\b/g, 'can not'],
  [['won'], /\bwon['’]?t\b/g, 'will not'],
  // "dont" and "don't": a match has "nt" or "n't" in it (a guard of "t" let nearly every message through).
  [['nt', "n't"], /\b(do|does|did|is|are|was|were|could|should|would|has|have|had|must|need)n['’]?t\b/g, '$1 not'],
  [["'"], /\b(it|that|there|here|this|what|where|when|why|how|who|he|she|nobody|everyone|everybody|nothing|something)['’]s\b/g, '$1 is'],
  [["'"], /['’]re\b/g, ' are'],
  [["'"], /['’]ve\b/g, ' have'],
  [["'"], /['’]ll\b/g, ' will'],
  [["'"], /['’]m\b/g, ' am'],
  [["'"], /['’](s|d)\b/g, ''],
];

const SYNONYMS: readonly Rewrite[] = [
  [['e-mail'], /\be-mail/g, 'email'],
  [['sign'], /\bsign-?in\b/g, 'sign in'],
  [['log'], /\blog-?in\b/g, 'log in'],
  [['set'], /\bset-?up\b/g, 'set up'],
];

/**
 * No character below U+1100 (the first Hangul Jamo) is in `CJK_RUN`'s scripts, so a message
 * without such a character skips the CJK pass (a test checks every code point below it).
 */
export const FIRST_CJK_CODE = 0x1100;
const CLAUSE_BREAKS = new Set(['.', '!', '?', ';', ':', '\n', '。', '！', '？', '；', '：'].map((ch) => ch.charCodeAt(0)));
const SEGMENT_BREAKS = new Set([',', '，', '、'].map((ch) => ch.charCodeAt(0)));
const QUESTION_MARKS = new Set(['?', '？'].map((ch) => ch.charCodeAt(0)));
const CLAUSE_BREAK_WORDS = new Set(['but', 'although', 'though', 'however', 'except']);
/**
 * A code fence (``` becomes ''' in `normalize`) ends a clause like a full stop: a fenced block
 * is what software printed, and the admin's next words start a new sentence even with no
 * punctuation between them.
 */
const FENCE = "'''";
const APOSTROPHE = 39;

/** How many characters of `normalized` at `at` end a clause: 0 when none does. */
export function clauseBreakLength(normalized: string, at: number): number {
  const code = normalized.charCodeAt(at);
  if (CLAUSE_BREAKS.has(code)) return 1;
  return code === APOSTROPHE && normalized.startsWith(FENCE, at) ? FENCE.length : 0;
}

let segmenter: Intl.Segmenter | undefined;
function cjkSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh-Hant', { granularity: 'word' });
  return segmenter;
}

/** Stems of the words seen so far: a message repeats the words of earlier ones. Bounded. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = /\d/.test(word) ? word : PorterStemmer.stem(word);
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stem);
  }
  return stem;
}

function containsAny(text: string, parts: readonly string[]): boolean {
  for (const part of parts) if (text.includes(part)) return true;
  return false;
}

export function normalize(raw: string): string {
  let text = raw.length > MAX_ANALYZED_CHARS ? raw.slice(0, MAX_ANALYZED_CHARS) : raw;
  text = text.normalize('NFKC').toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"');
  for (const [guards, pattern, replacement] of CONTRACTIONS) if (containsAny(text, guards)) text = text.replace(pattern, replacement);
  for (const [guards, pattern, replacement] of SYNONYMS) if (containsAny(text, guards)) text = text.replace(pattern, replacement);
  return lineBreaksKept(text).trim();
}

/**
 * Whitespace as single spaces, except that a run holding a line break stays one line break: a
 * ticket's title line or a line of its own ends its clause, so a negation in the title ("new hire
 * has no Teams") does not reach the body's first words.
 */
function lineBreaksKept(text: string): string {
  if (!text.includes('\n') && !text.includes('\r')) return singleSpaced(text);
  return text.replace(/\s+/g, (run) => (run.includes('\n') || run.includes('\r') ? '\n' : ' '));
}

/** [a-z0-9]: what words are made of; every other character separates them. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * Splits `normalized` into words and clause/segment breaks in one pass over its characters
 * (the same as matching /[a-z0-9]+|'''|[.!?;:\n。！？；：,，、]/gu, without a match object per word).
 */
export function analyze(raw: string): AnalyzedText {
  const normalized = normalize(raw);
  const voices = readVoices(normalized);
  const ownOnly = voices.output.length === 0 && voices.quoted.length === 0;
  const tokens: Token[] = [];
  const questionClauses = new Set<number>();
  let clause = 0;
  let segment = 0;
  let mayHaveCjk = false;
  const length = normalized.length;
  for (let at = 0; at < length; ) {
    const code = normalized.charCodeAt(at);
    if (isWordCode(code)) {
      const from = at;
      while (at < length && isWordCode(normalized.charCodeAt(at))) at++;
      const word = normalized.slice(from, at);
      if (CLAUSE_BREAK_WORDS.has(word)) {
        clause++;
        segment++;
      }
      const voice = ownOnly ? 'own' : voiceAt(voices, from);
      tokens.push({ word, stem: stemWord(word), clause, segment, from, to: at, voice });
      continue;
    }
    if (code === APOSTROPHE && normalized.startsWith(FENCE, at)) {
      segment++;
      clause++;
      at += FENCE.length;
      continue;
    }
    if (SEGMENT_BREAKS.has(code)) {
      segment++;
    } else if (CLAUSE_BREAKS.has(code)) {
      segment++;
      if (QUESTION_MARKS.has(code)) questionClauses.add(clause);
      clause++;
    } else if (code >= FIRST_CJK_CODE) {
      mayHaveCjk = true;
    }
    at++;
  }
  const cjkRuns = mayHaveCjk ? normalized.match(CJK_RUN) : null;
  return new Analysis(normalized, tokens, cjkRuns ?? [], questionClauses, voices);
}

/**
 * The analysis, with what only some messages need built on first use: `compact` serves CJK
 * phrases and CJK negations, `cjkWords` the classifier (its features of Chinese text).
 */
class Analysis implements AnalyzedText {
  private compacted: string | undefined;
  private segmented: string[] | undefined;

  constructor(
    readonly normalized: string,
    readonly tokens: readonly Token[],
    private readonly cjkRuns: readonly string[],
    readonly questionClauses: ReadonlySet<number>,
    private readonly voices: Voices,
  ) {}

  voiceAt(offset: number): Voice {
    return voiceAt(this.voices, offset);
  }

  get hasCjk(): boolean {
    return this.cjkRuns.length > 0;
  }

  get compact(): string {
    this.compacted ??= this.normalized.replace(/\s+/g, '');
    return this.compacted;
  }

  /**
   * The dictionary words of the CJK runs, in order. The runs are segmented in ONE call, joined
   * by spaces: each `segment()` call costs ~10 µs of set-up whatever its length (a Chinese
   * message has ~6 runs between its punctuation), and a space is a word boundary for ICU, so the
   * words are those of segmenting each run alone.
   */
  get cjkWords(): readonly string[] {
    this.segmented ??= segmentCjk(this.cjkRuns);
    return this.segmented;
  }
}

function segmentCjk(cjkRuns: readonly string[]): string[] {
  const words: string[] = [];
  if (cjkRuns.length > 0) {
    for (const segment of cjkSegmenter().segment(cjkRuns.join(' '))) {
      if (segment.isWordLike) words.push(segment.segment);
    }
  }
  return words;
}

/** What rule phrases and the statistical layer read of a text: no clauses, voices or token objects. */
export interface WordReading {
  /** The stems of the words, exactly those of `analyze(raw).tokens`. */
  readonly stems: readonly string[];
  readonly hasCjk: boolean;
  readonly cjkWords: readonly string[];
}

/**
 * The stems and CJK words `analyze` would find, without what only matching a message needs
 * (whose words are quoted or pasted, clauses, per-token objects). Start-up reads ~4,400 rule
 * phrases and ~1,400 training texts this way, where `analyze` spent most of its time on voices.
 */
export function readWords(raw: string): WordReading {
  const normalized = normalize(raw);
  const stems: string[] = [];
  let mayHaveCjk = false;
  const length = normalized.length;
  for (let at = 0; at < length; ) {
    const code = normalized.charCodeAt(at);
    if (isWordCode(code)) {
      const from = at;
      while (at < length && isWordCode(normalized.charCodeAt(at))) at++;
      stems.push(stemWord(normalized.slice(from, at)));
      continue;
    }
    // As in `analyze`: punctuation that breaks segments or clauses is not counted as CJK.
    if (code >= FIRST_CJK_CODE && !SEGMENT_BREAKS.has(code) && !CLAUSE_BREAKS.has(code)) mayHaveCjk = true;
    at++;
  }
  const cjkRuns = (mayHaveCjk ? normalized.match(CJK_RUN) : null) ?? [];
  let segmented: string[] | undefined;
  return {
    stems,
    hasCjk: cjkRuns.length > 0,
    get cjkWords() {
      segmented ??= segmentCjk(cjkRuns);
      return segmented;
    },
  };
}

/** Tokenizes and stems a rule phrase exactly as messages are, so both sides agree. */
export function phraseStems(phrase: string): readonly string[] {
  return readWords(phrase).stems;
}

/** A phrase in any CJK script matches inside the compact text: Japanese kana ("メール") too. */
export function isCjkPhrase(phrase: string): boolean {
  return hasCjk(phrase);
}
