/** The case form, creation, and the case commands. */
import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_PATTERN, StoreUnavailableError, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { harness, only, texts, type Harness } from './helpers.js';

const engine = loadDefaultRules();
const complaint = 'All users cannot send email since this morning';

async function openForm(h: Harness, opts = {}) {
  await h.say(complaint, opts);
  return only(await h.act('openCase', {}, opts), 'case-form');
}

describe('the case form', () => {
  it('is prefilled from the conversation; severity read-only below elevated plans', async () => {
    const h = await harness(engine);
    const form = await openForm(h);
    expect(form.values.title).toBe(complaint);
    expect(form.values.description).toBe(complaint);
    expect(form.values.category).toBe(engine.triage(complaint).category);
    expect(form.values.severity).toBe(engine.triage(complaint).severity);
    expect(form.values.email).toBe('megan@contoso.com');
    expect(form.values.timeZone).toBe('Europe/London');
    expect(form.severityEditable).toBe(false);
    expect(form.note).toMatch(/Severity is assigned/);
    expect(form.categoryOptions.map((o) => o.value)).toContain(form.values.category);
    expect(form.severityOptions).toHaveLength(3);
    expect(form.errors).toEqual({});
  });

  it('lets elevated plans set severity', async () => {
    const h = await harness(engine, { config: { defaultPlan: 'Premier' } });
    expect((await openForm(h)).severityEditable).toBe(true);
  });

  it('phone contact with a bad number returns the form with errors and the values kept', async () => {
    const h = await harness(engine);
    const form = await openForm(h);
    const submitted = { ...form.values, contactMethod: 'phone', phone: '12ab', email: 'not-an-email', timeZone: 'Mars/Base', formId: form.formId };
    const again = only(await h.act('submitCase', submitted), 'case-form');
    expect(again.errors.phone).toMatch(/\+ and 7 to 15 digits/);
    expect(again.errors.email).toMatch(/valid email/);
    expect(again.errors.timeZone).toMatch(/time zone/);
    expect(again.values.phone).toBe('12ab');
    expect(again.values.contactMethod).toBe('phone');
    expect(again.values.title).toBe(form.values.title);
    expect(again.formId).toBe(form.formId);
    expect(h.created).toHaveLength(0);

    const missing = only(await h.act('submitCase', { ...form.values, contactMethod: 'phone', phone: '', formId: form.formId }), 'case-form');
    expect(missing.errors.phone).toMatch(/phone number/);
  });

  it('a valid submit creates a case with an SR- number, respondBy, and the conversation reference', async () => {
    const h = await harness(engine);
    const form = await openForm(h);
    const replies = await h.act('submitCase', { ...form.values, contactMethod: 'phone', phone: '+44 20 7946-0958', formId: form.formId });
    const created = only(replies, 'case-created');
    expect(created.case.number).toMatch(CASE_NUMBER_PATTERN);
    expect(created.nextSteps).toContain(created.case.number);
    expect(created.expectation?.summary).toContain('Enterprise');
    const stored = await h.store.getCase('tenant-contoso', created.case.number);
    expect(stored?.conversationReference).toEqual({ conversation: { id: 'conv-1' } });
    expect(stored?.contact.phone).toBe('+44 20 7946-0958');
    if (created.case.severity === 'A') expect(stored?.respondBy?.toISOString()).toBe('2026-11-24T14:05:00.000Z');
    expect(h.created.map((c) => c.number)).toEqual([created.case.number]);
  });

  it('a double submit returns the same number and creates one case', async () => {
    const h = await harness(engine);
    const form = await openForm(h);
    const data = { ...form.values, formId: form.formId };
    const first = only(await h.act('submitCase', data), 'case-created');
    const second = only(await h.act('submitCase', data), 'case-created');
    expect(second.case.number).toBe(first.case.number);
    expect(await h.store.listCases('tenant-contoso')).toHaveLength(1);
    expect(h.created).toHaveLength(1);
  });

  it('a store failure says the case could not be saved, and nothing else', async () => {
    const failing = (store: CaseStore): CaseStore =>
      new Proxy(store, {
        get(target, prop, receiver) {
          if (prop === 'createCase') return () => Promise.reject(new StoreUnavailableError('busy', 'database is locked'));
          const value = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const h = await harness(engine, { store: failing });
    const form = await openForm(h);
    const replies = await h.act('submitCase', { ...form.values, formId: form.formId });
    expect(replies).toHaveLength(1);
    const reply = only(replies, 'text');
    expect(reply.tone).toBe('error');
    expect(reply.text).toMatch(/could not be saved.*try again/);
    expect(h.created).toHaveLength(0);
  });
});

describe('case commands', () => {
  async function createCase(h: Harness, opts: Record<string, unknown> = {}) {
    const form = await openForm(h, opts);
    return only(await h.act('submitCase', { ...form.values, formId: form.formId }, opts), 'case-created').case.number;
  }

  it('"my cases" lists open cases and ones closed in the last 14 days', async () => {
    const h = await harness(engine);
    expect(only(await h.say('my cases'), 'case-list').cases).toHaveLength(0);
    const a = await createCase(h);
    const b = await createCase(h, { conversationId: 'conv-2' });
    await h.say(`close ${b}`);
    expect(only(await h.say('我的案件'), 'case-list').cases.map((c) => c.number).sort()).toEqual([a, b].sort());
    h.clock.advanceDays(15);
    expect(only(await h.say('my cases'), 'case-list').cases.map((c) => c.number)).toEqual([a]);
  });

  it('"case SR-..." shows the case in this tenant only', async () => {
    const h = await harness(engine);
    const number = await createCase(h);
    const detail = only(await h.say(`case ${number}`), 'case-detail');
    expect(detail.case.number).toBe(number);
    expect(detail.case.history.join('\n')).toMatch(/created/);
    expect(detail.actions.map((a) => a.verb)).toContain('closeCase');
    expect(only(await h.say(`案件 ${number.toLowerCase()}`), 'case-detail').lang).toBe('zh-TW');
    const other = await h.say(`case ${number}`, { tenantId: 'tenant-fabrikam', conversationId: 'conv-f' });
    expect(texts(other)).toMatch(new RegExp(`could not find case ${number}`));
  });

  it('close, then reopen within 14 days', async () => {
    const h = await harness(engine);
    const number = await createCase(h);
    expect(texts(await h.say(`close ${number}`))).toMatch(/is closed/);
    h.clock.advanceDays(13);
    expect(texts(await h.act('reopenCase', { number }))).toMatch(/open again/);
    expect((await h.store.getCase('tenant-contoso', number))?.status).toBe('open');
  });

  it('reopen after 15 days is refused with the date the window ended', async () => {
    const h = await harness(engine);
    const number = await createCase(h);
    await h.say(`close ${number}`); // 2026-11-24 13:05 UTC
    h.clock.advanceDays(15);
    const text = texts(await h.say(`reopen ${number}`));
    expect(text).toMatch(/can no longer be reopened/);
    expect(text).toContain('2026-12-08');
    expect((await h.store.getCase('tenant-contoso', number))?.status).toBe('closed');
  });
});
