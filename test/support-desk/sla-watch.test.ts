/**
 * The SLA watch on a real SQLite file with an injected clock: 80% and breach reminders once each,
 * nothing for claimed cases or cases without a commitment, no duplicate after a restart or with
 * two instances ticking at once.
 */
import { describe, expect, it } from 'vitest';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { SlaWatch, SupportDesk, loadSupportDeskConfig, type Notifier, type SupportNote, type SupportCaseView } from '../../src/support-desk/index.js';
import { newCase, openTestStore, tempDataDir, testClock } from '../store/helpers.js';

const MINUTE = 60_000;

function recordingNotifier(): Notifier & { notes: SupportNote[]; cards: SupportCaseView[] } {
  const notes: SupportNote[] = [];
  const cards: SupportCaseView[] = [];
  return {
    channels: ['msteams'],
    notes,
    cards,
    hasSupportChannel: async () => true,
    showCase: async (view) => {
      cards.push(view);
      return true;
    },
    note: async (note) => {
      notes.push(note);
      return true;
    },
    notifyRequester: async () => true,
  };
}

function watchOn(store: CaseStore, now: () => Date, notifier = recordingNotifier()) {
  const desk = new SupportDesk({ store, config: loadSupportDeskConfig({}), notifiers: [notifier], now });
  return { watch: new SlaWatch({ store, desk, now }), notifier, desk };
}

describe('SLA watch', () => {
  it('reminds at 80% and louder at breach, once each, and not after a restart', async () => {
    const dataDir = tempDataDir();
    const clock = testClock('2026-11-24T09:00:00Z');
    let store = await openSqliteStore({ dataDir, now: clock.now });
    const { case: c } = await store.createCase(newCase({ respondBy: new Date('2026-11-24T10:00:00Z') }), 'k1');
    let { watch, notifier } = watchOn(store, clock.now);

    clock.set('2026-11-24T09:47:00Z');
    expect(await watch.tick(clock.now())).toEqual([]);
    clock.set('2026-11-24T09:48:00Z');
    expect(await watch.tick(clock.now())).toEqual([{ tenantId: c.tenantId, number: c.number, level: 'warning' }]);
    expect(notifier.notes[0]).toMatchObject({ number: c.number, level: 'reminder' });
    expect(notifier.notes[0]!.text).toContain('12 min left');
    expect(notifier.cards.at(-1)?.timeLeft).toBe('12 min left');
    expect(await watch.tick(clock.now())).toEqual([]);

    clock.set('2026-11-24T10:01:00Z');
    expect(await watch.tick(clock.now())).toEqual([{ tenantId: c.tenantId, number: c.number, level: 'breach' }]);
    expect(notifier.notes[1]).toMatchObject({ level: 'breach' });
    expect(notifier.notes[1]!.text).toMatch(/BREACHED.*overdue by 1 min/);
    expect((await store.getCase(c.tenantId, c.number))!.audit.map((a) => a.action)).toEqual(['created', 'sla-warning', 'sla-breach']);

    // A restart: a new process on the same file sends nothing again.
    await store.close();
    store = await openSqliteStore({ dataDir, now: clock.now });
    ({ watch, notifier } = watchOn(store, clock.now));
    clock.advance(30 * MINUTE);
    expect(await watch.tick(clock.now())).toEqual([]);
    expect(notifier.notes).toHaveLength(0);
    await store.close();
  });

  it('two instances ticking at once send one reminder', async () => {
    const dataDir = tempDataDir();
    const clock = testClock('2026-11-24T09:00:00Z');
    const a = await openSqliteStore({ dataDir, now: clock.now });
    const b = await openSqliteStore({ dataDir, now: clock.now });
    await a.createCase(newCase({ respondBy: new Date('2026-11-24T10:00:00Z') }), 'k1');
    const one = watchOn(a, clock.now);
    const two = watchOn(b, clock.now);
    clock.set('2026-11-24T09:50:00Z');
    const [sentA, sentB] = await Promise.all([one.watch.tick(clock.now()), two.watch.tick(clock.now())]);
    expect(sentA.length + sentB.length).toBe(1);
    expect(one.notifier.notes.length + two.notifier.notes.length).toBe(1);
    await a.close();
    await b.close();
  });

  it('says nothing for a claimed case, a closed case, or a plan that commits to no response time', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const store = await openTestStore({ now: clock.now });
    const claimed = (await store.createCase(newCase(), 'k1')).case;
    await store.updateCase(claimed.tenantId, claimed.number, { owner: 'Eve' }, { actor: 'eve', action: 'claimed' });
    // Business plan, Sev B: business hours, no commitment.
    await store.createCase(newCase({ planFamily: 'Microsoft 365 Business Premium', severity: 'B' }), 'k2');
    // Enterprise Sev C: no commitment either.
    await store.createCase(newCase({ severity: 'C' }), 'k3');
    const closed = (await store.createCase(newCase(), 'k4')).case;
    await store.updateCase(closed.tenantId, closed.number, { status: 'closed' }, { actor: 'x', action: 'resolved' });
    const { watch, notifier } = watchOn(store, clock.now);
    clock.advance(30 * 24 * 60 * MINUTE);
    expect(await watch.tick(clock.now())).toEqual([]);
    expect(notifier.notes).toEqual([]);
  });

  it('a reopened case starts a new response cycle with its own reminders', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const store = await openTestStore({ now: clock.now });
    const c = (await store.createCase(newCase(), 'k1')).case;
    const { watch } = watchOn(store, clock.now);
    clock.advance(61 * MINUTE);
    expect((await watch.tick(clock.now())).map((r) => r.level)).toEqual(['breach']);
    await store.updateCase(c.tenantId, c.number, { status: 'closed' }, { actor: 'eve', action: 'resolved' });
    clock.advance(60 * MINUTE);
    await store.updateCase(c.tenantId, c.number, { status: 'open' }, { actor: 'megan', action: 'reopened', detail: 'again' });
    clock.advance(30 * MINUTE);
    expect(await watch.tick(clock.now())).toEqual([]);
    clock.advance(20 * MINUTE);
    expect((await watch.tick(clock.now())).map((r) => r.level)).toEqual(['warning']);
  });

  it('start() runs on an unref timer and stop() ends it', async () => {
    const store = await openTestStore();
    const { watch } = watchOn(store, () => new Date());
    watch.start(1_000);
    await watch.stop();
  });
});
