/**
 * The triage engine's CPU and allocation per message, in process (steadier than the HTTP bench):
 * every message of real-train, dev-set and the Slack bench's complaints, triaged ROUNDS times.
 * `npx tsx bench/triage-cpu.ts [rounds]` prints one JSON line: µs per message (process CPU, wall,
 * and wall in the fastest round, the steadiest figure on a shared machine), latency p50/p99, and bytes allocated per message (from the heap statistics
 * V8 records around each garbage collection, so collections during the run are accounted for).
 * Each result's reasons are read in its language, as a conversation turn reads them.
 */
import { readFileSync } from 'node:fs';
import { countAllocation } from './allocation.js';
import { COMPLAINTS } from './e2e/slack-fixtures.js';
import { loadDefaultRules } from '../src/triage/index.js';
import { projectPath } from '../src/paths.js';

const ROUNDS = Number(process.argv[2] ?? 40);
const WARM_UP_ROUNDS = 5;

function messagesOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

const support = projectPath('../shared/support/');
const messages = [...messagesOf(`${support}real-train.jsonl`), ...messagesOf(`${support}dev-set.jsonl`), ...COMPLAINTS];
const engine = loadDefaultRules();

/** One message as a turn uses it: triaged, and its reasons read in the admin's language. */
function triageAsATurn(message: string): number {
  const result = engine.triage(message);
  return result.reasonsByLang[result.language].length;
}

for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const message of messages) triageAsATurn(message);

/** Bytes allocated while `run` ran (bench/allocation.ts). */
function allocatedDuring(run: () => void): number {
  const stop = countAllocation();
  run();
  return stop();
}

const latencies = new Float64Array(ROUNDS * messages.length);
/** The fastest round: on a shared machine, the one least disturbed by other processes. */
let bestRoundMs = Infinity;
let triaged = 0;
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
const allocated = allocatedDuring(() => {
  for (let round = 0; round < ROUNDS; round++) {
    const roundStarted = performance.now();
    for (const message of messages) {
      const started = performance.now();
      triageAsATurn(message);
      latencies[triaged++] = performance.now() - started;
    }
    bestRoundMs = Math.min(bestRoundMs, performance.now() - roundStarted);
  }
});
const wallMs = performance.now() - wallBefore;
const cpu = process.cpuUsage(cpuBefore);
latencies.sort();
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 1000;
const round1 = (n: number) => Math.round(n * 10) / 10;

process.stdout.write(
  JSON.stringify({
    messages: messages.length,
    rounds: ROUNDS,
    cpuUsPerMessage: round1((cpu.user + cpu.system) / triaged),
    wallUsPerMessage: round1((wallMs * 1000) / triaged),
    bestRoundUsPerMessage: round1((bestRoundMs * 1000) / messages.length),
    p50Us: round1(at(0.5)),
    p99Us: round1(at(0.99)),
    maxUs: round1(at(1)),
    bytesPerMessage: Math.round(allocated / triaged),
  }) + '\n',
);
