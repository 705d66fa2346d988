/**
 * "Is it Microsoft?" and "which plan?" on the triage card, when Microsoft Graph is on for the
 * tenant: a Sev A or an outage reads the tenant's open service health issues for the category's
 * service, and the card says where the plan came from.
 */
import { PLAN_FAMILIES } from '../domain/plans.js';
import type { Severity } from '../domain/severity.js';
import type { CategoryId } from '../domain/taxonomy.js';
import { formatMoment } from '../domain/time.js';
import { planFromSubscriptions, type TurnContext } from './context.js';
import type { Scope } from './state.js';
import { strings } from './strings/index.js';
import type { ServiceHealthView, TriageReply } from './types.js';

/** Graph status ids (camelCase) as words: "serviceDegradation" -> "service degradation". */
const statusWords = (status: string): string => status.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export function readsAsOutageFor(severity: Severity | null, scope: Scope | undefined): boolean {
  return severity === 'A' || scope === 'everyone';
}

/** The card's service health block, and the incident remembered for the case; undefined: not checked. */
export async function serviceHealthFor(
  ctx: TurnContext,
  category: CategoryId,
  severity: Severity | null,
  scope: Scope | undefined,
): Promise<{ view: ServiceHealthView; incident?: { id: string; title: string } } | undefined> {
  const directory = ctx.deps.directory;
  const tenantId = ctx.directory?.tenantId;
  if (!directory || !tenantId || !readsAsOutageFor(severity, scope)) return undefined;
  const answer = await directory.openIncident(tenantId, category);
  if (answer.kind !== 'checked') return undefined;
  const s = strings(ctx.lang);
  const found = answer.incident;
  if (!found) return { view: { headline: s.serviceHealthNone(answer.service) } };
  const updated = new Date(found.lastUpdate);
  const lastUpdate = Number.isNaN(updated.getTime()) ? found.lastUpdate : formatMoment(updated, ctx.zone);
  return {
    view: {
      headline: s.serviceHealthIncident(found.id, found.title),
      incident: { id: found.id, title: found.title, status: s.serviceHealthStatus(statusWords(found.status), lastUpdate), lastUpdate, url: found.url, linkTitle: s.serviceHealthLink },
    },
    incident: { id: found.id, title: found.title },
  };
}

/** "Plan: Office 365 E3, from your subscriptions", when the plan in use came from them. */
export function planSourceOf(ctx: TurnContext, reply: TriageReply): string | undefined {
  const fromGraph = ctx.directory?.plan;
  if (!fromGraph || !planFromSubscriptions(ctx) || !reply.expectation) return undefined;
  const s = strings(ctx.lang);
  const name = fromGraph.plan.name[ctx.lang];
  if (fromGraph.otherFamilies.length === 0) return s.planFromSubscriptions(name);
  return s.planFromSubscriptionsAlso(name, fromGraph.otherFamilies.map((f) => PLAN_FAMILIES[f].name[ctx.lang]).join(', '));
}
