/**
 * Compiles rule terms (phrases, CJK phrases, regex patterns) once and finds them in an
 * analyzed message. English phrases match on Porter stems, token by token, through an index
 * keyed by the first stem, so matching costs about one map lookup per message word.
 */
import { mayMatch, patternRequirements, type Requirements } from './pattern-prefilter.js';
import { isCjkPhrase, phraseStems, type AnalyzedText } from './text.js';

/** `*` in a phrase skips up to this many words: "can not * send" matches "can not even send". */
const GAP_MAX_WORDS = 4;
const GAP = '*';

export interface Term<Owner> {
  readonly source: string;
  readonly owner: Owner;
  readonly weight: number;
}

interface CompiledTerm<Owner> extends Term<Owner> {
  readonly stems?: readonly string[];
  readonly cjk?: string;
  readonly regex?: RegExp;
  /** What the text must contain for `regex` to be worth running. */
  readonly requirements?: Requirements;
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
  private readonly byFirstStem = new Map<string, CompiledTerm<Owner>[]>();
  private readonly cjkTerms: CompiledTerm<Owner>[] = [];
  private readonly patternTerms: CompiledTerm<Owner>[] = [];
  private readonly allStems = new Set<string>();
  private readonly allWords = new Set<string>();

  /** Adds a phrase; throws with a readable message if it has no words to match. */
  addPhrase(source: string, owner: Owner, weight: number): void {
    if (isCjkPhrase(source)) {
      this.cjkTerms.push({ source, owner, weight, cjk: source.normalize('NFKC').toLowerCase().replace(/\s+/g, '') });
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
    const compiled: CompiledTerm<Owner> = { source, owner, weight, stems };
    const bucket = this.byFirstStem.get(first);
    if (bucket) bucket.push(compiled);
    else this.byFirstStem.set(first, [compiled]);
  }

  /** Adds a regular expression; throws with the engine's reason if it does not compile. */
  addPattern(source: string, owner: Owner, weight: number): void {
    let regex: RegExp;
    try {
      regex = new RegExp(source, 'u');
    } catch (error) {
      throw new Error(`pattern /${source}/ is not a valid regular expression: ${(error as Error).message}`);
    }
    this.patternTerms.push({ source, owner, weight, regex, requirements: patternRequirements(source) });
  }

  /** Every stem any phrase uses: the vocabulary typo correction maps unknown words onto. */
  vocabularyStems(): ReadonlySet<string> {
    return this.allStems;
  }

  vocabularyWords(): ReadonlySet<string> {
    return this.allWords;
  }

  match(text: AnalyzedText, stems: readonly string[]): Hit<Owner>[] {
    const hits: Hit<Owner>[] = [];
    for (let i = 0; i < stems.length; i++) {
      const candidates = this.byFirstStem.get(stems[i]!);
      if (!candidates) continue;
      for (const term of candidates) {
        const end = matchAt(term.stems!, stems, i);
        if (end >= 0) {
          const words = text.tokens.slice(i, end + 1).map((token) => token.word).join(' ');
          hits.push({ term, start: i, end, clause: text.tokens[i]!.clause, offset: -1, text: words });
        }
      }
    }
    if (text.hasCjk) {
      for (const term of this.cjkTerms) {
        const offset = text.compact.indexOf(term.cjk!);
        if (offset >= 0) hits.push({ term, start: -1, end: -1, clause: -1, offset, text: term.cjk! });
      }
    }
    for (const term of this.patternTerms) {
      if (!mayMatch(text.normalized, term.requirements!)) continue;
      const found = term.regex!.exec(text.normalized);
      if (found) {
        const [start, end] = tokenSpan(text, found.index, found.index + found[0].length);
        const clause = start >= 0 ? text.tokens[start]!.clause : -1;
        hits.push({ term, start, end, clause, offset: found.index, text: found[0].trim() });
      }
    }
    return hits;
  }
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

/** Returns the index of the last matched token, or -1. */
function matchAt(phrase: readonly string[], stems: readonly string[], start: number): number {
  let position = start;
  for (let p = 0; p < phrase.length; p++) {
    const want = phrase[p]!;
    if (want === GAP) {
      const next = phrase[p + 1]!;
      let found = -1;
      for (let skip = 0; skip <= GAP_MAX_WORDS && position + skip < stems.length; skip++) {
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
    if (stems[position] !== want) return -1;
    position++;
  }
  return position - 1;
}
