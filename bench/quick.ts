/**
 * A short end-to-end run for one or both channels, without the triage part, the slow-Slack run
 * or the start-up timing; prints the same per-point lines and the ratios, writes nothing.
 *   BENCH_DURATION_S=5 BENCH_CHANNELS=teams npx tsx bench/quick.ts
 */
import { CONNECTIONS, measureChannel, startFarEnd } from './e2e/orchestrate.js';

const channels = (process.env.BENCH_CHANNELS ?? 'teams').split(',').filter((c): c is 'teams' | 'slack' => c === 'teams' || c === 'slack');
const farEnd = await startFarEnd();
try {
  for (const channel of channels) {
    const figures = await measureChannel(channel, farEnd.url, (line) => console.log(line));
    for (const c of CONNECTIONS) {
      const r = figures.ratio[String(c)]!;
      console.log(`${channel} ${c} conn: ratio throughput ${r.throughput}, p50 ${r.p50}, p99 ${r.p99}`);
    }
    console.log(`${channel} RSS after warm-up: bot ${figures.botRssAfterWarmupMb} MB (echo ${figures.echoRssAfterWarmupMb}), after load ${figures.botRssAfterLoadMb} MB`);
  }
} finally {
  farEnd.child.kill('SIGTERM');
}
