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
});
