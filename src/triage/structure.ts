/**
 * How a message is built, as far as its category is concerned. Real admins' messages are forum
 * posts, documentation issues and help-desk tickets: they open with the subject (a post's title,
 * a ticket's summary, "Outlook keeps asking for a password since the update") and go on with
 * background that often names other areas ("we moved from on-premises last year, 300 users on
 * E3"). The opening is what the message is about, so an area it names weighs more (the engine
 * adds OPENING_BONUS to such a category's score).
 */
import type { AnalyzedText } from './text.js';

/**
 * A clause with fewer words is a label or a greeting ("IT Support:", "Hi all."), not the subject:
 * the opening is the first clause after it.
 */
const MIN_OPENING_WORDS = 3;

/**
 * The clause (as text.ts numbers them) that opens the message with its subject, or -1 when
 * there is none worth telling apart: a message of one clause is all opening. The subject is the
 * first clause that asks or reports something (`asks`: a failure, a question, a request); a
 * history or a setting told first ("the migration was done months ago", "Teams works fine") is
 * background, and the opening is the first clause after it that asks.
 *
 * A clause wholly inside what software printed (its tokens' voice, quoted.ts) is never the
 * opening: an error pasted first ("Error: the mailbox database is unavailable") names the
 * product that logged it, while the admin's own request comes after it. Someone's words passed
 * on (a user's complaint quoted in a ticket) are not software's and still open.
 */
export function openingClause(text: AnalyzedText, asks: (clause: number) => boolean): number {
  const { tokens } = text;
  let clause = -1;
  let clauseStart = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.clause !== clause) {
      clause = token.clause;
      clauseStart = i;
      words = 0;
    }
    if (++words !== MIN_OPENING_WORDS || !asks(clause) || whollyOutput(text, clauseStart)) continue;
    // Found the opening: it only stands out when the message says something else too.
    return tokens[0]!.clause === clause && tokens[tokens.length - 1]!.clause === clause ? -1 : clause;
  }
  return -1;
}

/** Every word of the clause that starts at token `start` lies in software's output. */
function whollyOutput(text: AnalyzedText, start: number): boolean {
  const { tokens } = text;
  const clause = tokens[start]!.clause;
  for (let i = start; i < tokens.length && tokens[i]!.clause === clause; i++) if (tokens[i]!.voice !== 'output') return false;
  return true;
}

/** Words that say a problem went away: "finally it was solved", "that fixed it". */
const RESOLVED_WORDS = new Set(['solved', 'resolved', 'fixed']);
/** "it works now", "working again now": a verb of these, then "now" within two words. */
const WORKING_WORDS = new Set(['works', 'working', 'worked']);
/** A word before which a resolution is denied or only hoped for: "nothing fixed it", "if this is resolved". */
const DENIERS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'if', 'until', 'unless', 'once', 'when', 'whether', 'hope', 'hopefully']);

/**
 * The message ends by saying the problem is gone ("... I reinstalled it. Finally it was solved.")
 * and asks nothing: a story told after the fact, no request (taxonomy: unknown). Only the last
 * sentence counts: "it was fixed on Friday, today it crashes again" is still broken; and a
 * failure said to persist earlier ("still") means what was fixed is another problem.
 */
export function endsResolved(text: AnalyzedText): boolean {
  const { tokens } = text;
  if (tokens.length === 0 || text.questionClauses.size > 0) return false;
  const last = tokens[tokens.length - 1]!.clause;
  let resolved = false;
  // The last clause, read backwards (hot path: no copy of its words).
  let i = tokens.length - 1;
  for (; i >= 0 && tokens[i]!.clause === last; i--) {
    const word = tokens[i]!.word;
    if (DENIERS.has(word)) return false;
    if (RESOLVED_WORDS.has(word)) resolved = true;
    else if (word === 'now' && (WORKING_WORDS.has(tokens[i - 1]?.word ?? '') || WORKING_WORDS.has(tokens[i - 2]?.word ?? ''))) resolved = true;
  }
  if (!resolved) return false;
  // "The domain still shows as unverified. ... the other trouble is all fixed now": something
  // earlier persists, so what was fixed is another problem.
  for (; i >= 0; i--) if (tokens[i]!.word === 'still') return false;
  return true;
}

/** Who tells their own setup: "we have ...", "I use ...", "our tenant is on ...". */
const SETUP_SUBJECTS = new Set(['we', 'i']);
/** "our tenant", "my org": a possessive and its noun, then the verb. */
const SETUP_POSSESSIVES = new Set(['our', 'my']);
/**
 * Verbs that tell what the admin has or uses, not what happened or fails. Buying verbs are left
 * out on purpose: how a subscription was bought ("we bought it online with a card") is a fact
 * that rules a category out (volume licensing, a syndication partner) and must keep doing so.
 */
const SETUP_VERBS = new Set(['have', 'has', 'use', 'uses', 'run', 'runs', 'host', 'hosts', 'manage', 'rely']);
/** "we are on E3", "we're in hybrid", "our tenant is running ...": a form of "be" and one of these. */
const BE_FORMS = new Set(['are', 'is', 'am', 're', 's']);
const SETUP_AFTER_BE = new Set(['on', 'in', 'using', 'running']);
/** A word that may stand between the subject and its verb: "we also have", "we currently use". */
const SETUP_ADVERBS = new Set(['also', 'all', 'currently', 'already', 'still', 'mostly', 'now', 'both']);

/**
 * Clauses before the opening that only tell the admin's setup: the subject and a verb of having
 * or using ("We have E3 and a hybrid setup with one Exchange 2016 server", "we're on Business
 * Premium", "our company uses SharePoint for documents") and nothing asked or reported. Forum
 * posts and tickets often start this way; the products listed are what the admin has, not what
 * fails (see the engine's use: they neither rule an area out nor stand for the failing product).
 * Only the start of a clause is read, so "when I try to run the script" is not a setup. None when
 * nothing comes before the opening (`opening` 0, or -1 for a message of one clause).
 */
export function setupClauses(text: AnalyzedText, opening: number, asks: (clause: number) => boolean): ReadonlySet<number> {
  // Hot path: most messages tell no setup, so no set is built for them.
  let setup: Set<number> | undefined;
  const { tokens } = text;
  // "We run everything on Microsoft 365: Outlook, Teams, SharePoint": the list after a setup's
  // colon is a clause of its own, and part of the same setup.
  let listFollows = false;
  for (let i = 0; i < tokens.length && tokens[i]!.clause < opening; ) {
    const clause = tokens[i]!.clause;
    const start = i;
    while (i < tokens.length && tokens[i]!.clause === clause) i++;
    const isSetup: boolean = (listFollows || tellsSetup(text, start, i)) && !asks(clause);
    if (isSetup) (setup ??= new Set()).add(clause);
    listFollows = isSetup && i < tokens.length && text.normalized.slice(tokens[i - 1]!.to, tokens[i]!.from).includes(':');
  }
  return setup ?? NO_SETUP;
}
const NO_SETUP: ReadonlySet<number> = new Set();

/** The clause in tokens [start, end) opens with a subject and a verb of having or using. */
function tellsSetup(text: AnalyzedText, start: number, end: number): boolean {
  const { tokens } = text;
  const first = tokens[start]!;
  // A quoted or pasted setup ("the 'we're setting up SharePoint' message") is not the admin's own.
  if (first.voice !== 'own') return false;
  let at = SETUP_SUBJECTS.has(first.word) ? start + 1 : SETUP_POSSESSIVES.has(first.word) ? start + 2 : -1;
  if (at < 0) return false;
  if (SETUP_ADVERBS.has(tokens[at]?.word ?? '')) at++;
  if (at >= end - 1) return false;
  const verb = tokens[at]!.word;
  return SETUP_VERBS.has(verb) || (BE_FORMS.has(verb) && SETUP_AFTER_BE.has(tokens[at + 1]!.word));
}
