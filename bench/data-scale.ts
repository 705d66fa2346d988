/**
 * Data-scale benchmark: `npm run bench:data` (DATA_SCALE_SIZES=10000,100000,1000000,
 * DATA_SCALE_STORES=sqlite,postgres). For each store and size it fills the store, then measures
 * case lookup, new case, `my cases` for the busy tenant (the whole core turn and the Teams card's
 * bytes), an SLA pass, start-up on the filled store and RSS. The SLA pass is measured for its
 * event-loop time (main thread), its longest block, its CPU time (the process's, less what the
 * polling costs on its own), and the longest wait of a `/healthz` polled every 5 ms from a worker
 * thread meanwhile, beside the same polling's worst wait with nothing running (the machine's
 * share). DATA_SCALE_PROFILE=DIR writes a CPU profile of each pass.
 *
 * The fill does not go through `createCase`: at 1M cases it would take hours here. Rows are
 * written by batched INSERTs in transactions (SQLite) or one INSERT … SELECT generate_series
 * (PostgreSQL) after the store created its schema, with the same columns the store writes (one
 * 'created' audit entry per case). Everything measured afterwards goes through the store's API.
 *
 * Data: 500 tenants; 5% of cases open; one busy tenant with 1% of the cases, at least 10,000 when
 * the size allows (10% of 100k); open cases have their next SLA moment spread over the next week
 * except 100 that are due now and past their respond-by time (the pass sends 100 breach reminders: a busy minute),
 * and the 200 cases the "new case" figure opens a minute before are due for their first look.
 */
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import pg from 'pg';
import { pino } from 'pino';
import { createCardRenderer, loadCardTemplates } from '../src/channels/teams/index.js';
import { loadCoreConfig } from '../src/conversation/config.js';
import { createConversationCore } from '../src/conversation/core.js';
import type { Reply } from '../src/conversation/types.js';
import { formatCaseNumber, utcDayKey } from '../src/store/case-number.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore, SQLITE_FILE_NAME } from '../src/store/sqlite-store.js';
import type { CaseStore, NewCase } from '../src/store/store.js';
import { SlaWatch } from '../src/support-desk/sla-watch.js';
import type { SupportDesk } from '../src/support-desk/desk.js';
import { loadDefaultRules } from '../src/triage/index.js';
import { instrumentStore } from '../src/observability/decorators.js';
import { createMetrics, type BotMetrics } from '../src/observability/metrics.js';
import { findPostgresBin, startCluster } from '../test/postgres/cluster.js';

const SIZES = (process.env.DATA_SCALE_SIZES ?? '10000,100000').split(',').map(Number);
const STORES = (process.env.DATA_SCALE_STORES ?? 'sqlite,postgres').split(',');
const TENANTS = 500;
const BUSY = 'tenant-busy';
const DUE_NOW = 100;
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-07T12:00:00.000Z');
/** Midnight UTC, so a day's 2,000 cases (30 s apart) keep their day's number prefix. */
const BASE = Math.floor((NOW - 1_200 * DAY) / DAY) * DAY;
const ADMIN = 'bench-admin';
/** The store's clock: the 200 new cases are opened a minute before the pass, so they are due for their first look. */
const storeClock = (): Date => new Date(NOW - 60_000);

interface Layout {
  readonly size: number;
  readonly busyEvery: number;
}

function layout(size: number): Layout {
  const busy = Math.max(size / 100, Math.min(10_000, size / 10));
  return { size, busyEvery: Math.max(1, Math.round(size / busy)) };
}

/** Case g (1-based) of the fill: the same rule in JS (SQLite) and SQL (PostgreSQL). */
function row(g: number, l: Layout) {
  const day = Math.floor((g - 1) / 2_000);
  const seq = ((g - 1) % 2_000) + 1;
  const created = BASE + day * DAY + seq * 30_000;
  const open = g % 20 === 7;
  const openIndex = Math.floor(g / 20);
  const due = open && openIndex < DUE_NOW;
  // A due case breached an hour ago (opened five hours ago): the SLA clock of a case years old
  // costs more to compute and is not what a pass meets.
  const opened = due ? NOW - 5 * 3_600_000 : created;
  return {
    number: formatCaseNumber(utcDayKey(new Date(created)), seq),
    tenant: Math.floor(g / 20) % l.busyEvery === 0 ? BUSY : `tenant-${g % TENANTS}`,
    created: opened,
    open,
    closedAt: open ? null : created + 3_600_000,
    respondBy: opened + 4 * 3_600_000,
    next: open ? (due ? NOW - 60_000 : NOW + ((g * 7919) % (7 * DAY)) + 60_000) : null,
  };
}

const DESCRIPTION = 'Outbound mail from the whole floor is queued since the connector change this morning; NDR 4.4.7 after two days.';
const CONTACT = { method: 'email', email: 'admin@example.com', language: 'en', timeZone: 'Europe/London' } as const;

function newCase(tenantId: string, i: number): NewCase {
  return {
    tenantId,
    requester: { channel: 'msteams', userId: ADMIN, name: 'Bench Admin' },
    category: 'exchange.mailflow',
    severity: 'B',
    planFamily: 'enterprise',
    title: `Bench case ${i}`,
    description: DESCRIPTION,
    contact: CONTACT,
    affectedUsers: 40,
    conversationReference: { channelId: 'msteams', conversation: { id: `a:${i}` }, serviceUrl: 'https://smba.example/' },
  };
}

async function fillSqlite(dataDir: string, l: Layout): Promise<void> {
  await (await openSqliteStore({ dataDir })).close();
  const db = new Database(join(dataDir, SQLITE_FILE_NAME));
  db.pragma('synchronous = OFF');
  const insert = db.prepare(`
    INSERT INTO cases (number, tenant_id, idempotency_key, requester_channel, requester_user_id, requester_name, category, severity,
      plan_family, title, description, contact_method, contact_email, contact_phone, contact_language, contact_time_zone,
      affected_users_json, status, created_at, updated_at, closed_at, respond_by, owner, conversation_reference_json, extra_json, next_reminder_at)
    VALUES (?, ?, ?, 'msteams', ?, 'Bench Admin', 'exchange.mailflow', 'A', 'enterprise', ?, ?, 'email', 'admin@example.com', NULL, 'en',
      'Europe/London', '40', ?, ?, ?, ?, ?, NULL, '{"channelId":"msteams"}', '{}', ?)`);
  const audit = db.prepare(`INSERT INTO case_audit (case_id, at, actor, action) VALUES (?, ?, ?, 'created')`);
  const batch = db.transaction((from: number, to: number) => {
    for (let g = from; g < to; g++) {
      const r = row(g, l);
      const { lastInsertRowid } = insert.run(r.number, r.tenant, `fill-${g}`, ADMIN, `Bench case ${g}`, DESCRIPTION, r.open ? 'open' : 'closed', r.created, r.closedAt ?? r.created, r.closedAt, r.respondBy, r.next);
      audit.run(lastInsertRowid, r.created, ADMIN);
    }
  });
  for (let from = 1; from <= l.size; from += 10_000) batch(from, Math.min(l.size + 1, from + 10_000));
  db.exec('ANALYZE');
  db.close();
}

async function fillPostgres(url: string, l: Layout): Promise<void> {
  await (await openPostgresStore({ connectionString: url })).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Mirrors row(): day/seq from g, open when g % 20 = 7, busy by (g / 20) % busyEvery.
    await client.query(
      `INSERT INTO cases (number, tenant_id, idempotency_key, requester_channel, requester_user_id, requester_name, category, severity,
         plan_family, title, description, contact_method, contact_email, contact_language, contact_time_zone, affected_users, status,
         created_at, updated_at, closed_at, respond_by, conversation_reference, extra, next_reminder_at)
       SELECT 'SR-' || to_char(c, 'YYMMDD') || '-' || lpad(seq::text, 4, '0'),
         CASE WHEN (g / 20) % $2 = 0 THEN '${BUSY}' ELSE 'tenant-' || (g % ${TENANTS}) END,
         'fill-' || g, 'msteams', '${ADMIN}', 'Bench Admin', 'exchange.mailflow', 'A', 'enterprise', 'Bench case ' || g, $3, 'email',
         'admin@example.com', 'en', 'Europe/London', '40'::jsonb,
         CASE WHEN g % 20 = 7 THEN 'open' ELSE 'closed' END, o,
         CASE WHEN g % 20 = 7 THEN o ELSE c + interval '1 hour' END,
         CASE WHEN g % 20 = 7 THEN NULL ELSE c + interval '1 hour' END,
         o + interval '4 hours', '{"channelId":"msteams"}'::jsonb, '{}'::jsonb,
         CASE WHEN g % 20 <> 7 THEN NULL
              WHEN g / 20 < ${DUE_NOW} THEN $4::timestamptz - interval '1 minute'
              ELSE $4::timestamptz + ((g::bigint * 7919) % ${7 * DAY}) * interval '1 millisecond' + interval '1 minute' END
       FROM generate_series(1, $1::int) AS g,
         LATERAL (SELECT (g - 1) / 2000 AS day, (g - 1) % 2000 + 1 AS seq) AS parts,
         LATERAL (SELECT $5::timestamptz + day * interval '1 day' + seq * interval '30 seconds' AS c) AS t,
         LATERAL (SELECT CASE WHEN g % 20 = 7 AND g / 20 < ${DUE_NOW} THEN $4::timestamptz - interval '5 hours' ELSE c END AS o) AS d`,
      [l.size, l.busyEvery, DESCRIPTION, new Date(NOW), new Date(BASE)],
    );
    await client.query(`INSERT INTO case_audit (case_id, at, actor, action) SELECT id, created_at, '${ADMIN}', 'created' FROM cases`);
    // A table this old has been vacuumed (autovacuum): its visibility map allows index-only counts.
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeEach(n: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function storeTimeBy(metrics: BotMetrics): Promise<string> {
  const histogram = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === 'bot_store_call_duration_seconds');
  const sums = ((histogram?.values ?? []) as { metricName?: string; labels: Record<string, unknown>; value: number }[]).filter((v) => v.metricName?.endsWith('_sum') && v.value > 0);
  return sums.map((v) => `${String(v.labels.operation)} ${(v.value * 1000).toFixed(0)}`).join(', ');
}

const quietDesk = { note: async () => {}, showCase: async () => {} } as unknown as SupportDesk;

/**
 * Polls `url` every 5 ms from a worker thread until told to stop, then posts the longest wait.
 * A worker, so the poller's own fetch work is not counted as the pass's event-loop time.
 */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let done = false, maxWaitMs = 0, polls = 0;
parentPort.once('message', () => { done = true; });
(async () => {
  // Warm (the first fetch of a thread sets up its client), then say so and count from there.
  for (let i = 0; i < 5; i++) await fetch(workerData.url).then((r) => r.text());
  parentPort.postMessage('ready');
  while (!done) {
    const start = performance.now();
    await fetch(workerData.url).then((r) => r.text());
    maxWaitMs = Math.max(maxWaitMs, performance.now() - start);
    polls += 1;
    await new Promise((r) => setTimeout(r, 5));
  }
  parentPort.postMessage({ maxWaitMs, polls });
})();`;

/** A `/healthz` like the server's (one store read), polled every 5 ms while `work` runs. */
async function underHealthPolling<T>(store: CaseStore, work: () => Promise<T>): Promise<{ result: T; maxWaitMs: number; polls: number }> {
  const server = createServer((_req, res) => {
    void store.getTenantSettings('__healthz__').then(() => res.end('ok'), () => res.writeHead(503).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const poller = new Worker(POLLER, { eval: true, workerData: { url: `http://127.0.0.1:${port}/healthz` } });
  const messages: unknown[] = [];
  let wake = (): void => {};
  poller.on('message', (m) => {
    messages.push(m);
    wake();
  });
  const next = async (): Promise<unknown> => {
    while (messages.length === 0) await new Promise<void>((resolve, reject) => ((wake = resolve), poller.once('error', reject)));
    return messages.shift();
  };
  await next(); // ready
  const result = await work();
  poller.postMessage('stop');
  const { maxWaitMs, polls } = (await next()) as { maxWaitMs: number; polls: number };
  await poller.terminate();
  await new Promise((resolve) => server.close(resolve));
  return { result, maxWaitMs, polls };
}

/**
 * The main thread's time on a CPU and waiting in the run queue for one, in ms (Linux's
 * schedstat of this thread): what a shared machine does to an event-loop figure, measured.
 */
function mainThreadSchedule(): { cpuMs: number; waitMs: number } | undefined {
  try {
    const [cpuNs, waitNs] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    return { cpuMs: cpuNs! / 1e6, waitMs: waitNs! / 1e6 };
  } catch {
    return undefined;
  }
}

/** With DATA_SCALE_PROFILE=DIR, a CPU profile of `work` alone (DIR/sla-pass-STORE-SIZE.cpuprofile). */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.DATA_SCALE_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * The first SLA pass of a process pays once for compiling its code and setting up Intl's time
 * zone data (tens of ms); a running server's passes do not. One pass over a small store first.
 */
async function warmUp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'data-scale-warm-'));
  const store = await openSqliteStore({ dataDir: dir, now: () => new Date(NOW - 5 * 3_600_000) });
  try {
    for (let i = 0; i < 150; i++) await store.createCase({ ...newCase('tenant-warm', i), severity: i % 2 === 0 ? 'A' : 'B' }, `warm-${i}`);
    await new SlaWatch({ store, desk: quietDesk, logger: pino({ level: 'silent' }) }).tick(new Date(NOW));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One SLA pass at NOW (the fill's 100 breached cases plus the 200 new ones, due for their first
 * look), under /healthz polling: its event-loop time (main thread, the poller is a worker), its
 * longest block, /healthz's worst wait; then the median of five passes with nothing due.
 */
async function measurePass(store: CaseStore, metrics: BotMetrics, name: string): Promise<Record<string, string>> {
  const due = (await store.listDueForReminder(new Date(NOW), 10_000)).length;
  metrics.storeSeconds.reset();
  const watch = new SlaWatch({ store, desk: quietDesk, now: () => new Date(NOW), logger: pino({ level: 'silent' }) });
  let figures = { wallMs: 0, busyMs: 0, longestMs: 0, cpuMs: Number.NaN, waitMs: Number.NaN };
  const polled = await underHealthPolling(store, async () => {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const elu = performance.eventLoopUtilization();
    const schedule = mainThreadSchedule();
    const start = performance.now();
    const sent = await profiled(`sla-pass-${name}`, () => watch.tick(new Date(NOW)));
    const after = mainThreadSchedule();
    figures = { wallMs: performance.now() - start, busyMs: performance.eventLoopUtilization(elu).active, longestMs: delay.max / 1e6, cpuMs: (after?.cpuMs ?? NaN) - (schedule?.cpuMs ?? NaN), waitMs: (after?.waitMs ?? NaN) - (schedule?.waitMs ?? NaN) };
    delay.disable();
    return sent;
  });
  const storeMs = await storeTimeBy(metrics);
  // What the same polling sees with nothing running: the machine's own share of the wait.
  const quiet = await underHealthPolling(store, () => new Promise((r) => setTimeout(r, 300)));
  const idle = await timeEach(5, () => watch.tick(new Date(NOW)));
  return {
    [`SLA pass (${due} cases due, ${polled.result.length} reminders sent): event-loop time / longest block / wall`]: `${figures.busyMs.toFixed(0)} ms / ${figures.longestMs.toFixed(1)} ms / ${figures.wallMs.toFixed(0)} ms`,
    'SLA pass, main thread: on a CPU / waiting for one (Linux schedstat)': `${figures.cpuMs.toFixed(0)} ms / ${figures.waitMs.toFixed(0)} ms`,
    'store time by operation during the pass (ms)': storeMs,
    'SLA pass with nothing due (median of 5)': `${idle.toFixed(1)} ms`,
    [`/healthz longest wait during the pass (${polled.polls} polls) / over 300 ms with nothing running (${quiet.polls} polls)`]: `${polled.maxWaitMs.toFixed(1)} ms / ${quiet.maxWaitMs.toFixed(1)} ms`,
    'load average (1 min) after the pass': os.loadavg()[0]!.toFixed(1),
  };
}

async function measure(kind: string, open: () => Promise<CaseStore>, l: Layout, fillMs: number): Promise<Record<string, string>> {
  const startupStart = performance.now();
  const raw = await open();
  // Store time per operation during the SLA pass, from the same wrapper /metrics uses.
  const metrics = createMetrics({ instance: 'bench' });
  const store = instrumentStore(raw, metrics);
  const startupMs = performance.now() - startupStart;
  try {
    const numbers = Array.from({ length: 200 }, (_, i) => row(1 + ((i * 104_729) % l.size), l));
    const lookup = await timeEach(numbers.length, (i) => store.getCase(numbers[i]!.tenant, numbers[i]!.number));
    const create = await timeEach(200, (i) => store.createCase(newCase(`tenant-${i % TENANTS}`, i), `bench-new-${i}`));

    const engine = loadDefaultRules();
    const core = createConversationCore({ engine, store, config: loadCoreConfig({ ADMIN_USERS: ADMIN, DEFAULT_PLAN: 'Office 365 E3' }), now: () => new Date(NOW) });
    const renderer = createCardRenderer(loadCardTemplates());
    let replies: Reply[] = [];
    const say = (i: number) => core.handle({ channel: 'msteams', tenantId: BUSY, conversationId: `a:bench-${i}`, user: { id: ADMIN, name: 'Bench Admin' }, text: 'my cases' }).then((r) => (replies = r));
    await say(-1);
    const myCases = await timeEach(20, say);
    const cardBytes = Math.max(...replies.map((r) => Buffer.byteLength(JSON.stringify(renderer.render(r)))));
    const busyOpen = (await store.listCasePage(BUSY, { status: 'open', limit: 1, offset: 0 })).total;

    const pass = await measurePass(store, metrics, `${kind}-${l.size}`);
    return {
      store: kind,
      cases: l.size.toLocaleString('en'),
      fill: `${(fillMs / 1000).toFixed(1)} s`,
      'start-up (open, migrations checked)': `${startupMs.toFixed(0)} ms`,
      'case lookup (median)': `${lookup.toFixed(2)} ms`,
      'new case (median)': `${create.toFixed(2)} ms`,
      [`my cases, busy tenant (${busyOpen.toLocaleString('en')} open), whole core turn (median)`]: `${myCases.toFixed(1)} ms`,
      'my cases Teams card': `${(cardBytes / 1024).toFixed(1)} KB`,
      ...pass,
      RSS: `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
    };
  } finally {
    await store.close();
  }
}

async function run(): Promise<void> {
  const results: Record<string, string>[] = [];
  const bin = STORES.includes('postgres') ? findPostgresBin() : undefined;
  if (STORES.includes('postgres') && !bin) process.stderr.write('PostgreSQL is not installed: measuring SQLite only\n');
  const cluster = bin ? await startCluster(bin, { durable: true }) : undefined;
  await warmUp();
  try {
    for (const size of SIZES) {
      const l = layout(size);
      if (STORES.includes('sqlite')) {
        const dir = mkdtempSync(join(tmpdir(), 'data-scale-'));
        try {
          const start = performance.now();
          await fillSqlite(dir, l);
          results.push(await measure('SQLite', () => openSqliteStore({ dataDir: dir, now: storeClock }), l, performance.now() - start));
          console.log(results.at(-1));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      if (cluster) {
        const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${cluster.port}/postgres` });
        await admin.connect();
        const name = `scale_${size}`;
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const url = `postgres://postgres@127.0.0.1:${cluster.port}/${name}`;
        const start = performance.now();
        await fillPostgres(url, l);
        results.push(await measure('PostgreSQL', () => openPostgresStore({ connectionString: url, now: storeClock }), l, performance.now() - start));
        console.log(results.at(-1));
      }
    }
  } finally {
    cluster?.stop();
  }
  console.log('\n| store | cases | figure | value |\n| --- | --- | --- | --- |');
  for (const r of results) for (const [k, v] of Object.entries(r)) if (k !== 'store' && k !== 'cases') console.log(`| ${r.store} | ${r.cases} | ${k} | ${v} |`);
}

await run();
