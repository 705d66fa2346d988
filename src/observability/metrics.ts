/**
 * The bot's Prometheus metrics, in a registry of their own. Labels are bounded sets (channel,
 * outcome, store operation, reminder level): never a tenant, a user or a case number, so a scrape
 * exposes no tenant data and the series count stays fixed however many tenants there are.
 */
import { hostname } from 'node:os';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type TurnOutcome = 'answered' | 'silent' | 'error';
export type StoreOutcome = 'ok' | 'error';

/** Channels a label may name; anything else is 'other' (the Emulator door names its own). */
const CHANNELS = new Set(['msteams', 'slack', 'directline', 'webchat', 'emulator', 'terminal']);

export function channelLabel(channel: unknown): string {
  return typeof channel === 'string' && CHANNELS.has(channel) ? channel : 'other';
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface BotMetrics {
  readonly registry: Registry;
  readonly turns: Counter<'channel' | 'outcome'>;
  readonly turnSeconds: Histogram<'channel'>;
  readonly triageSeconds: Histogram;
  readonly casesCreated: Counter<'channel'>;
  readonly slaReminders: Counter<'level'>;
  readonly storeSeconds: Histogram<'operation' | 'outcome'>;
  /** Read at scrape time by the gauge; set once the store is known. */
  readOutboxBacklog?: () => Promise<number>;
}

export function createMetrics(options: { readonly instance?: string | undefined } = {}): BotMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ bot_instance: options.instance ?? `${hostname()}:${process.pid}` });
  collectDefaultMetrics({ register: registry });
  const metrics: BotMetrics = {
    registry,
    turns: new Counter({ name: 'bot_turns_total', help: 'Conversation turns by channel and outcome (answered, silent: rate-limited or a repeated delivery, error)', labelNames: ['channel', 'outcome'], registers: [registry] }),
    turnSeconds: new Histogram({ name: 'bot_turn_duration_seconds', help: 'Time the conversation core took for a turn', labelNames: ['channel'], buckets: LATENCY_BUCKETS, registers: [registry] }),
    triageSeconds: new Histogram({ name: 'bot_triage_duration_seconds', help: 'Time the triage engine took for a message', buckets: LATENCY_BUCKETS, registers: [registry] }),
    casesCreated: new Counter({ name: 'bot_cases_created_total', help: 'Cases created (not a form submitted again)', labelNames: ['channel'], registers: [registry] }),
    slaReminders: new Counter({ name: 'bot_sla_reminders_total', help: 'SLA reminders recorded: level warning (80% of the response time) or breach', labelNames: ['level'], registers: [registry] }),
    storeSeconds: new Histogram({ name: 'bot_store_call_duration_seconds', help: 'Case store calls by operation and outcome', labelNames: ['operation', 'outcome'], buckets: LATENCY_BUCKETS, registers: [registry] }),
  };
  new Gauge({
    name: 'bot_outbox_backlog',
    help: 'New-case announcements not yet delivered nor given up (read from the store at scrape time)',
    registers: [registry],
    async collect() {
      // An unreachable store leaves the gauge out of the scrape rather than failing it.
      if (metrics.readOutboxBacklog) this.set(await metrics.readOutboxBacklog().catch(() => Number.NaN));
    },
  });
  for (const level of ['warning', 'breach']) metrics.slaReminders.inc({ level }, 0);
  return metrics;
}
