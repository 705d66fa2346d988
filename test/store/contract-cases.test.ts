/** The CaseStore contract for cases, run against every store (test/store/kinds.ts). */
import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_PATTERN } from '../../src/store/case-number.js';
import { CaseNotFoundError } from '../../src/store/errors.js';
import { newCase, testClock } from './helpers.js';
import { STORE_KINDS } from './kinds.js';

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`${kind.name} case store: cases`, () => {
  it('creates a case and reads back every field', async () => {
    const clock = testClock('2026-11-24T09:30:00.000Z');
    const store = await kind.open({ now: clock.now });
    const input = newCase({
      requester: { channel: 'slack', userId: 'U123', name: '王小明' },
      category: 'sharepoint.external',
      severity: 'B',
      planFamily: 'Business Premium',
      contact: { method: 'phone', phone: '+886 2 1234 5678', email: 'ming@contoso.tw', language: 'zh-TW', timeZone: 'Asia/Taipei' },
      affectedUsers: '10-50',
      respondBy: new Date('2026-11-25T09:30:00.000Z'),
      owner: 'support-engineer-7',
      conversationReference: { team: 'T01', channel: 'C02', thread_ts: '1732440600.000100', nested: [1, null, true] },
      extra: { triage: { support: 'technical', confidence: 0.92 }, notes: ['guest link expired'] },
    });

    const { case: created, created: isNew } = await store.createCase(input, 'form-1');
    const readBack = await store.getCase(input.tenantId, created.number);

    expect(isNew).toBe(true);
    expect(readBack).toEqual(created);
    expect(readBack).toEqual({
      number: 'SR-261124-0001',
      tenantId: input.tenantId,
      requester: input.requester,
      category: 'sharepoint.external',
      severity: 'B',
      planFamily: 'Business Premium',
      title: input.title,
      description: input.description,
      contact: input.contact,
      affectedUsers: '10-50',
      status: 'open',
      createdAt: new Date('2026-11-24T09:30:00.000Z'),
      updatedAt: new Date('2026-11-24T09:30:00.000Z'),
      respondBy: new Date('2026-11-25T09:30:00.000Z'),
      owner: 'support-engineer-7',
      conversationReference: input.conversationReference,
      extra: input.extra,
      audit: [{ at: new Date('2026-11-24T09:30:00.000Z'), actor: 'U123', action: 'created' }],
    });
    expect(readBack?.createdAt).toBeInstanceOf(Date);
  });

  it('keeps a numeric affectedUsers a number and leaves absent optional fields absent', async () => {
    const store = await kind.open();
    const { case: created } = await store.createCase(newCase({ affectedUsers: 3 }), 'k');
    expect(created.affectedUsers).toBe(3);
    expect(created).not.toHaveProperty('closedAt');
    expect(created).not.toHaveProperty('owner');
    expect(created).not.toHaveProperty('respondBy');
    expect(created.extra).toEqual({});
  });

  it('gives 500 rapid creates well-formed, unique, consecutive numbers', async () => {
    const store = await kind.open({ now: testClock('2026-11-24T10:00:00Z').now });
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => store.createCase(newCase({ title: `case ${i}` }), `key-${i}`)),
    );
    const numbers = results.map((r) => r.case.number);
    for (const number of numbers) expect(number).toMatch(CASE_NUMBER_PATTERN);
    expect(new Set(numbers).size).toBe(500);
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 500 }, (_, i) => `SR-261124-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('restarts the daily sequence on a new UTC day', async () => {
    const clock = testClock('2026-11-24T23:59:59.998Z');
    const store = await kind.open({ now: clock.now });
    const first = await store.createCase(newCase(), 'a');
    clock.advance(1);
    const second = await store.createCase(newCase(), 'b');
    clock.advance(1); // 2026-11-25T00:00:00.000Z
    const nextDay = await store.createCase(newCase(), 'c');

    expect([first, second, nextDay].map((r) => r.case.number)).toEqual([
      'SR-261124-0001',
      'SR-261124-0002',
      'SR-261125-0001',
    ]);
  });

  it('keeps numbering past 9999 in one day with more digits', async () => {
    const db = await kind.database();
    const store = await db.open({ now: testClock('2026-11-24T10:00:00Z').now });
    await db.setSequence('261124', 9998);

    const numbers: string[] = [];
    for (const key of ['a', 'b', 'c']) numbers.push((await store.createCase(newCase(), key)).case.number);
    expect(numbers).toEqual(['SR-261124-9999', 'SR-261124-10000', 'SR-261124-10001']);
  });

  it('returns the earlier case, creating nothing, when the same form is submitted twice', async () => {
    const clock = testClock();
    const store = await kind.open({ now: clock.now });
    const first = await store.createCase(newCase(), 'activity-42');
    clock.advance(5_000);
    const again = await store.createCase(newCase({ title: 'edited before the retry' }), 'activity-42');

    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.case).toEqual(first.case);
    expect(await store.listCases(first.case.tenantId)).toHaveLength(1);
    // The sequence was not consumed either: the next case is 0002.
    expect((await store.createCase(newCase(), 'activity-43')).case.number).toBe('SR-261124-0002');
  });

  it('scopes idempotency keys to the tenant, so a key never returns another tenant case', async () => {
    const store = await kind.open();
    const a = await store.createCase(newCase({ tenantId: 'tenant-a' }), 'same-key');
    const b = await store.createCase(newCase({ tenantId: 'tenant-b' }), 'same-key');
    expect(b.created).toBe(true);
    expect(b.case.number).not.toBe(a.case.number);
    expect(b.case.tenantId).toBe('tenant-b');
  });

  it('filters listCases by requester, status and closed-since, newest first', async () => {
    const clock = testClock('2026-11-20T08:00:00Z');
    const store = await kind.open({ now: clock.now });
    const create = async (userId: string, key: string) => {
      clock.advance(60_000);
      return (await store.createCase(newCase({ requester: { channel: 'msteams', userId, name: userId } }), key)).case;
    };
    const alice1 = await create('alice', '1');
    const alice2 = await create('alice', '2');
    const bob1 = await create('bob', '3');
    clock.set('2026-11-21T08:00:00Z');
    await store.updateCase(alice1.tenantId, alice1.number, { status: 'closed' }, { actor: 'alice', action: 'closed' });
    clock.set('2026-11-23T08:00:00Z');
    await store.updateCase(bob1.tenantId, bob1.number, { status: 'closed' }, { actor: 'bob', action: 'closed' });

    const numbers = async (filter: Parameters<typeof store.listCases>[1]) =>
      (await store.listCases(alice1.tenantId, filter)).map((c) => c.number);

    expect(await numbers({})).toEqual([bob1.number, alice2.number, alice1.number]);
    expect(await numbers({ requesterUserId: 'alice' })).toEqual([alice2.number, alice1.number]);
    expect(await numbers({ status: 'open' })).toEqual([alice2.number]);
    expect(await numbers({ status: 'closed' })).toEqual([bob1.number, alice1.number]);
    expect(await numbers({ closedSince: new Date('2026-11-22T00:00:00Z') })).toEqual([bob1.number]);
    expect(await numbers({ requesterUserId: 'alice', closedSince: new Date('2026-11-21T08:00:00Z') })).toEqual([
      alice1.number,
    ]);
    expect(await numbers({ limit: 1 })).toEqual([bob1.number]);
    // Listed cases carry their audit like getCase does.
    const [bobListed] = await store.listCases(alice1.tenantId, { requesterUserId: 'bob' });
    expect(bobListed?.audit.map((e) => e.action)).toEqual(['created', 'closed']);
  });

  it('never shows tenant A the cases of tenant B', async () => {
    const store = await kind.open();
    const a = (await store.createCase(newCase({ tenantId: 'tenant-a' }), 'k1')).case;
    const b = (await store.createCase(newCase({ tenantId: 'tenant-b' }), 'k2')).case;

    expect(await store.getCase('tenant-a', b.number)).toBeUndefined();
    expect((await store.listCases('tenant-a')).map((c) => c.number)).toEqual([a.number]);
    expect((await store.listCases('tenant-a', { requesterUserId: b.requester.userId })).map((c) => c.number)).toEqual([
      a.number,
    ]);
    await expect(
      store.updateCase('tenant-a', b.number, { status: 'closed' }, { actor: 'intruder', action: 'closed' }),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(store.addAuditEntry('tenant-a', b.number, { actor: 'x', action: 'note' })).rejects.toBeInstanceOf(
      CaseNotFoundError,
    );
    expect((await store.getCase('tenant-b', b.number))?.status).toBe('open');
    expect((await store.getCase('tenant-b', b.number))?.audit).toHaveLength(1);
  });

  it('lists open cases of every tenant, oldest first, for the SLA scheduler', async () => {
    const clock = testClock();
    const store = await kind.open({ now: clock.now });
    const a = (await store.createCase(newCase({ tenantId: 'tenant-a' }), 'k1')).case;
    clock.advance(1_000);
    const b = (await store.createCase(newCase({ tenantId: 'tenant-b' }), 'k2')).case;
    clock.advance(1_000);
    const closed = (await store.createCase(newCase({ tenantId: 'tenant-b' }), 'k3')).case;
    await store.updateCase('tenant-b', closed.number, { status: 'closed' }, { actor: 'u', action: 'closed' });

    expect((await store.listOpenCases()).map((c) => c.number)).toEqual([a.number, b.number]);
  });

  it('writes each update with its audit entry, and the diff of what changed', async () => {
    const clock = testClock('2026-11-24T09:00:00.000Z');
    const store = await kind.open({ now: clock.now });
    const { case: c } = await store.createCase(newCase({ severity: 'B' }), 'k');

    clock.set('2026-11-24T10:00:00.000Z');
    const raised = await store.updateCase(
      c.tenantId,
      c.number,
      { severity: 'A', owner: 'engineer-3' },
      { actor: 'aad-user-1', action: 'severity-changed', detail: 'all users affected now' },
    );
    clock.set('2026-11-24T11:00:00.000Z');
    const closed = await store.updateCase(c.tenantId, c.number, { status: 'closed' }, { actor: 'engineer-3', action: 'closed' });
    clock.set('2026-11-24T11:05:00.000Z');
    const note = await store.addAuditEntry(c.tenantId, c.number, { actor: 'sla-scheduler', action: 'survey-sent' });

    expect(raised.severity).toBe('A');
    expect(raised.owner).toBe('engineer-3');
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toEqual(new Date('2026-11-24T11:00:00.000Z'));
    expect(note).toEqual({ at: new Date('2026-11-24T11:05:00.000Z'), actor: 'sla-scheduler', action: 'survey-sent' });

    const stored = await store.getCase(c.tenantId, c.number);
    expect(stored?.updatedAt).toEqual(new Date('2026-11-24T11:00:00.000Z'));
    expect(stored?.audit).toEqual([
      { at: new Date('2026-11-24T09:00:00.000Z'), actor: 'aad-user-1', action: 'created' },
      {
        at: new Date('2026-11-24T10:00:00.000Z'),
        actor: 'aad-user-1',
        action: 'severity-changed',
        detail: 'all users affected now',
        changes: { severity: { from: 'B', to: 'A' }, owner: { from: null, to: 'engineer-3' } },
      },
      {
        at: new Date('2026-11-24T11:00:00.000Z'),
        actor: 'engineer-3',
        action: 'closed',
        changes: {
          status: { from: 'open', to: 'closed' },
          closedAt: { from: null, to: '2026-11-24T11:00:00.000Z' },
        },
      },
      { at: new Date('2026-11-24T11:05:00.000Z'), actor: 'sla-scheduler', action: 'survey-sent' },
    ]);
  });

  it('rolls back the change when its audit entry cannot be written', async () => {
    const db = await kind.database();
    const store = await db.open();
    const { case: c } = await store.createCase(newCase({ severity: 'B' }), 'k');
    await db.breakAuditWrites();

    await expect(
      store.updateCase(c.tenantId, c.number, { severity: 'A', status: 'closed' }, { actor: 'u', action: 'closed' }),
    ).rejects.toThrow(/audit disk gone/);
    await expect(store.createCase(newCase(), 'k2')).rejects.toThrow(/audit disk gone/);

    const after = await store.getCase(c.tenantId, c.number);
    expect(after).toEqual(c);
    expect(await store.listCases(c.tenantId)).toHaveLength(1);
    // The failed create did not burn a sequence number.
    expect(await db.sequences()).toEqual([1]);
  });

  it('rejects a closedAt on a case that stays open, without writing anything', async () => {
    const store = await kind.open();
    const { case: c } = await store.createCase(newCase(), 'k');
    await expect(
      store.updateCase(c.tenantId, c.number, { closedAt: new Date() }, { actor: 'u', action: 'edit' }),
    ).rejects.toThrow(RangeError);
    expect((await store.getCase(c.tenantId, c.number))?.audit).toHaveLength(1);
  });

  it('saves text carrying a NUL character (PostgreSQL keeps it as U+FFFD), and a literal backslash-u0000 verbatim', async () => {
    const store = await kind.open();
    const nul = 'before\u0000after';
    const kept = kind.name === 'PostgreSQL' ? 'before\uFFFDafter' : nul;
    const { case: c } = await store.createCase(newCase({ title: nul, description: `${nul} and \\u0000 typed`, extra: { note: nul } }), 'k');
    expect(c.title).toBe(kept);
    expect(c.description).toBe(`${kept} and \\u0000 typed`);
    expect(c.extra).toEqual({ note: kept });
    await store.setConversationState('s', { text: nul });
    expect(await store.getConversationState('s')).toEqual({ text: kept });
  });

  it('stores SQL injection attempts verbatim', async () => {
    const store = await kind.open();
    const attack = `'); DROP TABLE cases; --`;
    const { case: c } = await store.createCase(
      newCase({
        title: attack,
        description: `${attack}\nRobert"); DELETE FROM case_audit WHERE ("1"="1`,
        requester: { channel: 'slack', userId: `U1' OR '1'='1`, name: `O'Brien` },
      }),
      attack,
    );

    const readBack = await store.getCase(c.tenantId, c.number);
    expect(readBack?.title).toBe(attack);
    expect(readBack?.description).toBe(`${attack}\nRobert"); DELETE FROM case_audit WHERE ("1"="1`);
    expect(readBack?.requester.name).toBe(`O'Brien`);
    expect(await store.listCases(c.tenantId, { requesterUserId: `x' OR '1'='1` })).toEqual([]);
    expect(await store.listCases(c.tenantId, { requesterUserId: `U1' OR '1'='1` })).toHaveLength(1);
    expect((await store.createCase(newCase(), attack)).created).toBe(false);
    expect(await store.listCases(c.tenantId)).toHaveLength(1);
  });
});
