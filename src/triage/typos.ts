/**
 * Typo tolerance for product words ("sharepiont", "autodiscovr", "permisions"): a word the
 * rules do not know is mapped onto the closest rule word by Damerau-Levenshtein distance.
 * Only long words are corrected, and only onto words of the same first letter, so ordinary
 * English ("terms", "sales") is not bent into product names.
 *
 * Bounded cost: candidates come from an index by first letter and length and must share enough
 * letter pairs (bigrams) with the word before the distance is computed, and one message gets
 * at most MAX_LOOKUPS_PER_MESSAGE fresh look-ups (a paste of unknown words stays cheap).
 */
import { stemWord } from './text.js';

const MIN_LENGTH = 6;
const LONG_WORD = 9;
const CACHE_LIMIT = 20_000;
/** Fresh (uncached) look-ups per message; later unknown words keep their own stem. */
export const MAX_LOOKUPS_PER_MESSAGE = 24;

interface Candidate {
  readonly word: string;
  /** Position in the vocabulary: on equal distance the earlier word wins, as before the index. */
  readonly order: number;
  readonly bigrams: ReadonlySet<string>;
}

function bigramsOf(word: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) pairs.add(word.slice(i, i + 2));
  return pairs;
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), or
 * max + 1 as soon as every path already costs more than max: most candidates stop after a
 * few rows, which is what keeps an unknown word at microseconds.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

export class TypoCorrector {
  /** first letter + length → the rule words of that shape. */
  private readonly index = new Map<string, Candidate[]>();
  private readonly cache = new Map<string, string | null>();

  constructor(
    vocabularyWords: Iterable<string>,
    private readonly knownStems: ReadonlySet<string>,
    /** Ordinary English is never a typo of a rule word ("chances" is not "cancel"). */
    private readonly isEnglish: (word: string) => boolean = () => false,
  ) {
    let order = 0;
    for (const word of vocabularyWords) {
      order++;
      if (word.length < MIN_LENGTH - 1) continue;
      const key = word[0]! + word.length;
      const list = this.index.get(key);
      const candidate = { word, order, bigrams: bigramsOf(word) };
      if (list) list.push(candidate);
      else this.index.set(key, [candidate]);
    }
  }

  /** A per-message view that stops looking up new words after MAX_LOOKUPS_PER_MESSAGE. */
  forMessage(): (word: string, stem: string) => string {
    let lookups = 0;
    return (word, stem) => {
      if (word.length < MIN_LENGTH || this.knownStems.has(stem) || /[^a-z]/.test(word)) return stem;
      const cached = this.cache.get(word);
      if (cached !== undefined) return cached ?? stem;
      if (lookups >= MAX_LOOKUPS_PER_MESSAGE) return stem;
      lookups++;
      const closest = this.closest(word);
      const correction = closest !== null && this.isEnglish(word) ? null : closest;
      if (this.cache.size < CACHE_LIMIT) this.cache.set(word, correction);
      return correction ?? stem;
    };
  }

  /** The stem to match on: the word's own, or the stem of the rule word it misspells. */
  correctedStem(word: string, stem: string): string {
    return this.forMessage()(word, stem);
  }

  private closest(word: string): string | null {
    const maxDistance = word.length >= LONG_WORD ? 2 : 1;
    const pairs = bigramsOf(word);
    // Each edit changes at most three letter pairs (a transposition), so a candidate within
    // maxDistance shares at least this many with the word.
    const minShared = Math.max(1, pairs.size - 3 * maxDistance);
    let best: Candidate | null = null;
    let bestDistance = maxDistance + 1;
    for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
      for (const candidate of this.index.get(word[0]! + length) ?? []) {
        let shared = 0;
        for (const pair of pairs) if (candidate.bigrams.has(pair)) shared++;
        if (shared < minShared) continue;
        const distance = boundedDistance(word, candidate.word, bestDistance - 1);
        if (distance < bestDistance || (distance === bestDistance && best !== null && candidate.order < best.order)) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best === null ? null : stemWord(best.word);
  }
}
