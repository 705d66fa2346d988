/** The webhook handoff against a real loopback server: retried after a 5xx, signed, never blocking. */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookHandoff } from '../../src/handoff/webhook.js';
import type { SupportCase } from '../../src/store/index.js';

const SECRET = 'test-secret';
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

interface Received {
  body: string;
  signature: string | undefined;
}

async function server(statuses: number[]): Promise<{ url: string; received: Received[]; done: Promise<void> }> {
  const received: Received[] = [];
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const s = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['x-signature-256'] as string | undefined });
      const status = statuses[received.length - 1] ?? 200;
      res.writeHead(status).end();
      if (received.length >= statuses.length) finish();
    });
  });
  servers.push(s);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`, received, done };
}

const aCase = {
  number: 'SR-261124-0001',
  tenantId: 'tenant-contoso',
  title: 'Nobody receives mail',
  severity: 'A',
  category: 'exchange.mailflow',
  createdAt: new Date('2026-11-24T13:05:00Z'),
} as unknown as SupportCase;

const logger = pino({ level: 'silent' });

describe('webhook handoff', () => {
  it('retries a 5xx, then delivers the case signed with HMAC-SHA256 of the raw body', async () => {
    const hook = await server([503, 200]);
    const handoff = createWebhookHandoff({ url: hook.url, secret: SECRET, logger, retry: { attempts: 3, baseDelayMs: 10 } });
    const returned = handoff(aCase);
    expect(returned).toBeUndefined(); // fire and forget
    expect(hook.received).toHaveLength(0); // nothing was awaited
    await hook.done;
    expect(hook.received).toHaveLength(2);
    const last = hook.received[1]!;
    const expected = `sha256=${createHmac('sha256', SECRET).update(last.body).digest('hex')}`;
    expect(last.signature).toBe(expected);
    expect(JSON.parse(last.body).case.number).toBe('SR-261124-0001');
    expect(hook.received[0]!.body).toBe(last.body);
  });

  it('retries network errors with backoff and gives up after the attempts, logging', async () => {
    const calls: number[] = [];
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    let finished!: () => void;
    const allTried = new Promise<void>((resolve) => (finished = resolve));
    const failingFetch = (async () => {
      calls.push(Date.now());
      if (calls.length === 3) setTimeout(finished, 20);
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    createWebhookHandoff({ url: 'http://127.0.0.1:9/x', secret: SECRET, fetch: failingFetch, logger: log, retry: { attempts: 3, baseDelayMs: 20 } })(aCase);
    await allTried;
    expect(calls).toHaveLength(3);
    expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(calls[1]! - calls[0]! - 5);
    expect(lines.join('')).toMatch(/case to hand off/);
    expect(lines.join('')).toMatch(/case handoff failed/);
  });

  it('does not retry a 4xx', async () => {
    const hook = await server([400]);
    createWebhookHandoff({ url: hook.url, secret: SECRET, logger, retry: { attempts: 3, baseDelayMs: 10 } })(aCase);
    await hook.done;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(hook.received).toHaveLength(1);
  });
});
