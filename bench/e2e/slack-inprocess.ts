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
 * INPROC_PROFILE=FILE writes a CPU profile of the measured rounds only (not start-up or warm-up);
 * INPROC_HEAP_PROFILE=FILE a sampling heap profile of them (what allocates, by function).
 * INPROC_FAKE_FETCH=1 answers the Web API in this process (the far end's answers, no socket): the
 * figures then hold the turn's own CPU without the kernel's share of loopback HTTP, which a busy
 * machine makes the noisiest part.
 * INPROC_HTTP=1 sends each event as a signed HTTP request through the server the benchmark runs
 * (bot: the bot server with Teams and Slack mounted; echo: the bare Bolt app on the same express
 * server), over keep-alive loopback connections, and a turn ends when its chat.postMessage left:
 * the express path in front of Bolt is then in the figures. It implies INPROC_FAKE_FETCH=1 (the
 * reply is seen in this process); the client's own share is the same for bot and echo.
 * Two more kinds isolate the path in front of the listeners (HTTP, gates, Bolt's routing):
 * `silent` is the real channel with a core that answers nothing, `bare` a Bolt app whose one
 * listener does nothing; with INPROC_HTTP=1 a turn then ends with the HTTP answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, ExpressReceiver, LogLevel, type ReceiverEvent } from '@slack/bolt';
import express from 'express';
import { pino } from 'pino';
import { createBotServer } from '../../src/app/bot-server.js';
import { mountSlack } from '../../src/channels/slack/index.js';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import type { ConversationCore } from '../../src/conversation/types.js';
import { createServer, type BotServer } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { startFarEnd } from './orchestrate.js';
import { SIGNING_SECRET } from './shared.js';
import { slackAnswer, slackMessageEvent, slackSignatureHeaders } from './slack-fixtures.js';
import { measureRounds, runTurns } from './inprocess-rounds.js';
import { replayCore } from './replay-core.js';

const [kind = 'bot', roundsArg = '3', turnsArg = '4000'] = process.argv.slice(2);
const ROUNDS = Number(roundsArg);
const TURNS = Number(turnsArg);
const CONCURRENCY = 50;
const USERS = 2000;

const HTTP = process.env.INPROC_HTTP === '1';

/** A form field's value (`channel`, `user`), read without decoding the rest of the body. */
function fieldOf(form: string, name: string): string | null {
  const at = form.startsWith(`${name}=`) ? 0 : form.indexOf(`&${name}=`) + 1;
  if (at === 0 && !form.startsWith(`${name}=`)) return null;
  const start = at + name.length + 1;
  const end = form.indexOf('&', start);
  return decodeURIComponent(form.slice(start, end === -1 ? undefined : end));
}
/** HTTP mode: DM channel → the turn waiting for its chat.postMessage. */
const replyWaiters = new Map<string, () => void>();
const farEnd = await startFarEnd();
if (process.env.INPROC_FAKE_FETCH === '1' || HTTP) {
  const real = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = String(input);
    if (!url.startsWith(`${farEnd.url}/api/`)) return real(input, init);
    const method = url.slice(`${farEnd.url}/api/`.length);
    const body = typeof init?.body === 'string' ? init.body : '';
    // One field read from the form, not the whole (bot: 4 kB of blocks) decoded: the far end's
    // parsing is not the server's work and would weigh on the bot's side only.
    const args = { get: (name: string) => fieldOf(body, name) };
    const answer = new Response(JSON.stringify(slackAnswer(method, args)), { status: 200, headers: { 'content-type': 'application/json' } });
    if (method === 'chat.postMessage') {
      const channel = args.get('channel') ?? '';
      const waiter = replyWaiters.get(channel);
      replyWaiters.delete(channel);
      waiter?.();
    }
    return answer;
  };
}
const dataDir = mkdtempSync(join(tmpdir(), 'slack-inprocess-'));
const logger = pino({ level: 'warn' }, pino.destination(2));

/** Mounts the Slack side on `app` at once (before a server's fallbacks); `ready` once it can take events. */
type Mount = (app: express.Express) => Promise<App>;

async function prepare(): Promise<{ mount: Mount; engine?: TriageEngine }> {
  if (kind === 'echo' || kind === 'bare') {
    return {
      mount: async (app) => {
        const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', app, logLevel: LogLevel.ERROR });
        const bolt = new App({
          receiver,
          token: 'xoxb-bench',
          deferInitialization: true,
          logLevel: LogLevel.ERROR,
          clientOptions: { slackApiUrl: `${farEnd.url}/api/`, rejectRateLimitedCalls: false, maxRequestConcurrency: 8, timeout: 10_000 },
        });
        bolt.message(async ({ message, say }) => {
          if (kind === 'bare') return;
          const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
          await say(`echo: ${text}`);
        });
        await bolt.init();
        return bolt;
      },
    };
  }
  const store = await openSqliteStore({ dataDir });
  const config = loadCoreConfig({ ...process.env, DEFAULT_PLAN: 'Office 365 E3', ADMIN_USERS: '*' });
  const engine = loadDefaultRules();
  const real = createConversationCore({ engine, store, config, logger: logger.child({ module: 'core' }) });
  const core: ConversationCore = kind === 'replay' ? replayCore(real) : kind === 'silent' ? { handle: async () => [] } : real;
  return {
    engine,
    mount: async (app) => {
      const slack = mountSlack(app, { core, signingSecret: SIGNING_SECRET, botToken: 'xoxb-bench', apiUrl: `${farEnd.url}/api/`, logger, store });
      await slack.ready;
      return slack.app;
    },
  };
}

/**
 * The HTTP server the benchmark runs (bench/e2e/server.ts): bot = the bot server (Teams routes
 * in front) with Slack mounted; echo = the generic server with the bare Bolt app.
 */
function buildServer(mount: Mount, engine: TriageEngine | undefined): { server: BotServer; bolt: Promise<App> } {
  let bolt!: Promise<App>;
  const extend = (app: express.Express): void => void (bolt = mount(app));
  const server = engine
    ? createBotServer({ credentials: {}, core: { handle: async () => [] }, engine, templates: loadCardTemplates(), logger, extend })
    : createServer({ health: { ok: () => true }, logger, extend });
  return { server, bolt };
}

const prepared = await prepare();
const built = HTTP ? buildServer(prepared.mount, prepared.engine) : undefined;
const bolt = await (built ? built.bolt : prepared.mount(express()));
const running = built ? await built.server.listen(0, '127.0.0.1') : undefined;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One signed event over HTTP; resolves once the answer is in and the reply was posted. */
function sendOverHttp(user: number, body: string): Promise<void> {
  const replied = kind === 'bare' || kind === 'silent' ? Promise.resolve() : new Promise<void>((resolve) => replyWaiters.set(`DU${user}`, resolve));
  const answered = new Promise<void>((resolve, reject) => {
    const req = request(`${running!.url}/slack/events`, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...slackSignatureHeaders(SIGNING_SECRET, body) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
  return Promise.all([answered, replied]).then(() => undefined);
}

let n = 0;
const turn = async (user: number): Promise<void> => {
  n += 1;
  const text = slackMessageEvent(`U${user}`, `Ev${n}x${process.pid}`, n);
  if (HTTP) return sendOverHttp(user, text);
  await bolt.processEvent({ body: JSON.parse(text) as ReceiverEvent['body'], ack: async () => {} });
};

const run = (turns: number, users: number) => runTurns(turns, users, CONCURRENCY, turn);

try {
  await run(USERS, USERS);
  await measureRounds(kind, ROUNDS, () => run(TURNS, USERS));
} finally {
  agent.destroy();
  await running?.close();
  farEnd.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
