/**
 * The `TenantDirectory` over Microsoft Graph: who holds an administrator role, which plan the
 * subscriptions give, and which service health incident is open for a category's service.
 * Answers are cached (roles and plans for GRAPH_CACHE_MINUTES, incidents for a minute); failures
 * are not cached, the breaker keeps a failing tenant from being asked again at once.
 */
import type { Logger } from 'pino';
import { LRUCache } from 'lru-cache';
import type { CategoryId } from '../domain/taxonomy.js';
import { createBreaker } from './breaker.js';
import { createGraphClient, GraphCallError, type GraphClient } from './client.js';
import { isTenantGuid, type GraphConfig } from './config.js';
import type { DirectoryUser, GraphFailure, IncidentAnswer, PlanAnswer, RoleAnswer, ServiceIncident, TenantDirectory } from './port.js';
import { adminRoleOf } from './roles.js';
import { SERVICE_HEALTH_URL, serviceMatches, servicesFor } from './services.js';
import { planFromSkus, type SubscribedSku } from './skus.js';
import { createTokenSource, type FetchLike } from './tokens.js';

const INCIDENT_CACHE_MS = 60_000;

interface Page<T> {
  readonly value?: readonly T[];
}
interface GraphIssue {
  readonly id?: string;
  readonly title?: string;
  readonly service?: string;
  readonly status?: string;
  readonly classification?: string;
  readonly isResolved?: boolean;
  readonly lastModifiedDateTime?: string;
  readonly startDateTime?: string;
}

/**
 * The role template ids a user holds, in one budget: role assignments made to the user (any
 * scope, administrative units included), and the directory roles the user is a member of directly
 * or through a role-assignable group (`transitiveMemberOf`, cast to directoryRole). Both need only
 * the permissions already asked for: RoleManagement.Read.Directory (assignments, and reading
 * directoryRole objects) and User.Read.All (least privileged for another user's transitiveMemberOf).
 */
async function heldRoleTemplates(graph: GraphClient, tenantId: string, objectId: string): Promise<string[]> {
  const [assigned, member] = await Promise.all([
    graph.get<Page<{ roleDefinitionId?: string }>>(tenantId, `/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent(`principalId eq ${odata(objectId)}`)}&$select=roleDefinitionId`),
    graph.get<Page<{ roleTemplateId?: string }>>(tenantId, `/users/${encodeURIComponent(objectId)}/transitiveMemberOf/microsoft.graph.directoryRole?$select=roleTemplateId`),
  ]);
  return [...(assigned.value ?? []).map((a) => String(a.roleDefinitionId ?? '')), ...(member.value ?? []).map((r) => String(r.roleTemplateId ?? ''))];
}

/** An OData string literal: single quotes doubled. */
const odata = (value: string): string => `'${value.replace(/'/g, "''")}'`;

const isIncident = (issue: GraphIssue): boolean => issue.classification?.toLowerCase() === 'incident';

const whyOf = (error: unknown): GraphFailure => (error instanceof GraphCallError ? error.why : 'unavailable');

export interface GraphDirectoryOptions {
  readonly config: GraphConfig;
  readonly logger: Logger;
  /** For tests (a fake on loopback with its own certificate); the global fetch otherwise. */
  readonly fetch?: FetchLike;
  readonly now?: () => number;
}

export function createGraphDirectory(options: GraphDirectoryOptions): TenantDirectory {
  const { config } = options;
  const tokens = createTokenSource({ clientId: config.clientId, credential: config.credential, authorityUrl: config.authorityUrl, graphUrl: config.graphUrl, timeoutMs: config.budgetMs, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const breaker = createBreaker(options.logger, options.now);
  const graph = createGraphClient({ graphUrl: config.graphUrl, tokens, breaker, budgetMs: config.budgetMs, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return directoryOver(graph, config, (tenantId) => tokens.consentUrl(tenantId));
}

/** The directory over any Graph client (tests give a scripted one). */
export function directoryOver(graph: GraphClient, config: Pick<GraphConfig, 'tenants' | 'slackTenants' | 'cacheMs'>, consentUrl: (tenantId: string) => string): TenantDirectory {
  const roles = new LRUCache<string, RoleAnswer>({ max: 20_000, ttl: config.cacheMs });
  const plans = new LRUCache<string, PlanAnswer>({ max: 10_000, ttl: config.cacheMs });
  const incidents = new LRUCache<string, readonly GraphIssue[]>({ max: 10_000, ttl: INCIDENT_CACHE_MS });
  const consentTold = new LRUCache<string, true>({ max: 10_000 });
  const consentMissing = new LRUCache<string, true>({ max: 10_000, ttl: config.cacheMs });
  const enabled = (tenantId: string): boolean => isTenantGuid(tenantId) && (config.tenants === '*' || config.tenants.includes(tenantId.toLowerCase()));

  const noteFailure = (tenantId: string, error: unknown): GraphFailure => {
    const why = whyOf(error);
    if (why === 'consent') consentMissing.set(tenantId, true);
    return why;
  };

  const objectIdOf = async (tenantId: string, user: DirectoryUser): Promise<string | undefined> => {
    if (user.objectId) return user.objectId;
    if (!user.email) return undefined;
    const email = odata(user.email.toLowerCase());
    const page = await graph.get<Page<{ id?: string }>>(tenantId, `/users?$filter=${encodeURIComponent(`mail eq ${email} or userPrincipalName eq ${email}`)}&$select=id`);
    const ids = (page.value ?? []).map((u) => u.id).filter((id): id is string => typeof id === 'string');
    // Two accounts with one address: believe neither.
    return ids.length === 1 ? ids[0] : undefined;
  };

  return {
    tenantFor(turn) {
      const tenant = turn.channel === 'slack' ? config.slackTenants.get(turn.tenantId) : turn.channel === 'msteams' ? turn.tenantId.toLowerCase() : undefined;
      return tenant !== undefined && enabled(tenant) ? tenant : undefined;
    },

    async adminRole(tenantId, user) {
      const key = `${tenantId}|${user.objectId ?? ''}|${user.email?.toLowerCase() ?? ''}`;
      const cached = roles.get(key);
      if (cached) return cached;
      try {
        const objectId = await objectIdOf(tenantId, user);
        if (!objectId) {
          const answer: RoleAnswer = user.email ? { kind: 'not-admin' } : { kind: 'unknown', why: 'no-user' };
          roles.set(key, answer);
          return answer;
        }
        const role = adminRoleOf(await heldRoleTemplates(graph, tenantId, objectId));
        const answer: RoleAnswer = role ? { kind: 'admin', role } : { kind: 'not-admin' };
        roles.set(key, answer);
        return answer;
      } catch (error) {
        return { kind: 'unknown', why: noteFailure(tenantId, error) };
      }
    },

    async planOf(tenantId) {
      const cached = plans.get(tenantId);
      if (cached) return cached;
      try {
        const page = await graph.get<Page<SubscribedSku>>(tenantId, '/subscribedSkus');
        const found = planFromSkus(page.value ?? []);
        const answer: PlanAnswer = found ? { kind: 'plan', plan: found.plan, otherFamilies: found.otherFamilies } : { kind: 'undecided' };
        plans.set(tenantId, answer);
        return answer;
      } catch (error) {
        return { kind: 'unknown', why: noteFailure(tenantId, error) };
      }
    },

    async openIncident(tenantId, category: CategoryId): Promise<IncidentAnswer> {
      const services = servicesFor(category);
      const service = services[0] ?? 'Microsoft 365';
      let issues = incidents.get(tenantId);
      if (!issues) {
        try {
          const page = await graph.get<Page<GraphIssue>>(tenantId, `/admin/serviceAnnouncement/issues?$filter=${encodeURIComponent('isResolved eq false')}`);
          issues = page.value ?? [];
          incidents.set(tenantId, issues);
        } catch (error) {
          return { kind: 'unknown', why: noteFailure(tenantId, error) };
        }
      }
      const matching = issues
        .filter((i) => i.isResolved !== true && typeof i.id === 'string' && serviceMatches(i.service, services))
        // Incidents before advisories, the latest update first. Graph's own examples write the
        // classification both as `incident` and `Incident`.
        .sort((a, b) => Number(isIncident(b)) - Number(isIncident(a)) || String(b.lastModifiedDateTime).localeCompare(String(a.lastModifiedDateTime)));
      const first = matching[0];
      if (!first) return { kind: 'checked', service };
      const incident: ServiceIncident = {
        id: String(first.id),
        title: String(first.title ?? first.id),
        service: String(first.service),
        status: String(first.status ?? 'unknown'),
        lastUpdate: String(first.lastModifiedDateTime ?? first.startDateTime ?? ''),
        url: SERVICE_HEALTH_URL,
      };
      return { kind: 'checked', service, incident };
    },

    takeConsentNotice(tenantId) {
      if (!consentMissing.has(tenantId) || consentTold.has(tenantId)) return undefined;
      consentTold.set(tenantId, true);
      return consentUrl(tenantId);
    },
  };
}
