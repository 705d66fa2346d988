/**
 * The SLA pass reads only what is due, on both stores: more cases due than one page are all
 * reminded in one pass, a case is looked at again only at its next moment, and a claimed case is
 * not looked at again until it changes.
 */
import { describe, expect, it } from 'vitest';
import { DUE_PAGE_SIZE, SlaWatch, SupportDesk, loadSupportDeskConfig, type Notifier, type SupportNote } from '../../src/support-desk/index.js';
import { newCase, testClock } from '../store/helpers.js';
import { STORE_KINDS } from '../store/kinds.js';

function notesNotifier(): Notifier & { notes: SupportNote[] } {
  const notes: SupportNote[] = [];
  return {
    channels: ['msteams'],
    notes,
    hasSupportChannel: async () => true,
    showCase: async () => true,
    note: async (note) => {
      notes.push(note);
      return true;
    },
    notifyRequester: async () => true,
  };
}

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`SLA pass over due cases (${kind.name})`, () => {
  it('reminds every case due in one pass across pages, then reads nothing until the next moment', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const store = await kind.open({ now: clock.now });
    const count = DUE_PAGE_SIZE + 30;
    for (let i = 0; i < count; i++) await store.createCase(newCase({ title: `case ${i}`, respondBy: new Date('2026-11-24T10:00:00Z') }), `k-${i}`);
    const { case: claimed } = await store.createCase(newCase({ title: 'claimed' }), 'claimed');
    await store.updateCase(claimed.tenantId, claimed.number, { owner: 'eve' }, { actor: 'eve', action: 'claimed' });
    const notifier = notesNotifier();
    const desk = new SupportDesk({ store, config: loadSupportDeskConfig({}), notifiers: [notifier], now: clock.now });
    const watch = new SlaWatch({ store, desk, now: clock.now });

    // The first look schedules every case at its 80% moment (09:48); the claimed one never.
    expect(await watch.tick(clock.now())).toEqual([]);
    expect(await store.listDueForReminder(new Date('2026-11-24T09:47:59Z'), 10)).toEqual([]);

    clock.set('2026-11-24T09:48:00Z');
    const sent = await watch.tick(clock.now());
    expect(sent).toHaveLength(count);
    expect(new Set(sent.map((s) => s.number)).size).toBe(count);
    expect(sent.every((s) => s.level === 'warning')).toBe(true);
    expect(sent.map((s) => s.number)).not.toContain(claimed.number);

    // Next moment: the breach at 10:00; nothing is due before it.
    clock.set('2026-11-24T09:59:00Z');
    expect(await store.listDueForReminder(clock.now(), 10)).toEqual([]);
    expect(await watch.tick(clock.now())).toEqual([]);
    clock.set('2026-11-24T10:00:00Z');
    expect((await watch.tick(clock.now())).filter((s) => s.level === 'breach')).toHaveLength(count);
    expect(await store.listDueForReminder(new Date('2027-01-01T00:00:00Z'), 10)).toEqual([]);
    expect(notifier.notes).toHaveLength(2 * count);
  }, 60_000);
});
