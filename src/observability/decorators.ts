/**
 * Instrumentation as wrappers around the parts the rest of the bot already passes around (the
 * conversation core, the triage engine, the case store), so no other folder changes to be
 * measured. Each wrapper has the type of what it wraps.
 */
import type { ConversationCore, Reply } from '../conversation/types.js';
import type { CaseStore } from '../store/index.js';
import type { TriageEngine } from '../triage/engine.js';
import { channelLabel, type BotMetrics, type TurnOutcome } from './metrics.js';

function outcomeOf(replies: readonly Reply[]): TurnOutcome {
  if (replies.length === 0) return 'silent';
  return replies.some((r) => r.kind === 'text' && r.tone === 'error') ? 'error' : 'answered';
}

export function instrumentCore(core: ConversationCore, metrics: BotMetrics): ConversationCore {
  return {
    async handle(turn) {
      const channel = channelLabel(turn?.channel);
      const stop = metrics.turnSeconds.startTimer({ channel });
      try {
        const replies = await core.handle(turn);
        metrics.turns.inc({ channel, outcome: outcomeOf(replies) });
        return replies;
      } catch (error) {
        metrics.turns.inc({ channel, outcome: 'error' });
        throw error;
      } finally {
        stop();
      }
    },
  };
}

export function instrumentEngine(engine: TriageEngine, metrics: BotMetrics): TriageEngine {
  return new Proxy(engine, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      if (property !== 'triage') return value.bind(target);
      return (...args: unknown[]) => {
        const stop = metrics.triageSeconds.startTimer();
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        } finally {
          stop();
        }
      };
    },
  });
}

const SLA_ACTIONS: Readonly<Record<string, 'warning' | 'breach'>> = { 'sla-warning': 'warning', 'sla-breach': 'breach' };

/** Counts what a call's result says happened: a case created, an SLA reminder recorded. */
function observeResult(metrics: BotMetrics, operation: string, args: readonly unknown[], result: unknown): void {
  if (operation === 'createCase') {
    const created = result as Awaited<ReturnType<CaseStore['createCase']>>;
    if (created.created) metrics.casesCreated.inc({ channel: channelLabel(created.case.requester.channel) });
  } else if (operation === 'addAuditEntry') {
    const level = SLA_ACTIONS[(args[2] as { action?: string } | undefined)?.action ?? ''];
    if (level) metrics.slaReminders.inc({ level });
  } else if (operation === 'recordReminders') {
    // The SLA watch records a page at once: each entry claimed now is one reminder.
    const reminders = args[0] as readonly { readonly audit: { readonly action: string } }[];
    (result as readonly unknown[]).forEach((recorded, i) => {
      const level = SLA_ACTIONS[reminders[i]?.audit.action ?? ''];
      if (recorded && level) metrics.slaReminders.inc({ level });
    });
  }
}

/** Every store method timed by operation and outcome; the outbox backlog gauge reads through it. */
export function instrumentStore(store: CaseStore, metrics: BotMetrics): CaseStore {
  const wrapped = new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return async (...args: unknown[]) => {
        const stop = metrics.storeSeconds.startTimer({ operation: property });
        try {
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          stop({ outcome: 'ok' });
          observeResult(metrics, property, args, result);
          return result;
        } catch (error) {
          stop({ outcome: 'error' });
          throw error;
        }
      };
    },
  });
  metrics.readOutboxBacklog = () => store.outboxBacklog();
  return wrapped;
}
