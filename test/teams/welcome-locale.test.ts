/** Over Teams HTTP with the real core: the welcome card follows the Teams client's locale. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer, type RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { ALEX, BOT, cardOf, cardText, post, startFakeConnector, teamsMessage, type FakeConnector } from './helpers.js';

describe('Teams: the welcome card in the client language', () => {
  let connector: FakeConnector;
  let server: RunningServer;
  let store: CaseStore;

  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await connector.close();
  });
  beforeEach(async () => {
    store = await openSqliteStore({ dataDir: ':memory:' });
    const engine = loadDefaultRules();
    const core = createConversationCore({ engine, store, config: loadCoreConfig({ ADMIN_USERS: ALEX.aadObjectId }) });
    server = await createBotServer({ credentials: {}, core, engine, templates: loadCardTemplates(), store }).listen(0, '127.0.0.1');
  });
  afterEach(async () => {
    await server.close();
    await store.close();
  });

  async function added(conversationId: string, locale: string) {
    const base = teamsMessage({ serviceUrl: connector.url, conversationId, locale, entities: [{ type: 'clientInfo', locale, timezone: 'Asia/Taipei' }] });
    delete base.text;
    const before = connector.calls.length;
    expect((await post(server.url, { ...base, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] })).status).toBe(200);
    await connector.waitFor(before + 1);
    return connector.calls.slice(before).map(cardOf).map(cardText).join('\n');
  }

  it('a zh-TW Teams client gets the welcome in Traditional Chinese, with Chinese punctuation', async () => {
    const text = await added('a:personal-welcome-zh', 'zh-TW');
    expect(text).toContain('請用您自己的話描述');
    expect(text).toContain('如何設定永不過期的密碼？');
    expect(text).not.toContain('Describe a problem');
  });

  it('an en-US Teams client gets it in English', async () => {
    const text = await added('a:personal-welcome-en', 'en-US');
    expect(text).toContain('Describe a problem');
  });
});
