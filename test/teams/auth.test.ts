/**
 * /api/messages with MicrosoftAppId: tokens are checked against OpenID metadata on loopback (as
 * botbuilder checks Microsoft's). A valid token runs the turn; a forged one, a missing one or one
 * for another serviceUrl is 401 with one warn line per reason (no stack trace); a token that
 * cannot be checked because the metadata is unreachable is 503 with Retry-After.
 * Without credentials (Emulator): replies only to a loopback serviceUrl, and only in the emulator tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_TENANT, loadCardTemplates } from '../../src/channels/teams/index.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { captureLogger } from '../slack/helpers.js';
import { OUTGOING_BEARER, startTokenIssuer, unreachableEndpoints, type TokenIssuer } from './auth.js';
import { post, startFakeConnector, teamsMessage, TENANT, type FakeConnector } from './helpers.js';

const engine = loadDefaultRules();
const templates = loadCardTemplates();

async function serve(store: CaseStore, extra: Partial<Parameters<typeof createBotServer>[0]>, logger = captureLogger().logger): Promise<RunningServer> {
  const core = createConversationCore({ engine, store, config: { credentialsConfigured: true, adminUsers: '*', defaultPlan: 'Office 365 E3' } });
  return createBotServer({ credentials: {}, core, engine, templates, logger, ...extra }).listen(0, '127.0.0.1');
}

describe('Bot Framework tokens', () => {
  let connector: FakeConnector;
  let issuer: TokenIssuer;
  let store: CaseStore;
  let server: RunningServer;
  const { logger, logs } = captureLogger();

  beforeAll(async () => {
    connector = await startFakeConnector();
    issuer = await startTokenIssuer();
    store = await openSqliteStore({ dataDir: ':memory:' });
    server = await serve(store, { credentials: issuer.credentials, botFrameworkEndpoints: issuer.endpoints }, logger);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await Promise.all([connector.close(), issuer.close()]);
  });

  it('a valid token runs the turn in the tenant Teams names, and the reply is signed', async () => {
    const before = connector.calls.length;
    const answer = await post(server.url, teamsMessage({ serviceUrl: connector.url, text: 'help' }), { authorization: issuer.authorization(connector.url) });
    expect(answer.status).toBe(200);
    const reply = (await connector.waitFor(before + 1))[before];
    expect(reply?.authorization).toBe(OUTGOING_BEARER);
    expect(reply?.activity.conversation).toMatchObject({ tenantId: TENANT });
  });

  it('forged, missing, or for another serviceUrl: 401, nothing sent, one warn line per reason and no stack', async () => {
    const before = connector.calls.length;
    const activity = teamsMessage({ serviceUrl: connector.url, text: 'my cases' });
    for (let i = 0; i < 5; i++) {
      expect((await post(server.url, activity, { authorization: issuer.forged(connector.url) })).status).toBe(401);
      expect((await post(server.url, activity)).status).toBe(401);
      expect((await post(server.url, activity, { authorization: issuer.authorization('https://evil.example/') })).status).toBe(401);
    }
    // A valid request after them is answered: the refused ones were handled and sent nothing.
    expect((await post(server.url, teamsMessage({ serviceUrl: connector.url, text: 'help', conversationId: 'a:after' }), { authorization: issuer.authorization(connector.url) })).status).toBe(200);
    expect(connector.calls.slice(before).map((c) => c.conversationId)).toEqual(['a:after']);
    const rejected = logs.filter((l) => l.includes('rejected a Bot Framework request')).map((l) => JSON.parse(l) as Record<string, unknown>);
    // 15 refusals, two kinds: one line each within the window.
    expect(rejected.map((line) => line.reason).sort()).toEqual(['invalid token', 'missing token']);
    for (const line of rejected) {
      expect(line).toMatchObject({ level: 40, status: 401 });
      expect(JSON.stringify(line)).not.toMatch(/\n\s+at /);
    }
  });

  it('metadata unreachable: 503 with Retry-After, not 500', async () => {
    const local = captureLogger();
    const unreachable = await serve(store, { credentials: issuer.credentials, botFrameworkEndpoints: await unreachableEndpoints() }, local.logger);
    try {
      const response = await fetch(`${unreachable.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: issuer.authorization(connector.url) },
        body: JSON.stringify(teamsMessage({ serviceUrl: connector.url, text: 'help' })),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      await response.text();
      expect(local.logs.filter((l) => /"level":50/.test(l))).toEqual([]);
      expect(local.logs.filter((l) => l.includes('OpenID metadata unreachable'))).toHaveLength(1);
    } finally {
      await unreachable.close();
    }
  });
});

describe('Emulator mode (no credentials)', () => {
  let connector: FakeConnector;
  let store: CaseStore;
  let server: RunningServer;

  beforeAll(async () => {
    connector = await startFakeConnector();
    store = await openSqliteStore({ dataDir: ':memory:' });
    server = await serve(store, {});
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await connector.close();
  });

  it.each(['http://169.254.169.254/latest/', 'https://evil.example/', 'http://10.1.2.3:3978/', 'http://127.0.0.1.evil.example/', 'http://user@127.0.0.1:1/'])('refuses serviceUrl %s before anything is posted', async (serviceUrl) => {
    const answer = await post(server.url, teamsMessage({ serviceUrl, text: 'help' }));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 'service_url_not_allowed' });
  });

  it('answers on loopback, in the emulator tenant whatever tenant the activity names', async () => {
    const before = connector.calls.length;
    const answer = await post(server.url, teamsMessage({ serviceUrl: connector.url, text: 'help' }));
    expect(answer.status).toBe(200);
    const calls = connector.calls.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.activity.conversation).toMatchObject({ tenantId: EMULATOR_TENANT });
    expect(JSON.stringify(calls)).not.toContain(TENANT);
  });

  it('refuses everything when told the endpoint is off', async () => {
    const off = await serve(store, { botEndpoint: 'off' });
    try {
      const before = connector.calls.length;
      expect((await post(off.url, teamsMessage({ serviceUrl: connector.url, text: 'help' }))).status).toBe(403);
      expect((await post(server.url, teamsMessage({ serviceUrl: connector.url, text: 'help', conversationId: 'a:after' }))).status).toBe(200);
      expect(connector.calls.slice(before).every((c) => c.conversationId === 'a:after')).toBe(true);
    } finally {
      await off.close();
    }
  });
});
