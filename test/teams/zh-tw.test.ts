/** Over Teams HTTP with the real core: the welcome follows the Teams client's locale; Chinese replies link the zh-tw pages. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer, type RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { ALEX, BOT, cardOf, cardText, post, startFakeConnector, teamsMessage, type FakeConnector } from './helpers.js';

describe('Teams in Traditional Chinese', () => {
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
    const core = createConversationCore({ engine, store, config: loadCoreConfig({ ADMIN_USERS: ALEX.aadObjectId, DEFAULT_PLAN: 'Office 365 E3' }) });
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

  it('a Chinese complaint links the zh-tw pages with Chinese titles; English keeps en-us', async () => {
    const say = async (conversationId: string, text: string) => {
      const before = connector.calls.length;
      expect((await post(server.url, teamsMessage({ serviceUrl: connector.url, conversationId, text }))).status).toBe(200);
      return JSON.stringify(connector.calls.slice(before).map(cardOf));
    };
    const zh = await say('a:personal-links-zh', '全公司從早上八點起都收不到外部郵件，寄件者收到 NDR 550 5.7.1');
    expect(zh).toContain('https://learn.microsoft.com/zh-tw/');
    expect(zh).not.toContain('https://learn.microsoft.com/en-us/');
    expect(zh).toContain('新式 Exchange 系統管理中心的訊息追蹤');
    expect(zh).not.toContain('Message trace in the modern Exchange admin center');
    const en = await say('a:personal-links-en', 'nobody in the company receives external mail since 8am, senders get NDR 550 5.7.1');
    expect(en).toContain('https://learn.microsoft.com/en-us/');
  });
});
