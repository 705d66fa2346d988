/**
 * Assigns severity from the cues of one message, in the order taxonomy.md gives:
 *   1. a how-to question, a hypothetical, or nothing broken right now: C;
 *   2. several users cut off or badly degraded, or an outage with a deadline at risk: A;
 *   3. one user or one feature broken with no workaround on the user's side: B;
 *   4. a workaround the user can live with, or a cosmetic problem: C.
 * Billing and pre-sales are C unless users are cut off from the service (then A).
 */
import type { Severity } from '../domain/severity.js';
import { caseCanBeOpened, type SupportKind } from '../domain/taxonomy.js';
import type { CueOwner, FoundCues } from './cues.js';
import type { Hit } from './matcher.js';
import type { Reason, SeverityRule } from './reasons.js';

export interface SeverityDecision {
  readonly severity: Severity | null;
  /** Why, most decisive first; worded per language by reasons.ts. */
  readonly reasons: Reason[];
  readonly scope: 'everyone' | 'several' | 'single' | 'unspecified';
}

/** The distinct words of up to `max` hits, in order: what a reason quotes. */
function texts(hits: readonly Hit<CueOwner>[], max = 2): string[] {
  const words: string[] = [];
  for (const hit of hits) {
    if (words.length === max) break;
    if (!words.includes(hit.text)) words.push(hit.text);
  }
  return words;
}

type SeverityExtra = Partial<Reason & { kind: 'severity' }>;

function decided(scope: Scope, severity: Severity, rule: SeverityRule, hits: readonly Hit<CueOwner>[], extra: SeverityExtra = {}): SeverityDecision {
  return {
    severity,
    reasons: [{ kind: 'severity', rule, severity, cues: texts(hits), ...extra } as Reason],
    scope: scope.kind,
  };
}

export function assessSeverity(support: SupportKind, cues: FoundCues): SeverityDecision {
  const aboutDocs = new Set(cues.affirmed('documentation').filter((hit) => !cues.actedOn(hit)).map((hit) => cues.sentenceOf(hit)));
  const pastOnly = new Set(pastSentences(cues));
  const notNow = new Set([...aboutDocs, ...pastOnly]);
  const warned = new Set(cues.affirmed('warning').map((hit) => cues.sentenceOf(hit)));
  // A vague failure ("error") in a sentence about a page or a warning is the page or the warning speaking.
  const aboutOther = (hit: Hit<CueOwner>): boolean => (aboutDocs.has(cues.sentenceOf(hit)) || warned.has(cues.sentenceOf(hit))) && isVague(cues, hit);
  // A quoted error inside a question ("what does "we could not find your mailbox" mean?") was seen, not imagined.
  const askedAbout = (hit: Hit<CueOwner>): boolean => cues.isAskedAbout(hit) && !cues.isQuoted(hit);
  const failures = [
    ...cues.affirmed('failure').filter((hit) => !askedAbout(hit) && !pastOnly.has(cues.sentenceOf(hit)) && !aboutOther(hit)),
    ...garbledControls(cues),
  ];
  const scope = assessScope(cues, new Set([...failures, ...cues.affirmed('cut_off')].map((hit) => cues.sentenceOf(hit))));
  // Users cut off as the admin tells it now ("no email since 9am"), not asked about or told of the past.
  const cutOff = cues.affirmed('cut_off').filter((hit) => !askedAbout(hit) && !pastOnly.has(cues.sentenceOf(hit)));
  if (!caseCanBeOpened(support)) {
    return { severity: null, reasons: [], scope: scope.kind };
  }

  const multi = scope.kind === 'everyone' || scope.kind === 'several';

  if (support !== 'technical') {
    const cutOff = cues.affirmed('cut_off');
    if (cutOff.length > 0 && (multi || cues.has('outage'))) return decided(scope, 'A', 'cut-off', [...cutOff, ...scope.hits]);
    const lapsed = serviceLapsed(cues);
    if (lapsed.length > 0) return decided(scope, 'A', 'cut-off', lapsed);
    return decided(scope, 'C', support === 'billing' ? 'billing' : 'presales', []);
  }

  // "Please consider removing ..." inside a quoted error message is the product speaking.
  const nothingBroken = outsideHelpRequests(cues, cues.affirmed('nothing_broken')).filter((hit) => !cues.isQuoted(hit));
  const reported = reportedBesidePage(cues, aboutDocs, nothingBroken, cutOff);
  if (nothingBroken.length > 0 && !reported && !stoppedElsewhere(cues, failures, nothingBroken)) return decided(scope, 'C', 'nothing-broken', nothingBroken);
  const requests = cues.affirmed('request');
  const requestSentences = new Set(requests.map((hit) => cues.sentenceOf(hit)));
  if (requests.length > 0 && failures.every((hit) => requestSentences.has(cues.sentenceOf(hit)))) return decided(scope, 'C', 'nothing-broken', requests);

  const howTo = howToQuestions(cues);
  const asking = [...howTo, ...cues.affirmed('hypothetical')];
  const asksFix = cues.has('asks_fix');
  if (failures.length === 0 && !asksFix && asking.length > 0) return decided(scope, 'C', 'question', asking);
  const configAsk = settingRequests(cues, failures);
  if (configAsk.length > 0 && !asksFix && !cues.has('regression') && !cues.has('outage') && !cues.has('deadline')) return decided(scope, 'C', 'question', configAsk);
  if (howTo.length > 0 && !asksFix && failures.every((hit) => isVague(cues, hit))) return decided(scope, 'C', 'question', howTo);

  const cosmetic = [...cues.affirmed('cosmetic'), ...cues.affirmed('display_fault').filter((hit) => !onControl(cues, hit))];
  const outage = cues.affirmed('outage');
  // "since the cutover" says when the fault began: only an event still ahead is a deadline at risk.
  const deadline = cues.affirmed('deadline').filter((hit) => !cues.overlaps(hit, 'past_event'));
  // A fault that leaves users working (a restriction that does not hold) cuts nobody off.
  // "no email since 9am" says users are cut off without a failure verb.
  const cutting = [...failures, ...cutOff].filter((hit) => !impairing(cues, hit));
  if (cutting.length > 0 && cosmetic.length === 0) {
    if (multi && !usersWorking(cues, cutting, scope.hits)) return decided(scope, 'A', scope.kind === 'everyone' ? 'everyone' : 'several', [...scope.hits, ...cutting.slice(0, 1)]);
    if ((scope.kind !== 'single' && (outage.length > 0 || deadline.length > 0)) || (scope.kind === 'single' && deadlineTold(cues, deadline))) {
      return decided(scope, 'A', deadline.length > 0 ? 'deadline' : 'outage', [...outage, ...deadline, ...cutting.slice(0, 1)]);
    }
  }

  const adminOnly = cues.affirmed('admin_only_workaround');
  // "still able to" inside "I removed her access but she is still able to open it" is the fault itself.
  // ... and "is there a workaround?" asks for one the user does not have yet.
  const workaround = cues.affirmed('workaround').filter((hit) => !cues.overlaps(hit, 'failure') && !cues.inQuestion(hit));
  if (cosmetic.length > 0) return decided(scope, 'C', 'cosmetic', [...cosmetic, ...workaround]);
  if (workaround.length > 0 && adminOnly.length === 0) return decided(scope, 'C', 'workaround', workaround);

  const impaired = cues.affirmed('impaired').filter((hit) => !notNow.has(cues.sentenceOf(hit)));
  if (failures.length === 0 && impaired.length === 0 && !asksFix && outage.length === 0 && !cues.has('cut_off')) {
    return decided(scope, 'C', 'nothing-broken', []);
  }
  if (failures.length === 0 && impaired.length === 0 && scope.kind === 'unspecified') return decided(scope, 'B', 'unspecified', []);
  const failure = (failures[0] ?? impaired[0])?.text;
  const adminExtra = adminOnly.length > 0 ? { adminOnly: texts(adminOnly, 1) } : {};
  if (scope.kind === 'single') return decided(scope, 'B', 'single', scope.hits, { ...(failure ? { failure } : {}), ...adminExtra });
  return decided(scope, 'B', 'one-feature', [], { ...(failure ? { failure } : {}), ...adminExtra });
}

/**
 * Rule 2 lifts any failure that blocks a deadline, one user's too, but for one user the deadline
 * must be told in full: an event and when it is, in one sentence ("she needs Excel for the
 * month-end close today", "he has the board meeting in an hour"). A bare event word is often
 * only the topic ("our payroll clerk cannot sign in", "the board meeting recording will not open").
 */
function deadlineTold(cues: FoundCues, deadline: readonly Hit<CueOwner>[]): boolean {
  return deadline.some((hit) => deadline.some((other) => other !== hit && cues.sentenceOf(other) === cues.sentenceOf(hit) && !overlapping(hit, other)));
}

/** Two hits on overlapping words ("end of day" inside "by end of day") are one cue. */
function overlapping(a: Hit<CueOwner>, b: Hit<CueOwner>): boolean {
  if (a.start >= 0 && b.start >= 0) return a.start <= b.end && b.start <= a.end;
  return sameSpot(a, b) || (a.offset >= 0 && a.offset === b.offset);
}

/**
 * A how-to for a setting that comes after the context it answers: "Users cannot reset their
 * passwords. How do I enable self-service reset?" A failure in the same sentence or after it
 * ("I want to enable DKIM but the toggle fails") is the fault the admin reports.
 */
function settingRequests(cues: FoundCues, failures: readonly Hit<CueOwner>[]): readonly Hit<CueOwner>[] {
  const asks = cues.affirmed('config_ask');
  if (asks.length === 0) return asks;
  const first = Math.min(...asks.map((hit) => cues.sentenceOf(hit)));
  return failures.every((hit) => cues.sentenceOf(hit) < first) ? asks : [];
}

/**
 * A wish or aside ("it would be great if someone called me back", "please update us") next to a
 * clear failure in another sentence that says when it began or what deadline it blocks ("since
 * this morning all users are locked out") does not make the message a wish: the failure is the report.
 */
function stoppedElsewhere(cues: FoundCues, failures: readonly Hit<CueOwner>[], wishes: readonly Hit<CueOwner>[]): boolean {
  const moments = (['regression', 'outage', 'deadline'] as const).flatMap((group) => cues.affirmed(group));
  if (moments.length === 0) return false;
  const wishSentences = new Set(wishes.map((hit) => cues.sentenceOf(hit)));
  // "no longer" is both a failure and a moment: the moment must be other words of the sentence.
  const dated = (hit: Hit<CueOwner>): boolean =>
    moments.some((moment) => cues.sentenceOf(moment) === cues.sentenceOf(hit) && !sameSpot(moment, hit));
  return failures.some((hit) => !wishSentences.has(cues.sentenceOf(hit)) && !isVague(cues, hit) && dated(hit));
}

/**
 * "We followed this article and now no mail reaches anyone. Please update the article": a wish
 * for the page beside users cut off, told outside the sentences about the page, is no feedback
 * with nothing broken (tie-break 9 needs nothing broken); the cut-off is the report. A design
 * limit beside a wish ("admins cannot do this, please document which role can") stays a wish.
 */
function reportedBesidePage(
  cues: FoundCues,
  aboutDocs: ReadonlySet<number>,
  wishes: readonly Hit<CueOwner>[],
  cutOff: readonly Hit<CueOwner>[],
): boolean {
  const forPage = (wish: Hit<CueOwner>): boolean => aboutDocs.has(cues.sentenceOf(wish)) || PAGE_WORDS.test(wish.text);
  const pageWishes = new Set(wishes.filter(forPage).map((wish) => cues.sentenceOf(wish)));
  if (pageWishes.size === 0) return false;
  // Another wish in the cut-off's sentence ("it would be great if users who cannot sign in ...") imagines it.
  const wishedIn = new Set(wishes.map((wish) => cues.sentenceOf(wish)).filter((sentence) => !pageWishes.has(sentence)));
  return cutOff.some((hit) => !aboutDocs.has(cues.sentenceOf(hit)) && !wishedIn.has(cues.sentenceOf(hit)) && !cues.isQuoted(hit));
}
const PAGE_WORDS = /\b(page|article|doc|docs|documentation|guide|steps)\b/;

/** Two hits on the same words of the message (in the same token span, or at the same CJK offset). */
function sameSpot(a: Hit<CueOwner>, b: Hit<CueOwner>): boolean {
  return a.start === b.start && a.end === b.end && a.offset === b.offset;
}

/** A failure that is also an impairment (the same words in both groups): users can still work. */
function impairing(cues: FoundCues, hit: Hit<CueOwner>): boolean {
  if (hit.start >= 0) return cues.overlaps(hit, 'impaired');
  return cues.affirmed('impaired').some((other) => other.offset === hit.offset && other.text === hit.text);
}

/** The subscription or tenant switched off now, not asked about or imagined ("if our subscription is suspended, ..."). */
function serviceLapsed(cues: FoundCues): readonly Hit<CueOwner>[] {
  const lapsed = cues.affirmed('service_lapsed');
  if (lapsed.length === 0) return lapsed;
  const imagined = new Set(cues.affirmed('hypothetical').map((hit) => cues.sentenceOf(hit)));
  return lapsed.filter((hit) => !cues.opensQuestion(hit) && !imagined.has(cues.sentenceOf(hit)) && !cues.isConditional(hit));
}

/** Sentences about the past ("we had users locked out last year"); "since last month" is still going on. */
function pastSentences(cues: FoundCues): number[] {
  const ongoing = new Set(cues.affirmed('regression').map((hit) => cues.sentenceOf(hit)));
  return cues
    .affirmed('past')
    .map((hit) => cues.sentenceOf(hit))
    .filter((sentence) => !ongoing.has(sentence));
}

/** "Any help would be great" asks for help with the fault; it is no wish for a new feature. */
function outsideHelpRequests(cues: FoundCues, hits: readonly Hit<CueOwner>[]): readonly Hit<CueOwner>[] {
  const help = cues.affirmed('help_request');
  if (help.length === 0) return hits;
  const helpSentences = new Set(help.map((hit) => cues.sentenceOf(hit)));
  return hits.filter((hit) => !helpSentences.has(cues.sentenceOf(hit)));
}

/**
 * Questions that ask how to do something. "Can you help?" or "What should I do?" after a
 * described fault asks for help with that fault: it is no how-to and does not make it C.
 */
function howToQuestions(cues: FoundCues): readonly Hit<CueOwner>[] {
  return outsideHelpRequests(cues, cues.affirmed('question'));
}

/**
 * A failure word no stronger than "does not" or "error", or one inside a vague phrase ("could
 * not" in "could not find a way to"): a how-to question outweighs it.
 */
function isVague(cues: FoundCues, hit: Hit<CueOwner>): boolean {
  return cues.affirmed('vague_failure').some((vague) =>
    hit.start >= 0 && vague.start >= 0 ? vague.start <= hit.start && hit.end <= vague.end : sameSpot(vague, hit),
  );
}

/** A control the user needs, garbled: "the Send button shows weird symbols" is a fault, not cosmetic. */
function onControl(cues: FoundCues, hit: Hit<CueOwner>): boolean {
  const sentence = cues.sentenceOf(hit);
  return cues.affirmed('control').some((control) => cues.sentenceOf(control) === sentence);
}

function garbledControls(cues: FoundCues): Hit<CueOwner>[] {
  return cues.affirmed('display_fault').filter((hit) => onControl(cues, hit));
}

interface Scope {
  kind: SeverityDecision['scope'];
  hits: readonly Hit<CueOwner>[];
}

/**
 * Who is affected. "Everyone else is fine" and "34 of 35 done" make it one user whatever
 * numbers the message has; otherwise a population ("nobody", "all 80 users") makes it many.
 */
function assessScope(cues: FoundCues, failing: ReadonlySet<number>): Scope {
  const othersFine = cues.affirmed('others_fine');
  if (othersFine.length > 0) return { kind: 'single', hits: othersFine };
  // "Impact: entire company" in a ticket's fields says who is affected, wherever the failure is told.
  const fieldValues = new Set(cues.affirmed('impact_field').map((hit) => cues.sentenceOf(hit) + 1));
  // "25 new hires have licenses, but their mailboxes do not exist": the failure told right after, of them.
  const toldOfThem = new Set(cues.affirmed('refers_back').map((hit) => cues.sentenceOf(hit)).filter((sentence) => failing.has(sentence)));
  const aboutFailure = (hit: Hit<CueOwner>): boolean =>
    nearFailure(cues.sentenceOf(hit), failing) || fieldValues.has(cues.sentenceOf(hit)) || toldOfThem.has(cues.sentenceOf(hit) + 1);
  const inFailure = (hit: Hit<CueOwner>): boolean => nearFailure(cues.sentenceOf(hit), failing, 0);
  const everyone = [
    ...cues.affirmed('everyone').filter((hit) => notInsideOthersFine(cues, hit) && aboutFailure(hit)),
    ...cues.affirmed('every_item').filter((hit) => notInsideOthersFine(cues, hit) && inFailure(hit)),
  ];
  if (everyone.length > 0) return { kind: 'everyone', hits: everyone };
  // An explicit "one user" outweighs numbers elsewhere ("8 users migrated, one user failed").
  const single = cues.affirmed('single');
  if (single.length > 0) return { kind: 'single', hits: single };
  const several = cues.affirmed('several').filter((hit) => notInsideOthersFine(cues, hit) && aboutFailure(hit));
  if (several.length > 0) return { kind: 'several', hits: several };
  const weakSingle = [...cues.affirmed('one_person'), ...cues.affirmed('partial')];
  if (weakSingle.length > 0) return { kind: 'single', hits: weakSingle };
  return { kind: 'unspecified', hits: [] };
}

/**
 * Who is affected is said where the failure is, or in the sentence right after it ("the admin
 * pages error out. 60 users waiting"); "We have 200 users." before a one-feature fault is
 * background and does not make it Sev A. With no failure sentence, any sentence counts.
 * `after` is how many sentences after a failure still count.
 */
function nearFailure(sentence: number, failing: ReadonlySet<number>, after = 1): boolean {
  if (failing.size === 0 || sentence < 0 || failing.has(-1)) return true;
  return failing.has(sentence) || (after > 0 && failing.has(sentence - 1));
}

/** "one of our users" is one user, not "our users"; "everyone else" is not everyone. */
function notInsideOthersFine(cues: FoundCues, hit: Hit<CueOwner>): boolean {
  return !cues.overlaps(hit, 'others_fine') && !cues.overlaps(hit, 'single');
}

/**
 * The message says users go on working ("nobody is blocked", "they can still sign in") in a
 * clause of its own: the users a failing job names ("skipped 14 users' changes") are not cut off.
 * A failure told of the people themselves ("but nobody can send mail") still cuts them off.
 */
function usersWorking(cues: FoundCues, failures: readonly Hit<CueOwner>[], people: readonly Hit<CueOwner>[]): boolean {
  const ofPeople = (failure: Hit<CueOwner>): boolean =>
    failure.start >= 0 && people.some((who) => who.start >= 0 && who.start <= failure.end && failure.start <= who.end);
  if (failures.some(ofPeople)) return false;
  const failing = new Set(failures.map((hit) => cues.sentenceOf(hit)));
  return cues.affirmed('still_working').some((hit) => !failing.has(cues.sentenceOf(hit)));
}
