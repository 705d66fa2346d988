/** The requester's notices in their language (the case's contact language); both languages share their keys. */
import { describe, expect, it } from 'vitest';
import { deskEn, deskZhTW } from '../../src/support-desk/strings/index.js';
import { renderRequesterNoticeBlocks } from '../../src/channels/slack/index.js';
import { renderRequesterNoticeCard, loadSupportCardTemplates } from '../../src/channels/teams/index.js';
import { loadSupportDeskConfig, SupportDesk, type Notifier, type RequesterNotice } from '../../src/support-desk/index.js';
import { cardText } from '../teams/helpers.js';
import { newCase, openTestStore } from '../store/helpers.js';

describe('support desk strings', () => {
  it('has the same keys, headings and function arities in English and Traditional Chinese', () => {
    expect(Object.keys(deskZhTW).sort()).toEqual(Object.keys(deskEn).sort());
    expect(Object.keys(deskZhTW.noticeHeadings).sort()).toEqual(Object.keys(deskEn.noticeHeadings).sort());
    for (const key of Object.keys(deskEn) as (keyof typeof deskEn)[]) {
      const en = deskEn[key];
      const zh = deskZhTW[key];
      expect(typeof zh, key).toBe(typeof en);
      if (typeof en === 'function') expect((zh as (...args: never[]) => string).length, key).toBe(en.length);
      if (typeof zh === 'string') expect(zh.trim(), key).not.toBe('');
    }
  });
});

async function deskWith(language: 'en' | 'zh-TW') {
  const store = await openTestStore({ dataDir: ':memory:' });
  const notices: RequesterNotice[] = [];
  const notifier: Notifier = {
    channels: ['msteams'],
    hasSupportChannel: async () => true,
    showCase: async () => true,
    note: async () => true,
    notifyRequester: async (_ref, notice) => {
      notices.push(notice);
      return true;
    },
  };
  const desk = new SupportDesk({ store, config: loadSupportDeskConfig({ SUPPORT_ENGINEERS: 'eve' }), notifiers: [notifier] });
  const { case: c } = await store.createCase(newCase({ contact: { method: 'email', email: 'megan@contoso.com', language, timeZone: 'Asia/Taipei' } }), `k-${language}`);
  const eve = { via: 'slack' as const, id: 'eve', name: 'Eve Engineer' };
  const megan = { id: c.requester.userId, name: c.requester.name };
  const data = { tenantId: c.tenantId, number: c.number };
  return { c, desk, eve, megan, data, notices };
}

describe('requester notices in the admin language', () => {
  it('claimed, reply, severity changed, resolved and reopened in zh-TW for a zh-TW contact', async () => {
    const { c, desk, eve, megan, data, notices } = await deskWith('zh-TW');
    expect((await desk.act(eve, 'claim', data)).ok).toBe(true);
    expect((await desk.act(eve, 'reply', { ...data, message: '請重新啟動連接器。' })).ok).toBe(true);
    expect((await desk.act(eve, 'changeSeverity', { ...data, severity: 'B', reason: 'only one site' })).ok).toBe(true);
    expect((await desk.act(eve, 'resolve', { ...data, message: '憑證已更新。' })).ok).toBe(true);
    const thanks = await desk.reopen(megan, c.tenantId, c.number, '謝謝');
    expect(thanks).toMatchObject({ ok: false, reason: 'no-reason', message: expect.stringContaining('維持已解決') });
    expect(await desk.reopen(megan, c.tenantId, c.number, '又壞了')).toEqual({ ok: true, message: `${c.number} 已重新開啟。` });

    expect(notices.map((n) => [n.kind, n.lang])).toEqual([
      ['claimed', 'zh-TW'],
      ['reply', 'zh-TW'],
      ['severity-changed', 'zh-TW'],
      ['resolved', 'zh-TW'],
      ['reopened', 'zh-TW'],
    ]);
    expect(notices[0]!.text).toBe(`支援工程師 Eve Engineer 已接手 ${c.number}，正在處理中。`);
    expect(notices[1]!.text).toContain('請重新啟動連接器。');
    expect(notices[2]!.text).toContain('Sev A（嚴重）');
    expect(notices[2]!.text).toContain('Sev B（高）');
    expect(notices[3]!.text).toMatch(/已解決[\s\S]*憑證已更新。[\s\S]*14 天內重新開啟/);

    const templates = loadSupportCardTemplates();
    const card = cardText(renderRequesterNoticeCard(templates, notices[3]!));
    expect(card).toContain('案件已解決');
    expect(card).toContain('重新開啟');
    expect(JSON.stringify(renderRequesterNoticeBlocks(notices[1]!).blocks)).toContain('送出回覆');
  });

  it('stays in English for an English contact (and without a language)', async () => {
    const { desk, eve, data, notices } = await deskWith('en');
    await desk.act(eve, 'claim', data);
    expect(notices[0]).toMatchObject({ lang: 'en', text: expect.stringContaining('Eve Engineer from support has taken') });
    const { lang: _lang, ...withoutLang } = notices[0]!;
    expect(cardText(renderRequesterNoticeCard(loadSupportCardTemplates(), withoutLang))).toContain('An engineer has your case');
  });
});
