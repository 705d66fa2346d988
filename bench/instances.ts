/**
 * Two instances on one PostgreSQL (issue 19): `npm run bench:instances`, and a part of
 * `npm run bench` unless BENCH_INSTANCES=off. One throwaway cluster (fsync on, as in production);
 * for one instance and then for two on a fresh database each, Teams journeys (complaint, "Open a
 * case", the form submitted: three turns, each admin their own user) run through a round-robin
 * client that sends every turn to the next instance, with the support channel in a fake Slack
 * Web API. Then every case is made due, both SLA watches pass (every second), and the far end and
 * the store are counted: cases per journey, support cards and breach reminders per case, none
 * doubled or lost. BENCH_INSTANCE_JOURNEYS (60) and BENCH_INSTANCE_CLIENTS (8) size the load.
 */
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { startBot, tempDataDir, type BotProcess } from '../test/faults/process.js';
import { CASE_NUMBER, COMPLAINT, filledForm, journeyUser, press, say, type JourneyUser } from '../test/load/journey.js';
import { findPostgresBin, startCluster, type RunningCluster } from '../test/postgres/cluster.js';
import { BOT_TOKEN, SIGNING_SECRET, startFakeSlack, type FakeSlack } from '../test/slack/helpers.js';
import { cardText, startFakeConnector, type FakeConnector } from '../test/teams/helpers.js';

const JOURNEYS = Number(process.env.BENCH_INSTANCE_JOURNEYS ?? 60);
const CLIENTS = Number(process.env.BENCH_INSTANCE_CLIENTS ?? 8);
const SUPPORT_CHANNEL = 'C0SUPPORT';
const TURNS_PER_JOURNEY = 3;

export interface InstanceRun {
  readonly instances: number;
  readonly journeys: number;
  readonly seconds: number;
  readonly journeysPerSecond: number;
  readonly turnsPerSecond: number;
  readonly turnP50Ms: number;
  readonly turnP95Ms: number;
  /** Cases in the store, cases the admins were told about, and what the support channel got. */
  readonly casesStored: number;
  readonly casesConfirmed: number;
  readonly cardsPosted: number;
  readonly casesWithoutCard: number;
  readonly casesWithTwoCards: number;
  readonly reminders: number;
  readonly casesWithoutReminder: number;
  readonly casesWithTwoReminders: number;
  /** SLA passes each instance ran after the reminders were out (each could have doubled one). */
  readonly passesAfter: readonly number[];
}

export interface InstanceFigures {
  readonly one: InstanceRun;
  readonly two: InstanceRun;
  /** Two instances' journeys per second over one's, on this machine. */
  readonly ratio: number;
  readonly ok: boolean;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function createDatabase(cluster: RunningCluster, name: string): Promise<string> {
  await query(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`, `CREATE DATABASE ${name}`);
  return `postgres://postgres@127.0.0.1:${cluster.port}/${name}`;
}

/** SLA passes `bot` has run (its store calls listing the cases due, from /metrics). */
async function slaPasses(bot: BotProcess): Promise<number> {
  const metrics = await (await fetch(`${bot.url}/metrics`)).text();
  const line = metrics.split('\n').find((l) => l.startsWith('bot_store_call_duration_seconds_count{') && l.includes('operation="listDueForReminder"') && l.includes('outcome="ok"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

function percentile(sorted: readonly number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

/** The journeys through a round-robin client: CLIENTS at a time, every turn to the next instance. */
async function drive(bots: readonly BotProcess[], connector: FakeConnector, prefix: string) {
  let turns = 0;
  const latencies: number[] = [];
  const turn = async (user: JourneyUser, body: { text?: string; value?: Record<string, unknown> }) => {
    const url = bots[turns++ % bots.length]!.url;
    const start = performance.now();
    const cards = await say(url, connector, user, body);
    latencies.push(performance.now() - start);
    return cards;
  };
  const confirmed = new Set<string>();
  let next = 0;
  const client = async (): Promise<void> => {
    for (let i = next++; i < JOURNEYS; i = next++) {
      const user = journeyUser(i, prefix);
      const [triage] = await turn(user, { text: COMPLAINT });
      const [form] = await turn(user, { value: press(triage, 'openCase') });
      if (!form) throw new Error(`journey ${i}: no case form`);
      const cards = await turn(user, { value: filledForm(form, `${prefix} case ${i}`) });
      const number = cards.map((card) => CASE_NUMBER.exec(cardText(card))?.[0]).find(Boolean);
      if (number) confirmed.add(number);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { seconds: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b), confirmed };
}

/** Per case number, how many support cards (a card's text starts with its number) and breach reminders the fake Slack got. */
function supportChannel(slack: FakeSlack, numbers: readonly string[]) {
  const posts = slack.of('chat.postMessage').filter((call) => call.args.channel === SUPPORT_CHANNEL).map((call) => String(call.args.text));
  const cards = new Map(numbers.map((n) => [n, posts.filter((t) => t.startsWith(`${n} `)).length]));
  const reminders = new Map(numbers.map((n) => [n, posts.filter((t) => t.includes('BREACHED') && t.includes(n)).length]));
  return { posts, cards, reminders };
}

const count = (map: ReadonlyMap<string, number>, test: (n: number) => boolean): number => [...map.values()].filter(test).length;

/** One run: `instances` bots on a fresh database, the load, then every case due and the far end counted. */
async function runWith(cluster: RunningCluster, instances: number): Promise<InstanceRun> {
  const url = await createDatabase(cluster, `instances_${instances}`);
  const connector = await startFakeConnector();
  const slack = await startFakeSlack();
  const env = {
    DATABASE_URL: url, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl,
    SUPPORT_SLACK_CHANNEL: SUPPORT_CHANNEL, SLA_CHECK_INTERVAL_SECONDS: '1', EMULATOR: 'on', METRICS: 'on',
  };
  const bots: BotProcess[] = [];
  const dirs: string[] = [];
  try {
    for (let i = 0; i < instances; i++) {
      const dir = tempDataDir('bench-instances-');
      dirs.push(dir);
      bots.push(await startBot(dir, env, 60_000));
    }
    // Warm each instance (rules, templates, the pool's connections) outside the timed load.
    for (const [i, bot] of bots.entries()) await say(bot.url, connector, journeyUser(i, `warm${instances}`), { text: COMPLAINT });
    const load = await drive(bots, connector, `i${instances}`);
    const numbers = (await query<{ number: string }>(url, 'SELECT number FROM cases')).map((r) => r.number);
    await until('a support card per case', async () => (count(supportChannel(slack, numbers).cards, (n) => n === 0) === 0 ? true : undefined));

    // Every case falls due while all instances run: its response time was used up a month ago.
    await query(url, "UPDATE cases SET created_at = now() - interval '30 days', next_reminder_at = now() - interval '1 second'");
    await until('a breach reminder per case', async () => (count(supportChannel(slack, numbers).reminders, (n) => n === 0) === 0 ? true : undefined));
    // Each watch passes twice more (a pass in flight when the reminders went out has ended): any double would show.
    const seen = await Promise.all(bots.map(slaPasses));
    await until('two more SLA passes in every instance', async () => ((await Promise.all(bots.map(slaPasses))).every((n, i) => n >= seen[i]! + 2) ? true : undefined));
    const passesAfter = (await Promise.all(bots.map(slaPasses))).map((n, i) => n - seen[i]!);
    const { cards, reminders } = supportChannel(slack, numbers);
    return {
      instances,
      journeys: JOURNEYS,
      seconds: Math.round(load.seconds * 100) / 100,
      journeysPerSecond: Math.round((JOURNEYS / load.seconds) * 10) / 10,
      turnsPerSecond: Math.round(((JOURNEYS * TURNS_PER_JOURNEY) / load.seconds) * 10) / 10,
      turnP50Ms: percentile(load.latencies, 50),
      turnP95Ms: percentile(load.latencies, 95),
      casesStored: numbers.length,
      casesConfirmed: load.confirmed.size,
      cardsPosted: [...cards.values()].reduce((a, b) => a + b, 0),
      casesWithoutCard: count(cards, (n) => n === 0),
      casesWithTwoCards: count(cards, (n) => n > 1),
      reminders: [...reminders.values()].reduce((a, b) => a + b, 0),
      casesWithoutReminder: count(reminders, (n) => n === 0),
      casesWithTwoReminders: count(reminders, (n) => n > 1),
      passesAfter,
    };
  } finally {
    for (const bot of bots) {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
    await connector.close();
    await slack.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

function isClean(run: InstanceRun): boolean {
  return (
    run.casesStored === run.journeys && run.casesConfirmed === run.journeys && run.cardsPosted === run.journeys && run.casesWithoutCard === 0 &&
    run.casesWithTwoCards === 0 && run.reminders === run.journeys && run.casesWithoutReminder === 0 && run.casesWithTwoReminders === 0
  );
}

/** undefined when PostgreSQL is not installed. */
export async function runInstances(): Promise<InstanceFigures | undefined> {
  const bin = findPostgresBin();
  if (!bin) return undefined;
  const cluster = await startCluster(bin, { durable: true });
  try {
    const one = await runWith(cluster, 1);
    const two = await runWith(cluster, 2);
    return { one, two, ratio: Math.round((two.journeysPerSecond / one.journeysPerSecond) * 100) / 100, ok: isClean(one) && isClean(two) };
  } finally {
    cluster.stop();
  }
}

export function printInstances(figures: InstanceFigures | undefined): void {
  if (!figures) {
    console.log('two instances: PostgreSQL is not installed, skipped');
    return;
  }
  console.log(`instances on one PostgreSQL (fsync on): ${JOURNEYS} Teams journeys of ${TURNS_PER_JOURNEY} turns, ${CLIENTS} clients, each turn to the next instance`);
  for (const run of [figures.one, figures.two]) {
    console.log(
      `  ${run.instances} instance${run.instances > 1 ? 's' : ''}: ${run.journeysPerSecond} journeys/s (${run.turnsPerSecond} turns/s, ${run.seconds} s), turn p50 ${run.turnP50Ms} ms, p95 ${run.turnP95Ms} ms; ` +
        `cases stored ${run.casesStored}, confirmed ${run.casesConfirmed}; cards ${run.cardsPosted} (missing ${run.casesWithoutCard}, doubled ${run.casesWithTwoCards}); ` +
        `breach reminders ${run.reminders} (missing ${run.casesWithoutReminder}, doubled ${run.casesWithTwoReminders}) after ${run.passesAfter.join(' + ')} more passes`,
    );
  }
  console.log(`  two / one instance throughput: ${figures.ratio}x; nothing doubled or lost: ${figures.ok ? 'yes' : 'NO'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printInstances(await runInstances());
