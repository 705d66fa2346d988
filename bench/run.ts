/**
 * `npm run bench`: figures, never a pass/fail. Triage throughput and per-message latency over
 * the dev set repeated to at least 10,000 messages, plus cold start-up and memory.
 * Results go to bench/results.json and a table on stdout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDefaultRules } from '../src/triage/index.js';

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

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
