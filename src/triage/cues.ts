/**
 * Severity and modifier cues (from `intents/severity.yaml`) found in one message, with
 * negation already applied: "not everyone" is no "everyone", "it's NOT our firewall" no cause.
 */
import type { SeverityCueGroup } from './rules/schema.js';
import type { Hit, TermSet } from './matcher.js';
import type { Voice } from './quoted.js';
import { clauseBreakLength, type AnalyzedText } from './text.js';

/** How far a negation reaches: "not * everyone", "nothing to do with our proxy". */
const NEGATION_WINDOW_BEFORE = 6;
const NEGATION_WINDOW_AFTER = 4;
const CJK_NEGATORS = /(不是|並非|並不是|沒有|無關|非|不會讓?|避免|以免|防止)/u;
/** zh-TW words that open a how-to ("如何讓成員不能編輯？"); "why" (為什麼, 怎麼會) asks about a fault. */
const CJK_HOW_TO = /(如何|怎麼|怎樣|要怎|該怎|有沒有辦法|能不能|可不可以|是否)/u;
const CJK_WHY = /(為什麼|為何|怎麼會|怎會)/u;
/**
 * Words that open a yes/no or wh- question: "Does it bounce?" asks whether a failure would
 * happen; it reports none. ("Why" is left out: asking why says something is broken.)
 */
const QUESTION_OPENERS = new Set(['does', 'do', 'did', 'is', 'are', 'will', 'would', 'can', 'could', 'should', 'what', 'which', 'when', 'where', 'how', 'whether']);
/** Words that open a question after a comma, leaving what came before it stated. */
const WH_OPENERS = new Set(['what', 'which', 'how', 'where', 'when', 'who', 'why']);
const CONDITION_OPENERS = new Set(['if', 'unless', 'suppose', 'assuming']);
/** Prepositions after which a "not" qualifies a place or group ("not in the group", "not part of"). */
const PLACE_WORDS = new Set(['in', 'on', 'at', 'inside', 'within', 'part', 'under', 'among']);
/** Words before a page that say the admin acted on it: "after following this article, ...". */
const ACTED_ON = new Set(['following', 'followed', 'follow', 'per', 'using', 'used']);

export type CueOwner = SeverityCueGroup;

/**
 * What only people's words can say: who is affected, what is asked or wished, what is fine.
 * Inside what software printed (quoted.ts) these words are the product's ("Failed to find users
 * for tenant", "Please consider removing ..."), so they are not read there; a user's words the
 * admin passes on ("the ticket says: nobody in accounting can log in") still are. Failures,
 * outages and cut-offs are read everywhere: a pasted error says what failed.
 */
const ADMIN_VOICE = new Set<CueOwner>([
  'everyone', 'every_item', 'several', 'single', 'one_person', 'others_fine', 'partial', 'still_working', 'impact_field',
  'question', 'hypothetical', 'help_request', 'config_ask', 'request', 'nothing_broken', 'workaround', 'admin_only_workaround',
  'deadline', 'doubt', 'documentation', 'past', 'cosmetic',
]);

/**
 * Words that read like people or a failure but say neither, masked once here so that no reader
 * counts them: a group's name ("the Everyone group", "our All Staff list") says who is in the
 * group, not who is affected, and the "except" of "Everyone except external users" is no
 * exception thrown; "nobody is blocked", "people can still work" say users go on working, the
 * opposite of a failure or a cut-off. A mask covers a span of words, or of characters in
 * Chinese ("大家都可以正常登入": everyone can sign in as usual).
 */
const MASKS: readonly CueOwner[] = ['group_name', 'still_working'];
/** The groups a mask hides: who is affected, and what fails or cuts users off. */
const MASKABLE = new Set<CueOwner>(['everyone', 'every_item', 'several', 'failure', 'cut_off']);

export class CueFinder {
  constructor(private readonly cues: TermSet<CueOwner>) {}

  find(text: AnalyzedText, stems: readonly string[]): FoundCues {
    return new FoundCues(text, this.cues.match(text, stems));
  }
}

const NO_HITS: readonly Hit<CueOwner>[] = [];

export class FoundCues {
  private readonly byGroup = new Map<CueOwner, Hit<CueOwner>[]>();
  /**
   * `affirmed` per group and the negations that negate anything, worked out on first use: the
   * severity rules ask for the same groups several times per message.
   */
  private readonly affirmedByGroup = new Map<CueOwner, readonly Hit<CueOwner>[]>();
  private negators: readonly Hit<CueOwner>[] | undefined;

  constructor(
    private readonly text: AnalyzedText,
    hits: readonly Hit<CueOwner>[],
  ) {
    for (const hit of hits) {
      const list = this.byGroup.get(hit.term.owner);
      if (list) list.push(hit);
      else this.byGroup.set(hit.term.owner, [hit]);
    }
  }

  /** Hits of a group that are not negated, not software's words where only people's count, and not masked. */
  affirmed(group: CueOwner): readonly Hit<CueOwner>[] {
    let affirmed = this.affirmedByGroup.get(group);
    if (affirmed === undefined) {
      const hits = this.byGroup.get(group);
      affirmed = hits ? hits.filter((hit) => (!this.isNegated(hit) || this.joinedAfter(hit)) && !(ADMIN_VOICE.has(group) && this.inSoftwareOutput(hit))) : NO_HITS;
      if (MASKABLE.has(group) && affirmed.length > 0) affirmed = affirmed.filter((hit) => !this.isMasked(hit));
      this.affirmedByGroup.set(group, affirmed);
    }
    return affirmed;
  }

  /** Inside a group's name or a still-working statement (see MASKS). */
  private isMasked(hit: Hit<CueOwner>): boolean {
    return MASKS.some((mask) => this.overlaps(hit, mask));
  }

  describe(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [group, hits] of this.byGroup) out[group] = hits.map((hit) => `${hit.text}${this.isNegated(hit) ? ' (negated)' : ''}`);
    return out;
  }

  has(group: CueOwner): boolean {
    return this.affirmed(group).length > 0;
  }

  /**
   * Is this hit inside the reach of a negation? "after" negations ("the firewall is fine")
   * only apply to causes: for scope, "the other sites are fine" is a statement, not a denial.
   */
  isNegated(hit: Pick<Hit<unknown>, 'start' | 'end' | 'clause' | 'offset'>, options: { after: boolean } = { after: false }): boolean {
    if (hit.start < 0) {
      if (hit.offset < 0) return false;
      return CJK_NEGATORS.test(this.text.compact.slice(Math.max(0, hit.offset - 6), hit.offset));
    }
    for (const negation of this.negations()) {
      if (negation.clause !== hit.clause || negation === hit) continue;
      if (this.segmentOf(negation.end) !== this.segmentOf(hit.start)) continue;
      if (negation.end < hit.start && hit.start - negation.end <= NEGATION_WINDOW_BEFORE) return true;
    }
    if (!options.after) return false;
    for (const negation of this.byGroup.get('negation_after') ?? []) {
      if (negation.clause !== hit.clause) continue;
      if (negation.start > hit.end && negation.start - hit.end <= NEGATION_WINDOW_AFTER) return true;
    }
    return false;
  }

  /**
   * "their account has no license and Outlook stopped working": an "and" between the negation and
   * a severity cue starts a new statement the negation does not reach. (Only severity cues: for
   * a cause, "we did not change the firewall and the proxy" rules both out.)
   */
  private joinedAfter(hit: Hit<CueOwner>): boolean {
    if (hit.start < 0) return false;
    const tokens = this.text.tokens;
    const negation = this.negations().findLast((other) => other.clause === hit.clause && other.end < hit.start);
    if (negation === undefined) return false;
    for (let i = negation.end + 1; i < hit.start; i++) if (tokens[i]!.word === 'and') return true;
    return false;
  }

  /** The negation hits that negate what follows them (not the "not" of a failure). */
  private negations(): readonly Hit<CueOwner>[] {
    this.negators ??= (this.byGroup.get('negation') ?? NO_HITS).filter((negation) => !this.insideFailure(negation) && !this.beforePlace(negation));
    return this.negators;
  }

  /**
   * "The users not in the group show an error": a "not" right before a preposition of place or
   * membership says who or where, and negates nothing after that phrase.
   */
  private beforePlace(negation: Hit<CueOwner>): boolean {
    if (negation.start < 0) return false;
    const next = this.text.tokens[negation.end + 1];
    return next !== undefined && next.segment === this.text.tokens[negation.end]!.segment && PLACE_WORDS.has(next.word);
  }

  private segmentOf(tokenIndex: number): number {
    return this.text.tokens[tokenIndex]?.segment ?? -1;
  }

  /** The "not" of "can not send" describes a failure; it negates nothing after it. */
  private insideFailure(negation: Hit<CueOwner>): boolean {
    return (this.byGroup.get('failure') ?? []).some((failure) => failure.start >= 0 && failure.start <= negation.start && negation.end <= failure.end);
  }

  /** A cause the admin only suspects: a doubt word or a question in the same clause. */
  isDoubted(hit: Pick<Hit<unknown>, 'start' | 'clause'>): boolean {
    if (hit.start < 0) return false;
    if (this.text.questionClauses.has(hit.clause) && !this.statedBeforeQuestion(hit)) return true;
    return (this.byGroup.get('doubt') ?? []).some((doubt) => doubt.clause === hit.clause);
  }

  /**
   * "Our firewall blocks the ports, which ranges do we open?": the question starts after a comma
   * with a question word, so what comes before it is stated, not asked ("Is it the firewall, or
   * the proxy?" asks all of it: its later part opens with no question word).
   */
  private statedBeforeQuestion(hit: Pick<Hit<unknown>, 'start' | 'clause'>): boolean {
    const tokens = this.text.tokens;
    const segment = tokens[hit.start]!.segment;
    const question = tokens.findIndex((token) => token.clause === hit.clause && token.segment > segment);
    return question >= 0 && tokens[question]!.segment !== tokens[question - 1]?.segment && WH_OPENERS.has(tokens[question]!.word);
  }

  /**
   * A failure the admin only asks about: "if the upgrade fails, is there any roll back?" sits in
   * a clause that ends with a question mark and holds a question or hypothetical cue.
   */
  isAskedAbout(hit: Pick<Hit<unknown>, 'start' | 'clause' | 'offset' | 'text'>): boolean {
    if (hit.start < 0) return this.inCjkHowTo(hit);
    if (!this.text.questionClauses.has(hit.clause)) return false;
    if (this.opensQuestion(hit)) return true;
    const asking = [...(this.byGroup.get('question') ?? NO_HITS), ...(this.byGroup.get('hypothetical') ?? NO_HITS)];
    return asking.some((cue) => cue.clause === hit.clause);
  }

  /**
   * A CJK hit inside a how-to question: "如何讓成員只能檢視，不能編輯？" asks how to make "cannot
   * edit" true; the question opens before the hit and the sentence ends with a question mark.
   */
  private inCjkHowTo(hit: Pick<Hit<unknown>, 'offset' | 'text'>): boolean {
    if (hit.offset < 0) return false;
    const { normalized } = this.text;
    const at = this.normalizedOffset(hit);
    let from = at;
    while (from > 0 && clauseBreakLength(normalized, from - 1) === 0) from--;
    let to = at;
    while (to < normalized.length && clauseBreakLength(normalized, to) === 0) to++;
    if (normalized[to] !== '?' && normalized[to] !== '？') return false;
    const before = normalized.slice(from, at);
    return CJK_HOW_TO.test(before) && !CJK_WHY.test(before);
  }

  /** A hit in a clause that ends with a question mark: "Is there a workaround?" has none yet. */
  inQuestion(hit: Pick<Hit<unknown>, 'start' | 'clause'>): boolean {
    return hit.start >= 0 && this.text.questionClauses.has(hit.clause);
  }

  /**
   * A hit inside quotation marks or other output software printed (the token's voice, quoted.ts):
   * the words of an error message or a page, not the admin's own.
   */
  isQuoted(hit: Pick<Hit<unknown>, 'start' | 'offset' | 'text'>): boolean {
    return this.voiceOf(hit) !== 'own';
  }

  /** Inside what software printed (not someone's words passed on): see quoted.ts. */
  private inSoftwareOutput(hit: Pick<Hit<unknown>, 'start' | 'offset' | 'text'>): boolean {
    return this.voiceOf(hit) === 'output';
  }

  /** Whose words a hit is: its first token's voice, or for a CJK phrase or a pattern, its first character's. */
  private voiceOf(hit: Pick<Hit<unknown>, 'start' | 'offset' | 'text'>): Voice {
    if (hit.start >= 0) return this.text.tokens[hit.start]!.voice;
    return hit.offset >= 0 ? this.text.voiceAt(this.normalizedOffset(hit)) : 'own';
  }

  /** A hit in a question that opens with a question word: "Does it bounce?", "What happens when ...?" */
  opensQuestion(hit: Pick<Hit<unknown>, 'start' | 'clause'>): boolean {
    return hit.start >= 0 && this.text.questionClauses.has(hit.clause) && QUESTION_OPENERS.has(this.firstWordOf(hit.clause));
  }

  /**
   * A page the admin acted on ("after following this article's steps, no mail arrives"): the
   * sentence reports what happened in the tenant, it does not describe the page.
   */
  actedOn(hit: Pick<Hit<unknown>, 'start' | 'clause'>): boolean {
    if (hit.start < 0) return false;
    const tokens = this.text.tokens;
    for (let i = hit.start - 1; i >= Math.max(0, hit.start - 4); i--) {
      const token = tokens[i]!;
      if (token.clause !== hit.clause) return false;
      if (ACTED_ON.has(token.word)) return true;
    }
    return false;
  }

  /** A hit in a sentence that opens with "if": a condition imagined, not a fact. */
  isConditional(hit: Pick<Hit<unknown>, 'start' | 'clause'>): boolean {
    return hit.start >= 0 && CONDITION_OPENERS.has(this.firstWordOf(hit.clause));
  }

  private firstWordOf(clause: number): string {
    return this.text.tokens.find((token) => token.clause === clause)?.word ?? '';
  }

  /**
   * The sentence (clause) a hit is in, numbered as text.ts numbers the clauses of words, also for
   * CJK phrases and patterns that match no English word.
   */
  sentenceOf(hit: Pick<Hit<unknown>, 'start' | 'clause' | 'offset' | 'text'>): number {
    if (hit.start >= 0) return hit.clause;
    if (hit.offset < 0) return -1;
    const at = this.normalizedOffset(hit);
    let clause = 0;
    let from = 0;
    for (const token of this.text.tokens) {
      if (token.from >= at) break;
      clause = token.clause;
      from = token.to;
    }
    const { normalized } = this.text;
    for (let i = from; i < at; i++) {
      const breakLength = clauseBreakLength(normalized, i);
      if (breakLength === 0) continue;
      clause++;
      i += breakLength - 1;
    }
    return clause;
  }

  /** Patterns report offsets in `normalized`, CJK phrases in `compact` (no spaces): map the latter back. */
  private normalizedOffset(hit: Pick<Hit<unknown>, 'offset' | 'text'>): number {
    const { normalized } = this.text;
    if (normalized.startsWith(hit.text, hit.offset)) return hit.offset;
    let seen = 0;
    for (let i = 0; i < normalized.length; i++) {
      if (normalized[i] === ' ') continue;
      if (seen === hit.offset) return i;
      seen++;
    }
    return normalized.length;
  }

  /**
   * Spans covered by a group's affirmed hits, to drop "everyone" inside "everyone else". English
   * hits are compared by their words; a CJK phrase or a pattern over CJK text has no words, so it
   * is compared by its characters ("大家" inside "大家都可以正常登入").
   */
  overlaps(hit: Hit<CueOwner>, group: CueOwner): boolean {
    if (hit.start >= 0) return this.affirmed(group).some((other) => other.start >= 0 && other.start <= hit.end && hit.start <= other.end);
    if (hit.offset < 0) return false;
    const [from, to] = this.charSpan(hit);
    return this.affirmed(group).some((other) => {
      if (other.start < 0 && other.offset < 0) return false;
      const [otherFrom, otherTo] = this.charSpan(other);
      return otherFrom < to && from < otherTo;
    });
  }

  /** A hit's characters in `normalized`, [from, to). */
  private charSpan(hit: Hit<CueOwner>): readonly [number, number] {
    if (hit.start >= 0) return [this.text.tokens[hit.start]!.from, this.text.tokens[hit.end]!.to];
    const from = this.normalizedOffset(hit);
    return [from, from + hit.text.length];
  }
}
