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
import type { Reason, SeverityRule } from './reasons.js';

export interface SeverityDecision {
  readonly severity: Severity | null;
  /** Why, most decisive first; worded per language by reasons.ts. */
  readonly reasons: Reason[];
  readonly scope: 'everyone' | 'several' | 'single' | 'unspecified';
}

const texts = (hits: readonly Hit<CueOwner>[], max = 2): string[] => [...new Set(hits.map((hit) => hit.text))].slice(0, max);

export function assessSeverity(support: SupportKind, cues: FoundCues): SeverityDecision {
  const scope = assessScope(cues);
  const decide = (severity: Severity, rule: SeverityRule, hits: readonly Hit<CueOwner>[], extra: Partial<Reason & { kind: 'severity' }> = {}): SeverityDecision => ({
    severity,
    reasons: [{ kind: 'severity', rule, severity, cues: texts(hits), ...extra } as Reason],
    scope: scope.kind,
  });
  if (support !== 'technical' && support !== 'billing' && support !== 'presales') {
    return { severity: null, reasons: [], scope: scope.kind };
  }

  const failures = cues.affirmed('failure');
  const multi = scope.kind === 'everyone' || scope.kind === 'several';

  if (support !== 'technical') {
    const cutOff = cues.affirmed('cut_off');
    if (cutOff.length > 0 && (multi || cues.has('outage'))) return decide('A', 'cut-off', [...cutOff, ...scope.hits]);
    return decide('C', support === 'billing' ? 'billing' : 'presales', []);
  }

  const nothingBroken = cues.affirmed('nothing_broken');
  if (nothingBroken.length > 0) return decide('C', 'nothing-broken', nothingBroken);

  const asking = [...cues.affirmed('question'), ...cues.affirmed('hypothetical')];
  if (failures.length === 0 && asking.length > 0) return decide('C', 'question', asking);

  const cosmetic = cues.affirmed('cosmetic');
  const outage = cues.affirmed('outage');
  const deadline = cues.affirmed('deadline');
  if (failures.length > 0 && cosmetic.length === 0) {
    if (multi) return decide('A', scope.kind === 'everyone' ? 'everyone' : 'several', [...scope.hits, ...failures.slice(0, 1)]);
    if (scope.kind !== 'single' && (outage.length > 0 || deadline.length > 0)) {
      return decide('A', deadline.length > 0 ? 'deadline' : 'outage', [...outage, ...deadline, ...failures.slice(0, 1)]);
    }
  }

  const adminOnly = cues.affirmed('admin_only_workaround');
  const workaround = cues.affirmed('workaround');
  if (cosmetic.length > 0) return decide('C', 'cosmetic', [...cosmetic, ...workaround]);
  if (workaround.length > 0 && adminOnly.length === 0) return decide('C', 'workaround', workaround);

  if (failures.length === 0 && scope.kind === 'unspecified') return decide('B', 'unspecified', []);
  const failure = failures[0]?.text;
  const adminExtra = adminOnly.length > 0 ? { adminOnly: texts(adminOnly, 1) } : {};
  if (scope.kind === 'single') return decide('B', 'single', scope.hits, { ...(failure ? { failure } : {}), ...adminExtra });
  return decide('B', 'one-feature', [], { ...(failure ? { failure } : {}), ...adminExtra });
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
  // An explicit "one user" outweighs numbers elsewhere ("8 users migrated, one user failed").
  const single = cues.affirmed('single');
  if (single.length > 0) return { kind: 'single', hits: single };
  const several = cues.affirmed('several').filter(notInsideOthersFine);
  if (several.length > 0) return { kind: 'several', hits: several };
  const weakSingle = [...cues.affirmed('one_person'), ...cues.affirmed('partial')];
  if (weakSingle.length > 0) return { kind: 'single', hits: weakSingle };
  return { kind: 'unspecified', hits: [] };
}
