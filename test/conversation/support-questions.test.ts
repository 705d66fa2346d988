/** Questions about support itself, the plan question's empty choice, and the manifest's "new case". */
import { describe, expect, it } from 'vitest';
import { SUPPORT_RULES } from '../../src/domain/support-rules.js';
import { supportQuestionOf } from '../../src/conversation/support-questions.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { USER, harness, only, texts } from './helpers.js';

const engine = loadDefaultRules();
const noDefault = { config: { defaultPlan: undefined } };

describe('questions about support itself', () => {
  it.each([
    ['thanks!', 'thanks'],
    ['ok thank you so much', 'thanks'],
    ['謝謝您', 'thanks'],
    ['👍', 'thanks'],
    ['thanks, but mail is still down', undefined],
    ['thank you, sign-in fails again', undefined],
    ['謝謝，還是無法登入', undefined],
  ] as const)('%j is read as %s', (text, topic) => {
    expect(supportQuestionOf(text)?.topic).toBe(topic);
  });

  it('answers the response time for the severity asked, from the tenant plan, without triaging', async () => {
    const h = await harness(engine); // Enterprise E3
    const replies = await h.say('what is the response time for Sev A?');
    expect(replies.map((r) => r.kind)).toEqual(['text']);
    const answer = texts(replies);
    expect(answer).toContain('Office 365 Enterprise E3');
    expect(answer).toContain('Enterprise · Sev A: 24/7, initial response within one hour');
    expect(answer).not.toContain('Sev B');
    expect(answer).not.toMatch(/which service/i);
  });

  it('lists every severity when none is named, and answers in Chinese for a Chinese question', async () => {
    const h = await harness(engine, { config: { defaultPlan: 'business' } });
    const en = texts(await h.say('how quickly does support respond to a case?'));
    expect(en).toMatch(/Sev A[\s\S]*Sev B[\s\S]*Sev C/);
    const zh = await h.say('嚴重性 A 的回應時間是多久？');
    expect(zh[0]?.lang).toBe('zh-TW');
    expect(texts(zh)).toContain('回應時間');
    expect(texts(zh)).toContain('Sev A');
  });

  it('asks the plan first when none is known, then answers the same question', async () => {
    const h = await harness(engine, noDefault);
    const first = await h.say('what is the response time for Sev B?');
    expect(first.map((r) => r.kind)).toEqual(['text', 'plan-question']);
    const answered = texts(await h.act('choosePlan', { value: 'Office 365 Business Premium' }));
    expect(answered).toContain('Sev B');
    expect(answered).not.toContain('Sev A');
  });

  it.each([
    ['how do I reopen a case?', 'reopen-window', 'en'],
    ['如何重新開啟案件？', 'reopen-window', 'zh-TW'],
    ['who may open a case?', 'admins-only', 'en'],
    ['how do I open a support case?', 'admins-only', 'en'],
    ['如何提出服務要求？', 'admins-only', 'zh-TW'],
    ['誰可以提出服務要求？', 'admins-only', 'zh-TW'],
    ['can our partner open cases for us?', 'partner-delegation', 'en'],
    ['合作夥伴可以幫我們開案件嗎？', 'partner-delegation', 'zh-TW'],
    ['can you arrange a translator on the call?', 'translation-on-call', 'en'],
    ['通話時可以安排口譯嗎？', 'translation-on-call', 'zh-TW'],
    ['who sets the severity of a case?', 'severity-assigned', 'en'],
  ] as const)('"%s" is answered with the %s rule', async (question, rule, lang) => {
    const h = await harness(engine);
    const replies = await h.say(question);
    expect(replies.map((r) => r.kind)).toEqual(['text']);
    expect(replies[0]?.lang).toBe(lang);
    expect(texts(replies)).toContain(SUPPORT_RULES[rule][lang]);
  });

  it('tells a non-admin who asks who may open a case that they are not one', async () => {
    const h = await harness(engine, { config: { adminUsers: ['megan@contoso.com'] } });
    expect(texts(await h.say('who can open a support case?', { user: USER }))).toMatch(/not set up as an admin/);
  });

  it('"thanks" gets a courtesy, in both languages, and leaves a pending plan question pending', async () => {
    const h = await harness(engine, noDefault);
    expect(texts(await h.say('thanks!'))).toMatch(/welcome/i);
    expect(texts(await h.say('謝謝'))).toContain('不客氣');
    only(await h.say('All users cannot send email since this morning'), 'plan-question');
    expect(texts(await h.say('thank you'))).toMatch(/welcome/i);
    expect(texts(await h.act('choosePlan', { value: 'E3' }))).toMatch(/noted your plan/);
  });

  it('leaves complaints that mention cases or support to triage', async () => {
    const h = await harness(engine);
    for (const complaint of ['our partner cannot open cases in the admin center, error 403', 'outlook response time is slow for everyone']) {
      expect((await h.say(complaint)).map((r) => r.kind)).not.toEqual(['text']);
    }
  });
});

describe('the plan question', () => {
  it('answers Choose without a pick with "pick your plan" and the question again, in both languages', async () => {
    const h = await harness(engine, noDefault);
    only(await h.say('All users cannot send email since this morning'), 'plan-question');
    const empty = await h.act('choosePlan', { verb: 'choosePlan' });
    expect(texts(empty)).toMatch(/pick your plan/i);
    expect(texts(empty)).not.toMatch(/expired/i);
    only(empty, 'plan-question');
    // The complaint is still pending: a pick now answers it.
    only(await h.act('choosePlan', { value: 'enterprise' }), 'triage');

    const zh = await harness(engine, noDefault);
    only(await zh.say('全公司寄出去的信都被退回'), 'plan-question');
    expect(texts(await zh.act('choosePlan', { value: '' }))).toContain('請先從清單中選擇您的方案');
  });

  it('a Chinese plan name typed in an English conversation keeps it English', async () => {
    const h = await harness(engine, noDefault);
    only(await h.say('All users cannot send email since this morning'), 'plan-question');
    const replies = await h.say('商務進階版');
    expect(replies.every((r) => r.lang === 'en')).toBe(true);
    expect(only(replies, 'triage').expectation?.family).toBe('business');
  });
});

describe('"new case"', () => {
  it('asks for the problem instead of triaging the two words', async () => {
    const h = await harness(engine);
    for (const typed of ['new case', 'New case', '新案件']) {
      const replies = await h.say(typed);
      expect(replies.map((r) => r.kind)).toEqual(['text']);
      expect(texts(replies)).toMatch(/Describe the problem|請用一兩句話描述問題/);
    }
  });
});
