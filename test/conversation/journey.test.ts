/** The complaint journey: triage, Not quite, clarification, boundaries, billing, zh-TW, odd input. */
import { describe, expect, it } from 'vitest';
import { boundaryGuidance } from '../../src/domain/boundaries.js';
import { categoryDisplayName, CATEGORIES } from '../../src/domain/taxonomy.js';
import { SEVERITY_DEFINITIONS } from '../../src/domain/severity.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { harness, only, texts } from './helpers.js';

const engine = loadDefaultRules();

describe('a complaint', () => {
  const message = 'All users cannot send email since this morning';

  it('gets category, severity with reasons, 2-4 links, and the response expectation for the plan', async () => {
    const h = await harness(engine);
    const expected = engine.triage(message);
    const reply = only(await h.say(message), 'triage');
    expect(reply.categoryName).toBe(categoryDisplayName(expected.category, 'en'));
    expect(reply.severity).toBe(expected.severity);
    expect(reply.severityLabel).toBe(SEVERITY_DEFINITIONS[expected.severity!].label.en);
    expect(reply.reasons).toEqual(expected.reasons);
    expect(reply.links.length).toBeGreaterThanOrEqual(2);
    expect(reply.links.length).toBeLessThanOrEqual(4);
    // Enterprise E3, 13:05 UTC = 13:05 in London in November: Sev A answers within the hour.
    expect(reply.expectation?.summary).toContain(`Enterprise · Sev ${expected.severity}`);
    if (expected.severity === 'A') expect(reply.expectation?.summary).toContain('14:05 your time');
    expect(reply.actions.map((a) => a.verb)).toEqual(['openCase', 'notQuite', 'solved']);
  });

  it('uses the configured default time zone when the channel gives none', async () => {
    const h = await harness(engine, { config: { defaultTimeZone: 'Asia/Taipei' } });
    const reply = only(await h.say(message, { user: { id: 'u', name: 'U' } }), 'triage');
    if (reply.severity === 'A') expect(reply.expectation?.summary).toContain('22:05 your time');
  });

  it('"This solved it" thanks the user', async () => {
    const h = await harness(engine);
    await h.say(message);
    expect(texts(await h.act('solved'))).toMatch(/glad/i);
  });

  it('"Not quite" lists the categories, and a pick answers the same message in that category', async () => {
    const h = await harness(engine);
    await h.say(message);
    const question = only(await h.act('notQuite'), 'question');
    expect(question.field).toBe('category');
    expect(question.verb).toBe('pickCategory');
    expect(question.options.map((o) => o.value)).toContain('identity.users');
    expect(question.options.map((o) => o.value)).not.toContain('unknown');

    const reply = only(await h.act('pickCategory', { category: 'identity.users' }), 'triage');
    expect(reply.message).toBe(message);
    expect(reply.categoryName).toBe(categoryDisplayName('identity.users', 'en'));
    expect(reply.severity).not.toBeNull();
    expect(reply.actions.map((a) => a.verb)).toContain('openCase');
  });
});

describe('a message too vague to place', () => {
  it('asks which service, then who is affected, then answers', async () => {
    const h = await harness(engine);
    const first = only(await h.say("it's broken again"), 'question');
    expect(first.field).toBe('service');
    expect(first.verb).toBe('answerClarification');
    expect(first.options.map((o) => o.title)).toContain('Exchange Online');

    const second = only(await h.act('answerClarification', { field: 'service', value: 'exchange' }), 'question');
    expect(second.field).toBe('scope');
    expect(second.options.map((o) => o.title)).toEqual(['One user', 'Several users', 'Everyone']);

    const third = await h.act('answerClarification', { field: 'scope', value: 'everyone' });
    // The engine places it, or the admin picks among the Exchange categories.
    const triage = third.find((r) => r.kind === 'triage');
    if (triage) {
      expect(triage.kind === 'triage' && triage.message).toBe("it's broken again");
      return;
    }
    const pick = only(third, 'question');
    expect(pick.field).toBe('category');
    expect(pick.options.every((o) => o.value.startsWith('exchange.'))).toBe(true);
    const answer = only(await h.act('pickCategory', { category: pick.options[0]!.value }), 'triage');
    expect(answer.message).toBe("it's broken again");
    expect(answer.severity).toBe('A'); // everyone is affected
    expect(answer.expectation?.summary).toContain('Sev A');
  });

  it('an answer to no pending question is an expired card', async () => {
    const h = await harness(engine);
    expect(texts(await h.act('answerClarification', { value: 'exchange' }))).toMatch(/expired/i);
  });
});

describe('boundaries, redirects and billing', () => {
  it('a boundary explains where to go, offers no "Open a case" but "Office 365 problem after all"', async () => {
    const h = await harness(engine);
    const message = 'I need help debugging my PowerShell script';
    const reply = only(await h.say(message), 'triage');
    const guidance = boundaryGuidance(engine.triage(message).category)!;
    expect(reply.support).toBe('boundary');
    expect(reply.notice).toContain(guidance.whereToGo.en);
    expect(reply.severity).toBeNull();
    expect(reply.expectation).toBeUndefined();
    expect(reply.actions.map((a) => a.verb)).not.toContain('openCase');
    expect(reply.actions.map((a) => a.verb)).toContain('officeProblemAfterAll');

    const form = only(await h.act('officeProblemAfterAll'), 'case-form');
    expect(form.note).toMatch(/Office 365 problem after all/);
    expect(form.values.description).toBe(message);
    expect(['technical']).toContain(CATEGORIES.find((c) => c.id === form.values.category)?.support);
  });

  it('a 21Vianet tenant is redirected to its own support', async () => {
    const h = await harness(engine);
    const reply = only(await h.say('Our tenant is operated by 21Vianet and mail is down'), 'triage');
    expect(reply.support).toBe('redirect');
    expect(reply.notice).toMatch(/21Vianet/);
    expect(reply.actions.map((a) => a.verb)).not.toContain('openCase');
  });

  it('billing says it is handled in business hours, Monday to Friday', async () => {
    const h = await harness(engine);
    const reply = only(await h.say('I want to understand the charges on my invoice'), 'triage');
    expect(reply.support).toBe('billing');
    expect(reply.notice).toMatch(/business hours, Monday to Friday/);
    expect(reply.actions.map((a) => a.verb)).toContain('openCase');
  });
});

describe('language', () => {
  it('answers a Chinese message in zh-TW, and keeps zh-TW for card actions', async () => {
    const h = await harness(engine);
    const reply = only(await h.say('全公司都收不到信'), 'triage');
    expect(reply.lang).toBe('zh-TW');
    expect(reply.categoryName).toBe(categoryDisplayName(reply.category, 'zh-TW'));
    expect(reply.actions.find((a) => a.verb === 'openCase')?.title).toBe('提出案件');
    const form = only(await h.act('openCase'), 'case-form');
    expect(form.lang).toBe('zh-TW');
    expect(form.values.language).toBe('zh-TW');
  });

  it('a zh locale answers in zh-TW even for English text', async () => {
    const h = await harness(engine);
    const reply = only(await h.say('help', { user: { id: 'u', name: 'U', locale: 'zh-TW' } }), 'welcome');
    expect(reply.lang).toBe('zh-TW');
  });
});

describe('greetings, help and odd input', () => {
  it('greets back with the welcome', async () => {
    const h = await harness(engine);
    for (const hello of ['hi', 'Hello!', 'hello there']) expect(only(await h.say(hello), 'welcome').commands.length).toBeGreaterThan(3);
    expect(only(await h.say('你好'), 'welcome').lang).toBe('zh-TW');
    expect(only(await h.say('說明'), 'welcome').title).toMatch(/支援/);
  });

  it('empty text gets a short help text', async () => {
    const h = await harness(engine);
    expect(only(await h.say('   '), 'text').text).toMatch(/help/);
  });

  it('huge text is triaged, and the case description is capped with a note', async () => {
    const h = await harness(engine);
    const huge = `All users cannot send email since this morning. ${'More detail about the failure. '.repeat(2000)}`;
    expect(only(await h.say(huge), 'triage').category).toBe(engine.triage(huge).category);
    const form = only(await h.act('openCase'), 'case-form');
    expect(form.values.description.length).toBeLessThanOrEqual(4000);
    expect(form.note).toMatch(/shortened/);
  });

  it('unknown verbs, stale data and garbage never throw', async () => {
    const h = await harness(engine);
    expect(texts(await h.act('launchRockets'))).toMatch(/expired/i);
    expect(texts(await h.act('submitCase', { formId: 'nope', title: 'x' }))).toMatch(/expired/i);
    expect(texts(await h.act('pickCategory', { category: 42 }))).toMatch(/expired/i);
    expect(texts(await h.act('openCase'))).toMatch(/expired/i);
    expect(texts(await h.act('showCase', { number: { evil: true } }))).toMatch(/expired/i);
    const weird = await h.act('choosePlan', null as unknown as Record<string, unknown>);
    expect(weird[0]?.kind).toBe('text');
  });

  it('a repeated delivery is answered once', async () => {
    const h = await harness(engine);
    expect(await h.say('hi', { deliveryId: 'd-1' })).toHaveLength(1);
    expect(await h.say('hi', { deliveryId: 'd-1' })).toHaveLength(0);
  });
});
