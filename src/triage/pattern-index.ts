/**
 * Which of a set of rule patterns are worth running on a message, decided for the whole set at
 * once. `mayMatch` (pattern-prefilter.ts) searched the text for each literal of each pattern,
 * ~300 substring searches per message though the patterns share most literals (" ", "users",
 * "-"). Here each literal is answered at most once per message, most without a search:
 *
 * - Literals of letters and digits ("users", "aadsts") are found through the message's words:
 *   tokens are exactly the maximal [a-z0-9] runs of the normalized text, so such a literal is in
 *   the text if and only if it is inside one of its words. What a word contains is cached per
 *   word, like stems.
 * - Any other literal (" ", "@", "one of ", ".sharepoint.com") is searched in the text, and only
 *   when its letters-and-digits parts ("one", "of"; "sharepoint", "com") are all inside words:
 *   otherwise it cannot be there.
 *
 * - A pattern whose first requirement is made of word literals only ("(blocked|stopped|stops)")
 *   is keyed by them: the words of a message mark the patterns they key, so a pattern none of
 *   whose keys is in the message is passed over without reading its requirements (most are).
 *
 * The answers are exactly those of `mayMatch` on the normalized text, so exactly the same
 * patterns run. One index can serve several term sets (the engine's intent terms and severity
 * cues): the literals of a message are then looked for once, for all of them.
 */
import type { Requirements } from './pattern-prefilter.js';
import type { AnalyzedText } from './text.js';

/** A literal of letters and digits only: in a message it can only sit inside one word. */
const WORD_LITERAL = /^[a-z0-9]+$/;
const WORD_PARTS = /[a-z0-9]+/g;
const NONE: readonly number[] = [];
const WORD_CACHE_LIMIT = 20_000;
const MAX_ROUND = 0x7fffffff;

const UNKNOWN = 0;
const PRESENT = 1;
const ABSENT = 2;
type LiteralState = typeof UNKNOWN | typeof PRESENT | typeof ABSENT;

/** Requirements with each literal replaced by its id. */
type LiteralIds = readonly (readonly number[])[];

export class PatternIndex {
  private readonly literals: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Per literal: the ids of its letters-and-digits parts, or undefined for a word literal. */
  private readonly parts: (readonly number[] | undefined)[] = [];
  private readonly wordLiterals: number[] = [];
  private readonly requirements: LiteralIds[] = [];
  /** Per pattern: whether its first requirement is made of word literals (it is then keyed by them). */
  private readonly keyed: boolean[] = [];
  /** Per word literal id: the keyed patterns whose first requirement names it. */
  private readonly keying: number[][] = [];
  /** Each message starts from this: word literals absent until a word has them, others unknown. */
  private readonly initialState: LiteralState[] = [];
  private readonly byWord = new Map<string, readonly number[]>();

  /**
   * Per-message state in arrays reused from message to message: an entry belongs to the current
   * message only when stamped with its `round`, so nothing needs clearing or allocating per
   * message. A round lasts as long as the same analysis object is asked about (each term set
   * asks once per message); a new analysis, even of the same text, starts a new one.
   */
  private current: Pick<AnalyzedText, 'normalized' | 'tokens'> | undefined;
  private round = 0;
  private literalRound = new Int32Array(0);
  private literalState = new Uint8Array(0);
  /** `patternRound[p] === round`: a word of the current message holds pattern p's first requirement. */
  private patternRound = new Int32Array(0);

  /** Registers a pattern's requirements; returns the pattern's number. */
  add(requirements: Requirements): number {
    const ids = requirements.map((alternatives) => alternatives.map((literal) => this.idOf(literal)));
    // Requirements answered from the words alone first: they are the cheap ones.
    const fromWords = (alternatives: readonly number[]) => alternatives.every((id) => this.parts[id] === undefined);
    const ordered = [...ids.filter(fromWords), ...ids.filter((alternatives) => !fromWords(alternatives))];
    const pattern = this.requirements.length;
    this.requirements.push(ordered);
    const key = ordered[0] !== undefined && fromWords(ordered[0]) ? ordered[0] : undefined;
    this.keyed.push(key !== undefined);
    for (const id of new Set(key)) (this.keying[id] ??= []).push(pattern);
    // The current message's words were read before this pattern had keys.
    this.current = undefined;
    return pattern;
  }

  /**
   * Which of `patterns` (numbers from `add`) may match the text: their positions in the list,
   * in order. The tokens must be those `analyze` made of `normalized` (its [a-z0-9]+ runs).
   */
  candidates(text: Pick<AnalyzedText, 'normalized' | 'tokens'>, patterns: readonly number[]): number[] {
    if (text !== this.current) this.start(text);
    const result: number[] = [];
    for (let i = 0; i < patterns.length; i++) {
      const pattern = patterns[i]!;
      if (!this.keyed[pattern]) {
        if (this.holds(this.requirements[pattern]!, 0, text.normalized)) result.push(i);
      } else if (this.patternRound[pattern] === this.round && this.holds(this.requirements[pattern]!, 1, text.normalized)) {
        result.push(i);
      }
    }
    return result;
  }

  /**
   * A new message: a new round, with the literals its words contain marked present and the
   * patterns they key marked too.
   */
  private start(text: Pick<AnalyzedText, 'normalized' | 'tokens'>): void {
    this.nextRound();
    this.current = text;
    for (const { word } of text.tokens) {
      for (const id of this.literalsIn(word)) {
        if (this.stateOf(id) === PRESENT) continue;
        this.setState(id, PRESENT);
        for (const pattern of this.keying[id] ?? NONE) this.patternRound[pattern] = this.round;
      }
    }
  }

  /** `mayMatch` over ids from requirement `from` on: each has one of its alternatives in the text. */
  private holds(requirements: LiteralIds, from: number, text: string): boolean {
    for (let r = from; r < requirements.length; r++) {
      const alternatives = requirements[r]!;
      let any = false;
      for (const id of alternatives) {
        if (this.has(id, text)) {
          any = true;
          break;
        }
      }
      if (!any) return false;
    }
    return true;
  }

  /** Whether the text has a literal; one that is not a word literal is searched on first ask. */
  private has(id: number, text: string): boolean {
    const state = this.stateOf(id);
    if (state !== UNKNOWN) return state === PRESENT;
    let present = true;
    for (const part of this.parts[id]!) if (this.stateOf(part) !== PRESENT) present = false;
    if (present) present = text.includes(this.literals[id]!);
    this.setState(id, present ? PRESENT : ABSENT);
    return present;
  }

  private stateOf(id: number): LiteralState {
    return this.literalRound[id] === this.round ? (this.literalState[id] as LiteralState) : this.initialState[id]!;
  }

  private setState(id: number, state: LiteralState): void {
    this.literalRound[id] = this.round;
    this.literalState[id] = state;
  }

  /** Starts a message: a new round, with the scratch arrays sized to the literals. */
  private nextRound(): void {
    if (this.literalRound.length !== this.literals.length || this.patternRound.length !== this.requirements.length || this.round === MAX_ROUND) {
      // Literals or patterns were added (or the counter ran out): start over with arrays of the right size.
      this.literalRound = new Int32Array(this.literals.length);
      this.literalState = new Uint8Array(this.literals.length);
      this.patternRound = new Int32Array(this.requirements.length);
      this.round = 0;
    }
    this.round++;
  }

  private idOf(literal: string): number {
    const known = this.ids.get(literal);
    if (known !== undefined) return known;
    // Parts first, so that they are registered as word literals.
    const parts = WORD_LITERAL.test(literal) ? undefined : (literal.match(WORD_PARTS) ?? []).map((part) => this.idOf(part));
    const id = this.literals.length;
    this.literals.push(literal);
    this.ids.set(literal, id);
    this.parts.push(parts);
    this.initialState.push(parts === undefined ? ABSENT : UNKNOWN);
    if (parts === undefined) this.wordLiterals.push(id);
    // Words cached so far were read against fewer literals, and so was the current message.
    this.byWord.clear();
    this.current = undefined;
    return id;
  }

  /** Ids of the letters-and-digits literals inside one word. */
  private literalsIn(word: string): readonly number[] {
    let ids = this.byWord.get(word);
    if (ids !== undefined) return ids;
    const inside: number[] = [];
    for (const id of this.wordLiterals) {
      const literal = this.literals[id]!;
      if (literal.length <= word.length && word.includes(literal)) inside.push(id);
    }
    ids = inside.length > 0 ? inside : NONE;
    if (this.byWord.size < WORD_CACHE_LIMIT) this.byWord.set(word, ids);
    return ids;
  }
}
