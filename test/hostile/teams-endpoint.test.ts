/**
 * Hostile requests at POST /api/messages with the real core and cards: random JSON bodies and
 * random activity-shaped bodies get a 4xx or a polite reply, never a 5xx, never a crash, never
 * the adapter's "something went wrong"; bodies over 1 MB get 413 and 10,000-level nesting 400.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { captureLogger } from '../slack/helpers.js';
import { cardText, post, startFakeConnector, teamsMessage, TENANT, type FakeConnector } from '../teams/helpers.js';

describe('Teams endpoint: hostile input', () => {
  let connector: FakeConnector;
  let server: RunningServer;
  let store: CaseStore;
  const { logger, logs } = captureLogger();

  beforeAll(async () => {
    connector = await startFakeConnector();
    store = await openSqliteStore({ dataDir: ':memory:' });
    const engine = loadDefaultRules();
    const core = createConversationCore({ engine, store, config: { credentialsConfigured: false, defaultPlan: 'Office 365 E3', adminUsers: '*' } });
    server = await createBotServer({ credentials: {}, core, engine, templates: loadCardTemplates(), logger }).listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await connector.close();
  });

  const noFailures = () => {
    const said = connector.calls.map((c) => cardText(c.activity) + JSON.stringify(c.activity.text ?? '')).join('\n');
    expect(said).not.toMatch(/something went wrong/i);
    expect(logs.filter((l) => /"level":50/.test(l)).map((l) => l.slice(0, 700)).slice(0, 2)).toEqual([]);
  };

  it('random JSON bodies: 4xx or 200, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 200 })), async (body) => {
        const response = await post(server.url, body);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    noFailures();
  });

  it('random activity-shaped bodies: 4xx or a polite reply, never 5xx, never a case', async () => {
    const anyField = fc.anything({ maxDepth: 2 });
    const activity = fc.record(
      {
        type: fc.oneof(fc.constantFrom('message', 'invoke', 'conversationUpdate', 'typing', 'event'), anyField),
        name: fc.oneof(fc.constant('adaptiveCard/action'), anyField),
        text: fc.oneof(fc.string({ maxLength: 300 }), anyField),
        value: fc.oneof(fc.record({ verb: fc.oneof(fc.constantFrom('openCase', 'submitCase', 'showCase', 'choosePlan'), anyField), formId: anyField, number: anyField }), fc.record({ action: fc.record({ verb: anyField, data: anyField }) }), anyField),
        from: fc.oneof(fc.record({ id: fc.string(), name: anyField, aadObjectId: anyField }), anyField),
        recipient: anyField,
        entities: fc.oneof(fc.array(fc.record({ type: fc.constantFrom('clientInfo', 'mention'), locale: anyField, timezone: anyField, mentioned: anyField, text: anyField })), anyField),
        locale: anyField,
        localTimezone: anyField,
        channelData: anyField,
        membersAdded: anyField,
        id: anyField,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(activity, fc.string({ minLength: 1, maxLength: 30 }), async (fields, conversationId) => {
        const body = { ...fields, conversation: { id: conversationId, tenantId: TENANT }, serviceUrl: connector.url, channelId: 'msteams' };
        const response = await post(server.url, body);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    noFailures();
    expect(await store.listCases(TENANT)).toHaveLength(0);
  });

  it('refuses a body over 1 MB with 413 before parsing it', async () => {
    const big = teamsMessage({ serviceUrl: connector.url, text: 'x'.repeat(1_100_000) });
    const response = await post(server.url, big);
    expect(response.status).toBe(413);
  });

  it('refuses 10,000 levels of nesting with 400, and keeps serving', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const asValue = `{"type":"message","conversation":{"id":"c"},"serviceUrl":"${connector.url}","value":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    for (const body of [deep, asValue]) {
      const response = await post(server.url, body);
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ error: 'too_deep' });
    }
    // Nesting inside a string is text, not depth.
    const inString = await post(server.url, teamsMessage({ serviceUrl: connector.url, text: '[{'.repeat(5_000), conversationId: 'a:deep-text' }));
    expect(inString.status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
