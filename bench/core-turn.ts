/**
 * The conversation core's CPU and allocation per Teams turn, in one process (no HTTP, no Bot
 * Connector): a Teams message activity → inbound.ts → core.handle() (SQLite file store, the
 * default rules) → each reply rendered to its Adaptive Card attachment, as the Teams bot does.
 * Turns run in waves of CONCURRENCY (the benchmark's 50 connections, so the store's group commit
 * batches as it does under load) over USERS users, each user's conversation kept in the store.
 *
 *   npx tsx bench/core-turn.ts [rounds=15] [turnsPerRound=3000]
 *   node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/core-turn.ts   (a profile of the run)
 *   CORE_TURN_PARTS=off: no timing wrappers (each wrapped call costs two getrusage calls, ~1 µs)
 *   CORE_TURN_HEAP_PROFILE=FILE: a sampling heap profile of the measured rounds that keeps the
 *     objects already collected (what a turn allocates, not what stays), for DevTools
 *
 * Prints one JSON line: CPU per turn (process.cpuUsage, median of the rounds and the lowest),
 * bytes allocated per turn (V8's heap statistics around each collection, GCProfiler), GC pause
 * per turn, and the CPU time per turn spent in each part (median of the rounds): the Teams
 * inbound, the store's read, the triage engine, the save (the state's serialisation), the group
 * commit, the card rendering; `rest` is the CPU per turn less these parts (the core's own work,
 * promises, GC).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import type { Activity } from 'botbuilder';
import { pino } from 'pino';
import { countAllocation } from './allocation.js';
import { COMPLAINTS } from './e2e/slack-fixtures.js';
import { createCardRenderer, loadCardTemplates } from '../src/channels/teams/index.js';
import { activityToTurn } from '../src/channels/teams/inbound.js';
import { loadCoreConfig } from '../src/conversation/config.js';
import { createConversationCore } from '../src/conversation/core.js';
import { openSqliteStore, type CaseStore } from '../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../src/triage/index.js';

const ROUNDS = Number(process.argv[2] ?? 15);
const TURNS = Number(process.argv[3] ?? 3000);
const CONCURRENCY = 50;
const USERS = 5000;
const WARM_UP_TURNS = 2 * USERS;
const PARTS = process.env.CORE_TURN_PARTS !== 'off';

const parts = { inbound: 0, read: 0, triage: 0, save: 0, commit: 0, render: 0 };
type Part = keyof typeof parts;

function timed<A extends unknown[], R>(part: Part, fn: (...args: A) => R): (...args: A) => R {
  if (!PARTS) return fn;
  return (...args: A): R => {
    const started = process.cpuUsage();
    try {
      return fn(...args);
    } finally {
      const spent = process.cpuUsage(started);
      parts[part] += spent.user + spent.system;
    }
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'core-turn-'));
const engine: TriageEngine = loadDefaultRules();
const store: CaseStore = await openSqliteStore({ dataDir });
if (PARTS) {
  // The group commit runs in the store's own transaction object: a bench-only look at our own
  // class's field, to time the commit apart from the turn that queued it.
  const inside = store as unknown as { saveTurnsTx: { immediate: (...args: unknown[]) => unknown } };
  const tx = inside.saveTurnsTx;
  inside.saveTurnsTx = { immediate: timed('commit', tx.immediate.bind(tx)) };
}
const measuredStore: CaseStore = Object.assign(Object.create(store) as CaseStore, {
  readTurn: timed('read', store.readTurn.bind(store)),
  saveTurn: timed('save', store.saveTurn.bind(store)),
});
const measuredEngine: TriageEngine = Object.assign(Object.create(engine) as TriageEngine, { triage: timed('triage', engine.triage.bind(engine)) });
const config = loadCoreConfig({ DEFAULT_PLAN: 'Office 365 E3', ADMIN_USERS: '*' });
const core = createConversationCore({ engine: measuredEngine, store: measuredStore, config, logger: pino({ level: 'warn' }) });
const renderer = createCardRenderer(loadCardTemplates());
const inbound = timed('inbound', activityToTurn);
const render = timed('render', renderer.attachment);

let n = 0;
/** A personal-chat message as the load client sends it (bench/e2e/load-client.ts). */
function activity(): Partial<Activity> {
  n += 1;
  const user = `u${n % USERS}`;
  return {
    type: 'message',
    id: `m-${n}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:${user}`, name: `User ${user}`, aadObjectId: `aad-${user}` },
    conversation: { id: `a:${user}`, conversationType: 'personal', tenantId: 'bench-tenant', isGroup: false, name: '' },
    recipient: { id: '28:bot', name: 'Triage Bot' },
    locale: 'en-US',
    text: COMPLAINTS[n % COMPLAINTS.length],
    textFormat: 'plain',
    channelData: { tenant: { id: 'bench-tenant' } },
  };
}

async function oneTurn(): Promise<number> {
  const routed = inbound(activity());
  if (!routed) throw new Error('the activity was not routed to the core');
  const replies = await core.handle(routed.turn);
  let cards = 0;
  for (const reply of replies) if (render(reply).content) cards += 1;
  return cards;
}

async function runTurns(count: number): Promise<void> {
  for (let done = 0; done < count; done += CONCURRENCY) {
    const wave: Promise<number>[] = [];
    for (let i = 0; i < Math.min(CONCURRENCY, count - done); i++) wave.push(oneTurn());
    const cards = await Promise.all(wave);
    if (cards.some((c) => c === 0)) throw new Error('a turn produced no card');
  }
}

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

/** Bytes allocated while `run` ran (bench/allocation.ts). */
async function allocatedDuring(run: () => Promise<void>): Promise<number> {
  const stop = countAllocation();
  await run();
  return stop();
}

await runTurns(WARM_UP_TURNS);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round1 = (value: number) => Math.round(value * 10) / 10;

const heapProfile = process.env.CORE_TURN_HEAP_PROFILE;
const inspector = heapProfile ? new Session() : undefined;
if (inspector) {
  inspector.connect();
  await inspector.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}

const cpuPerTurn: number[] = [];
const bytesPerTurn: number[] = [];
const gcPerTurn: number[] = [];
const partsPerTurn: Record<Part, number[]> = { inbound: [], read: [], triage: [], save: [], commit: [], render: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const part of Object.keys(parts) as Part[]) parts[part] = 0;
  const gcBefore = gcMs;
  const cpuBefore = process.cpuUsage();
  const bytes = await allocatedDuring(() => runTurns(TURNS));
  const cpu = process.cpuUsage(cpuBefore);
  cpuPerTurn.push((cpu.user + cpu.system) / TURNS);
  bytesPerTurn.push(bytes / TURNS);
  gcPerTurn.push(((gcMs - gcBefore) * 1000) / TURNS);
  for (const part of Object.keys(parts) as Part[]) partsPerTurn[part].push(parts[part] / TURNS);
}

if (inspector && heapProfile) {
  const { profile } = await inspector.post('HeapProfiler.stopSampling');
  writeFileSync(heapProfile, JSON.stringify(profile));
  inspector.disconnect();
}

const partMedians = Object.fromEntries((Object.keys(parts) as Part[]).map((part) => [part, round1(median(partsPerTurn[part]))])) as Record<Part, number>;
const measuredParts = Object.values(partMedians).reduce((a, b) => a + b, 0);
process.stdout.write(
  JSON.stringify({
    rounds: ROUNDS,
    turnsPerRound: TURNS,
    cpuUsPerTurn: round1(median(cpuPerTurn)),
    cpuUsPerTurnLowest: round1(Math.min(...cpuPerTurn)),
    bytesPerTurn: Math.round(median(bytesPerTurn)),
    gcUsPerTurn: round1(median(gcPerTurn)),
    ...(PARTS ? { partsUs: { ...partMedians, rest: round1(median(cpuPerTurn) - measuredParts) } } : {}),
  }) + '\n',
);
await store.close();
rmSync(dataDir, { recursive: true, force: true });
