/**
 * Taxonomy tie-break 9: feedback on a documentation page. Real documentation issues usually keep
 * the area of the page they are about; these two readers tell when they do not: a message made
 * only of remarks on the page's own form places nothing, and a request to update a page with no
 * failure in the tenant is not a failure of the product.
 */
import type { CueOwner, FoundCues } from './cues.js';
import type { AnalyzedText } from './text.js';

/**
 * "This page still shows the old menu, please update it": about documentation, asking for a
 * change, and no failure outside the sentences about the page (there, the page is what fails).
 */
export function isPageFeedback(cues: FoundCues): boolean {
  if (!cues.has('documentation') || !cues.has('nothing_broken') || cues.has('cut_off')) return false;
  const sentencesOf = (groups: readonly CueOwner[]) => new Set(groups.flatMap((group) => cues.affirmed(group).map((hit) => cues.sentenceOf(hit))));
  const aboutDocs = sentencesOf(['documentation']);
  // "every user now gets an error" beside "this article" is a fault in the tenant, not the page's.
  const people = sentencesOf(PEOPLE_GROUPS);
  return cues.affirmed('failure').every((hit) => aboutDocs.has(cues.sentenceOf(hit)) && !people.has(cues.sentenceOf(hit)));
}
const PEOPLE_GROUPS: readonly CueOwner[] = ['everyone', 'several', 'single', 'one_person'];

/**
 * Tie-break 9 before the rules: a message made only of remarks on a page's own form ("typo in the
 * second paragraph", "the link points to the old download page. Worth fixing.") asks nothing of
 * the product the page is about, so the page's topic must not place it. Every clause of more than
 * a few words holds such a remark or says nothing is broken; no question, request or cut-off.
 */
export function onlyPageRemarks(text: AnalyzedText, cues: FoundCues): boolean {
  const remarks = cues.affirmed('page_remark');
  if (remarks.length === 0 || !PAGE_WORDS.test(text.normalized) || cues.has('cut_off')) return false;
  if (text.questionClauses.size > 0 || PAGE_REMARK_BLOCKERS.some((group) => cues.has(group))) return false;
  const words = new Map<number, number>();
  const aboutPage = new Set<number>();
  for (const token of text.tokens) {
    words.set(token.clause, (words.get(token.clause) ?? 0) + 1);
    if (PAGE_WORDS.test(token.word)) aboutPage.add(token.clause);
  }
  // "Please update the steps", "nothing is wrong with our setup"; a wish for the product ("it would
  // be hugely helpful if OneDrive could ...") is a request of its own.
  const pageWishes = cues.affirmed('nothing_broken').filter((hit) => aboutPage.has(cues.sentenceOf(hit)) || NOTHING_WRONG.test(hit.text));
  const quiet = new Set([...remarks, ...pageWishes].map((hit) => cues.sentenceOf(hit)));
  for (const [clause, count] of words) {
    // "Typo in the second paragraph: recieve should be receive": what follows the colon is the remark's detail.
    if (quiet.has(clause) || (quiet.has(clause - 1) && afterColon(text, clause))) continue;
    if (count > SHORT_CLAUSE_WORDS) return false;
  }
  return cues.affirmed('failure').every((hit) => quiet.has(cues.sentenceOf(hit)));
}

/** The clause opens after a colon ("Typo on the page: ..."). */
function afterColon(text: AnalyzedText, clause: number): boolean {
  const first = text.tokens.findIndex((token) => token.clause === clause);
  if (first <= 0) return false;
  return text.normalized.slice(text.tokens[first - 1]!.to, text.tokens[first]!.from).includes(':');
}
const PAGE_WORDS = /\b(page|pages|article|articles|doc|docs|documentation|guide|paragraph|section|steps)\b/;
const NOTHING_WRONG = /\b(nothing|small thing|minor thing|nitpick)\b/;
const PAGE_REMARK_BLOCKERS: readonly CueOwner[] = ['request', 'config_ask', 'asks_fix', 'help_request'];
/** "Thanks." or "Cheers, Anna" beside the remarks. */
const SHORT_CLAUSE_WORDS = 3;
