/**
 * Typo tolerance for product words ("sharepiont", "autodiscovr", "permisions"): a word the
 * rules do not know is mapped onto the closest rule word by Damerau-Levenshtein distance.
 * Only long words are corrected, and only onto words of the same first letter, so ordinary
 * English ("terms", "sales") is not bent into product names.
 */
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import { stemWord } from './text.js';

const MIN_LENGTH = 6;
const LONG_WORD = 9;
const CACHE_LIMIT = 20_000;

export class TypoCorrector {
  private readonly byInitial = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();

  constructor(
    vocabularyWords: Iterable<string>,
    private readonly knownStems: ReadonlySet<string>,
  ) {
    for (const word of vocabularyWords) {
      if (word.length < MIN_LENGTH - 1) continue;
      const initial = word[0]!;
      const list = this.byInitial.get(initial);
      if (list) list.push(word);
      else this.byInitial.set(initial, [word]);
    }
  }

  /** The stem to match on: the word's own, or the stem of the rule word it misspells. */
  correctedStem(word: string, stem: string): string {
    if (word.length < MIN_LENGTH || this.knownStems.has(stem) || /[^a-z]/.test(word)) return stem;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached ?? stem;
    const correction = this.closest(word);
    if (this.cache.size < CACHE_LIMIT) this.cache.set(word, correction);
    return correction ?? stem;
  }

  private closest(word: string): string | null {
    const maxDistance = word.length >= LONG_WORD ? 2 : 1;
    let best: string | null = null;
    let bestDistance = maxDistance + 1;
    for (const candidate of this.byInitial.get(word[0]!) ?? []) {
      if (Math.abs(candidate.length - word.length) > maxDistance) continue;
      const distance = DamerauLevenshteinDistance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best === null ? null : stemWord(best);
  }
}
