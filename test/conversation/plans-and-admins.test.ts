/** The tenant's plan (asked once, per tenant, DEFAULT_PLAN, change plan) and who is an admin. */
import { describe, expect, it } from 'vitest';
import { decideAdmin } from '../../src/conversation/admin-policy.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import type { TurnRead } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { ADMIN, USER, harness, only, texts } from './helpers.js';

const engine = loadDefaultRules();
const complaint = 'All users cannot send email since this morning';
const noDefault = { config: { defaultPlan: undefined } };

describe('the tenant plan', () => {
  it('is asked once, then the pending complaint is answered with it', async () => {
    const h = await harness(engine, noDefault);
    const question = only(await h.say(complaint), 'plan-question');
    const titles = question.options.map((o) => o.title).join(' | ');
    expect(titles).toContain('Enterprise / 企業');
    expect(titles).toContain('Office 365 Business Premium / Office 365 商務進階版');
    expect(question.options.map((o) => o.value)).toContain('Premier Support');

    const answered = await h.act('choosePlan', { plan: 'Premier Support' });
    expect(texts(answered)).toContain('Premier Support');
    const triage = only(answered, 'triage');
    expect(triage.message).toBe(complaint);
    expect(triage.expectation?.family).toBe('elevated');
    expect((await h.store.getTenantSettings('tenant-contoso'))?.plan).toBe('Premier Support');

    // Remembered: the next complaint is answered at once.
    expect(only(await h.say(complaint, { conversationId: 'conv-2' }), 'triage').expectation?.family).toBe('elevated');
  });

  it('accepts a typed plan name in either language while the question is out', async () => {
    const h = await harness(engine, noDefault);
    await h.say(complaint);
    const answered = await h.say('商務進階版');
    expect(only(answered, 'triage').expectation?.family).toBe('business');
  });

  it('says so when a short typed answer is no plan, and asks again', async () => {
    const h = await harness(engine, noDefault);
    await h.say(complaint);
    const replies = await h.say('E99 gold');
    expect(texts(replies)).toMatch(/do not recognize "E99 gold"/);
    only(replies, 'plan-question');
  });

  it('is remembered per tenant: two tenants do not share it', async () => {
    const h = await harness(engine, noDefault);
    await h.say(complaint, { tenantId: 'tenant-a' });
    await h.act('choosePlan', { plan: 'business' }, { tenantId: 'tenant-a' });
    only(await h.say(complaint, { tenantId: 'tenant-b', conversationId: 'conv-b' }), 'plan-question');
    await h.act('choosePlan', { plan: 'Office 365 Enterprise E3' }, { tenantId: 'tenant-b', conversationId: 'conv-b' });
    expect(only(await h.say(complaint, { tenantId: 'tenant-a' }), 'triage').expectation?.family).toBe('business');
    expect(only(await h.say(complaint, { tenantId: 'tenant-b', conversationId: 'conv-b' }), 'triage').expectation?.family).toBe('enterprise');
  });

  it('DEFAULT_PLAN answers without asking', async () => {
    const h = await harness(engine, { config: { defaultPlan: 'firstline' } });
    expect(only(await h.say(complaint), 'triage').expectation?.family).toBe('firstline');
  });

  it('"change plan" and "變更方案" ask again and store the new plan', async () => {
    const h = await harness(engine);
    only(await h.say('change plan'), 'plan-question');
    await h.act('choosePlan', { plan: 'elevated' });
    expect(only(await h.say(complaint), 'triage').expectation?.family).toBe('elevated');
    expect(only(await h.say('變更方案'), 'plan-question').lang).toBe('zh-TW');
    await h.say('Business Premium');
    expect(only(await h.say(complaint), 'triage').expectation?.family).toBe('business');
  });
});

describe('config', () => {
  it('reads the variables and names a bad one', () => {
    const config = loadCoreConfig({ DEFAULT_PLAN: 'E3', ADMIN_USERS: 'a@x.com, B@y.com', BUSINESS_HOURS: 'Mon-Fri 08:00-18:00', DEFAULT_TIME_ZONE: 'Asia/Taipei', MicrosoftAppId: 'id' });
    expect(config).toMatchObject({ defaultPlan: 'E3', adminUsers: ['a@x.com', 'B@y.com'], credentialsConfigured: true, defaultTimeZone: 'Asia/Taipei' });
    expect(config.businessHours?.start).toBe('08:00');
    expect(loadCoreConfig({ ADMIN_USERS: '*' }).adminUsers).toBe('*');
    expect(loadCoreConfig({}).credentialsConfigured).toBe(false);
    expect(() => loadCoreConfig({ DEFAULT_PLAN: 'vacation' })).toThrow(/DEFAULT_PLAN/);
    expect(() => loadCoreConfig({ BUSINESS_HOURS: 'sometimes' })).toThrow(/BUSINESS_HOURS/);
    expect(() => loadCoreConfig({ DEFAULT_TIME_ZONE: 'Mars/Olympus' })).toThrow(/DEFAULT_TIME_ZONE/);
  });
});

describe('admins', () => {
  it('ADMIN_USERS decides in every mode, by id or email, case-insensitively; * is everyone', () => {
    for (const credentialsConfigured of [true, false]) {
      const config = { adminUsers: ['MEGAN@contoso.com', 'aad-other'], credentialsConfigured };
      expect(decideAdmin(ADMIN, config).admin).toBe(true);
      expect(decideAdmin(USER, config).admin).toBe(false);
      expect(decideAdmin({ id: 'aad-other', name: 'O' }, config).admin).toBe(true);
      expect(decideAdmin(USER, { adminUsers: '*', credentialsConfigured }).admin).toBe(true);
    }
  });

  it('unset: everyone without credentials, nobody with them, channel admins always', () => {
    expect(decideAdmin(USER, { credentialsConfigured: false }).admin).toBe(true);
    expect(decideAdmin(USER, { credentialsConfigured: true })).toEqual({ admin: false, reason: 'not-configured' });
    expect(decideAdmin({ ...USER, channelAdmin: true }, { credentialsConfigured: true }).admin).toBe(true);
  });

  it('a non-admin gets triage and the text to forward, but no case actions', async () => {
    const h = await harness(engine, { config: { adminUsers: ['megan@contoso.com'], credentialsConfigured: true } });
    const replies = await h.say(complaint, { user: USER });
    const triage = only(replies, 'triage');
    expect(triage.actions.map((a) => a.verb)).not.toContain('openCase');
    const forward = only(replies, 'text').text;
    expect(forward).toMatch(/ask your Office 365 admin/);
    expect(forward).toContain(complaint);
    expect(forward).toContain(triage.categoryName);
    expect(forward).not.toMatch(/ADMIN_USERS/);

    expect(texts(await h.act('openCase', {}, { user: USER }))).toContain(complaint);
    expect(texts(await h.say('my cases', { user: USER }))).toMatch(/Only people with an Office 365 administrator role/);
    expect(texts(await h.act('submitCase', { formId: 'x' }, { user: USER }))).toMatch(/administrator role/);
    // The admin of the same tenant may.
    only(await h.say('my cases'), 'case-list');
  });

  it('a non-admin pressing a stale case button while the plan is unknown is refused, and their next words are not read as a plan', async () => {
    let planKnown = true;
    const h = await harness(engine, {
      config: { defaultPlan: undefined, adminUsers: ['megan@contoso.com'], credentialsConfigured: true },
      // The plan disappears between the two turns (DEFAULT_PLAN removed, a tenant reset).
      store: (real) =>
        new Proxy(real, {
          get(target, name, receiver) {
            if (name === 'readTurn') return async (read: TurnRead) => ({ ...(await target.readTurn(read)), ...(planKnown ? {} : { tenant: undefined }) });
            const value: unknown = Reflect.get(target, name, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
    });
    await h.store.setTenantPlan('tenant-contoso', 'Office 365 E3');
    only(await h.say(complaint, { user: USER }), 'triage');

    planKnown = false;
    const refused = await h.act('openCase', {}, { user: USER });
    expect(refused.map((r) => r.kind)).not.toContain('plan-question');
    expect(texts(refused)).toMatch(/administrator role/);
    const next = await h.say('thanks', { user: USER });
    expect(texts(next)).not.toMatch(/do not recognize/);
    expect(next.map((r) => r.kind)).not.toContain('plan-question');
  });

  it('with credentials and no ADMIN_USERS, says how to configure it', async () => {
    const h = await harness(engine, { config: { credentialsConfigured: true } });
    expect(texts(await h.say(complaint))).toMatch(/ADMIN_USERS/);
    expect(texts(await h.say('my cases'))).toMatch(/ADMIN_USERS/);
  });

  it('Slack workspace admins are admins', async () => {
    const h = await harness(engine, { config: { credentialsConfigured: true } });
    only(await h.say('my cases', { channel: 'slack', user: { id: 'U1', name: 'S', channelAdmin: true } }), 'case-list');
  });
});
