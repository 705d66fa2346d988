/**
 * The SLA watch: for every open, unclaimed case, a reminder in the support channel at 80% of the
 * initial-response time and a louder one at breach. Each reminder is sent once per case, response
 * cycle (opened / reopened), severity and level, across restarts and instances: the key is claimed
 * in the store (`claimOnce`) before sending, so a second instance or a tick after a restart skips it.
 * `tick(now)` is the whole job; `start()` runs it on an unref'd interval.
 */
import { pino, type Logger } from 'pino';
import type { BusinessHours } from '../domain/business-hours.js';
import type { CaseStore, SupportCase } from '../store/index.js';
import type { SupportDesk } from './desk.js';
import { formatDuration, slaClock, WARNING_FRACTION } from './sla.js';

/** Reminder keys outlive any case's response cycle (the store sweeps expired claims). */
export const REMINDER_KEY_TTL_MS = 400 * 24 * 60 * 60 * 1000;
export const SLA_ACTOR = 'sla-scheduler';

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

  /** One pass over the open cases; returns the reminders this pass sent. Never throws. */
  async tick(now: Date = (this.deps.now ?? (() => new Date()))()): Promise<SentReminder[]> {
    const sent: SentReminder[] = [];
    let cases: SupportCase[];
    try {
      cases = await this.deps.store.listOpenCases();
    } catch (error) {
      this.logger.warn({ err: error }, 'SLA watch could not list open cases');
      return sent;
    }
    for (const c of cases) {
      if (c.owner) continue;
      const clock = slaClock(c, now, this.deps.businessHours);
      if (!clock) continue;
      const level: ReminderLevel | undefined = clock.fraction >= 1 ? 'breach' : clock.fraction >= WARNING_FRACTION ? 'warning' : undefined;
      if (!level) continue;
      try {
        // Claimed before sending: a crash between the two loses a reminder rather than doubling it.
        if (!(await this.deps.store.claimOnce(reminderKey(c, clock.start, level), REMINDER_KEY_TTL_MS))) continue;
        const text =
          level === 'breach'
            ? `🚨 BREACHED: ${c.number} (${c.severity}, ${c.title}) has had no engineer for its whole response time; overdue by ${formatDuration(-clock.remainingMs)}. Claim it now.`
            : `⏰ Reminder: ${c.number} (${c.severity}, ${c.title}) is unclaimed and has used 80% of its response time; ${formatDuration(clock.remainingMs)} left.`;
        await this.deps.store.addAuditEntry(c.tenantId, c.number, { actor: SLA_ACTOR, action: level === 'breach' ? 'sla-breach' : 'sla-warning' });
        await this.deps.desk.note({ tenantId: c.tenantId, number: c.number, text, level: level === 'breach' ? 'breach' : 'reminder' });
        const fresh = await this.deps.store.getCase(c.tenantId, c.number);
        if (fresh) await this.deps.desk.showCase(fresh);
        sent.push({ tenantId: c.tenantId, number: c.number, level });
        this.logger.info({ case: c.number, reminder: level }, 'SLA reminder sent');
      } catch (error) {
        // `reminder`, not `level`: a field named level would shadow pino's own in the JSON line.
        this.logger.warn({ err: error, case: c.number, reminder: level }, 'SLA reminder failed');
      }
    }
    return sent;
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
