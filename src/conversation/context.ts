/** Everything one turn's handlers need, built once per turn by core.ts. */
import type { Logger } from 'pino';
import type { BusinessHours } from '../domain/business-hours.js';
import type { Lang } from '../domain/taxonomy.js';
import type { CaseStore, SupportCase, TenantSettings } from '../store/index.js';
import type { TriageEngine, TriageResult } from '../triage/index.js';
import type { PlanFamily, Plan } from '../domain/plans.js';
import type { TenantDirectory } from '../graph/port.js';
import type { AdminDecision } from './admin-policy.js';
import type { CoreConfig } from './config.js';
import type { RateLimiter } from './rate-limit.js';
import type { ConversationState } from './state.js';
import type { Turn } from './types.js';

/** What the requester did to a case from the chat (for the support desk's card and channel note). */
export interface CaseChangeNotice {
  readonly action: 'closed' | 'reopened' | 'answered';
  /** The requester's user id. */
  readonly by: string;
  /** The reopen reason, when one was given; the answer's text. */
  readonly note?: string;
}

export interface CoreDeps {
  readonly engine: TriageEngine;
  readonly store: CaseStore;
  readonly config: CoreConfig;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** Called once per newly created case (not for a repeated submit); must not throw. */
  readonly onCaseCreated?: (c: SupportCase) => void;
  /** Called after the requester closed or reopened a case with `close`/`reopen SR-…`; must not throw. */
  readonly onCaseChanged?: (c: SupportCase, change: CaseChangeNotice) => void;
  /** Per-user limits; built from `config.rateLimits` by the core when absent (none: unlimited). */
  readonly rateLimiter?: RateLimiter;
  /** Microsoft Graph (admins by role, plan, service health); absent: ADMIN_USERS and the plan question. */
  readonly directory?: TenantDirectory;
}

/** What Microsoft Graph told this turn about the tenant. */
export interface DirectoryTurn {
  /** The Entra tenant Graph was asked about. */
  readonly tenantId: string;
  /** The plan its subscriptions decide, and the other families it also has. */
  readonly plan?: { readonly plan: Plan; readonly otherFamilies: readonly PlanFamily[] };
}

export interface TurnContext {
  readonly deps: CoreDeps;
  readonly logger: Logger;
  readonly turn: Turn;
  /** Mutated by handlers; saved once after the turn. */
  readonly state: ConversationState;
  /** The tenant's settings as read at the start of the turn, updated when the turn sets the plan. */
  tenant: TenantSettings | undefined;
  lang: Lang;
  readonly admin: AdminDecision;
  /** The user's IANA zone, else the configured default, else UTC. */
  readonly zone: string;
  readonly now: Date;
  readonly businessHours: BusinessHours | undefined;
  /** Set when Microsoft Graph is on for this turn's tenant. */
  readonly directory?: DirectoryTurn;
  /** The engine's last answer this turn (complaint-flow.ts): a complaint is triaged once per turn. */
  triaged?: { readonly text: string; readonly result: TriageResult };
}

/**
 * The plan the tenant chose, else the one its subscriptions decide (Microsoft Graph), else the
 * configured default; undefined means "ask".
 */
export function tenantPlan(ctx: TurnContext): string | undefined {
  return ctx.tenant?.plan ?? ctx.directory?.plan?.plan.name.en ?? ctx.deps.config.defaultPlan;
}

/** True when the plan in use came from the subscriptions, not from the tenant's own choice. */
export function planFromSubscriptions(ctx: TurnContext): boolean {
  return ctx.tenant?.plan === undefined && ctx.directory?.plan !== undefined;
}
