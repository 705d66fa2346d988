/** The SLA check's due list on every store: indexed, bounded, kept by create and update, written conditionally. */
import { describe, expect, it } from 'vitest';
import { newCase, testClock } from './helpers.js';
import { STORE_KINDS } from './kinds.js';

const MINUTE = 60_000;

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`${kind.name} case store: SLA reminders due`, () => {
  it('lists a new open case as due at once, soonest first, at most `limit`', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const store = await kind.open({ now: clock.now });
    const numbers: string[] = [];
    for (const key of ['a', 'b', 'c']) {
      numbers.push((await store.createCase(newCase(), key)).case.number);
      clock.advance(MINUTE);
    }
    expect((await store.listDueForReminder(clock.now(), 10)).map((c) => c.number)).toEqual(numbers);
    expect((await store.listDueForReminder(clock.now(), 2)).map((c) => c.number)).toEqual(numbers.slice(0, 2));
    expect(await store.listDueForReminder(new Date('2026-11-24T08:59:00Z'), 10)).toEqual([]);
    await expect(store.listDueForReminder(clock.now(), 0)).rejects.toThrow(RangeError);
  });

  it('leaves a scheduled case out until its moment, and lists it again when it changes', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const store = await kind.open({ now: clock.now });
    const { case: c } = await store.createCase(newCase(), 'k');
    expect(await store.scheduleReminder(c.tenantId, c.number, new Date('2026-11-24T10:00:00Z'), c.updatedAt)).toBe(true);
    expect(await store.listDueForReminder(new Date('2026-11-24T09:59:59Z'), 10)).toEqual([]);
    expect((await store.listDueForReminder(new Date('2026-11-24T10:00:00Z'), 10)).map((d) => d.number)).toEqual([c.number]);

    expect(await store.scheduleReminder(c.tenantId, c.number, undefined, c.updatedAt)).toBe(true);
    expect(await store.listDueForReminder(new Date('2030-01-01T00:00:00Z'), 10)).toEqual([]);
    clock.advance(MINUTE);
    const raised = await store.updateCase(c.tenantId, c.number, { severity: 'B' }, { actor: 'u', action: 'severity-changed' });
    expect((await store.listDueForReminder(clock.now(), 10)).map((d) => d.number)).toEqual([c.number]);

    // A schedule computed from the read before the change is not written.
    expect(await store.scheduleReminder(c.tenantId, c.number, new Date('2026-11-25T00:00:00Z'), c.updatedAt)).toBe(false);
    expect((await store.listDueForReminder(clock.now(), 10)).map((d) => d.number)).toEqual([c.number]);
    expect(await store.scheduleReminder(c.tenantId, c.number, new Date('2026-11-25T00:00:00Z'), raised.updatedAt)).toBe(true);
  });

  it('never lists a closed case, and lists a reopened one', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const store = await kind.open({ now: clock.now });
    const { case: c } = await store.createCase(newCase(), 'k');
    clock.advance(MINUTE);
    await store.updateCase(c.tenantId, c.number, { status: 'closed' }, { actor: 'u', action: 'closed' });
    expect(await store.listDueForReminder(clock.now(), 10)).toEqual([]);
    expect(await store.scheduleReminder(c.tenantId, c.number, clock.now(), (await store.getCase(c.tenantId, c.number))!.updatedAt)).toBe(false);
    clock.advance(MINUTE);
    await store.updateCase(c.tenantId, c.number, { status: 'open' }, { actor: 'u', action: 'reopened' });
    expect((await store.listDueForReminder(clock.now(), 10)).map((d) => d.number)).toEqual([c.number]);
  });

  it('reschedules a page in one call, writing only the entries whose case is open and unchanged', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const store = await kind.open({ now: clock.now });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map(async (key) => (await store.createCase(newCase(), key)).case));
    clock.advance(MINUTE);
    const changed = await store.updateCase(b!.tenantId, b!.number, { severity: 'B' }, { actor: 'u', action: 'severity-changed' });
    await store.updateCase(c!.tenantId, c!.number, { status: 'closed' }, { actor: 'u', action: 'closed' });
    const later = new Date('2026-11-24T12:00:00Z');
    const written = await store.scheduleReminders([
      { tenantId: a!.tenantId, number: a!.number, at: later, seenUpdatedAt: a!.updatedAt },
      { tenantId: b!.tenantId, number: b!.number, at: later, seenUpdatedAt: b!.updatedAt },
      { tenantId: 'other-tenant', number: a!.number, at: later, seenUpdatedAt: a!.updatedAt },
      { tenantId: c!.tenantId, number: c!.number, at: later, seenUpdatedAt: c!.updatedAt },
    ]);
    expect(written).toEqual([true, false, false, false]);
    // b changed after the read: it stays due; a waits for its moment; c is closed.
    expect((await store.listDueForReminder(clock.now(), 10)).map((d) => d.number)).toEqual([b!.number]);
    expect((await store.listDueForReminder(later, 10)).map((d) => d.number)).toEqual([b!.number, a!.number]);
    expect(await store.scheduleReminders([{ tenantId: b!.tenantId, number: b!.number, at: undefined, seenUpdatedAt: changed.updatedAt }])).toEqual([true]);
    expect((await store.listDueForReminder(new Date('2030-01-01T00:00:00Z'), 10)).map((d) => d.number)).toEqual([a!.number]);
    expect(await store.scheduleReminders([])).toEqual([]);
  });

  it('records a page of reminders: each key claimed once, its audit entry only where claimed, the cases read back', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const store = await kind.open({ now: clock.now });
    const a = (await store.createCase(newCase(), 'a')).case;
    const b = (await store.createCase(newCase(), 'b')).case;
    const reminder = (c: typeof a, key: string) => ({ tenantId: c.tenantId, number: c.number, key, ttlMs: 60 * MINUTE, audit: { actor: 'sla-scheduler', action: 'sla-warning' } });
    expect(await store.claimOnce('sla:b:already', 60 * MINUTE)).toBe(true);
    clock.advance(MINUTE);

    const recorded = await store.recordReminders([
      reminder(a, 'sla:a:warning'),
      reminder(b, 'sla:b:already'),
      { ...reminder(a, 'sla:gone'), tenantId: 'other-tenant' },
      reminder(a, 'sla:a:warning'),
    ]);
    expect(recorded.map((c) => c?.number)).toEqual([a.number, undefined, undefined, undefined]);
    expect(recorded[0]!.audit.map((e) => [e.action, e.at.toISOString()])).toEqual([
      ['created', '2026-11-24T09:00:00.000Z'],
      ['sla-warning', '2026-11-24T09:01:00.000Z'],
    ]);
    expect((await store.getCase(b.tenantId, b.number))!.audit.map((e) => e.action)).toEqual(['created']);
    expect(await store.isClaimed('sla:gone')).toBe(false);

    // A second pass, or another instance: nothing claimed, nothing appended.
    expect(await store.recordReminders([reminder(a, 'sla:a:warning')])).toEqual([undefined]);
    expect((await store.getCase(a.tenantId, a.number))!.audit).toHaveLength(2);
    // An expired claim is claimed again, as claimOnce does.
    clock.advance(61 * MINUTE);
    expect((await store.recordReminders([reminder(a, 'sla:a:warning')]))[0]?.audit).toHaveLength(3);
    await expect(store.recordReminders([{ ...reminder(a, 'k'), ttlMs: 0 }])).rejects.toThrow(RangeError);
  });

  it('two stores recording the same page at once: each reminder is recorded by one of them', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const database = await kind.database();
    const one = await database.open({ now: clock.now });
    const two = await database.open({ now: clock.now });
    const cases = [];
    for (let i = 0; i < 20; i++) cases.push((await one.createCase(newCase(), `k-${i}`)).case);
    const page = cases.map((c) => ({ tenantId: c.tenantId, number: c.number, key: `sla:${c.number}:breach`, ttlMs: 60 * MINUTE, audit: { actor: 'sla-scheduler', action: 'sla-breach' } }));
    const [first, second] = await Promise.all([one.recordReminders(page), two.recordReminders([...page].reverse())]);
    const winners = cases.map((_, i) => [first[i], second[cases.length - 1 - i]].filter(Boolean).length);
    expect(winners).toEqual(cases.map(() => 1));
    for (const c of cases) expect((await one.getCase(c.tenantId, c.number))!.audit.filter((e) => e.action === 'sla-breach')).toHaveLength(1);
  });
});
