/**
 * A short end-to-end run for one or both channels, without the triage part, the slow-Slack run
 * or the start-up timing; prints the same per-round lines, the combined figures and the ratios,
 * writes nothing.
 *   BENCH_DURATION_S=5 BENCH_CHANNELS=teams npx tsx bench/quick.ts     (teams, slack or teams,slack)
 */
import { CONNECTIONS, errorsOf, measureChannel, startFarEnd, type LoadPoint } from './e2e/orchestrate.js';

const channels = (process.env.BENCH_CHANNELS ?? 'teams').split(',').filter((c): c is 'teams' | 'slack' => c === 'teams' || c === 'slack');
const farEnd = await startFarEnd();
try {
  for (const channel of channels) {
    const figures = await measureChannel(channel, farEnd.url, (line) => console.log(line));
    console.log(`${channel}: ${figures.roundsPerPoint} rounds of ${figures.sliceS} s per server and point; ratio = median of the paired rounds`);
    for (const c of CONNECTIONS) {
      const bot = figures.bot[String(c)]!;
      const echo = figures.echo[String(c)]!;
      const r = figures.ratio[String(c)]!;
      const perTurn =
        bot.repliesPerTurn !== undefined
          ? `; messages posted per turn bot ${bot.repliesPerTurn} echo ${echo.repliesPerTurn}, extra replies ${bot.extraReplies}, users.info during load ${bot.usersInfo}`
          : '';
      // The bot's own work: what a turn costs it above the bare framework echo.
      const cpu =
        bot.cpuUsPerTurn !== undefined && echo.cpuUsPerTurn !== undefined
          ? `; cpu per turn bot ${bot.cpuUsPerTurn} echo ${echo.cpuUsPerTurn} µs (bot's own ${bot.cpuUsPerTurn - echo.cpuUsPerTurn} µs)`
          : '';
      console.log(
        `${channel} ${String(c).padStart(3)} conn: bot ${Math.round(bot.requestsPerSecond)}/s p50 ${bot.p50Ms} p99 ${bot.p99Ms} ms, echo ${Math.round(echo.requestsPerSecond)}/s p50 ${echo.p50Ms} p99 ${echo.p99Ms} ms; ratio throughput ${r.throughput}, p50 ${r.p50}, p99 ${r.p99}${cpu}; errors bot ${errorsOf(bot)} (non-2xx ${bot.non2xx}, timeouts ${bot.timeouts}) echo ${errorsOf(echo)}${perTurn}`,
      );
    }
    for (const c of CONNECTIONS) {
      const bot = figures.bot[String(c)]!;
      const echo = figures.echo[String(c)]!;
      if (bot.cpuUsPerTurn === undefined || echo.cpuUsPerTurn === undefined) continue;
      // Where the CPU ran: the main thread, V8's helper threads (GC, compilation), libuv's pool.
      const threads = (p: LoadPoint) => (p.mainCpuUsPerTurn !== undefined ? ` (main ${p.mainCpuUsPerTurn}, V8 threads ${p.platformCpuUsPerTurn}, libuv ${p.poolCpuUsPerTurn})` : '');
      console.log(
        `${channel} ${String(c).padStart(3)} conn CPU per turn: bot ${bot.cpuUsPerTurn} µs${threads(bot)}, echo ${echo.cpuUsPerTurn} µs${threads(echo)}; the bot's own work ${bot.cpuUsPerTurn - echo.cpuUsPerTurn} µs`,
      );
    }
    console.log(`${channel} RSS after warm-up: bot ${figures.botRssAfterWarmupMb} MB (echo ${figures.echoRssAfterWarmupMb}), after load ${figures.botRssAfterLoadMb} MB (echo ${figures.echoRssAfterLoadMb}); heap used ${JSON.stringify(figures.heapUsedMb)} MB; bot rate-limited turns ${figures.botRateLimited}`);
  }
} finally {
  farEnd.child.kill('SIGTERM');
}
