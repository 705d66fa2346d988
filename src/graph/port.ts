/**
 * What the conversation core asks about a tenant's directory (the `TenantDirectory` port).
 * Types only: the core never imports MSAL or the Graph client, and a bot without Graph passes no
 * directory at all.
 */
import type { CategoryId } from '../domain/taxonomy.js';
import type { Plan, PlanFamily } from '../domain/plans.js';

/**
 * Why Graph gave no answer: no consent, the app's own credential refused, throttled, failing,
 * slow, or refused the app a call. `consent` and `credentials` mean "Graph is not set up for this
 * tenant": the tenant keeps the rules it had without Graph.
 */
export type GraphFailure = 'consent' | 'credentials' | 'throttled' | 'unavailable' | 'timeout' | 'forbidden' | 'paused';

export interface DirectoryUser {
  /** The Entra object id, when the channel authenticated it (Teams `from.aadObjectId`). */
  readonly objectId?: string;
  /** An e-mail the channel verified (Slack profile e-mail, confirmed), matched to mail or UPN. */
  readonly email?: string;
}

export type RoleAnswer =
  | { readonly kind: 'admin'; readonly role: string }
  | { readonly kind: 'not-admin' }
  | { readonly kind: 'unknown'; readonly why: GraphFailure | 'no-user' };

export type PlanAnswer =
  | { readonly kind: 'plan'; readonly plan: Plan; readonly otherFamilies: readonly PlanFamily[] }
  | { readonly kind: 'undecided' }
  | { readonly kind: 'unknown'; readonly why: GraphFailure };

export interface ServiceIncident {
  /** e.g. EX123456 */
  readonly id: string;
  readonly title: string;
  readonly service: string;
  /** Graph's status, e.g. serviceDegradation, investigating, restoringService. */
  readonly status: string;
  /** ISO 8601 time of the last update. */
  readonly lastUpdate: string;
  /** The admin center's service health page. */
  readonly url: string;
}

export type IncidentAnswer =
  | { readonly kind: 'checked'; readonly service: string; readonly incident?: ServiceIncident }
  | { readonly kind: 'unknown'; readonly why: GraphFailure };

export interface TenantDirectory {
  /** The Entra tenant Graph is asked about for this turn, or undefined when Graph is off for it. */
  tenantFor(turn: { readonly channel: string; readonly tenantId: string }): string | undefined;
  adminRole(tenantId: string, user: DirectoryUser): Promise<RoleAnswer>;
  planOf(tenantId: string): Promise<PlanAnswer>;
  openIncident(tenantId: string, category: CategoryId): Promise<IncidentAnswer>;
  /** The admin-consent URL the first time a tenant without consent is seen; undefined after that. */
  takeConsentNotice(tenantId: string): string | undefined;
}
