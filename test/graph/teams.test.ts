/**
 * Microsoft Graph through Teams: signed Bot Framework activities over HTTP, replies at a fake
 * Bot Connector, and the bot's Graph calls answered by a fake Entra token endpoint and a fake
 * Graph on loopback (test/graph/fake-graph.ts). No ADMIN_USERS and no DEFAULT_PLAN anywhere:
 * what the admin sees comes from the tenant's directory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../poll.js';
import { pino } from 'pino';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createGraphDirectory, loadGraphConfig } from '../../src/graph/index.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { createSupportDeskRuntime, type SupportDeskRuntime } from '../../src/app/support-desk.js';
import { loadSupportDeskConfig } from '../../src/support-desk/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { APP_ID, APP_PASSWORD, startTokenIssuer, type TokenIssuer } from '../teams/auth.js';
import { ALEX, botAddedToTeam, cardOf, cardText, inputs, post, SAM, startFakeConnector, submitActions, teamsMessage, TENANT, type FakeConnector } from '../teams/helpers.js';
import { DIRECTORY_READERS, HELPDESK_ADMIN, selfSignedCertificate, startFakeGraph, type FakeGraph } from './fake-graph.js';

const SEV_A_MAIL = 'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1';
const SEV_B_MAIL = 'a single user cannot send mail to one external domain, NDR 550 5.7.1';
const SEV_A_SITES = 'sharepoint online is down for everyone, sites will not load';

const SUPPORT_CHANNEL = '19:support-desk@thread.tacv2';
const GENERAL = '19:general@thread.tacv2';
/** The budget of the failure tests: what every turn must stay close to. */
const SHORT_BUDGET_MS = 400;
/** The other tests' budget: a cold first call (TLS, token) on a loaded machine must not time out. */
const ROOMY_BUDGET_MS = 8_000;

let engine: TriageEngine;
let connector: FakeConnector;
let issuer: TokenIssuer;
let graph: FakeGraph;
let server: RunningServer | undefined;
let store: CaseStore;
let desk: SupportDeskRuntime | undefined;
let logs: string[];

beforeAll(async () => {
  engine = loadDefaultRules();
  connector = await startFakeConnector();
  issuer = await startTokenIssuer();
});
afterAll(async () => {
  await connector.close();
  await issuer.close();
});

beforeEach(async () => {
  graph = await startFakeGraph();
  store = await openSqliteStore({ dataDir: ':memory:' });
  logs = [];
});
afterEach(async () => {
  await desk?.stop();
  await server?.close();
  await store.close();
  await graph.close();
  server = undefined;
  desk = undefined;
});

/** The Teams bot with Graph on for TENANT (and the support desk posting to SUPPORT_CHANNEL). */
async function startBot(budgetMs = ROOMY_BUDGET_MS, extraEnv: Record<string, string> = {}): Promise<void> {
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const env = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, GRAPH_TENANTS: TENANT, GRAPH_AUTHORITY_URL: graph.authorityUrl, GRAPH_URL: graph.graphUrl, GRAPH_BUDGET_MS: String(budgetMs), ...extraEnv };
  const directory = createGraphDirectory({ config: loadGraphConfig(env)!, logger, fetch: graph.fetch });
  const runtime = createSupportDeskRuntime({ config: loadSupportDeskConfig({ SUPPORT_TEAMS_CHANNEL: SUPPORT_CHANNEL, SUPPORT_ENGINEERS: 'aad-eve' }), store, engine, logger: pino({ level: 'silent' }), appId: APP_ID });
  desk = runtime;
  const core = createConversationCore({ engine, store, config: loadCoreConfig(env), directory, logger, onCaseCreated: (c) => runtime.caseCreated(c) });
  server = await createBotServer({ credentials: issuer.credentials, botFrameworkEndpoints: issuer.endpoints, core, engine, templates: loadCardTemplates(), teamsSupport: runtime.teams }).listen(0, '127.0.0.1');
}

/** The bot is added to the team: the desk learns where the support channel is. */
async function addBotToTeam(): Promise<void> {
  const activity = botAddedToTeam(connector.url, GENERAL);
  expect((await post(server!.url, activity, { authorization: issuer.authorization(connector.url) })).status).toBe(200);
}

/** Waits for the support channel's card of case `number`. */
async function deskCardOf(number: string): Promise<Record<string, unknown>> {
  const call = await until(
    `the support channel's card for ${number}`,
    () => connector.calls.find((c) => c.method === 'POST' && c.conversationId === SUPPORT_CHANNEL && cardText(c.activity).includes(number)),
    10_000,
  );
  return cardOf(call);
}

/** Posts one activity; returns the cards posted back for it and how long the turn took. */
async function say(options: { text?: string; value?: Record<string, unknown>; from?: typeof ALEX }) {
  const before = connector.calls.length;
  const started = Date.now();
  const activity = teamsMessage({ serviceUrl: connector.url, conversationId: `a:chat-${(options.from ?? ALEX).aadObjectId}`, ...options });
  const response = await post(server!.url, activity, { authorization: issuer.authorization(connector.url) });
  expect(response.status).toBe(200);
  const calls = connector.calls.slice(before);
  expect(calls.length).toBeGreaterThan(0);
  return { cards: calls.map(cardOf), ms: Date.now() - started };
}

function press(card: Record<string, unknown>, verb: string, extra: Record<string, unknown> = {}) {
  const action = submitActions(card).find((a) => a.data.verb === verb);
  if (!action) throw new Error(`no ${verb} button in ${JSON.stringify(submitActions(card))}`);
  return { ...action.data, ...extra };
}

async function openAndSubmitCase(triage: Record<string, unknown>) {
  const { cards: [form] } = await say({ value: press(triage, 'openCase') });
  const values = Object.fromEntries([...inputs(form)].map(([id, input]) => [id, input.value ?? '']));
  const submit = press(form!, 'submitCase', { ...values, title: 'Sales floor cannot send', description: 'Nobody on the sales floor can send since 9am.', affectedUsers: '40', email: 'alex@contoso.com' });
  const { cards: [created] } = await say({ value: submit });
  return { form: form!, created: created! };
}

describe('Teams with Microsoft Graph: admins by directory role', () => {
  it('lets a Helpdesk Administrator open a case with no ADMIN_USERS, on the plan its subscriptions give', async () => {
    await startBot();
    const tenant = graph.tenant(TENANT);
    tenant.roles[ALEX.aadObjectId] = [HELPDESK_ADMIN];
    tenant.skus = ['ENTERPRISEPACK'];

    const { cards: [triage] } = await say({ text: SEV_A_MAIL });
    const text = cardText(triage);
    expect(text).toMatch(/Plan: Office 365 Enterprise E3, from your subscriptions/);
    expect(text).toMatch(/one hour/i);
    const { created } = await openAndSubmitCase(triage!);
    expect(cardText(created)).toMatch(/SR-\d{6}-\d{4}/);
    const cases = await store.listCases(TENANT, { requesterUserId: ALEX.aadObjectId });
    expect(cases).toHaveLength(1);
    // Asked by object id, with the app-only token of this tenant.
    expect(graph.requests.some((r) => r.path.includes('roleAssignments') && decodeURIComponent(r.path).includes(`principalId eq '${ALEX.aadObjectId}'`))).toBe(true);
  });

  it('accepts a Helpdesk Administrator whose role is held through a role-assignable group', async () => {
    await startBot();
    const tenant = graph.tenant(TENANT);
    const helpdeskGroup = 'group-helpdesk-admins';
    tenant.roles[helpdeskGroup] = [HELPDESK_ADMIN];
    tenant.groups[ALEX.aadObjectId] = ['group-all-staff', helpdeskGroup];
    tenant.skus = ['ENTERPRISEPACK'];

    const { cards: [triage] } = await say({ text: SEV_A_MAIL });
    const { created } = await openAndSubmitCase(triage!);
    expect(cardText(created)).toMatch(/SR-\d{6}-\d{4}/);
    expect(await store.listCases(TENANT, { requesterUserId: ALEX.aadObjectId })).toHaveLength(1);
  });

  it('refuses a user who holds no administrator role, saying why', async () => {
    await startBot();
    const tenant = graph.tenant(TENANT);
    tenant.roles[SAM.aadObjectId] = [DIRECTORY_READERS];
    tenant.skus = ['ENTERPRISEPACK'];

    const { cards: [triage] } = await say({ text: SEV_A_MAIL, from: SAM });
    expect(submitActions(triage).some((a) => a.data.verb === 'openCase')).toBe(false);
    const { cards } = await say({ text: 'my cases', from: SAM });
    expect(cardText(cards[0])).toMatch(/Microsoft Entra ID shows no administrator role for your account/);
  });

  it('never asks a Business Premium tenant its plan, and promises business-hours times for Sev B', async () => {
    await startBot();
    const tenant = graph.tenant(TENANT);
    tenant.roles[ALEX.aadObjectId] = [HELPDESK_ADMIN];
    tenant.skus = ['SPB'];

    const { cards } = await say({ text: SEV_B_MAIL });
    const text = cards.map(cardText).join('\n');
    expect(text).not.toMatch(/Which Office 365 plan/i);
    expect(text).toMatch(/Plan: Microsoft 365 Business Premium, from your subscriptions/);
    expect(text).toMatch(/business hours/i);
  });
});

describe('Teams with Microsoft Graph: is it Microsoft?', () => {
  it('shows an open Exchange incident first on a Sev A mail-flow card, in the case form, the case and the desk card', async () => {
    await startBot();
    const tenant = graph.tenant(TENANT);
    tenant.roles[ALEX.aadObjectId] = [HELPDESK_ADMIN];
    tenant.skus = ['ENTERPRISEPACK'];
    tenant.issues = [
      { id: 'SP222222', title: 'Some sites load slowly', service: 'SharePoint Online', status: 'investigating', classification: 'incident', lastModifiedDateTime: '2026-12-07T07:00:00Z' },
      { id: 'EX123456', title: 'Users cannot send mail to external recipients', service: 'Exchange Online', status: 'serviceDegradation', classification: 'incident', lastModifiedDateTime: '2026-12-07T08:10:00Z' },
      // A later advisory for the same service: the incident still comes first.
      { id: 'EX999999', title: 'Message trace shows delayed results', service: 'Exchange Online', status: 'investigating', classification: 'advisory', lastModifiedDateTime: '2026-12-07T09:00:00Z' },
    ];

    await addBotToTeam();
    const { cards: [triage] } = await say({ text: SEV_A_MAIL });
    const body = (triage!.body as Record<string, unknown>[]);
    const first = cardText(body[0]);
    expect(first).toMatch(/EX123456/);
    expect(first).toMatch(/Users cannot send mail to external recipients/);
    expect(first).toMatch(/service degradation/);
    expect(first).toMatch(/2026-12-07 16:10/); // the admin's zone (Asia/Taipei)
    expect(first).toContain('https://admin.microsoft.com/Adminportal/Home#/servicehealth');
    expect(cardText(triage)).not.toMatch(/SP222222/);

    const { form, created } = await openAndSubmitCase(triage!);
    expect(cardText(form)).toMatch(/Microsoft incident EX123456 is attached/);
    const [stored] = await store.listCases(TENANT, { requesterUserId: ALEX.aadObjectId });
    expect(stored?.extra.serviceIncident).toEqual({ id: 'EX123456', title: 'Users cannot send mail to external recipients' });
    // The support channel's card, as the desk posted it to the connector.
    const number = /SR-\d{6}-\d{4,}/.exec(cardText(created))![0];
    expect(cardText(await deskCardOf(number))).toMatch(/Microsoft incident EX123456: Users cannot send mail/);
  });

  it('says it checked when no incident is open for the service', async () => {
    await startBot();
    const tenant = graph.tenant(TENANT);
    tenant.roles[ALEX.aadObjectId] = [HELPDESK_ADMIN];
    tenant.skus = ['ENTERPRISEPACK'];
    tenant.issues = [{ id: 'EX123456', title: 'Mail delays', service: 'Exchange Online', status: 'investigating', classification: 'incident', lastModifiedDateTime: '2026-12-07T08:10:00Z' }];

    const { cards: [triage] } = await say({ text: SEV_A_SITES });
    expect(cardText((triage!.body as unknown[])[0])).toMatch(/I checked your service health: no open Microsoft incident for SharePoint Online/);
    expect(cardText(triage)).not.toMatch(/EX123456/);
  });
});

describe('Teams with Microsoft Graph: when Graph cannot answer', () => {
  for (const mode of ['throttled', 'failing', 'hanging'] as const) {
    it(`answers every turn within its budget when Graph is ${mode}, and logs why once`, async () => {
      await startBot(SHORT_BUDGET_MS);
      graph.tenant(TENANT).mode = mode;
      for (const text of [SEV_A_MAIL, 'my cases', SEV_A_MAIL]) {
        const { cards, ms } = await say({ text });
        expect(cards.length).toBeGreaterThan(0);
        expect(ms).toBeLessThan(SHORT_BUDGET_MS + 1_500);
      }
      const { cards } = await say({ text: 'my cases' });
      expect(cardText(cards[0])).toMatch(/could not check your administrator role with Microsoft Entra ID/);
      expect(logs.filter((l) => l.includes('Microsoft Graph did not answer for this tenant'))).toHaveLength(1);
    });
  }

  it('tells a tenant without consent once how its admin grants it, and keeps today\'s rules', async () => {
    await startBot();
    graph.tenant(TENANT).mode = 'no-consent';
    const { cards: first } = await say({ text: SEV_A_MAIL });
    const consent = `${graph.authorityUrl}/${TENANT}/adminconsent?client_id=${APP_ID}`;
    // The exact URL, as a button that opens it (not Markdown-escaped text).
    expect(first[0]!.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Grant access (Global Administrator)', url: consent }]);
    // Without consent and without ADMIN_USERS, a bot with credentials has no admins (today's rule).
    const { cards: second } = await say({ text: 'my cases' });
    expect(second.map(cardText).join('\n')).not.toContain('adminconsent');
    expect(cardText(second[0])).toMatch(/Nobody is set up as an admin for this bot yet/);
  });
});

describe('Teams with Microsoft Graph: a certificate credential', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'graph-app-cert-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  /** The app registration's certificate as one PEM file (key and certificate), and its certificate alone. */
  const certificateFile = (): { path: string; cert: string } => {
    const { key, cert } = selfSignedCertificate('/CN=support-triage-bot', []);
    const path = join(dir, `app-${Math.random().toString(36).slice(2)}.pem`);
    writeFileSync(path, `${key}\n${cert}`);
    return { path, cert };
  };

  it('serves a tenant with tokens got by a client assertion signed with the certificate', async () => {
    const { path, cert } = certificateFile();
    graph.appCertificates.push(cert);
    await startBot(ROOMY_BUDGET_MS, { MicrosoftAppCertificatePath: path });
    const tenant = graph.tenant(TENANT);
    tenant.roles[ALEX.aadObjectId] = [HELPDESK_ADMIN];
    tenant.skus = ['ENTERPRISEPACK'];

    const { cards: [triage] } = await say({ text: SEV_A_MAIL });
    expect(cardText(triage)).toMatch(/Plan: Office 365 Enterprise E3, from your subscriptions/);
    expect(submitActions(triage).some((a) => a.data.verb === 'openCase')).toBe(true);
    // The certificate, never the secret, though MicrosoftAppPassword is set for the Bot Framework.
    expect(graph.credentialsUsed.length).toBeGreaterThan(0);
    expect(new Set(graph.credentialsUsed)).toEqual(new Set(['client_assertion']));
  });

  it('falls back to today\'s rules when the token endpoint refuses the certificate, without a consent link, and logs why once', async () => {
    const uploaded = certificateFile();
    graph.appCertificates.push(uploaded.cert);
    await startBot(ROOMY_BUDGET_MS, { MicrosoftAppCertificatePath: certificateFile().path });
    const tenant = graph.tenant(TENANT);
    tenant.roles[ALEX.aadObjectId] = [HELPDESK_ADMIN];
    tenant.skus = ['ENTERPRISEPACK'];

    const { cards: first } = await say({ text: SEV_A_MAIL });
    const firstText = first.map(cardText).join('\n');
    expect(firstText).not.toMatch(/from your subscriptions/);
    expect(firstText).not.toContain('adminconsent');
    // No ADMIN_USERS and credentials set: today's rule has no admins, exactly as without consent.
    const { cards: second } = await say({ text: 'my cases' });
    expect(cardText(second[0])).toMatch(/Nobody is set up as an admin for this bot yet/);
    expect(graph.requests.filter((r) => r.path.startsWith('/v1.0/'))).toHaveLength(0);
    const why = logs.filter((l) => l.includes('Microsoft Graph did not answer for this tenant'));
    expect(why).toHaveLength(1);
    expect(why[0]).toMatch(/credentials/);
    expect(why[0]).toMatch(/AADSTS700027/);
    expect(why[0]).toMatch(/MicrosoftAppCertificatePath/);
  });
});
