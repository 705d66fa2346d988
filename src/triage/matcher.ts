/**
 * Compiles rule terms (phrases, CJK phrases, regex patterns) once and finds them in an
 * analyzed message. English phrases match on Porter stems, token by token, through an index
 * keyed by the first stem, so matching costs about one map lookup per message word.
 *
 * Stems are numbered when phrases are compiled and a message's stems are looked up once, so
 * the inner loop compares small integers rather than strings (stems of equal length would
 * otherwise be compared character by character, for every candidate phrase at every word).
 */
import { PatternIndex } from './pattern-index.js';
import { patternRequirements } from './pattern-prefilter.js';
import { isCjkPhrase, phraseStems, type AnalyzedText, type Token } from './text.js';

/** `*` in a phrase skips up to this many words: "can not * send" matches "can not even send". */
const GAP_MAX_WORDS = 4;
const GAP = '*';
/** `GAP` in a compiled phrase; message words are never numbered below `NOT_IN_PHRASES`. */
const GAP_ID = -2;
/** A message stem no phrase has: it matches nothing. */
const NOT_IN_PHRASES = -1;

export interface Term<Owner> {
  readonly source: string;
  readonly owner: Owner;
  readonly weight: number;
}

interface CompiledTerm<Owner> extends Term<Owner> {
  /** The phrase's stems numbered by `TermSet.stemIds`, `GAP_ID` for `*`. */
  readonly stemIds?: readonly number[];
  readonly cjk?: string;
  readonly regex?: RegExp;
}

export interface Hit<Owner> {
  readonly term: Term<Owner>;
  /** Token span for English phrases; -1 for CJK phrases and patterns. */
  readonly start: number;
  readonly end: number;
  readonly clause: number;
  /** Character offset in `compact` (CJK) or `normalized` (patterns); -1 for English phrases. */
  readonly offset: number;
  /** The words of the message that matched, as the admin wrote them (lower case). */
  readonly text: string;
}

export class TermSet<Owner> {
  private readonly stemIds = new Map<string, number>();
  /** Phrases by the id of their first stem, in the order they were added. */
  private readonly byFirstStem: CompiledTerm<Owner>[][] = [];
  private readonly cjkTerms: CompiledTerm<Owner>[] = [];
  /** Indexes into `cjkTerms` by the term's first UTF-16 unit: one lookup per character of the message. */
  private readonly cjkByFirstUnit = new Map<number, number[]>();
  private readonly patternTerms: CompiledTerm<Owner>[] = [];
  /** The numbers of `patternTerms` in `patterns`, which says which are worth running on a message. */
  private readonly patternNumbers: number[] = [];
  private readonly allStems = new Set<string>();
  private readonly allWords = new Set<string>();
  /** The current message's stems as ids, reused from message to message (matching is synchronous). */
  private messageIds = new Int32Array(64);

  /** `patterns` may be shared with other term sets, so that a message is scanned once for all. */
  constructor(private readonly patterns = new PatternIndex()) {}

  /** Adds a phrase; throws with a readable message if it has no words to match. */
  addPhrase(source: string, owner: Owner, weight: number): void {
    if (isCjkPhrase(source)) {
      const cjk = source.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
      const unit = cjk.charCodeAt(0);
      const bucket = this.cjkByFirstUnit.get(unit);
      if (bucket) bucket.push(this.cjkTerms.length);
      else this.cjkByFirstUnit.set(unit, [this.cjkTerms.length]);
      this.cjkTerms.push({ source, owner, weight, cjk });
      return;
    }
    const stems = source
      .split(GAP)
      .flatMap((part, index) => (index === 0 ? phraseStems(part) : [GAP, ...phraseStems(part)]));
    const first = stems[0];
    if (first === undefined || first === GAP || stems[stems.length - 1] === GAP) {
      throw new Error(`phrase "${source}" has no words to match (or starts/ends with *)`);
    }
    for (const stem of stems) if (stem !== GAP) this.allStems.add(stem);
    for (const word of source.toLowerCase().match(/[a-z]+/g) ?? []) this.allWords.add(word);
    const stemIds = stems.map((stem) => (stem === GAP ? GAP_ID : this.idOf(stem)));
    const compiled: CompiledTerm<Owner> = { source, owner, weight, stemIds };
    (this.byFirstStem[stemIds[0]!] ??= []).push(compiled);
  }

  private idOf(stem: string): number {
    let id = this.stemIds.get(stem);
    if (id === undefined) {
      id = this.stemIds.size;
      this.stemIds.set(stem, id);
    }
    return id;
  }

  /** Adds a regular expression; throws with the engine's reason if it does not compile. */
  addPattern(source: string, owner: Owner, weight: number): void {
    let regex: RegExp;
    try {
      regex = new RegExp(source, 'u');
    } catch (error) {
      throw new Error(`pattern /${source}/ is not a valid regular expression: ${(error as Error).message}`);
    }
    this.patternNumbers.push(this.patterns.add(patternRequirements(source)));
    this.patternTerms.push({ source, owner, weight, regex });
  }

  /** Every stem any phrase uses: the vocabulary typo correction maps unknown words onto. */
  vocabularyStems(): ReadonlySet<string> {
    return this.allStems;
  }

  vocabularyWords(): ReadonlySet<string> {
    return this.allWords;
  }

  /** Every term found, in a fixed order: English phrases by position, then CJK phrases, then patterns. */
  match(text: AnalyzedText, stems: readonly string[]): Hit<Owner>[] {
    const hits: Hit<Owner>[] = [];
    this.matchPhrases(text, stems, hits);
    if (text.hasCjk) this.matchCjk(text.compact, hits);
    if (this.patternTerms.length > 0) this.matchPatterns(text, hits);
    return hits;
  }

  private matchPhrases(text: AnalyzedText, stems: readonly string[], hits: Hit<Owner>[]): void {
    const count = stems.length;
    if (this.messageIds.length < count) this.messageIds = new Int32Array(Math.max(count, 2 * this.messageIds.length));
    const ids = this.messageIds;
    for (let i = 0; i < count; i++) ids[i] = this.stemIds.get(stems[i]!) ?? NOT_IN_PHRASES;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      const candidates = id === NOT_IN_PHRASES ? undefined : this.byFirstStem[id];
      if (!candidates) continue;
      for (const term of candidates) {
        const end = matchAt(term.stemIds!, ids, count, i);
        if (end >= 0) hits.push({ term, start: i, end, clause: text.tokens[i]!.clause, offset: -1, text: wordsOf(text.tokens, i, end) });
      }
    }
  }

  /**
   * Each CJK phrase at its first occurrence in `compact` (what `indexOf` finds), but found by
   * walking the message once and trying only the phrases that start with the character at hand,
   * instead of searching the message for each of some hundreds of phrases.
   */
  private matchCjk(compact: string, hits: Hit<Owner>[]): void {
    const offsets = new Map<number, number>();
    for (let at = 0; at < compact.length; at++) {
      const candidates = this.cjkByFirstUnit.get(compact.charCodeAt(at));
      if (!candidates) continue;
      for (const index of candidates) {
        if (!offsets.has(index) && compact.startsWith(this.cjkTerms[index]!.cjk!, at)) offsets.set(index, at);
      }
    }
    if (offsets.size === 0) return;
    // Hits in the order of the terms, as one indexOf per term gave them.
    for (const index of [...offsets.keys()].sort((a, b) => a - b)) {
      const term = this.cjkTerms[index]!;
      hits.push({ term, start: -1, end: -1, clause: -1, offset: offsets.get(index)!, text: term.cjk! });
    }
  }

  private matchPatterns(text: AnalyzedText, hits: Hit<Owner>[]): void {
    for (const index of this.patterns.candidates(text, this.patternNumbers)) {
      const term = this.patternTerms[index]!;
      const found = term.regex!.exec(text.normalized);
      if (found) {
        const [start, end] = tokenSpan(text, found.index, found.index + found[0].length);
        const clause = start >= 0 ? text.tokens[start]!.clause : -1;
        hits.push({ term, start, end, clause, offset: found.index, text: found[0].trim() });
      }
    }
  }
}

/** The words of tokens `start..end`, space-separated (most hits are one word: no array, no join). */
function wordsOf(tokens: readonly Token[], start: number, end: number): string {
  let words = tokens[start]!.word;
  for (let i = start + 1; i <= end; i++) words += ' ' + tokens[i]!.word;
  return words;
}

/** The first and last token inside a character range of `normalized`, or [-1, -1]. */
function tokenSpan(text: AnalyzedText, from: number, to: number): [number, number] {
  let start = -1;
  let end = -1;
  for (let i = 0; i < text.tokens.length; i++) {
    const token = text.tokens[i]!;
    if (token.to <= from) continue;
    if (token.from >= to) break;
    if (start < 0) start = i;
    end = i;
  }
  return [start, end];
}

/** Returns the index of the last matched token, or -1. Both sides are stem ids; the message has `length` of them. */
function matchAt(phrase: readonly number[], stems: Int32Array, length: number, start: number): number {
  let position = start;
  for (let p = 0; p < phrase.length; p++) {
    const want = phrase[p]!;
    if (want === GAP_ID) {
      const next = phrase[p + 1]!;
      let found = -1;
      for (let skip = 0; skip <= GAP_MAX_WORDS && position + skip < length; skip++) {
        if (stems[position + skip] === next) {
          found = position + skip;
          break;
        }
      }
      if (found < 0) return -1;
      position = found + 1;
      p++;
      continue;
    }
    if (position >= length || stems[position] !== want) return -1;
    position++;
  }
  return position - 1;
}
