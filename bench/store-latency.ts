/**
 * New-case and lookup latency of both stores, one call at a time and 16 at once:
 * `npx tsx bench/store-latency.ts [cases]`. PostgreSQL runs in a throwaway local cluster with
 * fsync on (as in production), over loopback TCP; SQLite in a temp folder (WAL, synchronous NORMAL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { CaseStore, NewCase } from '../src/store/store.js';
import { findPostgresBin, startCluster } from '../test/postgres/cluster.js';

const CASES = Number(process.argv[2] ?? 1_000);
const CONCURRENCY = 16;

function newCase(i: number): NewCase {
  return {
    tenantId: `tenant-${i % 20}`,
    requester: { channel: 'msteams', userId: `user-${i % 200}`, name: 'Bench User' },
    category: 'exchange.mailflow',
    severity: 'B',
    planFamily: 'enterprise',
    title: `Bench case ${i}`,
    description: 'Outbound mail is queued for the whole floor since this morning.',
    contact: { method: 'email', email: 'bench@example.com', language: 'en', timeZone: 'Europe/London' },
    affectedUsers: 40,
    conversationReference: { channelId: 'msteams', conversation: { id: `a:${i}` }, serviceUrl: 'https://smba.example/' },
  };
}

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`;
}

async function timed<T>(work: () => Promise<T>, samples: number[]): Promise<T> {
  const start = performance.now();
  const result = await work();
  samples.push(performance.now() - start);
  return result;
}

async function measure(name: string, store: CaseStore): Promise<void> {
  const create: number[] = [];
  const lookup: number[] = [];
  const numbers: { tenantId: string; number: string }[] = [];
  for (let i = 0; i < CASES; i++) {
    const { case: c } = await timed(() => store.createCase(newCase(i), `bench-${i}`), create);
    numbers.push({ tenantId: c.tenantId, number: c.number });
  }
  for (const { tenantId, number } of numbers) await timed(() => store.getCase(tenantId, number), lookup);
  const started = performance.now();
  let next = CASES;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CASES * 2) {
        const i = next++;
        await store.createCase(newCase(i), `bench-${i}`);
      }
    }),
  );
  const perSecond = (CASES / ((performance.now() - started) / 1_000)).toFixed(0);
  console.log(`${name}: new case ${percentiles(create)}; lookup ${percentiles(lookup)}; ${perSecond} new cases/s with ${CONCURRENCY} at once`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'store-bench-'));
const sqlite = await openSqliteStore({ dataDir, outboxTargets: ['support-desk', 'webhook'] });
await measure('SQLite    ', sqlite);
await sqlite.close();
rmSync(dataDir, { recursive: true, force: true });

const bin = findPostgresBin();
if (!bin) {
  console.log('PostgreSQL: not installed, skipped');
} else {
  const cluster = await startCluster(bin, { durable: true });
  try {
    console.log(`PostgreSQL cluster started in ${cluster.startMs.toFixed(0)} ms (initdb + pg_ctl start)`);
    const url = `postgres://postgres@127.0.0.1:${cluster.port}/postgres`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const postgres = await openPostgresStore({ connectionString: url.replace(/postgres$/, 'bench'), outboxTargets: ['support-desk', 'webhook'] });
    await measure('PostgreSQL', postgres);
    await postgres.close();
  } finally {
    cluster.stop();
  }
}
