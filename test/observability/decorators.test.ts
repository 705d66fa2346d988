/**
 * The store wrapper counts what the calls say happened (a case created once however often its
 * form is submitted, SLA reminders by level) and times every call, failures included.
 */
import { describe, expect, it } from 'vitest';
import { instrumentStore } from '../../src/observability/decorators.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { newCase, openTestStore } from '../store/helpers.js';

async function value(metrics: ReturnType<typeof createMetrics>, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name || name.startsWith(`${m.name}_`));
  const values = (metric?.values ?? []) as { labels: Record<string, unknown>; value: number; metricName?: string }[];
  return values.find((v) => (v.metricName ?? name) === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value ?? 0;
}

describe('the instrumented store', () => {
  it('counts a case created once, SLA reminders by level, and times calls by operation and outcome', async () => {
    const metrics = createMetrics({ instance: 'test' });
    const store = instrumentStore(await openTestStore({ outboxTargets: ['support-desk'] }), metrics);
    const first = await store.createCase(newCase({ requester: { channel: 'slack', userId: 'U1', name: 'Megan' } }), 'form-1');
    await store.createCase(newCase(), 'form-1');
    await store.addAuditEntry(first.case.tenantId, first.case.number, { actor: 'sla-scheduler', action: 'sla-warning' });
    await store.addAuditEntry(first.case.tenantId, first.case.number, { actor: 'sla-scheduler', action: 'sla-breach' });
    await store.addAuditEntry(first.case.tenantId, first.case.number, { actor: 'eng', action: 'note' });
    await expect(store.getCase(first.case.tenantId, '')).resolves.toBeUndefined();
    await expect(store.putShared('', 1, 1)).rejects.toThrow();

    expect(await value(metrics, 'bot_cases_created_total', { channel: 'slack' })).toBe(1);
    expect(await value(metrics, 'bot_sla_reminders_total', { level: 'warning' })).toBe(1);
    expect(await value(metrics, 'bot_sla_reminders_total', { level: 'breach' })).toBe(1);
    expect(await value(metrics, 'bot_store_call_duration_seconds_count', { operation: 'createCase', outcome: 'ok' })).toBe(2);
    expect(await value(metrics, 'bot_store_call_duration_seconds_count', { operation: 'putShared', outcome: 'error' })).toBe(1);
    expect(await value(metrics, 'bot_outbox_backlog', {})).toBe(1);
  });
});
