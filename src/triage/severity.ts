/**
 * Assigns severity from the cues of one message, in the order taxonomy.md gives:
 *   1. a how-to question, a hypothetical, or nothing broken right now: C;
 *   2. several users cut off or badly degraded, or an outage with a deadline at risk: A;
 *   3. one user or one feature broken with no workaround on the user's side: B;
 *   4. a workaround the user can live with, or a cosmetic problem: C.
 * Billing and pre-sales are C unless users are cut off from the service (then A).
 */
import type { Severity } from '../domain/severity.js';
import type { SupportKind } from '../domain/taxonomy.js';
import type { CueOwner, FoundCues } from './cues.js';
import type { Hit } from './matcher.js';

export interface SeverityDecision {
  readonly severity: Severity | null;
  /** Admin-readable reasons, most decisive first. */
  readonly reasons: string[];
  readonly scope: 'everyone' | 'several' | 'single' | 'unspecified';
}

const quote = (hits: readonly Hit<CueOwner>[], max = 2): string =>
  [...new Set(hits.map((hit) => hit.text))]
    .slice(0, max)
    .map((source) => `'${source}'`)
    .join(' and ');

export function assessSeverity(support: SupportKind, cues: FoundCues): SeverityDecision {
  const scope = assessScope(cues);
  if (support !== 'technical' && support !== 'billing' && support !== 'presales') {
    return { severity: null, reasons: [], scope: scope.kind };
  }

  const failures = cues.affirmed('failure');
  const multi = scope.kind === 'everyone' || scope.kind === 'several';

  if (support !== 'technical') {
    const cutOff = cues.affirmed('cut_off');
    if (cutOff.length > 0 && (multi || cues.has('outage'))) {
      return {
        severity: 'A',
        reasons: [`${quote([...cutOff, ...scope.hits])}: users are cut off from the service → Severity A`],
        scope: scope.kind,
      };
    }
    return {
      severity: 'C',
      reasons: [`${support === 'billing' ? 'A billing or subscription request' : 'A pre-sales question'} with no users cut off → Severity C`],
      scope: scope.kind,
    };
  }

  const nothingBroken = cues.affirmed('nothing_broken');
  if (nothingBroken.length > 0) {
    return { severity: 'C', reasons: [`${quote(nothingBroken)}: nothing is broken right now → Severity C`], scope: scope.kind };
  }

  const asking = [...cues.affirmed('question'), ...cues.affirmed('hypothetical')];
  if (failures.length === 0 && asking.length > 0) {
    return {
      severity: 'C',
      reasons: [`${quote(asking)}: a how-to or planning question, nothing broken right now → Severity C`],
      scope: scope.kind,
    };
  }

  const cosmetic = cues.affirmed('cosmetic');
  const outage = cues.affirmed('outage');
  const deadline = cues.affirmed('deadline');
  if (failures.length > 0 && cosmetic.length === 0) {
    if (multi) {
      const why = scope.kind === 'everyone' ? 'every user is affected' : 'several users are affected';
      return {
        severity: 'A',
        reasons: [`${quote([...scope.hits, ...failures.slice(0, 1)])}: ${why} → Severity A`],
        scope: scope.kind,
      };
    }
    if (scope.kind !== 'single' && (outage.length > 0 || deadline.length > 0)) {
      const why = deadline.length > 0 ? 'a deadline is at risk' : 'a service is down';
      return {
        severity: 'A',
        reasons: [`${quote([...outage, ...deadline, ...failures.slice(0, 1)])}: ${why} → Severity A`],
        scope: scope.kind,
      };
    }
  }

  const adminOnly = cues.affirmed('admin_only_workaround');
  const workaround = cues.affirmed('workaround');
  if (cosmetic.length > 0 || (workaround.length > 0 && adminOnly.length === 0)) {
    const why = cosmetic.length > 0 ? 'a cosmetic problem' : 'the user has a workaround';
    return { severity: 'C', reasons: [`${quote([...cosmetic, ...workaround])}: ${why} → Severity C`], scope: scope.kind };
  }

  if (failures.length === 0 && scope.kind === 'unspecified') {
    return { severity: 'B', reasons: ['Something does not work as expected and no workaround is mentioned → Severity B'], scope: scope.kind };
  }
  const who = scope.kind === 'single' ? `${quote(scope.hits)}: one user or one feature` : 'One feature';
  const extra = adminOnly.length > 0 ? ` (${quote(adminOnly)} is a workaround only an admin can use, so it does not lower the severity)` : '';
  return {
    severity: 'B',
    reasons: [`${who} ${failures.length > 0 ? `broken (${quote(failures, 1)})` : 'impaired'}, no workaround for the user${extra} → Severity B`],
    scope: scope.kind,
  };
}

interface Scope {
  kind: SeverityDecision['scope'];
  hits: Hit<CueOwner>[];
}

/**
 * Who is affected. "Everyone else is fine" and "34 of 35 done" make it one user whatever
 * numbers the message has; otherwise a population ("nobody", "all 80 users") makes it many.
 */
function assessScope(cues: FoundCues): Scope {
  const othersFine = cues.affirmed('others_fine');
  if (othersFine.length > 0) return { kind: 'single', hits: othersFine };
  // "one of our users" is one user, not "our users"; "everyone else" is not everyone.
  const notInsideOthersFine = (hit: Hit<CueOwner>) => !cues.overlaps(hit, 'others_fine') && !cues.overlaps(hit, 'single');
  const everyone = cues.affirmed('everyone').filter(notInsideOthersFine);
  if (everyone.length > 0) return { kind: 'everyone', hits: everyone };
  const several = cues.affirmed('several').filter(notInsideOthersFine);
  if (several.length > 0) return { kind: 'several', hits: several };
  const single = cues.affirmed('single');
  if (single.length > 0) return { kind: 'single', hits: single };
  const partial = cues.affirmed('partial');
  if (partial.length > 0) return { kind: 'single', hits: partial };
  return { kind: 'unspecified', hits: [] };
}
