/**
 * The Teams side of one turn measured in one process, as slack-inprocess.ts does for Slack: the
 * HTTP server the benchmark runs (bench/e2e/server.ts) and a keep-alive client posting message
 * activities to /api/messages, 50 at a time over warmed-up users; the replies go to the fake Bot
 * Connector of far-end.ts in its own process, and botbuilder answers the HTTP request once they
 * are posted, so a turn is one request. Prints the CPU per turn and the heap bytes allocated per
 * turn of each round and their medians (allocation barely moves with a shared machine's load).
 *   npx tsx bench/e2e/teams-inprocess.ts bot|echo|replay [rounds] [turnsPerRound]
 * bot: the bot server with the real core (triage, SQLite store); replay: the bot server with a
 * core that answers each text with the replies the real core gave it once (the channel's own
 * work: HTTP, botbuilder, card rendering, the connector call); echo: the bare botbuilder echo.
 * INPROC_PROFILE=FILE writes a CPU profile of the measured rounds; INPROC_HEAP_PROFILE=FILE a
 * sampling heap profile of them that keeps collected objects (summarise with
 * bench/profile-summary.ts; write the turns into FILE.turns).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createBotServer } from '../../src/app/bot-server.js';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import type { ConversationCore } from '../../src/conversation/types.js';
import type { BotServer } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { startFarEnd } from './orchestrate.js';
import { COMPLAINTS } from './slack-fixtures.js';
import { measureRounds, runTurns } from './inprocess-rounds.js';
import { replayCore } from './replay-core.js';
import { createTeamsEchoServer } from './teams-echo.js';

const [kind = 'bot', roundsArg = '3', turnsArg = '3000'] = process.argv.slice(2);
const ROUNDS = Number(roundsArg);
const TURNS = Number(turnsArg);
const CONCURRENCY = 50;
const USERS = 2000;

const farEnd = await startFarEnd();
const dataDir = mkdtempSync(join(tmpdir(), 'teams-inprocess-'));
const logger = pino({ level: 'warn' }, pino.destination(2));

async function build(): Promise<BotServer> {
  if (kind === 'echo') return createTeamsEchoServer(logger);
  const engine = loadDefaultRules();
  const store = await openSqliteStore({ dataDir });
  const config = loadCoreConfig({ ...process.env, DEFAULT_PLAN: 'Office 365 E3', ADMIN_USERS: '*' });
  const real = createConversationCore({ engine, store, config, logger: logger.child({ module: 'core' }) });
  const core = kind === 'replay' ? replayCore(real) : real;
  return createBotServer({ credentials: {}, core, engine, templates: loadCardTemplates(), logger });
}

const server = await build();
const running = await server.listen(0, '127.0.0.1');
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

let n = 0;
/** A personal-chat message as load-client.ts sends it. */
function body(user: number): string {
  n += 1;
  return JSON.stringify({
    type: 'message',
    id: `m${n}x${process.pid}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${farEnd.url}/`,
    from: { id: `29:u${user}`, name: `User u${user}`, aadObjectId: `aad-u${user}` },
    conversation: { id: `a:u${user}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    recipient: { id: '28:bot', name: 'Triage Bot' },
    locale: 'en-US',
    text: COMPLAINTS[n % COMPLAINTS.length],
    textFormat: 'plain',
    channelData: { tenant: { id: 'bench-tenant' } },
  });
}

function turn(user: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = request(`${running.url}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body(user));
  });
}

const run = (turns: number, users: number) => runTurns(turns, users, CONCURRENCY, turn);

try {
  await run(USERS * 2, USERS);
  await measureRounds(kind, ROUNDS, () => run(TURNS, USERS));
} finally {
  agent.destroy();
  await running.close();
  farEnd.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
