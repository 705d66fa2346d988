/**
 * `npm run bench`: figures, never a pass/fail. Triage throughput and per-message latency over
 * the dev set repeated to at least 10,000 messages, plus cold start-up and memory.
 * Then end to end over HTTP (bench/e2e/): Teams and Slack, the real bot against a bare echo
 * bot at 10/50/200 connections (both compiled, run by plain node as in production), RSS, a slow
 * Slack, the build time, and the compiled server (`npm start`) to a healthy /healthz.
 * Results go to bench/results.json (merged by key) and a table on stdout.
 * BENCH_E2E=off runs the triage part only; BENCH_DURATION_S sets the seconds per load point.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDefaultRules } from '../src/triage/index.js';
import { CONNECTIONS, runEndToEnd, type ChannelFigures } from './e2e/orchestrate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const MIN_MESSAGES = 10_000;
const engine = loadDefaultRules();
// The shared dev set when it is beside the project; otherwise the intents' own examples.
const devSet = new URL('../../shared/support/dev-set.jsonl', import.meta.url);
const sourceName = existsSync(devSet) ? 'shared/support/dev-set.jsonl' : 'intents/ examples';
const messages = existsSync(devSet)
  ? readFileSync(devSet, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text)
  : engine.intents.flatMap((intent) => intent.examples);
for (const text of messages) engine.triage(text); // warm caches and JIT

const rounds = Math.ceil(MIN_MESSAGES / messages.length);
const latencies: number[] = [];
const started = performance.now();
for (let round = 0; round < rounds; round++) {
  for (const text of messages) {
    const t0 = performance.now();
    engine.triage(text);
    latencies.push(performance.now() - t0);
  }
}
const elapsedMs = performance.now() - started;
latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;

const cold = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/triage-startup.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
  }),
) as { startupMs: number; rssMb: number };

const huge = 'outlook cannot send '.repeat(5_000);
const t0 = performance.now();
engine.triage(huge);
const hugeMs = performance.now() - t0;

const triage = {
  source: sourceName,
  messages: latencies.length,
  messagesPerSecond: Math.round((latencies.length / elapsedMs) * 1000),
  p50Ms: round3(percentile(50)),
  p99Ms: round3(percentile(99)),
  maxMs: round3(latencies[latencies.length - 1]!),
  message100kbMs: round3(hugeMs),
  coldStartupMs: Math.round(cold.startupMs),
  coldRssMb: Math.round(cold.rssMb),
  rssAfterRunMb: Math.round(process.memoryUsage().rss / 1e6),
};

const resultsFile = new URL('./results.json', import.meta.url);
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(resultsFile, JSON.stringify({ ...previous, measuredAt: new Date().toISOString(), node: process.version, triage }, null, 2) + '\n');

const rows: [string, string, string][] = [
  ['triage throughput', `${triage.messagesPerSecond} msg/s`, `${triage.messages} messages from ${triage.source}`],
  ['triage p50 / p99', `${triage.p50Ms} / ${triage.p99Ms} ms`, 'target p99 < 1 ms'],
  ['100 KB message', `${triage.message100kbMs} ms`, 'truncated to the first 4,000 characters'],
  ['cold start-up', `${triage.coldStartupMs} ms`, 'import + load + validate + train; target < 1 s'],
  ['RSS after cold start', `${triage.coldRssMb} MB`, ''],
];
for (const [what, figure, note] of rows) console.log(`${what.padEnd(22)} ${figure.padEnd(20)} ${note}`);

if (process.env.BENCH_E2E !== 'off') {
  const e2e = await runEndToEnd();
  const saved = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(resultsFile, JSON.stringify({ ...saved, measuredAt: new Date().toISOString(), endToEnd: e2e }, null, 2) + '\n');

  console.log('');
  console.log(`end to end, ${e2e.durationS} s per point, loopback; ratio = bot / echo (target at 50: throughput >= 0.77, p50 <= 1.3)`);
  console.log(['channel', 'conn', 'bot req/s', 'echo req/s', 'ratio', 'bot p50', 'echo p50', 'ratio', 'bot p99', 'echo p99', 'ratio', 'errors bot/echo'].map((h, i) => h.padStart(i < 2 ? 7 : 10)).join(' '));
  const table = (name: string, figures: ChannelFigures): void => {
    for (const c of CONNECTIONS) {
      const bot = figures.bot[String(c)]!;
      const echo = figures.echo[String(c)]!;
      const ratio = figures.ratio[String(c)]!;
      const errs = (p: typeof bot) => p.errors + p.timeouts + p.non2xx;
      console.log(
        [name, String(c), Math.round(bot.requestsPerSecond), Math.round(echo.requestsPerSecond), ratio.throughput, bot.p50Ms, echo.p50Ms, ratio.p50, bot.p99Ms, echo.p99Ms, ratio.p99, `${errs(bot)}/${errs(echo)}`]
          .map((v, i) => String(v).padStart(i < 2 ? 7 : 10))
          .join(' '),
      );
    }
  };
  table('teams', e2e.teams);
  table('slack', e2e.slack);
  const slackReplies = CONNECTIONS.map((c) => `${c}: ${e2e.slack.bot[String(c)]!.repliesPerSecond}/${e2e.slack.echo[String(c)]!.repliesPerSecond}`).join(', ');
  console.log(`slack replies/s reaching Slack (bot/echo; Bolt acks before replying): ${slackReplies}`);
  console.log(`RSS after warm-up: teams bot ${e2e.teams.botRssAfterWarmupMb} MB (echo ${e2e.teams.echoRssAfterWarmupMb}), after load ${e2e.teams.botRssAfterLoadMb} MB; slack bot ${e2e.slack.botRssAfterWarmupMb} MB (echo ${e2e.slack.echoRssAfterWarmupMb}), after load ${e2e.slack.botRssAfterLoadMb} MB; target < 300 MB`);
  const slow = e2e.slowSlack;
  console.log(`slow Slack (${slow.delayMs} ms per call, ${slow.connections} conn, ${slow.durationS} s): RSS ${slow.rssMb.join(' ')} MB; heap ${slow.heapUsedMb.join(' ')} MB; max queued ${slow.maxQueued}, max events in progress ${slow.maxActiveEvents}, refused ${slow.refused}, 503s ${slow.load.non2xx}, "queue full"/"overloaded" logged: ${slow.queueFullLogged}`);
  const start = e2e.startup;
  console.log(`node dist/main.js to healthy /healthz: ${start.runs.join(', ')} ms (median ${start.medianMs}; target < 2000); npm start with a current build: ${start.npmStartMs} ms`);
  console.log(`build (tsc, tsconfig.build.json): from nothing ${start.cleanBuildMs} ms, up to date ${start.upToDateBuildMs} ms`);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
