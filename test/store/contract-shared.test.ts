/**
 * The CaseStore contract for state shared by instances (short-lived values, fixed-window
 * counters), the retention pass and the tenant purge, run against every store. "Two instances"
 * are two store handles opened on one database.
 */
import { describe, expect, it } from 'vitest';
import type { RetentionPolicy } from '../../src/store/store.js';
import { newCase, testClock } from './helpers.js';
import { STORE_KINDS } from './kinds.js';

const DAY = 24 * 60 * 60 * 1000;
const POLICY: RetentionPolicy = { conversationIdleMs: 30 * DAY, closedCaseMarginMs: 30 * DAY, batchSize: 2, maxBatches: 100 };

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`${kind.name} case store`, () => {

describe('shared values', () => {
  it('a value put on one instance is read on the other until it expires, then is gone', async () => {
    const clock = testClock();
    const db = await kind.database();
    const [one, two] = [await db.open({ now: clock.now }), await db.open({ now: clock.now })];
    const form = { channel: 'C1', fields: { title: 'Mail 550 5.7.1', affected: 12 }, note: '全公司' };

    await one.putShared('slack-form:T1:view-1', form, 60_000);
    expect(await two.getShared('slack-form:T1:view-1')).toEqual(form);
    expect(await two.getShared('slack-form:T1:other')).toBeUndefined();

    await two.putShared('slack-form:T1:view-1', { replaced: true }, 60_000);
    expect(await one.getShared('slack-form:T1:view-1')).toEqual({ replaced: true });

    clock.advance(60_000);
    expect(await one.getShared('slack-form:T1:view-1')).toBeUndefined();
    expect(await two.takeShared('slack-form:T1:view-1')).toBeUndefined();
  });

  it('takeShared: of many takers on two instances exactly one gets the value, then it is gone', async () => {
    const db = await kind.database();
    const [one, two] = [await db.open(), await db.open()];
    await one.putShared('slack-share:T1:abc', { text: 'share me' }, 60_000);
    const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).takeShared('slack-share:T1:abc')));
    expect(taken.filter((v) => v !== undefined)).toEqual([{ text: 'share me' }]);
    expect(await one.getShared('slack-share:T1:abc')).toBeUndefined();
  });

  it('refuses an empty key, a non-positive TTL and a value JSON cannot hold, storing nothing', async () => {
    const store = await kind.open();
    await expect(store.putShared('', 1, 1_000)).rejects.toThrow(TypeError);
    await expect(store.putShared('k', 1, 0)).rejects.toThrow(RangeError);
    await expect(store.putShared('k', () => 1, 1_000)).rejects.toThrow(TypeError);
    expect(await store.getShared('k')).toBeUndefined();
  });
});

describe('fixed-window counters', () => {
  it('counts hits per key and window, shared by two instances, and starts again in the next window', async () => {
    const db = await kind.database();
    const [one, two] = [await db.open(), await db.open()];
    const t0 = new Date('2026-11-24T09:00:00.000Z'); // a window start for 60 s windows
    const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).countHit('turn|slack|T1|U1', 60_000, new Date(t0.getTime() + i))));
    expect([...hits].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await one.peekCount('turn|slack|T1|U1', 60_000, new Date(t0.getTime() + 59_999))).toBe(20);
    expect(await two.countHit('turn|slack|T1|U2', 60_000, t0)).toBe(1);

    const next = new Date(t0.getTime() + 60_000);
    expect(await two.peekCount('turn|slack|T1|U1', 60_000, next)).toBe(0);
    expect(await one.countHit('turn|slack|T1|U1', 60_000, next)).toBe(1);
    // A hit from an instance whose clock is a little behind counts in the newer window.
    expect(await two.countHit('turn|slack|T1|U1', 60_000, new Date(next.getTime() - 10))).toBe(2);
  });
});

describe('retention', () => {
  it('removes idle conversation state, expired claims, values and counters; keeps what is live', async () => {
    const clock = testClock('2026-01-01T00:00:00.000Z');
    const store = await kind.open({ now: clock.now });
    for (let i = 0; i < 5; i++) await store.setConversationState(`conversation:msteams:T1:c${i}`, { i });
    await store.setConversationState('support-desk:card:msteams:T1:SR-1', { activityId: 'a' });
    await store.claimOnce('delivery:slack:e1', 60_000);
    await store.putShared('slack-form:T1:v1', 1, 60_000);
    await store.countHit('turn|slack|T1|U1', 60_000, clock.now());

    clock.advance(29 * DAY);
    await store.setConversationState('conversation:msteams:T1:c0', { i: 'touched' });
    await store.claimOnce('delivery:slack:e2', 60_000);
    await store.putShared('slack-form:T1:v2', 2, 60_000);
    clock.advance(2 * DAY);

    expect(await store.runRetention(POLICY)).toEqual({ conversationState: 4, claims: 1, reminderClaims: 0, shared: 1, counters: 1 });
    expect(await store.getConversationState('conversation:msteams:T1:c0')).toEqual({ i: 'touched' });
    expect(await store.getConversationState('conversation:msteams:T1:c1')).toBeUndefined();
    // Card references are not conversation state: they stay while their case may change.
    expect(await store.getConversationState('support-desk:card:msteams:T1:SR-1')).toEqual({ activityId: 'a' });
    // (The day-1 claim and value were already swept lazily by the later writes.)
    await store.claimOnce('delivery:slack:e3', 60_000);
    await store.putShared('slack-form:T1:v3', 3, 60_000);
    expect(await store.runRetention(POLICY)).toEqual({ conversationState: 0, claims: 0, reminderClaims: 0, shared: 0, counters: 0 });
    expect(await store.isClaimed('delivery:slack:e3')).toBe(true);
    expect(await store.getShared('slack-form:T1:v3')).toBe(3);
  });

  it('removes a closed case\'s reminder claims once it has been closed longer than the margin, not an open one\'s', async () => {
    const clock = testClock('2026-01-01T00:00:00.000Z');
    const store = await kind.open({ now: clock.now });
    const closed = (await store.createCase(newCase({ tenantId: 'T1' }), 'k1')).case;
    const open = (await store.createCase(newCase({ tenantId: 'T1' }), 'k2')).case;
    const year = 400 * DAY;
    for (const c of [closed, open]) {
      await store.claimOnce(`sla:T1:${c.number}:1:A:warning`, year);
      await store.claimOnce(`sla:T1:${c.number}:1:A:breach`, year);
    }
    await store.updateCase('T1', closed.number, { status: 'closed' }, { actor: 'u', action: 'closed' });

    clock.advance(29 * DAY);
    expect((await store.runRetention(POLICY)).reminderClaims).toBe(0);
    clock.advance(2 * DAY);
    expect((await store.runRetention(POLICY)).reminderClaims).toBe(2);
    expect(await store.isClaimed(`sla:T1:${closed.number}:1:A:warning`)).toBe(false);
    expect(await store.isClaimed(`sla:T1:${open.number}:1:A:breach`)).toBe(true);
    expect((await store.runRetention(POLICY)).reminderClaims).toBe(0);
  });
});

describe('purge of a tenant', () => {
  it('counts on a dry run without deleting, then deletes every row of that tenant and nothing of another', async () => {
    const store = await kind.open({ outboxTargets: ['support-desk', 'webhook'] });
    for (const tenant of ['T1', 'T2']) {
      const c = (await store.createCase(newCase({ tenantId: tenant }), `k-${tenant}`)).case;
      await store.addAuditEntry(tenant, c.number, { actor: 'eng', action: 'note' });
      await store.setTenantPlan(tenant, 'E3');
      await store.setConversationState(`conversation:msteams:${tenant}:19:abc`, { lang: 'en' });
      await store.setConversationState(`support-desk:card:slack:${tenant}:${c.number}`, { ts: '1' });
      await store.claimOnce(`sla:${tenant}:${c.number}:1:A:warning`, 60_000);
      await store.putShared(`slack-form:${tenant}:v1`, { a: 1 }, 60_000);
      await store.countHit(`turn|slack|${tenant}|U1`, 60_000, new Date());
    }
    // Another tenant whose id merely contains T1 is not T1.
    await store.setConversationState('conversation:msteams:T10:c', { lang: 'en' });

    const expected = { cases: 1, audit: 2, outbox: 2, settings: 1, state: 2, claims: 1, shared: 1, counters: 1 };
    expect(await store.purgeTenant('T1', { dryRun: true })).toEqual(expected);
    expect(await store.getTenantSettings('T1')).toBeDefined();
    expect(await store.purgeTenant('T1')).toEqual(expected);
    expect(await store.purgeTenant('T1', { dryRun: true })).toEqual({ cases: 0, audit: 0, outbox: 0, settings: 0, state: 0, claims: 0, shared: 0, counters: 0 });

    expect(await store.listCases('T1')).toEqual([]);
    expect(await store.getTenantSettings('T1')).toBeUndefined();
    expect(await store.getConversationState('conversation:msteams:T1:19:abc')).toBeUndefined();
    expect(await store.getShared('slack-form:T1:v1')).toBeUndefined();
    expect(await store.listCases('T2')).toHaveLength(1);
    expect(await store.getShared('slack-form:T2:v1')).toEqual({ a: 1 });
    expect(await store.getConversationState('conversation:msteams:T10:c')).toEqual({ lang: 'en' });
    expect(await store.outboxStatus()).toMatchObject({ pending: 2 });
  });
});

});
