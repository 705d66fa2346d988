/**
 * One server under test, in its own process (so its event loop, heap and RSS are its own):
 *   node .cache/bench-build/bench/e2e/server.js <kind> <farEndUrl> <dataDir>   (compiled by orchestrate.ts)
 * kinds: teams-bot (the real bot: core, rules, cards, SQLite file store), teams-echo (a bare
 * botbuilder echo bot on the same express + CloudAdapter + JSON parser), slack-bot (the real
 * bot's Slack channel), slack-echo (a bare Bolt echo app on the same ExpressReceiver setup).
 * Talks to the orchestrator over IPC: sends { ready, url }; answers 'stats' with RSS, heap and,
 * for slack-bot, the Web API queue.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { pino } from 'pino';
import { mountSlack, type SlackChannel } from '../../src/channels/slack/index.js';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import { createServer, type BotServer } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';

import { SIGNING_SECRET } from './shared.js';
import { createTeamsEchoServer } from './teams-echo.js';
const BOT_TOKEN = 'xoxb-bench';

const [kind, farEnd, dataDir] = process.argv.slice(2);
if (!kind || !farEnd || !dataDir) throw new Error('usage: server.ts <kind> <farEndUrl> <dataDir>');
// warn: the "Slack call queue full" line must show; nothing per request.
const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' }, pino.destination(2));
let slack: SlackChannel | undefined;

async function build(): Promise<BotServer> {
  if (kind === 'teams-echo') return createTeamsEchoServer(logger);
  if (kind === 'slack-echo') {
    let bolt: App | undefined;
    const server = createServer({
      health: { ok: () => true },
      logger,
      extend: (app) => {
        const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', app, logLevel: LogLevel.ERROR });
        bolt = new App({
          receiver,
          token: BOT_TOKEN,
          deferInitialization: true,
          logLevel: LogLevel.ERROR,
          clientOptions: { slackApiUrl: `${farEnd}/api/`, rejectRateLimitedCalls: false, maxRequestConcurrency: 8, timeout: 10_000 },
        });
        bolt.message(async ({ message, say }) => {
          const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
          await say(`echo: ${text}`);
        });
      },
    });
    await bolt!.init();
    return server;
  }

  const engine = loadDefaultRules();
  const store = await openSqliteStore({ dataDir: dataDir! });
  const coreConfig = loadCoreConfig({ ...process.env, DEFAULT_PLAN: 'Office 365 E3', ADMIN_USERS: '*' });
  const core = createConversationCore({ engine, store, config: coreConfig, logger: logger.child({ module: 'core' }) });
  const templates = loadCardTemplates();
  if (kind === 'teams-bot') return createBotServer({ credentials: {}, core, engine, templates, logger });
  if (kind === 'slack-bot') {
    return createBotServer({
      credentials: {},
      core,
      engine,
      templates,
      logger,
      extend: (app) => {
        slack = mountSlack(app, { core, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, apiUrl: `${farEnd}/api/`, logger, store });
      },
    });
  }
  throw new Error(`unknown kind ${kind}`);
}

/**
 * CPU time per group of threads (Linux /proc; clock ticks of 10 ms), or undefined elsewhere:
 * the main thread; V8's platform threads (its worker pool: concurrent marking, parallel scavenge,
 * concurrent compilation, sweeping; the delayed-task and signal threads), started before
 * anything else; libuv's thread pool (fs, dns, crypto work), which the ESM loader starts last
 * at start-up; and any thread started later.
 */
const threadCpuUs = (tid: string): number => {
  const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
};
const byTid = (a: string, b: string) => Number(a) - Number(b);
const startupThreads = (() => {
  try {
    const others = readdirSync('/proc/self/task').filter((tid) => tid !== String(process.pid)).sort(byTid);
    const poolSize = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
    return { platform: new Set(others.slice(0, Math.max(0, others.length - poolSize))), pool: new Set(others.slice(-poolSize)) };
  } catch {
    return undefined;
  }
})();
function threadGroupsCpuUs(): { mainCpuUs: number; platformCpuUs: number; poolCpuUs: number; laterCpuUs: number } | undefined {
  if (!startupThreads) return undefined;
  try {
    const groups = { mainCpuUs: 0, platformCpuUs: 0, poolCpuUs: 0, laterCpuUs: 0 };
    for (const tid of readdirSync('/proc/self/task')) {
      const us = threadCpuUs(tid);
      if (tid === String(process.pid)) groups.mainCpuUs += us;
      else if (startupThreads.platform.has(tid)) groups.platformCpuUs += us;
      else if (startupThreads.pool.has(tid)) groups.poolCpuUs += us;
      else groups.laterCpuUs += us;
    }
    return groups;
  } catch {
    return undefined;
  }
}

// Time spent in garbage collection (main-thread pauses), reported with the stats.
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

const server = await build();
const running = await server.listen(0, '127.0.0.1');
if (slack) await slack.ready;
/**
 * BENCH_PROFILE_DIR (orchestrate.ts): a CPU profile (`cpu`) or a sampling heap profile that keeps
 * collected objects (`heap`: what a turn allocates) of the measured rounds only, started and
 * written on the orchestrator's word, so start-up and warm-up stay out of it.
 */
let profiler: Session | undefined;
async function profile(command: { profile: 'cpu' | 'heap'; file?: string }): Promise<void> {
  if (!command.file) {
    profiler = new Session();
    profiler.connect();
    if (command.profile === 'cpu') {
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.setSamplingInterval', { interval: 250 });
      await profiler.post('Profiler.start');
    } else {
      await profiler.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
  } else if (profiler) {
    const written = command.profile === 'cpu' ? (await profiler.post('Profiler.stop')).profile : (await profiler.post('HeapProfiler.stopSampling')).profile;
    writeFileSync(command.file, JSON.stringify(written));
    profiler.disconnect();
    profiler = undefined;
  }
  process.send?.({ profiled: true });
}

process.on('message', (message: unknown) => {
  if (typeof message === 'object' && message !== null && 'profile' in message) void profile(message as { profile: 'cpu' | 'heap'; file?: string });
  else if (message === 'stats') {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    process.send?.({ rssMb: memory.rss / 1e6, heapUsedMb: memory.heapUsed / 1e6, heapTotalMb: memory.heapTotal / 1e6, externalMb: memory.external / 1e6, cpuUs: cpu.user + cpu.system, ...threadGroupsCpuUs(), gcUs: gcMs * 1000, slackQueue: slack?.stats() });
  }
});
process.send?.({ ready: true, url: running.url });
process.on('SIGTERM', () => void running.close().finally(() => process.exit(0)));
