/**
 * `GET /metrics` and `GET /readyz` through HTTP on `src/app/main.ts` as a process (PostgreSQL store,
 * Emulator traffic to a fake Bot Connector): turns, triage and store latencies per instance and
 * no tenant or user in the scrape; readiness 503 with a reason while the database refuses
 * connections, ready again after; `/metrics` absent unless METRICS=on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, stopBot, tempDataDir, type BotProcess } from '../faults/process.js';
import { createTestDatabase, postgresSkipReason, rawQuery } from '../postgres/database.js';
import { ALEX, post, startFakeConnector, teamsMessage, TENANT, type FakeConnector } from '../teams/helpers.js';

const running: { bot?: BotProcess; connector?: FakeConnector }[] = [];
afterEach(async () => {
  for (const { bot, connector } of running.splice(0)) {
    if (bot) await stopBot(bot);
    await connector?.close();
  }
});

async function start(env: Record<string, string>): Promise<{ bot: BotProcess; connector: FakeConnector; url: string }> {
  const url = await createTestDatabase();
  const connector = await startFakeConnector();
  const bot = await startBot(tempDataDir('observability-'), { DATABASE_URL: url, ...env }, 60_000);
  running.push({ bot, connector });
  return { bot, connector, url };
}

const get = async (base: string, path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
};

/** The value of one series in a Prometheus text scrape, matched by its name and labels in any order. */
function sample(scrape: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of scrape.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.entries(labels).every(([k, v]) => (match[2] ?? '').split(',').includes(`${k}="${v}"`));
    if (has) return Number(match[3]);
  }
  return undefined;
}

describe.skipIf(postgresSkipReason() !== undefined)('metrics and readiness over HTTP', { timeout: 90_000 }, () => {
  it('METRICS=on: a Teams turn shows in the scrape by channel and outcome, with triage and store latencies, per instance, without tenant data', async () => {
    const { bot, connector } = await start({ METRICS: 'on', METRICS_INSTANCE: 'bot-a' });
    const answer = await post(bot.url, teamsMessage({ serviceUrl: connector.url, text: 'outlook cannot send for the whole sales floor, NDR 550 5.7.1' }));
    expect(answer.status).toBeLessThan(300);

    const scrape = await get(bot.url, '/metrics');
    expect(scrape.status).toBe(200);
    expect(scrape.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(scrape.text, 'bot_turns_total', { channel: 'msteams', outcome: 'answered', bot_instance: 'bot-a' })).toBe(1);
    expect(sample(scrape.text, 'bot_turn_duration_seconds_count', { channel: 'msteams' })).toBe(1);
    expect(sample(scrape.text, 'bot_triage_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(scrape.text, 'bot_store_call_duration_seconds_count', { operation: 'readTurn', outcome: 'ok' })).toBe(1);
    expect(sample(scrape.text, 'bot_outbox_backlog', { bot_instance: 'bot-a' })).toBe(0);
    expect(sample(scrape.text, 'bot_sla_reminders_total', { level: 'breach' })).toBe(0);
    expect(sample(scrape.text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    for (const secret of [TENANT, 'emulator', ALEX.id, ALEX.aadObjectId!, 'sales floor']) expect(scrape.text).not.toContain(secret);
  });

  it('/readyz answers 503 with the reason while the database refuses connections (/healthz stays 200: the process lives), and ready again after', async () => {
    const { bot, url } = await start({});
    expect(await get(bot.url, '/readyz')).toMatchObject({ status: 200, text: JSON.stringify({ status: 'ready' }) });
    const database = new URL(url).pathname.slice(1);
    const admin = url.replace(/\/[^/]+$/, '/postgres');
    await rawQuery(admin, `ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await rawQuery(admin, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
    try {
      const down = await get(bot.url, '/readyz');
      expect(down.status).toBe(503);
      expect(JSON.parse(down.text)).toEqual({ status: 'unavailable', reason: expect.stringMatching(/^the case store is unreachable: .*not currently accepting connections/) });
      expect(await get(bot.url, '/healthz')).toMatchObject({ status: 200, text: JSON.stringify({ status: 'ok', checks: { rules: 'ok', cards: 'ok' } }) });
    } finally {
      await rawQuery(admin, `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    }
    expect((await get(bot.url, '/readyz')).status).toBe(200);
    // Off by default: no /metrics at all.
    expect((await get(bot.url, '/metrics')).status).toBe(404);
  });

  it('a bad METRICS value stops the start with a line naming the variable', async () => {
    await expect(start({ METRICS: 'yes' })).rejects.toThrow(/METRICS must be on or off/);
  });
});
