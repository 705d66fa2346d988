/** The CaseStore contract for settings, state, claims and turns, run against every store. */
import { describe, expect, it } from 'vitest';
import { testClock } from './helpers.js';
import { STORE_KINDS } from './kinds.js';

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`${kind.name} case store`, () => {

describe('tenant settings', () => {
  it('remembers the plan of a tenant, across a reopen, and replaces it when it changes', async () => {
    const clock = testClock('2026-11-24T09:00:00.000Z');
    const db = await kind.database();
    const store = await db.openUnmanaged({ now: clock.now });
    expect(await store.getTenantSettings('tenant-a')).toBeUndefined();

    expect(await store.setTenantPlan('tenant-a', 'Business Premium')).toEqual({
      tenantId: 'tenant-a',
      plan: 'Business Premium',
      updatedAt: new Date('2026-11-24T09:00:00.000Z'),
    });
    await store.close();

    clock.set('2026-11-25T09:00:00.000Z');
    const reopened = await db.open({ now: clock.now });
    expect((await reopened.getTenantSettings('tenant-a'))?.plan).toBe('Business Premium');
    await reopened.setTenantPlan('tenant-a', 'elevated');
    expect(await reopened.getTenantSettings('tenant-a')).toEqual({
      tenantId: 'tenant-a',
      plan: 'elevated',
      updatedAt: new Date('2026-11-25T09:00:00.000Z'),
    });
    expect(await reopened.getTenantSettings('tenant-b')).toBeUndefined();
  });
});

describe('conversation state', () => {
  it('round-trips JSON values, overwrites and deletes them', async () => {
    const store = await kind.open();
    const key = 'msteams:tenant-a:aad-user-1:last-triage';
    const triaged = { text: '所有人都收不到信', category: 'exchange.mailflow', severity: 'A', at: '2026-11-24T09:00:00Z' };

    expect(await store.getConversationState(key)).toBeUndefined();
    await store.setConversationState(key, triaged);
    expect(await store.getConversationState<typeof triaged>(key)).toEqual(triaged);

    await store.setConversationState(key, ['replaced', 2, null]);
    expect(await store.getConversationState(key)).toEqual(['replaced', 2, null]);
    await store.setConversationState('other', 0);
    expect(await store.getConversationState('other')).toBe(0);

    await store.deleteConversationState(key);
    expect(await store.getConversationState(key)).toBeUndefined();
    await store.deleteConversationState(key); // deleting what is gone is fine
    expect(await store.getConversationState('other')).toBe(0);
  });

  it('refuses a value JSON cannot hold', async () => {
    const store = await kind.open();
    await expect(store.setConversationState('k', undefined)).rejects.toThrow(TypeError);
    await expect(store.setConversationState('k', () => 1)).rejects.toThrow(TypeError);
    expect(await store.getConversationState('k')).toBeUndefined();
  });
});

describe('claimOnce', () => {
  it('is true the first time, false for retries within the ttl, true again after it', async () => {
    const clock = testClock();
    const store = await kind.open({ now: clock.now });

    expect(await store.claimOnce('slack:Ev123', 60_000)).toBe(true);
    expect(await store.claimOnce('slack:Ev123', 60_000)).toBe(false);
    expect(await store.claimOnce('slack:Ev456', 60_000)).toBe(true);
    clock.advance(59_999);
    expect(await store.claimOnce('slack:Ev123', 60_000)).toBe(false);
    clock.advance(1);
    expect(await store.claimOnce('slack:Ev123', 60_000)).toBe(true);
    expect(await store.claimOnce('slack:Ev123', 60_000)).toBe(false);
  });

  it('holds claims across a reopen, so a retry after a restart is still dropped', async () => {
    const clock = testClock();
    const db = await kind.database();
    const first = await db.openUnmanaged({ now: clock.now });
    expect(await first.claimOnce('activity-1', 60_000)).toBe(true);
    await first.close();
    const second = await db.open({ now: clock.now });
    expect(await second.claimOnce('activity-1', 60_000)).toBe(false);
  });

  it('makes a released claim claimable again at once, leaving other keys claimed', async () => {
    const store = await kind.open();
    expect(await store.claimOnce('card-post:1', 60_000)).toBe(true);
    expect(await store.claimOnce('card-post:2', 60_000)).toBe(true);
    await store.releaseClaim('card-post:1');
    await store.releaseClaim('never-claimed');
    expect(await store.isClaimed('card-post:1')).toBe(false);
    expect(await store.claimOnce('card-post:1', 60_000)).toBe(true);
    expect(await store.claimOnce('card-post:2', 60_000)).toBe(false);
  });

  it('rejects a ttl that is not positive', async () => {
    const store = await kind.open();
    await expect(store.claimOnce('k', 0)).rejects.toThrow(RangeError);
    await expect(store.claimOnce('k', Number.NaN)).rejects.toThrow(RangeError);
  });
});

describe('readTurn (claim, state and tenant in one read)', () => {
  it('answers what isClaimed, getConversationState and getTenantSettings answer, for a new and a known conversation', async () => {
    const clock = testClock('2026-11-24T09:00:00.000Z');
    const store = await kind.open({ now: clock.now });
    const read = { claimKey: 'delivery:slack:Ev1', stateKey: 'conversation:slack:T1:D1', tenantId: 'T1' };

    expect(await store.readTurn(read)).toEqual({ claimed: false, state: undefined, tenant: undefined });

    await store.setTenantPlan('T1', 'Office 365 E3');
    await store.setTenantPlan('T2', 'business');
    expect(await store.saveTurn({ claim: { key: read.claimKey, ttlMs: 60_000 }, state: { key: read.stateKey, value: { lang: 'zh-TW' } } })).toBe(true);
    await store.setConversationState('conversation:slack:T1:D2', { lang: 'en' });

    const known = await store.readTurn(read);
    expect(known).toEqual({ claimed: true, state: { lang: 'zh-TW' }, tenant: await store.getTenantSettings('T1') });
    expect(known.tenant?.plan).toBe('Office 365 E3');

    // Without a delivery id nothing is claimed; other keys and tenants are not mixed in.
    expect(await store.readTurn({ stateKey: 'conversation:slack:T1:D2', tenantId: 'T2' })).toEqual({
      claimed: false,
      state: { lang: 'en' },
      tenant: { tenantId: 'T2', plan: 'business', updatedAt: new Date('2026-11-24T09:00:00.000Z') },
    });

    // An expired claim no longer counts, as with isClaimed.
    clock.advance(60_000);
    expect((await store.readTurn(read)).claimed).toBe(false);
  });
});

describe('saveTurn (the claim and the state in one transaction)', () => {
  it('writes the claim and the state together; a second save of the same claim writes nothing', async () => {
    const clock = testClock();
    const store = await kind.open({ now: clock.now });
    const claim = { key: 'delivery:msteams:a-1', ttlMs: 60_000 };

    expect(await store.isClaimed(claim.key)).toBe(false);
    expect(await store.saveTurn({ claim, state: { key: 'conv-1', value: { lang: 'en' } } })).toBe(true);
    expect(await store.isClaimed(claim.key)).toBe(true);
    expect(await store.getConversationState('conv-1')).toEqual({ lang: 'en' });

    expect(await store.saveTurn({ claim, state: { key: 'conv-1', value: { lang: 'zh-TW' } } })).toBe(false);
    expect(await store.getConversationState('conv-1')).toEqual({ lang: 'en' });
    // The claim is shared with claimOnce.
    expect(await store.claimOnce(claim.key, 60_000)).toBe(false);

    clock.advance(60_000);
    expect(await store.isClaimed(claim.key)).toBe(false);
    expect(await store.saveTurn({ claim, state: { key: 'conv-1', value: { lang: 'zh-TW' } } })).toBe(true);
    expect(await store.getConversationState('conv-1')).toEqual({ lang: 'zh-TW' });
  });

  it('writes only the state without a claim, only the claim without a state, and nothing for neither', async () => {
    const store = await kind.open();
    expect(await store.saveTurn({ state: { key: 'conv-1', value: { a: 1 } } })).toBe(true);
    expect(await store.saveTurn({ state: { key: 'conv-1', value: { a: 2 } } })).toBe(true);
    expect(await store.getConversationState('conv-1')).toEqual({ a: 2 });
    expect(await store.saveTurn({ claim: { key: 'k', ttlMs: 1_000 } })).toBe(true);
    expect(await store.isClaimed('k')).toBe(true);
    expect(await store.saveTurn({})).toBe(true);
    await expect(store.saveTurn({ claim: { key: 'k2', ttlMs: 0 } })).rejects.toThrow(RangeError);
    await expect(store.saveTurn({ state: { key: 'conv-2', value: undefined } })).rejects.toThrow(TypeError);
    expect(await store.isClaimed('k2')).toBe(false);
  });
});

describe('saveTurn under concurrency (group commit)', () => {
  it('settles turns saved at the same moment as if one after the other: one claim wins, every state lands', async () => {
    const store = await kind.open();
    const saves = Array.from({ length: 40 }, (_, i) =>
      store.saveTurn({ claim: { key: `delivery:${i % 20}`, ttlMs: 60_000 }, state: { key: `conv-${i}`, value: { turn: i } } }),
    );
    const results = await Promise.all(saves);
    // Deliveries 0-19 arrive twice: the first of each pair is saved, its duplicate is not.
    expect(results.slice(0, 20).every(Boolean)).toBe(true);
    expect(results.slice(20).some(Boolean)).toBe(false);
    for (let i = 0; i < 20; i++) expect(await store.getConversationState(`conv-${i}`)).toEqual({ turn: i });
    expect(await store.getConversationState('conv-25')).toBeUndefined();
  });

  it('commits the last of several concurrent states of one conversation', async () => {
    const store = await kind.open();
    await Promise.all([1, 2, 3].map((n) => store.saveTurn({ state: { key: 'conv-1', value: { n } } })));
    expect(await store.getConversationState('conv-1')).toEqual({ n: 3 });
  });

  it('commits turns already handed over when the store closes, and refuses later ones', async () => {
    const db = await kind.database();
    const store = await db.openUnmanaged();
    const pending = store.saveTurn({ state: { key: 'conv-1', value: { kept: true } } });
    await store.close();
    expect(await pending).toBe(true);
    await expect(store.saveTurn({ state: { key: 'conv-2', value: {} } })).rejects.toMatchObject({ reason: 'closed' });
    const reopened = await db.open();
    expect(await reopened.getConversationState('conv-1')).toEqual({ kept: true });
  });
});
});
