/**
 * End-to-end figures for `npm run bench`: four processes on loopback (the server under test, the
 * autocannon load generator, the fake Bot Connector / Slack Web API, and this orchestrator), so
 * the load generator never shares the server's event loop. For Teams and Slack, the real bot and
 * a bare framework echo bot are measured in the same run at 10, 50 and 200 connections; the
 * ratios bot/echo are what to compare (the machine is noisy). Then: RSS after warm-up, the
 * Slack Web API queue against a slow Slack, and `npm start` to a healthy /healthz.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIGNING_SECRET } from './shared.js';

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
let compiled = false;
export function compileServers(): void {
  if (compiled) return;
  execFileSync(process.execPath, [TSC, '-b', 'tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });
  compiled = true;
}

export const CONNECTIONS = [10, 50, 200] as const;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = 3;

export interface LoadPoint {
  readonly requestsPerSecond: number;
  readonly total: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Replies that reached the far end per second (Slack answers 200 before replying). */
  readonly repliesPerSecond?: number;
}

interface Stats {
  rssMb: number;
  heapUsedMb: number;
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
  stop(): Promise<void>;
}

async function startServer(kind: string, farEnd: string): Promise<ServerChild> {
  compileServers();
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), COMPILED_SERVER, kind, farEnd, dataDir], {
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
        const onMessage = (m: Stats & { ready?: boolean }) => {
          if (m.ready) return;
          child.off('message', onMessage);
          resolve(m);
        };
        child.on('message', onMessage);
        child.send('stats');
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

export interface ChannelFigures {
  readonly bot: Record<string, LoadPoint>;
  readonly echo: Record<string, LoadPoint>;
  /** bot/echo: throughput (below 1 = slower), p50 and p99 (above 1 = slower). */
  readonly ratio: Record<string, { readonly throughput: number; readonly p50: number; readonly p99: number }>;
  readonly botRssAfterWarmupMb: number;
  readonly botRssAfterLoadMb: number;
  readonly echoRssAfterWarmupMb: number;
}

export async function measureChannel(channel: 'teams' | 'slack', farEnd: string, log: (line: string) => void): Promise<ChannelFigures> {
  const figures = { bot: {} as Record<string, LoadPoint>, echo: {} as Record<string, LoadPoint>, rss: {} as Record<string, number> };
  for (const which of ['echo', 'bot'] as const) {
    const server = await startServer(`${channel}-${which}`, farEnd);
    try {
      await load(server.url, channel, 10, WARMUP_S, farEnd);
      await sleep(300);
      figures.rss[`${which}Warm`] = (await server.stats()).rssMb;
      for (const connections of CONNECTIONS) {
        const point = await load(server.url, channel, connections, DURATION_S, farEnd);
        figures[which][String(connections)] = point;
        log(`  ${channel} ${which.padEnd(4)} ${String(connections).padStart(3)} conn: ${Math.round(point.requestsPerSecond)} req/s, p50 ${point.p50Ms} ms, p99 ${point.p99Ms} ms, errors ${point.errors + point.timeouts + point.non2xx}`);
        await sleep(500);
      }
      figures.rss[`${which}After`] = (await server.stats()).rssMb;
    } finally {
      await server.stop();
    }
  }
  const ratio: ChannelFigures['ratio'] = {};
  for (const connections of CONNECTIONS) {
    const bot = figures.bot[String(connections)]!;
    const echo = figures.echo[String(connections)]!;
    ratio[String(connections)] = {
      throughput: round2(bot.requestsPerSecond / echo.requestsPerSecond),
      p50: round2(bot.p50Ms / Math.max(echo.p50Ms, 0.5)),
      p99: round2(bot.p99Ms / Math.max(echo.p99Ms, 0.5)),
    };
  }
  return {
    bot: figures.bot,
    echo: figures.echo,
    ratio,
    botRssAfterWarmupMb: Math.round(figures.rss.botWarm ?? 0),
    botRssAfterLoadMb: Math.round(figures.rss.botAfter ?? 0),
    echoRssAfterWarmupMb: Math.round(figures.rss.echoWarm ?? 0),
  };
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
  /** `node dist/main.js` (what `npm start` runs once the build is current) to a healthy /healthz, three times. */
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
  for (let i = 0; i < 3; i++) runs.push(await timeToHealthy(process.execPath, [join(root, 'dist', 'main.js')]));
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
