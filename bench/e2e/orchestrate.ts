/**
 * End-to-end figures for `npm run bench`, in separate processes on loopback: the servers under
 * test (bot and echo), the load generator, the fake far end, and this orchestrator, so the load
 * generator never shares a server's event loop. For Teams and Slack, the real bot and a bare
 * framework echo bot are both running and are loaded in alternation (measureChannel) at 10, 50 and
 * 200 connections; the ratios bot/echo are what to compare (the machine is noisy).
 * Teams: autocannon (load-client.ts) against /api/messages, fake Bot Connector in far-end.ts.
 * Slack: the closed loop of slack-loop.ts, which is also the fake Slack Web API, so it sees each
 * reply (Bolt acks before the listener runs: an HTTP answer is not a turn).
 * Then: RSS, the Slack Web API queue against a slow Slack (open loop, far-end.ts delaying every
 * call), and `npm start` to a healthy /healthz.
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIGNING_SECRET } from './shared.js';
import type { LoopOptions, LoopResult } from './slack-loop.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));
const env = { ...process.env, DOTENV_CONFIG_QUIET: 'true' };
const TSC = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * The servers under test (the bots and the echo floors) run compiled, as `npm start` runs the
 * bot: `tsc -b tsconfig.bench.json` emits src/ and bench/e2e/server.ts with the production
 * compiler settings into .cache/bench-build/, and plain `node` runs it (no tsx in the process).
 */
const COMPILED_SERVER = join(root, '.cache', 'bench-build', 'bench', 'e2e', 'server.js');

/**
 * The Node flags `npm start` gives the bot (package.json), so every server under test, bots and
 * echo floors alike, runs as the product runs: the same heap sizing for both sides of a ratio.
 */
function startNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const flags = /\bnode((?:\s+--\S+)*)\s+dist\/app\/main\.js/.exec(scripts.start ?? '')?.[1];
  if (flags === undefined) throw new Error('package.json: scripts.start no longer runs `node [flags] dist/app/main.js`; update startNodeFlags()');
  return flags.split(/\s+/).filter(Boolean);
}
export const START_FLAGS = startNodeFlags();
/** BENCH_SERVER_NODE_ARGS adds flags to the servers under test, for experiments (--cpu-prof …). */
const NODE_FLAGS = [...START_FLAGS, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];

/**
 * A measurement option, not a speed-up: BENCH_SERVER_CPUS=1 runs the servers under test on CPU 1
 * alone (taskset) and BENCH_LOAD_CPUS=0 this process and what it starts (load generators, far
 * end) on CPU 0, so the load generator does not take CPU time from the server it measures.
 */
const SERVER_CPUS = process.env.BENCH_SERVER_CPUS;
/**
 * BENCH_PROFILE_DIR=DIR writes a profile of each server under test over the measured rounds
 * (not start-up or warm-up) to DIR/<channel>-<bot|echo>.cpuprofile, with the turns it covers in
 * <file>.turns; BENCH_PROFILE=heap a sampling heap profile instead (.heapprofile). Summarise
 * them with bench/profile-summary.ts. Profiling costs CPU: the run's own figures are not figures.
 */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const PROFILE_KIND: 'cpu' | 'heap' = process.env.BENCH_PROFILE === 'heap' ? 'heap' : 'cpu';
if (process.env.BENCH_LOAD_CPUS) execFileSync('taskset', ['-a', '-p', '-c', process.env.BENCH_LOAD_CPUS, String(process.pid)], { stdio: 'ignore' });
const serverCommand = (args: string[]): [string, string[]] => (SERVER_CPUS ? ['taskset', ['-c', SERVER_CPUS, process.execPath, ...args]] : [process.execPath, args]);
let compiled = false;
export function compileServers(): void {
  if (compiled) return;
  execFileSync(process.execPath, [TSC, '-b', 'tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });
  compiled = true;
}

/** BENCH_CONNECTIONS=50 (comma-separated) measures fewer points, for quick experiments. */
export const CONNECTIONS: readonly number[] = process.env.BENCH_CONNECTIONS ? process.env.BENCH_CONNECTIONS.split(',').map(Number) : [10, 50, 200];
/** Seconds each server is loaded per connection count, in total over the rounds. */
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
/** Rounds per connection count (BENCH_ROUNDS): each server is loaded DURATION_S / ROUNDS s per round. */
const ROUNDS = Math.max(1, Math.round(Number(process.env.BENCH_ROUNDS ?? 3)));
const SLICE_S = DURATION_S / ROUNDS;
const PAUSE_MS = 400;
/**
 * Seconds of load before measuring (Teams; for Slack, after the turn per user). A measurement
 * option: V8 keeps optimising a server's functions on its helper threads for many seconds, more
 * for the bot's larger code, and that compilation is counted in the first rounds' CPU per turn.
 */
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 3);
const EXTRA_SLACK_WARMUP_S = process.env.BENCH_WARMUP_S ? WARMUP_S : 0;
/**
 * Slack users per server: each has one turn in the warm-up (users.info, then cached 5 minutes),
 * and the round robin over them keeps each user far below the bot's 30 turns/minute (at 1,500
 * turns/s a user speaks every 3.3 s, 18 times a minute). The identity cache holds 5,000 users.
 */
const SLACK_USERS = 5000;
const POOL_TAG = Date.now().toString(36).slice(-4).toUpperCase();

export interface LoadPoint {
  readonly requestsPerSecond: number;
  readonly total: number;
  /** The seconds `total` was counted over. */
  readonly measuredS: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Open-loop Slack (slow Slack): replies that reached the far end per second (Bolt answers 200 before replying). */
  readonly repliesPerSecond?: number;
  /** Closed-loop Slack: chat.postMessage calls per completed turn (1: one message per complaint). */
  readonly repliesPerTurn?: number;
  /** Closed-loop Slack: chat.postMessage calls for a DM without a turn in progress. */
  readonly extraReplies?: number;
  /** Closed-loop Slack: users.info calls (0 while the identity cache is warm). */
  readonly usersInfo?: number;
  /** CPU time (user + system) the server under test spent per completed turn: the cost of a turn, whatever the machine's noise. */
  readonly cpuUsPerTurn?: number;
  /** Of which garbage collection pauses on the main thread. */
  readonly gcUsPerTurn?: number;
  /** Of which the main thread (the rest: GC helper threads, libuv's pool), where /proc tells. */
  readonly mainCpuUsPerTurn?: number;
  /** Of which V8's platform threads (concurrent marking, parallel scavenge, background compilation, sweeping). */
  readonly platformCpuUsPerTurn?: number;
  /** Of which libuv's thread pool, and threads started after start-up. */
  readonly poolCpuUsPerTurn?: number;
}

interface Stats {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  cpuUs: number;
  mainCpuUs?: number;
  platformCpuUs?: number;
  poolCpuUs?: number;
  laterCpuUs?: number;
  gcUs: number;
  slackQueue?: { running: number; queued: number; refused: number; activeEvents: number };
}

function waitForLine(child: ChildProcess, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no output from child: ${out}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.trim().startsWith('{'));
      if (line && out.includes('\n')) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
}

export async function startFarEnd(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', here('far-end.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const { url } = JSON.parse(await waitForLine(child)) as { url: string };
  return { url, child };
}

interface ServerChild {
  readonly url: string;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  stats(): Promise<Stats>;
  /** Starts a profile (no file) or writes it to `file` (see BENCH_PROFILE_DIR). */
  profile(kind: 'cpu' | 'heap', file?: string): Promise<void>;
  stop(): Promise<void>;
}

async function startServer(kind: string, farEnd: string): Promise<ServerChild> {
  compileServers();
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const [command, args] = serverCommand([...NODE_FLAGS, COMPILED_SERVER, kind, farEnd, dataDir]);
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} exited ${code}: ${stderr}`)));
    child.on('message', (m: { ready?: boolean; url?: string }) => m.ready && m.url && resolve(m.url));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    stats: () =>
      new Promise((resolve) => {
        const onMessage = (m: Stats & { ready?: boolean; profiled?: boolean }) => {
          if (m.ready || m.profiled) return;
          child.off('message', onMessage);
          resolve(m);
        };
        child.on('message', onMessage);
        child.send('stats');
      }),
    profile: (profile, file) =>
      new Promise((resolve) => {
        const onMessage = (m: { profiled?: boolean }) => {
          if (!m.profiled) return;
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
        child.send({ profile, ...(file ? { file } : {}) });
      }),
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let seedCounter = 0;
async function load(url: string, channel: 'teams' | 'slack', connections: number, durationS: number, farEnd: string): Promise<LoadPoint> {
  seedCounter += 1;
  const options = { url, channel, connections, durationS, serviceUrl: `${farEnd}/`, secret: SIGNING_SECRET, seed: `s${seedCounter}x${Date.now() % 100000}`, users: 5000 };
  const before = await farEndCounts(farEnd);
  const child = spawn(process.execPath, ['--import', 'tsx', here('load-client.ts'), JSON.stringify(options)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await waitForLine(child, (durationS + 60) * 1000);
  const after = await farEndCounts(farEnd);
  const point = JSON.parse(line) as LoadPoint;
  const replies = (after['chat.postMessage'] ?? 0) - (before['chat.postMessage'] ?? 0);
  return channel === 'slack' ? { ...point, repliesPerSecond: Math.round(replies / durationS) } : point;
}

async function farEndCounts(farEnd: string): Promise<Record<string, number>> {
  const res = await fetch(`${farEnd}/__stats`);
  return ((await res.json()) as { counts: Record<string, number> }).counts;
}

async function farEndConfig(farEnd: string, config: { delayMs?: number; reset?: boolean }): Promise<void> {
  await fetch(`${farEnd}/__config`, { method: 'POST', body: JSON.stringify(config) });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Ratio {
  /** bot/echo throughput: below 1 = the bot is slower. */
  readonly throughput: number;
  /** bot/echo latency: above 1 = the bot is slower. */
  readonly p50: number;
  readonly p99: number;
}

export interface Round {
  readonly echo: LoadPoint;
  readonly bot: LoadPoint;
  readonly ratio: Ratio;
}

export interface ChannelFigures {
  /** How a point is measured (Teams: autocannon; Slack: the closed loop of slack-loop.ts). */
  readonly method: string;
  /** Rounds per connection point and the seconds each server is loaded per round. */
  readonly roundsPerPoint: number;
  readonly sliceS: number;
  /** Per connection count, the rounds combined: throughput = total / time, p50 and p99 = median of the rounds, max = max, errors summed. */
  readonly bot: Record<string, LoadPoint>;
  readonly echo: Record<string, LoadPoint>;
  /** Per connection count: the median of the rounds' paired bot/echo ratios. */
  readonly ratio: Record<string, Ratio>;
  readonly rounds: Record<string, readonly Round[]>;
  readonly botRssAfterWarmupMb: number;
  /** V8 heap in use at the same moments as the RSS figures (botWarm, echoWarm, botAfter, echoAfter). */
  readonly heapUsedMb: Readonly<Record<string, number>>;
  readonly botRssAfterLoadMb: number;
  readonly echoRssAfterWarmupMb: number;
  readonly echoRssAfterLoadMb: number;
  /** Turns the bot refused with its per-user rate limit (must be 0: the user pool is sized for it). */
  readonly botRateLimited: number;
  /** Slack: the warm-up, one turn per user of the pool (the identity cache is warm afterwards). */
  readonly warmup?: { readonly users: number; readonly echo: LoadPoint; readonly bot: LoadPoint };
}

/**
 * The Slack closed-loop generator and fake Slack Web API (slack-loop.ts), forked once per Slack
 * measurement; both Slack servers under test call its Web API.
 */
interface SlackLoop {
  readonly url: string;
  run(options: LoopOptions): Promise<LoadPoint>;
  stop(): Promise<void>;
}

async function startSlackLoop(): Promise<SlackLoop> {
  const child = fork(here('slack-loop.ts'), [], { cwd: root, env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`slack-loop exited ${code}`)));
    child.on('message', (m: { ready?: boolean; url?: string }) => m.ready && m.url && resolve(m.url));
  });
  let nextId = 0;
  return {
    url,
    run: (options) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        const onMessage = (m: { id?: number; result?: LoopResult; error?: string }) => {
          if (m.id !== id) return;
          child.off('message', onMessage);
          if (m.result) resolve(m.result);
          else reject(new Error(`slack-loop: ${m.error}`));
        };
        child.on('message', onMessage);
        child.send({ id, run: options });
      }),
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function ratioOf(bot: LoadPoint, echo: LoadPoint): Ratio {
  return {
    throughput: round2(bot.requestsPerSecond / Math.max(echo.requestsPerSecond, 0.001)),
    p50: round2(bot.p50Ms / Math.max(echo.p50Ms, 0.5)),
    p99: round2(bot.p99Ms / Math.max(echo.p99Ms, 0.5)),
  };
}

/** The rounds of one server at one connection count, combined. */
function combine(points: readonly LoadPoint[]): LoadPoint {
  const sum = (pick: (p: LoadPoint) => number) => points.reduce((acc, p) => acc + pick(p), 0);
  const total = sum((p) => p.total);
  const measuredS = Math.round(sum((p) => p.measuredS) * 100) / 100;
  // Per-turn figures are weighted by the turns of each round, and kept only when every round has them.
  const weighted = (pick: (p: LoadPoint) => number | undefined) => sum((p) => (pick(p) ?? 0) * p.total) / total;
  const cpu = total > 0 && points.every((p) => p.cpuUsPerTurn !== undefined);
  const mainThread = cpu && points.every((p) => p.mainCpuUsPerTurn !== undefined);
  const replies = points.every((p) => p.repliesPerTurn !== undefined);
  return {
    requestsPerSecond: Math.round((total / measuredS) * 10) / 10,
    total,
    measuredS,
    p50Ms: Math.round(median(points.map((p) => p.p50Ms)) * 10) / 10,
    p99Ms: Math.round(median(points.map((p) => p.p99Ms)) * 10) / 10,
    maxMs: Math.max(...points.map((p) => p.maxMs)),
    errors: sum((p) => p.errors),
    timeouts: sum((p) => p.timeouts),
    non2xx: sum((p) => p.non2xx),
    ...(cpu ? { cpuUsPerTurn: Math.round(weighted((p) => p.cpuUsPerTurn)), gcUsPerTurn: Math.round(weighted((p) => p.gcUsPerTurn)) } : {}),
    ...(mainThread
      ? {
          mainCpuUsPerTurn: Math.round(weighted((p) => p.mainCpuUsPerTurn)),
          platformCpuUsPerTurn: Math.round(weighted((p) => p.platformCpuUsPerTurn)),
          poolCpuUsPerTurn: Math.round(weighted((p) => p.poolCpuUsPerTurn)),
        }
      : {}),
    ...(replies
      ? {
          repliesPerTurn: total > 0 ? Math.round(weighted((p) => p.repliesPerTurn) * 1000) / 1000 : 0,
          extraReplies: sum((p) => p.extraReplies ?? 0),
          usersInfo: sum((p) => p.usersInfo ?? 0),
        }
      : {}),
  };
}

export const errorsOf = (p: LoadPoint): number => p.errors + p.timeouts + p.non2xx;

/**
 * One channel, bot against echo. Both servers are started up front and warmed up; then, per
 * connection count, ROUNDS rounds in which each server is loaded for DURATION_S / ROUNDS seconds,
 * in the order echo, bot, bot, echo, echo, bot … (ABBA: a slow phase of this noisy 2-core machine,
 * or a drift, hits both), with a short pause between loads. The ratio per connection count is the
 * median of the rounds' paired ratios.
 * Teams: autocannon (load-client.ts); botbuilder answers the HTTP request only after the turn's
 * replies were posted to the connector, so the HTTP latency is the turn latency.
 * Slack: the closed loop of slack-loop.ts (event sent → reply at the fake Web API), one fixed pool
 * of SLACK_USERS users per server, each given one turn first so the identity cache is warm.
 */
export async function measureChannel(channel: 'teams' | 'slack', farEnd: string, log: (line: string) => void): Promise<ChannelFigures> {
  const slackLoop = channel === 'slack' ? await startSlackLoop() : undefined;
  const apiEnd = slackLoop?.url ?? farEnd;
  const servers: Partial<Record<'echo' | 'bot', ServerChild>> = {};
  try {
    servers.echo = await startServer(`${channel}-echo`, apiEnd);
    servers.bot = await startServer(`${channel}-bot`, apiEnd);
    const pools = { echo: `E${POOL_TAG}`, bot: `B${POOL_TAG}` };
    const measure = async (which: 'echo' | 'bot', connections: number, seconds: number): Promise<LoadPoint> => {
      const before = await servers[which]!.stats();
      const point = slackLoop
        ? await slackLoop.run({ target: servers[which]!.url, pool: pools[which], users: SLACK_USERS, connections, durationS: seconds })
        : await load(servers[which]!.url, channel, connections, seconds, farEnd);
      const after = await servers[which]!.stats();
      const perTurn = (us: number) => (point.total > 0 ? Math.round(us / point.total) : 0);
      const delta = (pick: (s: Stats) => number | undefined) => (pick(after) ?? 0) - (pick(before) ?? 0);
      const main =
        after.mainCpuUs !== undefined && before.mainCpuUs !== undefined
          ? {
              mainCpuUsPerTurn: perTurn(delta((s) => s.mainCpuUs)),
              platformCpuUsPerTurn: perTurn(delta((s) => s.platformCpuUs)),
              poolCpuUsPerTurn: perTurn(delta((s) => s.poolCpuUs) + delta((s) => s.laterCpuUs)),
            }
          : {};
      return { ...point, cpuUsPerTurn: perTurn(after.cpuUs - before.cpuUs), gcUsPerTurn: perTurn(after.gcUs - before.gcUs), ...main };
    };

    const rss: Record<string, number> = {};
    const heap: Record<string, number> = {};
    const warm: Partial<Record<'echo' | 'bot', LoadPoint>> = {};
    for (const which of ['echo', 'bot'] as const) {
      if (slackLoop) {
        warm[which] = await slackLoop.run({ target: servers[which]!.url, pool: pools[which], users: SLACK_USERS, connections: 50, turns: SLACK_USERS });
        log(`  ${channel} ${which.padEnd(4)} warm-up: ${SLACK_USERS} users, one turn each, ${warm[which]!.requestsPerSecond} turns/s, errors ${errorsOf(warm[which]!)}`);
        if (EXTRA_SLACK_WARMUP_S > 0) await slackLoop.run({ target: servers[which]!.url, pool: pools[which], users: SLACK_USERS, connections: 50, durationS: EXTRA_SLACK_WARMUP_S });
      } else {
        await load(servers[which]!.url, channel, 10, WARMUP_S, farEnd);
      }
      await sleep(300);
      const warmStats = await servers[which]!.stats();
      rss[`${which}Warm`] = warmStats.rssMb;
      heap[`${which}Warm`] = warmStats.heapUsedMb;
      log(`  ${channel} ${which.padEnd(4)} after warm-up: RSS ${Math.round(warmStats.rssMb)} MB, V8 heap ${Math.round(warmStats.heapUsedMb)} MB in use of ${Math.round(warmStats.heapTotalMb)} MB, external ${Math.round(warmStats.externalMb)} MB`);
    }

    const profiled = PROFILE_DIR ? { echo: 0, bot: 0 } : undefined;
    for (const which of ['echo', 'bot'] as const) if (profiled) await servers[which]!.profile(PROFILE_KIND);
    const rounds: Record<string, Round[]> = {};
    for (const connections of CONNECTIONS) {
      const list: Round[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const order = r % 2 === 0 ? (['echo', 'bot'] as const) : (['bot', 'echo'] as const);
        const got: Partial<Record<'echo' | 'bot', LoadPoint>> = {};
        for (const which of order) {
          got[which] = await measure(which, connections, SLICE_S);
          await sleep(PAUSE_MS);
        }
        const round: Round = { echo: got.echo!, bot: got.bot!, ratio: ratioOf(got.bot!, got.echo!) };
        if (profiled) for (const which of ['echo', 'bot'] as const) profiled[which] += got[which]!.total;
        list.push(round);
        const show = (p: LoadPoint) => `${Math.round(p.requestsPerSecond)}/s p50 ${p.p50Ms} p99 ${p.p99Ms} err ${errorsOf(p)} cpu ${p.cpuUsPerTurn} µs/turn (main thread ${p.mainCpuUsPerTurn ?? '?'}, V8 threads ${p.platformCpuUsPerTurn ?? '?'}, libuv ${p.poolCpuUsPerTurn ?? '?'}, gc ${p.gcUsPerTurn})`;
        log(`  ${channel} ${String(connections).padStart(3)} conn, round ${r + 1}/${ROUNDS}: bot ${show(round.bot)} | echo ${show(round.echo)} | ratio ${round.ratio.throughput}, p50 ${round.ratio.p50}`);
      }
      rounds[String(connections)] = list;
    }
    if (profiled) {
      for (const which of ['echo', 'bot'] as const) {
        const file = join(PROFILE_DIR!, `${channel}-${which}.${PROFILE_KIND}profile`);
        await servers[which]!.profile(PROFILE_KIND, file);
        writeFileSync(`${file}.turns`, String(profiled[which]));
        log(`  ${channel} ${which} profile of ${profiled[which]} turns: ${file}`);
      }
    }
    const botAfter = await servers.bot.stats();
    const echoAfter = await servers.echo.stats();
    rss.botAfter = botAfter.rssMb;
    rss.echoAfter = echoAfter.rssMb;
    heap.botAfter = botAfter.heapUsedMb;
    heap.echoAfter = echoAfter.heapUsedMb;

    const bot: Record<string, LoadPoint> = {};
    const echo: Record<string, LoadPoint> = {};
    const ratio: Record<string, Ratio> = {};
    for (const connections of CONNECTIONS) {
      const list = rounds[String(connections)]!;
      bot[String(connections)] = combine(list.map((r) => r.bot));
      echo[String(connections)] = combine(list.map((r) => r.echo));
      ratio[String(connections)] = {
        throughput: round2(median(list.map((r) => r.ratio.throughput))),
        p50: round2(median(list.map((r) => r.ratio.p50))),
        p99: round2(median(list.map((r) => r.ratio.p99))),
      };
    }
    return {
      method: slackLoop
        ? `closed loop (slack-loop.ts): each connection a user sending a signed DM event and waiting for its chat.postMessage; ${SLACK_USERS} users per server, warmed up`
        : 'autocannon (load-client.ts): the HTTP answer comes after the replies reached the connector',
      roundsPerPoint: ROUNDS,
      sliceS: round2(SLICE_S),
      bot,
      echo,
      ratio,
      rounds,
      botRssAfterWarmupMb: Math.round(rss.botWarm ?? 0),
      botRssAfterLoadMb: Math.round(rss.botAfter ?? 0),
      heapUsedMb: Object.fromEntries(Object.entries(heap).map(([k, v]) => [k, Math.round(v)])),
      echoRssAfterWarmupMb: Math.round(rss.echoWarm ?? 0),
      echoRssAfterLoadMb: Math.round(rss.echoAfter ?? 0),
      botRateLimited: servers.bot.stderr().split('"msg":"rate limited"').length - 1,
      ...(warm.echo && warm.bot ? { warmup: { users: SLACK_USERS, echo: warm.echo, bot: warm.bot } } : {}),
    };
  } finally {
    await servers.echo?.stop();
    await servers.bot?.stop();
    await slackLoop?.stop();
  }
}

export interface SlowSlackFigures {
  readonly delayMs: number;
  readonly connections: number;
  readonly durationS: number;
  readonly rssMb: readonly number[];
  readonly heapUsedMb: readonly number[];
  readonly maxQueued: number;
  readonly maxActiveEvents: number;
  readonly refused: number;
  readonly queueFullLogged: boolean;
  readonly load: LoadPoint;
}

/** The Slack bot at 200 connections while Slack answers every call after `delayMs`: memory and the queue must stay flat. */
async function measureSlowSlack(farEnd: string): Promise<SlowSlackFigures> {
  const delayMs = 2_000;
  const server = await startServer('slack-bot', farEnd);
  const rss: number[] = [];
  const heap: number[] = [];
  let maxQueued = 0;
  let maxActive = 0;
  let refused = 0;
  try {
    await load(server.url, 'slack', 10, WARMUP_S, farEnd);
    await farEndConfig(farEnd, { delayMs });
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const s = await server.stats();
        rss.push(Math.round(s.rssMb));
        heap.push(Math.round(s.heapUsedMb));
        maxQueued = Math.max(maxQueued, s.slackQueue?.queued ?? 0);
        maxActive = Math.max(maxActive, s.slackQueue?.activeEvents ?? 0);
        refused = s.slackQueue?.refused ?? refused;
        await sleep(1_000);
      }
    })();
    const point = await load(server.url, 'slack', 200, DURATION_S * 2, farEnd);
    sampling = false;
    await sampler;
    return { delayMs, connections: 200, durationS: DURATION_S * 2, rssMb: rss, heapUsedMb: heap, maxQueued, maxActiveEvents: maxActive, refused, queueFullLogged: server.stderr().includes('Slack call queue full') || server.stderr().includes('Slack overloaded'), load: point };
  } finally {
    await farEndConfig(farEnd, { delayMs: 0 });
    await server.stop();
  }
}

export interface StartupFigures {
  /** `node <flags> dist/app/main.js` (what `npm start` runs once the build is current) to a healthy /healthz, three times. */
  readonly runs: readonly number[];
  readonly medianMs: number;
  /** `npm start` with dist/ already current: the build's up-to-date check plus the start. */
  readonly npmStartMs: number;
  /** A build from nothing (tsc into a temporary folder), as on a fresh clone. */
  readonly cleanBuildMs: number;
  /** `npm run build` when nothing changed. */
  readonly upToDateBuildMs: number;
}

/** Spawns a command (in its own process group) until GET /healthz answers 200; the milliseconds it took. */
async function timeToHealthy(command: string, args: readonly string[]): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env: { ...env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  try {
    let url: string | undefined;
    for (;;) {
      if (performance.now() - started > 60_000) throw new Error(`${command} ${args.join(' ')} did not get healthy: ${out}`);
      url ??= /listening on (http:\/\/localhost:\d+)\//.exec(out)?.[1];
      if (url) {
        const ok = await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false);
        if (ok) break;
      }
      await sleep(10);
    }
    return Math.round(performance.now() - started);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return Math.round(performance.now() - started);
}

/** The build (clean and up to date), then the compiled server to a healthy /healthz, and `npm start` once. */
async function measureStartup(): Promise<StartupFigures> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-build-'));
  let cleanBuildMs: number;
  try {
    cleanBuildMs = timed(() => execFileSync(process.execPath, [TSC, '-p', 'tsconfig.build.json', '--outDir', scratch, '--tsBuildInfoFile', join(scratch, '.tsbuildinfo')], { cwd: root, stdio: 'inherit' }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const upToDateBuildMs = timed(() => execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }));
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await timeToHealthy(process.execPath, [...START_FLAGS, join(root, 'dist', 'app', 'main.js')]));
  const npmStartMs = await timeToHealthy('npm', ['start', '--silent']);
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, medianMs: sorted[1]!, npmStartMs, cleanBuildMs, upToDateBuildMs };
}

export interface EndToEndFigures {
  readonly durationS: number;
  readonly teams: ChannelFigures;
  readonly slack: ChannelFigures;
  readonly slowSlack: SlowSlackFigures;
  readonly startup: StartupFigures;
}

export async function runEndToEnd(log: (line: string) => void = (line) => console.log(line)): Promise<EndToEndFigures> {
  const farEnd = await startFarEnd();
  try {
    log('end to end (each point ' + DURATION_S + ' s):');
    const teams = await measureChannel('teams', farEnd.url, log);
    const slack = await measureChannel('slack', farEnd.url, log);
    log('  slow Slack (2 s per Web API call), 200 connections ...');
    const slowSlack = await measureSlowSlack(farEnd.url);
    log('  npm start to healthy /healthz ...');
    const startup = await measureStartup();
    return { durationS: DURATION_S, teams, slack, slowSlack, startup };
  } finally {
    farEnd.child.kill('SIGTERM');
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
