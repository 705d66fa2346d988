/**
 * Who is an admin and which plan applies, when Microsoft Graph is on for the turn's tenant.
 * ADMIN_USERS still adds people; otherwise an administrator directory role decides, and a channel's
 * own idea of an admin (Slack workspace owners) no longer counts. No consent: today's behaviour,
 * and the admin-consent link once. Graph unable to answer: a clear refusal, never an error.
 */
import type { Lang } from '../domain/taxonomy.js';
import type { PlanAnswer, RoleAnswer } from '../graph/port.js';
import { decideAdmin, listedAdmin, type AdminDecision } from './admin-policy.js';
import type { CoreDeps, DirectoryTurn } from './context.js';
import { strings } from './strings/index.js';
import type { Turn, TextReply } from './types.js';

export interface DirectoryDecision {
  readonly admin: AdminDecision;
  readonly directory?: DirectoryTurn;
  /** Said before the turn's replies: how the tenant's admin grants the app access (once per tenant). */
  readonly consentNotice?: (lang: Lang) => TextReply;
}

export async function decideWithDirectory(deps: CoreDeps, turn: Turn): Promise<DirectoryDecision> {
  const fallback = decideAdmin(turn.user, deps.config);
  const directory = deps.directory;
  const tenantId = directory?.tenantFor(turn);
  if (!directory || !tenantId) return { admin: fallback };

  const listed = listedAdmin(turn.user, deps.config);
  const user = {
    ...(turn.user.entraObjectId ? { objectId: turn.user.entraObjectId } : {}),
    ...(turn.user.verifiedEmail ? { email: turn.user.verifiedEmail } : {}),
  };
  // Both answers are cached for minutes; asked together, a cold turn waits for one budget, not two.
  const [role, plan] = await Promise.all([
    listed ? Promise.resolve<RoleAnswer>({ kind: 'not-admin' }) : directory.adminRole(tenantId, user),
    directory.planOf(tenantId),
  ]);
  const consentMissing = (role.kind === 'unknown' && role.why === 'consent') || (plan.kind === 'unknown' && plan.why === 'consent');
  const url = consentMissing ? directory.takeConsentNotice(tenantId) : undefined;
  return {
    admin: listed ? { admin: true } : adminFrom(role, fallback),
    directory: { tenantId, ...planPart(plan) },
    ...(url ? { consentNotice: (lang: Lang) => ({ kind: 'text' as const, lang, text: strings(lang).graphConsentNeeded, tone: 'info' as const, link: { title: strings(lang).graphConsentLink, url } }) } : {}),
  };
}

function adminFrom(role: RoleAnswer, fallback: AdminDecision): AdminDecision {
  switch (role.kind) {
    case 'admin':
      return { admin: true };
    case 'not-admin':
      return { admin: false, reason: 'no-role' };
    case 'unknown':
      // Without consent (or with the app's credential refused) the tenant keeps today's rules; a
      // user Graph cannot place is not an admin.
      if (role.why === 'consent' || role.why === 'credentials') return fallback;
      if (role.why === 'no-user') return { admin: false, reason: 'no-role' };
      return { admin: false, reason: 'directory-unavailable' };
  }
}

function planPart(plan: PlanAnswer): Pick<DirectoryTurn, 'plan'> {
  return plan.kind === 'plan' ? { plan: { plan: plan.plan, otherFamilies: plan.otherFamilies } } : {};
}
