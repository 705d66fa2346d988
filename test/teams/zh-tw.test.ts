/** Over Teams HTTP with the real core: the welcome follows the Teams client's locale; Chinese replies link the zh-tw pages. */
import { describe, expect, it } from 'vitest';
import { useCoreOverTeams } from './core-bot.js';
import { ALEX, BOT, cardOf, cardText, post, teamsMessage } from './helpers.js';

describe('Teams in Traditional Chinese', () => {
  const bot = useCoreOverTeams({ ADMIN_USERS: ALEX.aadObjectId, DEFAULT_PLAN: 'Office 365 E3' });

  async function added(conversationId: string, locale: string) {
    const base = teamsMessage({ serviceUrl: bot.connector.url, conversationId, locale, entities: [{ type: 'clientInfo', locale, timezone: 'Asia/Taipei' }] });
    delete base.text;
    const before = bot.connector.calls.length;
    expect((await post(bot.server.url, { ...base, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] })).status).toBe(200);
    await bot.connector.waitFor(before + 1);
    return bot.connector.calls.slice(before).map(cardOf).map(cardText).join('\n');
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
      const before = bot.connector.calls.length;
      expect((await post(bot.server.url, teamsMessage({ serviceUrl: bot.connector.url, conversationId, text }))).status).toBe(200);
      return JSON.stringify(bot.connector.calls.slice(before).map(cardOf));
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
