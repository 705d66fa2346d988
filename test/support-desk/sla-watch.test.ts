/**
 * The SLA watch on a real SQLite file with an injected clock: 80% and breach reminders once each,
 * nothing for claimed cases or cases without a commitment, no duplicate after a restart or with
 * two instances ticking at once.
 */
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { SlaWatch, SupportDesk, loadSupportDeskConfig, type Notifier, type SupportNote, type SupportCaseView } from '../../src/support-desk/index.js';
import { instrumentStore } from '../../src/observability/decorators.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { captureJsonLogs, PINO_KEYS, topLevelKeys } from './log-lines.js';
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

function watchOn(store: CaseStore, now: () => Date, notifier = recordingNotifier(), logger?: Logger) {
  const desk = new SupportDesk({ store, config: loadSupportDeskConfig({}), notifiers: [notifier], now });
  return { watch: new SlaWatch({ store, desk, now, ...(logger ? { logger } : {}) }), notifier, desk };
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

  it('logs each reminder, sent or failed, as one JSON line whose fields never shadow pino\'s own (level, time, pid, hostname, msg)', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const store = await openSqliteStore({ dataDir: tempDataDir(), now: clock.now });
    const sent = await store.createCase(newCase({ respondBy: new Date('2026-11-24T10:00:00Z') }), 'k-sent');
    const failing = await store.createCase(newCase({ respondBy: new Date('2026-11-24T10:00:00Z') }), 'k-failing');
    // The store refuses the first pass's reminders (logged at warn, one line per reminder); the
    // next pass records them, and one case's card fails in the channel (the desk logs it at error).
    let refusals = 1;
    const flaky = new Proxy(store, {
      get(target, prop) {
        if (prop === 'recordReminders') {
          return async (reminders: Parameters<CaseStore['recordReminders']>[0]) => {
            if (refusals-- > 0) throw new Error('database is locked');
            return target.recordReminders(reminders);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const logs = captureJsonLogs();
    const notifier = recordingNotifier();
    const failingCards: Notifier = { ...notifier, showCase: async (view) => (view.number === failing.case.number ? Promise.reject(new Error('card refused')) : notifier.showCase(view)) };
    const desk = new SupportDesk({ store: flaky, config: loadSupportDeskConfig({}), notifiers: [failingCards], now: clock.now, logger: logs.logger });
    const watch = new SlaWatch({ store: flaky, desk, now: clock.now, logger: logs.logger });
    clock.set('2026-11-24T10:01:00Z');
    expect(await watch.tick(clock.now())).toEqual([]);
    expect((await watch.tick(clock.now())).map((s) => s.number).sort()).toEqual([failing.case.number, sent.case.number].sort());

    const parsed = logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const sentLine = parsed.find((l) => l.msg === 'SLA reminder sent' && l.case === sent.case.number);
    const unrecorded = parsed.filter((l) => l.msg === 'SLA reminder could not be recorded; retried on the next pass');
    const cardFailed = parsed.find((l) => l.msg === 'support channel delivery failed' && l.what === 'showCase');
    expect(sentLine).toMatchObject({ level: 30, reminder: 'breach' });
    expect(unrecorded.map((l) => [l.level, l.case, l.reminder]).sort()).toEqual([[40, failing.case.number, 'breach'], [40, sent.case.number, 'breach']].sort());
    expect(cardFailed).toMatchObject({ level: 50 });
    expect(logs.shadowed()).toEqual([]);
    for (const line of logs.lines) {
      const keys = topLevelKeys(line);
      for (const key of PINO_KEYS) expect(keys.filter((k) => k === key).length, `${key} in ${line}`).toBeLessThanOrEqual(1);
    }
    await store.close();
  });

  it('the log check itself sees a shadowed key', () => {
    const logs = captureJsonLogs();
    logs.logger.info({ level: 'breach', case: 'SR-1' }, 'shadowing on purpose');
    expect(logs.shadowed()).toEqual([{ line: logs.lines[0], keys: ['level'] }]);
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

  it('counts the reminders it records in bot_sla_reminders_total, once each, through the instrumented store', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const metrics = createMetrics({ instance: 'test' });
    const store = instrumentStore(await openTestStore({ now: clock.now }), metrics);
    await store.createCase(newCase({ respondBy: new Date('2026-11-24T10:00:00Z') }), 'k1');
    await store.createCase(newCase({ respondBy: new Date('2026-11-24T10:00:00Z') }), 'k2');
    const { watch } = watchOn(store, clock.now);
    const count = async (level: string) =>
      ((await metrics.registry.getSingleMetric('bot_sla_reminders_total')!.get()).values.find((v) => v.labels.level === level)?.value ?? 0);
    clock.set('2026-11-24T09:50:00Z');
    await watch.tick(clock.now());
    await watch.tick(clock.now());
    expect([await count('warning'), await count('breach')]).toEqual([2, 0]);
    clock.set('2026-11-24T10:05:00Z');
    await watch.tick(clock.now());
    expect([await count('warning'), await count('breach')]).toEqual([2, 2]);
  });

  it('start() runs on an unref timer and stop() ends it', async () => {
    const store = await openTestStore();
    const { watch } = watchOn(store, () => new Date());
    watch.start(1_000);
    await watch.stop();
  });
});
