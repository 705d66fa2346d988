/**
 * The Slack side of one turn measured in one process, for attributing the bot's own CPU away from
 * the noise of a shared machine: Bolt's public `processEvent` for each DM event (no HTTP in: the
 * express gates in front of Bolt are not in these figures), the replies through the WebClient to
 * the fake Web API of far-end.ts in its own process. 50 turns at a time over warmed-up users;
 * prints the CPU per turn of each round and their median.
 *   npx tsx bench/e2e/slack-inprocess.ts bot|echo|replay [rounds] [turnsPerRound]
 * bot: the real channel and core (triage, SQLite store); replay: the real channel with a core that
 * answers each text with the replies the real core gave it once (the channel's own work alone);
 * echo: a bare Bolt app answering with `say`, as in server.ts.
 * INPROC_PROFILE=FILE writes a CPU profile of the measured rounds only (not start-up or warm-up).
 * INPROC_FAKE_FETCH=1 answers the Web API in this process (the far end's answers, no socket): the
 * figures then hold the turn's own CPU without the kernel's share of loopback HTTP, which a busy
 * machine makes the noisiest part.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, LogLevel, type ReceiverEvent } from '@slack/bolt';
import express from 'express';
import { pino } from 'pino';
import { mountSlack } from '../../src/channels/slack/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import type { ConversationCore, Reply } from '../../src/conversation/types.js';
import { openSqliteStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { startFarEnd } from './orchestrate.js';
import { SIGNING_SECRET } from './shared.js';
import { callArgsOf, slackAnswer, slackMessageEvent } from './slack-fixtures.js';

const [kind = 'bot', roundsArg = '3', turnsArg = '4000'] = process.argv.slice(2);
const ROUNDS = Number(roundsArg);
const TURNS = Number(turnsArg);
const CONCURRENCY = 50;
const USERS = 2000;

const farEnd = await startFarEnd();
if (process.env.INPROC_FAKE_FETCH === '1') {
  const real = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = String(input);
    if (!url.startsWith(`${farEnd.url}/api/`)) return real(input, init);
    const method = url.slice(`${farEnd.url}/api/`.length);
    const body = typeof init?.body === 'string' ? init.body : '';
    return new Response(JSON.stringify(slackAnswer(method, callArgsOf(body, undefined))), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}
const dataDir = mkdtempSync(join(tmpdir(), 'slack-inprocess-'));
const logger = pino({ level: 'warn' }, pino.destination(2));

/** The core's replies to each text, once; a replayed turn costs the core nothing. */
function replayCore(real: ConversationCore): ConversationCore {
  const answers = new Map<string, Reply[]>();
  return {
    async handle(turn) {
      const key = String(turn.text);
      const known = answers.get(key);
      if (known) return known;
      const replies = await real.handle(turn);
      answers.set(key, replies);
      return replies;
    },
  };
}

async function buildApp(): Promise<App> {
  const app = express();
  if (kind === 'echo') {
    const { ExpressReceiver } = await import('@slack/bolt');
    const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', app, logLevel: LogLevel.ERROR });
    const bolt = new App({
      receiver,
      token: 'xoxb-bench',
      deferInitialization: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: `${farEnd.url}/api/`, rejectRateLimitedCalls: false, maxRequestConcurrency: 8, timeout: 10_000 },
    });
    bolt.message(async ({ message, say }) => {
      const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
      await say(`echo: ${text}`);
    });
    await bolt.init();
    return bolt;
  }
  const store = await openSqliteStore({ dataDir });
  const config = loadCoreConfig({ ...process.env, DEFAULT_PLAN: 'Office 365 E3', ADMIN_USERS: '*' });
  const real = createConversationCore({ engine: loadDefaultRules(), store, config, logger: logger.child({ module: 'core' }) });
  const core = kind === 'replay' ? replayCore(real) : real;
  const slack = mountSlack(app, { core, signingSecret: SIGNING_SECRET, botToken: 'xoxb-bench', apiUrl: `${farEnd.url}/api/`, logger, store });
  await slack.ready;
  return slack.app;
}

const bolt = await buildApp();
let n = 0;
const turn = async (user: number): Promise<void> => {
  n += 1;
  const body = JSON.parse(slackMessageEvent(`U${user}`, `Ev${n}x${process.pid}`, n)) as ReceiverEvent['body'];
  await bolt.processEvent({ body, ack: async () => {} });
};

async function run(turns: number, users: number): Promise<number> {
  const start = process.cpuUsage();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < turns) {
      next += 1;
      await turn(next % users);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / turns;
}

try {
  await run(USERS, USERS);
  const profile = process.env.INPROC_PROFILE;
  const session = profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const us = await run(TURNS, USERS);
    rounds.push(Math.round(us));
    console.log(`${kind} round ${r + 1}: ${Math.round(us)} µs per turn`);
  }
  if (session && profile) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile));
  const sorted = [...rounds].sort((a, b) => a - b);
  // The minimum is the round the rest of a shared machine disturbed least.
  console.log(`${kind}: median ${sorted[Math.floor(sorted.length / 2)]}, min ${sorted[0]} µs per turn (${rounds.join(', ')})`);
} finally {
  farEnd.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
