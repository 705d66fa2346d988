/**
 * The outbox on both stores: rows written with the case, delivered once per case and target,
 * retried with backoff, given up on a refusal, replayed after a lease expires, and drained by
 * two store instances on one database without a row delivered twice.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { OutboxRelay } from '../../src/handoff/outbox-relay.js';
import type { AnnouncementTarget, DeliveryOutcome } from '../../src/handoff/target.js';
import { createWebhookTarget } from '../../src/handoff/webhook.js';
import type { RetryConfig } from '../../src/http/retry.js';
import type { CaseStore, SupportCase } from '../../src/store/index.js';
import { newCase, testClock } from '../store/helpers.js';
import { STORE_KINDS } from '../store/kinds.js';
import { webhookReceiver } from './helpers.js';

const logger = pino({ level: 'silent' });
const FAST_RETRY: RetryConfig = { retries: 3, factor: 2, minTimeout: 5, maxTimeout: 20, randomize: false };

/** Records every case it is handed; answers with `outcomes` in turn, then delivered. */
function recordingTarget(name: string, outcomes: DeliveryOutcome[] = []): AnnouncementTarget & { readonly seen: string[] } {
  const seen: string[] = [];
  return {
    name,
    seen,
    deliver: async (c: SupportCase) => {
      seen.push(c.number);
      return outcomes.shift() ?? { delivered: true };
    },
  };
}

async function createCases(store: CaseStore, count: number, prefix = 'k'): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) numbers.push((await store.createCase(newCase({ title: `case ${i}` }), `${prefix}-${i}`)).case.number);
  return numbers;
}

/** Drains until the outbox has nothing pending (retries are due after a few ms). */
async function drainAll(relay: OutboxRelay, store: CaseStore): Promise<void> {
  for (let pass = 0; pass < 200 && (await store.outboxStatus()).pending > 0; pass++) {
    await relay.drain();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`${kind.name} outbox`, () => {
  it('writes one row per target with each new case, none for a repeated submission, and delivers each once', async () => {
    const store = await kind.open({ outboxTargets: ['support-desk', 'webhook'] });
    const numbers = await createCases(store, 3);
    expect((await store.createCase(newCase(), 'k-0')).created).toBe(false);
    expect(await store.outboxStatus()).toEqual({ pending: 6, delivered: 0, failed: 0 });

    const desk = recordingTarget('support-desk');
    const webhook = recordingTarget('webhook');
    const relay = new OutboxRelay({ store, targets: [desk, webhook], logger, retry: FAST_RETRY });
    expect(await relay.drain()).toBe(6);
    expect(await relay.drain()).toBe(0);

    // A batch is delivered concurrently, so the order is not promised: each case once is.
    expect([...desk.seen].sort()).toEqual([...numbers].sort());
    expect([...webhook.seen].sort()).toEqual([...numbers].sort());
    expect(await store.outboxStatus()).toEqual({ pending: 0, delivered: 6, failed: 0 });
  });

  it('writes no row when the case itself is not written', async () => {
    const db = await kind.database();
    const store = await db.open({ outboxTargets: ['support-desk'] });
    await db.breakAuditWrites();
    await expect(store.createCase(newCase(), 'k')).rejects.toThrow(/audit disk gone/);
    expect(await store.outboxStatus()).toEqual({ pending: 0, delivered: 0, failed: 0 });
  });

  it('retries a webhook 5xx from the outbox with backoff, then records it delivered; a 4xx is given up', async () => {
    const hook = await webhookReceiver([503, 502, 200, 400]);
    const store = await kind.open({ outboxTargets: ['webhook'] });
    const relay = new OutboxRelay({ store, targets: [createWebhookTarget({ url: hook.url, secret: 's', logger })], logger, retry: FAST_RETRY });
    const [first] = await createCases(store, 1);

    await drainAll(relay, store);
    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
    expect(new Set(hook.received.map((r) => r.deliveryId)).size).toBe(1);
    expect(JSON.parse(hook.received[0]!.body).case.number).toBe(first);
    expect(await store.outboxStatus()).toEqual({ pending: 0, delivered: 1, failed: 0 });

    await createCases(store, 1, 'second');
    await drainAll(relay, store);
    expect(hook.received).toHaveLength(4);
    expect(await store.outboxStatus()).toEqual({ pending: 0, delivered: 1, failed: 1 });
  });

  it('gives up after the configured retries', async () => {
    const store = await kind.open({ outboxTargets: ['webhook'] });
    const webhook = recordingTarget('webhook', Array.from({ length: 10 }, () => ({ retry: 'down' })));
    const relay = new OutboxRelay({ store, targets: [webhook], logger, retry: FAST_RETRY });
    await createCases(store, 1);
    await drainAll(relay, store);
    expect(webhook.seen).toHaveLength(FAST_RETRY.retries + 1);
    expect(await store.outboxStatus()).toEqual({ pending: 0, delivered: 0, failed: 1 });
  });

  it('replays a row whose relay died holding the lease, only once the lease has expired', async () => {
    const clock = testClock();
    const db = await kind.database();
    const store = await db.open({ now: clock.now, outboxTargets: ['support-desk'] });
    await createCases(store, 1);
    // A relay claims the row and dies before delivering it.
    expect(await store.claimOutbox({ leaseMs: 30_000, limit: 10 })).toHaveLength(1);

    const desk = recordingTarget('support-desk');
    const restarted = new OutboxRelay({ store: await db.open({ now: clock.now }), targets: [desk], logger, leaseMs: 30_000, now: clock.now });
    expect(await restarted.drain()).toBe(0);
    clock.advance(30_000);
    expect(await restarted.drain()).toBe(1);
    expect(desk.seen).toHaveLength(1);
    expect(await store.outboxStatus()).toMatchObject({ pending: 0, delivered: 1 });
  });

  it('ignores the outcome reported with a lease that was taken over', async () => {
    const clock = testClock();
    const store = await kind.open({ now: clock.now, outboxTargets: ['webhook'] });
    await createCases(store, 1);
    const [stale] = await store.claimOutbox({ leaseMs: 1_000, limit: 1 });
    clock.advance(1_000);
    const [current] = await store.claimOutbox({ leaseMs: 1_000, limit: 1 });
    expect(current?.attempts).toBe(2);
    expect(await store.settleOutbox(stale!, { failed: 'late' })).toBe(false);
    expect(await store.settleOutbox(current!, { delivered: true })).toBe(true);
    expect(await store.outboxStatus()).toEqual({ pending: 0, delivered: 1, failed: 0 });
  });

  it('delivers each row exactly once when two store instances drain one database at the same time', async () => {
    const db = await kind.database();
    const writer = await db.open({ outboxTargets: ['support-desk', 'webhook'] });
    const numbers = await createCases(writer, 60);
    const targets = () => [recordingTarget('support-desk'), recordingTarget('webhook')] as const;
    const [a, b] = [targets(), targets()];
    const relayA = new OutboxRelay({ store: await db.open(), targets: a, logger, batchSize: 3 });
    const relayB = new OutboxRelay({ store: await db.open(), targets: b, logger, batchSize: 3 });

    const [deliveredA, deliveredB] = await Promise.all([relayA.drain(), relayB.drain()]);

    expect(deliveredA + deliveredB).toBe(120);
    expect(deliveredA).toBeGreaterThan(0);
    expect(deliveredB).toBeGreaterThan(0);
    for (const i of [0, 1]) {
      const seen = [...a[i]!.seen, ...b[i]!.seen];
      expect(seen.sort()).toEqual([...numbers].sort());
    }
    expect(await writer.outboxStatus()).toEqual({ pending: 0, delivered: 120, failed: 0 });
  });
});
