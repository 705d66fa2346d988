/**
 * Microsoft Graph through Slack: signed Slack requests, the fake Slack Web API for users.info and
 * replies, and the fake Entra token endpoint + Graph on loopback. The Slack workspace is mapped to
 * an Entra tenant (GRAPH_SLACK_TENANTS); a Slack user is matched by their confirmed profile e-mail.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createGraphDirectory, loadGraphConfig } from '../../src/graph/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { blockText, dmEvent, eventEnvelope, startSlackHarness, TEAM, type SlackHarness } from '../slack/helpers.js';
import { EXCHANGE_ADMIN, startFakeGraph, type FakeGraph } from './fake-graph.js';

const ENTRA_TENANT = '3f1c2b7a-5d8e-4c6f-9a0b-1e2d3c4b5a69';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

const open: { h: SlackHarness; store: CaseStore; graph: FakeGraph }[] = [];
afterEach(async () => {
  for (const { h, store, graph } of open.splice(0)) {
    await h.close();
    await store.close();
    await graph.close();
  }
});

async function start(): Promise<{ h: SlackHarness; graph: FakeGraph }> {
  const graph = await startFakeGraph();
  const env = {
    MicrosoftAppId: 'a0b1c2d3-0000-4000-8000-000000000001',
    MicrosoftAppPassword: 'app-secret',
    SLACK_SIGNING_SECRET: 'set',
    GRAPH_TENANTS: ENTRA_TENANT,
    GRAPH_SLACK_TENANTS: `${TEAM}=${ENTRA_TENANT}`,
    GRAPH_AUTHORITY_URL: graph.authorityUrl,
    GRAPH_URL: graph.graphUrl,
  };
  const store = await openSqliteStore({ dataDir: ':memory:' });
  const directory = createGraphDirectory({ config: loadGraphConfig(env)!, logger: pino({ level: 'silent' }), fetch: graph.fetch });
  const core = createConversationCore({ engine, store, config: loadCoreConfig(env), directory });
  const h = await startSlackHarness({ core, store });
  open.push({ h, store, graph });
  const tenant = graph.tenant(ENTRA_TENANT);
  tenant.users['megan@contoso.com'] = 'entra-megan';
  tenant.users['olivia@contoso.com'] = 'entra-olivia';
  tenant.roles['entra-megan'] = [EXCHANGE_ADMIN];
  tenant.skus = ['ENTERPRISEPACK'];
  return { h, graph };
}

async function dm(h: SlackHarness, user: string, text: string): Promise<string> {
  const before = h.slack.of('chat.postMessage').length;
  expect((await h.sendEvent(eventEnvelope(dmEvent(user, text)))).status).toBe(200);
  const calls = await h.slack.waitFor('chat.postMessage', before + 1);
  const posted = calls[calls.length - 1]!.args;
  return `${String(posted.text)}\n${blockText(posted.blocks)}`;
}

describe('Slack with Microsoft Graph: consent', () => {
  it('tells a workspace whose tenant has not consented how to grant it, once, with the exact URL on a link button', async () => {
    const { h, graph } = await start();
    graph.tenant(ENTRA_TENANT).mode = 'no-consent';
    h.slack.users.set('UMEGAN', { real_name: 'Megan Bowen', email: 'megan@contoso.com', is_email_confirmed: true });

    const before = h.slack.of('chat.postMessage').length;
    await dm(h, 'UMEGAN', 'my cases');
    const posted = h.slack.of('chat.postMessage').slice(before).map((c) => c.args);
    const buttons = posted.flatMap((p) => (p.blocks as { type: string; elements?: { type: string; url?: string; text?: { text: string } }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []));
    const consent = `${graph.authorityUrl}/${ENTRA_TENANT}/adminconsent?client_id=a0b1c2d3-0000-4000-8000-000000000001`;
    expect(buttons).toContainEqual(expect.objectContaining({ type: 'button', url: consent, text: expect.objectContaining({ text: 'Grant access (Global Administrator)' }) }));
    expect(await dm(h, 'UMEGAN', 'my cases')).not.toContain('adminconsent');
  });
});

describe('Slack with Microsoft Graph: admins by their Entra role', () => {
  it('accepts a Slack user whose confirmed e-mail belongs to an Exchange Administrator', async () => {
    const { h, graph } = await start();
    h.slack.users.set('UMEGAN', { real_name: 'Megan Bowen', email: 'megan@contoso.com', is_email_confirmed: true });

    const triage = await dm(h, 'UMEGAN', 'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1');
    expect(triage).toMatch(/Open a case/);
    expect(triage).toMatch(/Plan: Office 365 Enterprise E3, from your subscriptions/);
    expect(await dm(h, 'UMEGAN', 'my cases')).not.toMatch(/Only people with an Office 365 administrator role/);
    expect(graph.requests.some((r) => r.tenant === ENTRA_TENANT && decodeURIComponent(r.path).includes("mail eq 'megan@contoso.com'"))).toBe(true);
  });

  it('refuses a workspace owner who holds no Entra administrator role', async () => {
    const { h } = await start();
    h.slack.users.set('UOLIVIA', { real_name: 'Olivia Owner', is_owner: true, is_admin: true, email: 'olivia@contoso.com', is_email_confirmed: true });

    const reply = await dm(h, 'UOLIVIA', 'my cases');
    expect(reply).toMatch(/Only people with an Office 365 administrator role/);
    expect(reply).toMatch(/Microsoft Entra ID shows no administrator role for your account/);
  });

  it('does not believe an e-mail Slack has not confirmed', async () => {
    const { h } = await start();
    h.slack.users.set('UMALLORY', { real_name: 'Mallory', email: 'megan@contoso.com', is_email_confirmed: false });

    expect(await dm(h, 'UMALLORY', 'my cases')).toMatch(/Only people with an Office 365 administrator role/);
  });
});
