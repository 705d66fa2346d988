/**
 * The measured part of the in-process benches (slack-inprocess.ts, teams-inprocess.ts): turns run
 * concurrently, and rounds of them, each printed, then the median and the minimum; with INPROC_PROFILE (a CPU profile) or
 * INPROC_HEAP_PROFILE (a sampling heap profile) set to a file, the rounds are profiled.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { countAllocation } from '../allocation.js';

export interface RoundFigures {
  /** CPU per turn, µs. */
  readonly us: number;
  /** Bytes allocated per turn. */
  readonly bytes: number;
}

export async function measureRounds(kind: string, rounds: number, runRound: () => Promise<RoundFigures>): Promise<void> {
  const profile = process.env.INPROC_PROFILE;
  const heapProfile = process.env.INPROC_HEAP_PROFILE;
  const session = profile || heapProfile ? new Session() : undefined;
  if (session) session.connect();
  if (session && profile) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  if (session && heapProfile) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const cpu: number[] = [];
  const bytes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const round = await runRound();
    cpu.push(Math.round(round.us));
    bytes.push(Math.round(round.bytes));
    console.log(`${kind} round ${r + 1}: ${Math.round(round.us)} µs, ${Math.round(round.bytes)} B allocated per turn`);
  }
  if (session && profile) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile));
  if (session && heapProfile) writeFileSync(heapProfile, JSON.stringify((await session.post('HeapProfiler.stopSampling')).profile));
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  // The minimum is the round the rest of a shared machine disturbed least.
  console.log(`${kind}: median ${median(cpu)}, min ${Math.min(...cpu)} µs per turn (${cpu.join(', ')}); ${median(bytes)} B allocated per turn (median)`);
}

/**
 * CPU µs and heap bytes allocated per turn over `turns` turns, `concurrency` at a time (heap growth
 * between collections, summed, as in bench/triage-cpu.ts): allocation barely moves with the
 * machine's load, so it shows a small change that CPU time on a shared machine hides.
 */
export async function runTurns(turns: number, users: number, concurrency: number, turn: (user: number) => Promise<void>): Promise<RoundFigures> {
  const stopCounting = countAllocation();
  const start = process.cpuUsage();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < turns) {
      next += 1;
      await turn(next % users);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(start);
  const allocated = stopCounting();
  return { us: (used.user + used.system) / turns, bytes: allocated / turns };
}
