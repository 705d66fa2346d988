/**
 * "Is this about A or B?" over the Teams HTTP path: when the engine is unsure between close
 * categories, the bot asks with only those as buttons, and the answer triages the original
 * message as the chosen category. Also: a very long message is answered, with a note that it was cut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { ALEX, cardOf, cardText, post, startFakeConnector, submitActions, teamsMessage, type FakeConnector } from './helpers.js';

/** Mail to a group rejected for outside senders: the service's filtering or the group's own restriction. */
const UNSURE = 'mail sent to the sales distribution group bounces back for outside senders';

describe('Teams: the bot asks between close categories', () => {
  let connector: FakeConnector;
  let server: RunningServer;
  let store: CaseStore;
  let engine: TriageEngine;

  beforeAll(async () => {
    connector = await startFakeConnector();
    store = await openSqliteStore({ dataDir: ':memory:' });
    engine = loadDefaultRules();
    const coreConfig = loadCoreConfig({ ADMIN_USERS: ALEX.aadObjectId, DEFAULT_PLAN: 'Office 365 E3' });
    const core = createConversationCore({ engine, store, config: coreConfig });
    server = await createBotServer({ credentials: {}, core, engine, templates: loadCardTemplates() }).listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await connector.close();
  });

  async function say(options: { text?: string; value?: Record<string, unknown>; conversationId: string; locale?: string }) {
    const before = connector.calls.length;
    const response = await post(server.url, teamsMessage({ serviceUrl: connector.url, ...options }));
    expect(response.status).toBe(200);
    return connector.calls.slice(before).map(cardOf);
  }

  it('asks with only the candidates as buttons, and the answer places the original message there', async () => {
    const unsure = engine.triage(UNSURE);
    expect(unsure.clarify.length).toBeGreaterThanOrEqual(2);
    const conversationId = 'clarify-en';

    const [question] = await say({ text: UNSURE, conversationId });
    expect(cardText(question)).toMatch(/^[\s\S]*Is this about .+ or about .+\?/);
    const buttons = submitActions(question);
    expect(buttons.map((b) => b.data.category ?? b.data.value)).toEqual([...unsure.clarify]);
    expect(cardText(question)).not.toMatch(/Sev [ABC]/);

    // The admin picks the candidate the engine ranked second.
    const second = buttons[1]!;
    const [answer] = await say({ value: second.data, conversationId });
    const text = cardText(answer);
    const expected = engine.triage(UNSURE, { category: unsure.clarify[1]! });
    expect(text).toContain(second.title);
    expect(text).toMatch(new RegExp(`Sev ${expected.severity}`));
    expect(text).toContain(expected.links[0]!.url);
  });

  it('asks in Traditional Chinese for an admin whose Teams speaks it', async () => {
    const [question] = await say({ text: UNSURE, conversationId: 'clarify-zh', locale: 'zh-TW' });
    expect(cardText(question)).toMatch(/這是關於「.+」還是「.+」的問題?/);
    expect(submitActions(question)).toHaveLength(engine.triage(UNSURE).clarify.length);
  });

  // How fast triage reads it is bounded in test/triage/second-layer.test.ts; here, what the admin sees.
  it('answers a message of almost a megabyte and says only its start was read', async () => {
    const long = 'Outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1. '.repeat(12_500);
    expect(long.length).toBeGreaterThan(900_000);
    const [reply] = await say({ text: long, conversationId: 'long-message' });
    expect(cardText(reply)).toMatch(/only its first 4,000 characters were read/);
    expect(cardText(reply)).toMatch(/Sev A/);
  });

  it('says nothing about length for an ordinary message', async () => {
    const [reply] = await say({ text: 'Outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1', conversationId: 'short-message' });
    expect(cardText(reply)).toMatch(/Sev A/);
    expect(cardText(reply)).not.toMatch(/characters were read/);
  });
});
