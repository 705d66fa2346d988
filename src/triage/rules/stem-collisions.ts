/**
 * Rule words are matched by their Porter stem, so a one-word term also matches every word that
 * stems the same way. Mostly that is the point ("fail" matches "failed"), but when a common
 * English word of another family shares the stem, the term fires on everyday text: the keyword
 * "ad" (Active Directory) matched "added", "news" matched "new", "customer" matches "custom
 * domain", "developer" matches "we developed". This check finds such terms when the rules load.
 *
 * A collision is a common word (WordNet lemma seen in its tagged corpus at least
 * COMMON_WORD_MIN_TAGGED times) built on the term's stem that is neither the term's own
 * inflection ("synced" → "sync", "meetings" → "meeting" → "meet": a verb's -s/-ed/-ing, a noun's
 * plural) nor a nominal of the same verb ("migration" → "migrate", "delegation" → "delegate").
 * One-word terms only: in a phrase of several words the other words keep it specific.
 */
import type { EnglishWords, Lemma } from '../english-words.js';
import { stemWord } from '../text.js';

/** "sente" or "locke" share a stem with a rule word but nobody writes them to an admin bot. */
const COMMON_WORD_MIN_TAGGED = 2;
/** Suffixes that turn a verb into the name of its action: the same meaning, not a collision. */
const ACTION_NOUN = /^(ion|ions|ation|ations|tion|tions|ition|sion|ment|ments|al|ance|ence|ure|ity|ive)$/;

export interface RuleTerm {
  readonly file: string;
  /** Whose term: `intent "exchange-mailflow"` or `cues.failure`. */
  readonly owner: string;
  /** The field and index, e.g. `keywords[3]`. */
  readonly field: string;
  readonly term: string;
}

export interface StemCollision extends RuleTerm {
  /** A common word of another family that the term also matches. */
  readonly word: string;
  readonly stem: string;
}

/** One checker per word list: a process that builds the rules again (tests, reloads) looks each word up once. */
const checkers = new WeakMap<EnglishWords, CollisionChecker>();

export function findStemCollisions(terms: readonly RuleTerm[], words: EnglishWords): StemCollision[] {
  let checker = checkers.get(words);
  if (checker === undefined) checkers.set(words, (checker = new CollisionChecker(words)));
  const found: StemCollision[] = [];
  for (const term of terms) {
    const word = term.term.trim().toLowerCase();
    if (!/^[a-z]+$/.test(word)) continue;
    const collision = checker.collisionOf(word);
    if (collision !== undefined) found.push({ ...term, word: collision, stem: stemWord(word) });
  }
  return found;
}

/** One line per collision: where, what it also matches, and the fix. */
export function describeStemCollision(collision: StemCollision): string {
  const term = collision.term.trim().toLowerCase();
  const pattern = term.endsWith('s') ? `\\b${term}\\b` : `\\b${term}s?\\b`;
  // negative and products take phrases only: there the fix is a longer phrase.
  const fix = /^(negative|products)\[/.test(collision.field)
    ? 'Write a phrase of two or more words that says it (this field takes no patterns), or delete it.'
    : `Write it as a pattern with word boundaries instead ('${pattern}' under patterns; a pattern weighs as much as a phrase), or delete it.`;
  return `${collision.file}: ${collision.owner}, ${collision.field}: "${term}" also matches "${collision.word}" (words are matched by their stem, and both stem to "${collision.stem}"). ${fix}`;
}

class CollisionChecker {
  private readonly collisions = new Map<string, string | undefined>();
  private readonly lemmas = new Map<string, Lemma | undefined>();

  constructor(private readonly words: EnglishWords) {}

  collisionOf(word: string): string | undefined {
    if (!this.collisions.has(word)) this.collisions.set(word, this.find(word));
    return this.collisions.get(word);
  }

  private find(word: string): string | undefined {
    const stem = stemWord(word);
    const last = stem.at(-1) ?? '';
    const candidates = new Set([stem, `${stem}e`, `${stem}${last}`, stem.endsWith('i') ? `${stem.slice(0, -1)}y` : stem]);
    // Most terms have no other common word on their stem: look up the word's own family only when one exists.
    const bases = [...candidates].filter((base) => base !== word && !sameFamily(word, base) && (this.lemma(base)?.taggedSenses ?? 0) >= COMMON_WORD_MIN_TAGGED);
    if (bases.length === 0) return undefined;
    const family = this.familyOf(word);
    for (const base of bases) {
      if (family.has(base) || [...family].some((member) => sameFamily(member, base))) continue;
      const collision = inflections(base).find((form) => !family.has(form) && stemWord(form) === stem);
      if (collision !== undefined) return collision;
    }
    return undefined;
  }

  private lemma(word: string): Lemma | undefined {
    if (!this.lemmas.has(word)) this.lemmas.set(word, this.words.lemma(word));
    return this.lemmas.get(word);
  }

  /** The word and what it is an inflection of, two steps deep ("settings" → "setting" → "set"). */
  private familyOf(word: string): Set<string> {
    const family = new Set([word]);
    for (const base of this.basesOf(word)) {
      family.add(base);
      for (const deeper of this.basesOf(base)) family.add(deeper);
    }
    return family;
  }

  /** Lemmas the word is a regular inflection of: a noun's or verb's -s, a verb's -ed or -ing. */
  private basesOf(word: string): string[] {
    const bases: string[] = [];
    for (const [ending, replacement, parts] of INFLECTIONS) {
      if (!ending.test(word)) continue;
      const base = word.replace(ending, replacement);
      if (base.length < 2 || base === word) continue;
      if (this.lemma(base)?.parts.some((part) => parts.includes(part))) bases.push(base);
    }
    return bases;
  }
}

const NOUN_OR_VERB = ['noun', 'verb'] as const;
const VERB = ['verb'] as const;
const INFLECTIONS: ReadonlyArray<readonly [RegExp, string, readonly string[]]> = [
  [/s$/, '', NOUN_OR_VERB],
  [/es$/, '', NOUN_OR_VERB],
  [/ies$/, 'y', NOUN_OR_VERB],
  [/ed$/, '', VERB],
  [/d$/, '', VERB],
  [/(.)\1ed$/, '$1', VERB],
  [/ied$/, 'y', VERB],
  [/ing$/, '', VERB],
  [/ing$/, 'e', VERB],
  [/(.)\1ing$/, '$1', VERB],
];

/** A base's own forms, the base first: what a message may write. */
function inflections(base: string): string[] {
  const last = base.at(-1) ?? '';
  const stemE = base.endsWith('e') ? base.slice(0, -1) : base;
  const forms = [base, `${base}s`, `${base}es`, base.endsWith('e') ? `${base}d` : `${base}ed`, `${stemE}ing`, `${base}${last}ed`, `${base}${last}ing`];
  if (base.endsWith('y')) forms.push(`${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`);
  return forms;
}

/**
 * The same word in another form: a verb's action noun ("migration" of "migrate", "cancellation"
 * of "cancel"), or a spelling that only adds or drops a letter ("freez" for "freeze", "install"
 * and the British "instal").
 */
function sameFamily(word: string, base: string): boolean {
  // A doubled last letter is a spelling ("instal", "install") only in a longer word: "ad" is no "add".
  const doubled = Math.min(word.length, base.length) >= 5 && (word === `${base}${base.at(-1)}` || base === `${word}${word.at(-1)}`);
  if (`${word}e` === base || doubled) return true;
  const roots = new Set([base, base.replace(/e$/, ''), `${base}${base.at(-1)}`, base.replace(/y$/, 'i')]);
  for (const root of roots) if (word.startsWith(root) && ACTION_NOUN.test(word.slice(root.length))) return true;
  return false;
}
