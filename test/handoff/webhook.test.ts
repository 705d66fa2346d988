/** One webhook attempt against a real loopback server: signed, with a stable delivery id, and its outcome. */
import { createHmac } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createWebhookTarget, deliveryId } from '../../src/handoff/webhook.js';
import type { SupportCase } from '../../src/store/index.js';
import { webhookReceiver } from './helpers.js';

const SECRET = 'test-secret';
const logger = pino({ level: 'silent' });

const aCase = {
  number: 'SR-261124-0001',
  tenantId: 'tenant-contoso',
  title: 'Nobody receives mail',
  severity: 'A',
  category: 'exchange.mailflow',
  createdAt: new Date('2026-11-24T13:05:00Z'),
} as unknown as SupportCase;

describe('webhook target', () => {
  it('delivers the case signed with HMAC-SHA256 of the raw body and a delivery id stable per case', async () => {
    const hook = await webhookReceiver([200, 200]);
    const webhook = createWebhookTarget({ url: hook.url, secret: SECRET, logger });
    expect(await webhook.deliver(aCase)).toEqual({ delivered: true });
    expect(await webhook.deliver(aCase)).toEqual({ delivered: true });

    const [first, second] = hook.received;
    expect(first!.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(first!.body).digest('hex')}`);
    expect(JSON.parse(first!.body)).toMatchObject({ event: 'case.created', case: { number: 'SR-261124-0001' } });
    expect(first!.deliveryId).toBe(deliveryId(aCase));
    expect(second!.deliveryId).toBe(first!.deliveryId);
    expect(deliveryId({ ...aCase, number: 'SR-261124-0002' })).not.toBe(first!.deliveryId);
  });

  it('asks for a retry after a 5xx or a 429, and gives up on a 4xx', async () => {
    const hook = await webhookReceiver([503, 429, 400]);
    const webhook = createWebhookTarget({ url: hook.url, secret: SECRET, logger });
    expect(await webhook.deliver(aCase)).toEqual({ retry: 'the webhook answered 503' });
    expect(await webhook.deliver(aCase)).toEqual({ retry: 'the webhook answered 429' });
    expect(await webhook.deliver(aCase)).toEqual({ fail: 'the webhook answered 400' });
    expect(hook.received).toHaveLength(3);
  });

  it('asks for a retry when the receiver cannot be reached', async () => {
    const webhook = createWebhookTarget({ url: 'http://127.0.0.1:9/hook', secret: SECRET, logger, timeoutMs: 2_000 });
    const outcome = await webhook.deliver(aCase);
    expect(outcome).toMatchObject({ retry: expect.stringMatching(/could not be reached/) });
  });
});
