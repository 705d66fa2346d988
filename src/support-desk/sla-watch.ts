/**
 * The SLA watch: for every open, unclaimed case, a reminder in the support channel at 80% of the
 * initial-response time and a louder one at breach. Each reminder is sent once per case, response
 * cycle (opened / reopened), severity and level, across restarts and instances: the key is claimed
 * in the store (`recordReminders`, with its audit entry) before sending, so a second instance or a
 * tick after a restart skips it.
 * `tick(now)` is the whole job; `start()` runs it on an unref'd interval.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { pino, type Logger } from 'pino';
import type { BusinessHours } from '../domain/business-hours.js';
import type { CaseStore, SupportCase } from '../store/index.js';
import type { SupportDesk } from './desk.js';
import { formatDuration, slaClock, WARNING_FRACTION, type SlaClock } from './sla.js';

/** Reminder keys outlive any case's response cycle (the store sweeps expired claims). */
export const REMINDER_KEY_TTL_MS = 400 * 24 * 60 * 60 * 1000;
export const SLA_ACTOR = 'sla-scheduler';
/** Cases read per query of a pass. */
export const DUE_PAGE_SIZE = 100;
/** Never reschedule sooner than this (a clock a hair before its moment). */
const MIN_RECHECK_MS = 1_000;

/**
 * The next moment worth a look: when 80% is reached, then the breach, then never (a reminder per
 * level). Objective time (business hours) never runs faster than the wall clock, so the wall-clock
 * moment computed from it is never late; if early, the next look simply reschedules.
 */
export function nextCheckAt(clock: SlaClock, now: Date): Date | undefined {
  if (clock.fraction >= 1) return undefined;
  if (clock.dueAt) {
    // 24x7: exact wall-clock moments.
    const start = clock.start.getTime();
    const warning = start + Math.floor(WARNING_FRACTION * (clock.dueAt.getTime() - start));
    return new Date(Math.max(now.getTime() + MIN_RECHECK_MS, clock.fraction < WARNING_FRACTION ? warning : clock.dueAt.getTime()));
  }
  const allowed = clock.remainingMs / (1 - clock.fraction);
  const untilMs = clock.fraction < WARNING_FRACTION ? clock.remainingMs - (1 - WARNING_FRACTION) * allowed : clock.remainingMs;
  // Rounded down: a look a moment early only reschedules; a late one would delay the reminder.
  return new Date(now.getTime() + Math.max(MIN_RECHECK_MS, Math.floor(untilMs)));
}

export type ReminderLevel = 'warning' | 'breach';

export interface SentReminder {
  readonly tenantId: string;
  readonly number: string;
  readonly level: ReminderLevel;
}

export interface SlaWatchDeps {
  readonly store: CaseStore;
  readonly desk: SupportDesk;
  readonly now?: () => Date;
  readonly logger?: Logger;
  readonly businessHours?: BusinessHours;
}

/** A due case as the pass sees it: its clock, and the reminder it has reached, if any. */
interface Look {
  readonly case: SupportCase;
  readonly clock: SlaClock | undefined;
  readonly level: ReminderLevel | undefined;
}

type Due = Look & { readonly clock: SlaClock; readonly level: ReminderLevel };

export function reminderKey(c: SupportCase, start: Date, level: ReminderLevel): string {
  return `sla:${c.tenantId}:${c.number}:${start.getTime()}:${c.severity}:${level}`;
}

export class SlaWatch {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SentReminder[]> | undefined;
  private readonly logger: Logger;

  constructor(private readonly deps: SlaWatchDeps) {
    this.logger = deps.logger ?? pino({ level: 'silent' });
  }

  /**
   * One pass over the cases whose check is due (the store keeps each open case's next moment in
   * an indexed column), in pages of `DUE_PAGE_SIZE`; returns the reminders this pass sent. Each
   * case checked is rescheduled to its next moment (80%, then breach, then never until it
   * changes), so a pass reads only what is due however many cases are stored. Each page is three
   * store calls (list, record the reminders, reschedule), and the pass yields to the event loop
   * after each (a synchronous store such as SQLite never yields on its own), so a request waits
   * for one slice of one page at most. Never throws.
   */
  async tick(now: Date = (this.deps.now ?? (() => new Date()))()): Promise<SentReminder[]> {
    const sent: SentReminder[] = [];
    const checked = new Set<string>();
    for (;;) {
      let page: SupportCase[];
      try {
        page = await this.deps.store.listDueForReminder(now, DUE_PAGE_SIZE);
      } catch (error) {
        this.logger.warn({ err: error }, 'SLA watch could not list the cases due');
        return sent;
      }
      // A case whose reschedule failed stays due: it waits for the next pass, not this loop.
      const fresh = page.filter((c) => !checked.has(`${c.tenantId}\0${c.number}`));
      for (const c of fresh) checked.add(`${c.tenantId}\0${c.number}`);
      await yieldToEventLoop();
      await this.checkPage(fresh.map((c) => this.look(c, now)), now, sent);
      if (fresh.length === 0 || page.length < DUE_PAGE_SIZE) return sent;
      await yieldToEventLoop();
    }
  }

  private look(c: SupportCase, now: Date): Look {
    const clock = c.owner ? undefined : slaClock(c, now, this.deps.businessHours);
    const level: ReminderLevel | undefined = !clock ? undefined : clock.fraction >= 1 ? 'breach' : clock.fraction >= WARNING_FRACTION ? 'warning' : undefined;
    return { case: c, clock, level };
  }

  private async checkPage(looks: readonly Look[], now: Date, sent: SentReminder[]): Promise<void> {
    const due = looks.filter((l): l is Due => l.level !== undefined);
    const recorded = await this.record(due);
    if (due.length > 0) await yieldToEventLoop();
    for (const [i, look] of due.entries()) {
      const fresh = recorded?.[i];
      if (fresh) await this.announce(look, fresh, sent);
    }
    // Reminders that could not be recorded leave their cases due: the next pass tries again.
    const schedule = recorded ? looks : looks.filter((l) => l.level === undefined);
    if (schedule.length === 0) return;
    try {
      await this.deps.store.scheduleReminders(
        schedule.map((l) => ({ tenantId: l.case.tenantId, number: l.case.number, at: l.clock && nextCheckAt(l.clock, now), seenUpdatedAt: l.case.updatedAt })),
      );
    } catch (error) {
      this.logger.warn({ err: error, cases: schedule.length }, 'SLA watch could not schedule the next checks');
    }
  }

  /**
   * Claims and audits the page's reminders in one store call, before anything is sent: a crash
   * after it loses those reminders rather than doubling them. undefined when the store failed.
   */
  private async record(due: readonly Due[]): Promise<(SupportCase | undefined)[] | undefined> {
    if (due.length === 0) return [];
    try {
      return await this.deps.store.recordReminders(
        due.map((l) => ({
          tenantId: l.case.tenantId,
          number: l.case.number,
          key: reminderKey(l.case, l.clock.start, l.level),
          ttlMs: REMINDER_KEY_TTL_MS,
          audit: { actor: SLA_ACTOR, action: l.level === 'breach' ? 'sla-breach' : 'sla-warning' },
        })),
      );
    } catch (error) {
      // `reminder`, not `level`: a field named level would shadow pino's own in the JSON line.
      for (const l of due) this.logger.warn({ err: error, case: l.case.number, reminder: l.level }, 'SLA reminder could not be recorded; retried on the next pass');
      return undefined;
    }
  }

  private async announce({ case: c, clock, level }: Due, fresh: SupportCase, sent: SentReminder[]): Promise<void> {
    try {
      const text =
        level === 'breach'
          ? `🚨 BREACHED: ${c.number} (${c.severity}, ${c.title}) has had no engineer for its whole response time; overdue by ${formatDuration(-clock.remainingMs)}. Claim it now.`
          : `⏰ Reminder: ${c.number} (${c.severity}, ${c.title}) is unclaimed and has used 80% of its response time; ${formatDuration(clock.remainingMs)} left.`;
      await this.deps.desk.note({ tenantId: c.tenantId, number: c.number, text, level: level === 'breach' ? 'breach' : 'reminder' });
      await this.deps.desk.showCase(fresh);
      sent.push({ tenantId: c.tenantId, number: c.number, level });
      this.logger.info({ case: c.number, reminder: level }, 'SLA reminder sent');
    } catch (error) {
      this.logger.warn({ err: error, case: c.number, reminder: level }, 'SLA reminder failed');
    }
  }

  /** Runs `tick` every `intervalMs` (one pass at a time); the timer does not keep the process alive. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick().finally(() => {
        this.running = undefined;
      });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
