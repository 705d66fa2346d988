/**
 * SIGKILL in the middle of a load of case submissions, then a restart on the same DATA_DIR:
 * every case whose confirmation reached the Bot Connector exists, no case exists twice (also
 * after every admin submits again), and SQLite's integrity check passes. The support channel
 * and the handoff webhook hold every announcement unanswered until the kill, so the kill lands
 * between the commits and their announcements: after the restart, the outbox announces every
 * case exactly once to each.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/store/index.js';
import { botAddedToTeam, cardText, post, startFakeConnector, type FakeConnector } from '../teams/helpers.js';
import { CASE_NUMBER, journeyUser, openForm, say } from '../load/journey.js';
import { startGatedReceiver, type Answered, type GatedReceiver } from './gated-receiver.js';
import { startBot, tempDataDir, type BotProcess } from './process.js';

const ADMINS = 120;
const SUPPORT_CHANNEL = '19:support-desk@thread.tacv2';

/** The bot is added to the support team: the desk records where case cards go. */
async function addToSupportChannel(botUrl: string, serviceUrl: string): Promise<void> {
  const activity = botAddedToTeam(serviceUrl, SUPPORT_CHANNEL);
  expect((await post(botUrl, activity)).status).toBeLessThan(300);
}

/** Case numbers of the case cards posted (answered) in the support channel, one per post. */
function cardsPosted(answered: readonly Answered[]): string[] {
  return answered
    .filter((a) => a.method === 'POST' && decodeURIComponent(a.path).includes(SUPPORT_CHANNEL))
    .flatMap((a) => CASE_NUMBER.exec(cardText(JSON.parse(a.body)))?.[0] ?? []);
}

/** Case numbers of the webhook deliveries answered, one per delivery. */
function handedOff(answered: readonly Answered[]): string[] {
  return answered.map((a) => (JSON.parse(a.body) as { case: { number: string } }).case.number);
}

describe('fault: SIGKILL during case submissions', () => {
  let connector: FakeConnector;
  let supportChannel: GatedReceiver;
  let webhook: GatedReceiver;
  const bots: BotProcess[] = [];
  afterAll(async () => {
    for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await connector?.close();
    await supportChannel?.close();
    await webhook?.close();
  });

  // Long: the restart waits out the killed process's outbox leases (2 s) and card reservations (15 s).
  it('keeps every confirmed case exactly once across the crash', async () => {
    connector = await startFakeConnector();
    supportChannel = await startGatedReceiver();
    webhook = await startGatedReceiver();
    const dataDir = tempDataDir('sigkill-');
    const env = {
      SUPPORT_TEAMS_CHANNEL: SUPPORT_CHANNEL,
      HANDOFF_WEBHOOK_URL: `${webhook.url}hook`,
      HANDOFF_WEBHOOK_SECRET: 'sigkill-secret',
      // Rows the killed process had claimed are replayed after this lease.
      OUTBOX_LEASE_SECONDS: '2',
      OUTBOX_POLL_SECONDS: '1',
    };
    const first = await startBot(dataDir, env);
    bots.push(first);
    await addToSupportChannel(first.url, supportChannel.url);
    supportChannel.hold();
    webhook.hold();

    const users = Array.from({ length: ADMINS }, (_, i) => journeyUser(i, 'kill'));
    const forms = await Promise.all(users.map((user, i) => openForm(first.url, connector, user, `Crash case ${i}`)));

    // A steady stream of submissions (a few in flight at a time, so the load lasts longer than
    // one group commit); kill the process once a handful of confirmations are out.
    const IN_FLIGHT = 6;
    let next = 0;
    const submitter = async (): Promise<void> => {
      while (next < users.length) {
        const i = next++;
        try {
          await say(first.url, connector, users[i]!, { value: forms[i]! });
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const submissions = Array.from({ length: IN_FLIGHT }, submitter);
    const deadline = Date.now() + 20_000;
    const confirmationsSeen = () => connector.calls.filter((c) => CASE_NUMBER.test(cardText(c.activity)) && /is with Microsoft support/.test(cardText(c.activity))).length;
    while (confirmationsSeen() < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    // Announcements were under way (held unanswered) when the process died.
    const announcementsInFlight = supportChannel.held() + webhook.held();
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    await Promise.all(submissions);

    // What the Bot Connector saw is the truth the admins saw.
    const sentToAdmins = new Set(connector.calls.flatMap((c) => CASE_NUMBER.exec(cardText(c.activity))?.[0] ?? []));
    expect(sentToAdmins.size).toBeGreaterThanOrEqual(10);
    expect(sentToAdmins.size).toBeLessThan(ADMINS); // the kill really landed mid-load
    expect(announcementsInFlight).toBeGreaterThan(0);
    expect(cardsPosted(supportChannel.answered)).toEqual([]);
    expect(webhook.answered).toEqual([]);

    supportChannel.answer();
    webhook.answer();
    const second = await startBot(dataDir, env);
    bots.push(second);
    try {
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
      // Everyone submits again (a retry after "no answer"): confirmed forms return their case.
      const again = await Promise.all(users.map((user, i) => say(second.url, connector, user, { value: forms[i]! })));
      const numbers = again.map((cards) => CASE_NUMBER.exec(cards.map(cardText).join('\n'))?.[0]);
      expect(numbers.every(Boolean)).toBe(true);
      for (const number of sentToAdmins) expect(numbers).toContain(number);
      // Every case, confirmed before the kill or after, reaches both once the outbox replays.
      // (A card the killed process was posting is reserved for 15 s: the outbox retries it after.)
      await supportChannel.until((answered) => new Set(cardsPosted(answered)).size === ADMINS, 60_000);
      await webhook.until((answered) => new Set(handedOff(answered)).size === ADMINS, 60_000);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }

    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('SELECT number, title FROM cases').all() as { number: string; title: string }[];
      expect(rows).toHaveLength(ADMINS);
      expect(new Set(rows.map((r) => r.title)).size).toBe(ADMINS);
      expect(new Set(rows.map((r) => r.number)).size).toBe(ADMINS);
      for (const number of sentToAdmins) expect(rows.map((r) => r.number)).toContain(number);
      const audits = db.prepare("SELECT count(*) FROM case_audit WHERE action = 'created'").pluck().get() as number;
      expect(audits).toBe(ADMINS);
      // Every outbox row is recorded delivered, and the process has stopped: nothing more can be
      // sent, so what the receivers got is final. Exactly one card and one handoff per case.
      const outbox = db.prepare('SELECT target, count(*) AS n, count(delivered_at) AS delivered FROM case_outbox GROUP BY target ORDER BY target').all();
      expect(outbox).toEqual([
        { target: 'support-desk', n: ADMINS, delivered: ADMINS },
        { target: 'webhook', n: ADMINS, delivered: ADMINS },
      ]);
      const cards = cardsPosted(supportChannel.answered);
      const handoffs = handedOff(webhook.answered);
      expect(cards).toHaveLength(ADMINS);
      expect(handoffs).toHaveLength(ADMINS);
      expect(new Set(cards)).toEqual(new Set(rows.map((r) => r.number)));
      expect(new Set(handoffs)).toEqual(new Set(rows.map((r) => r.number)));
    } finally {
      db.close();
    }
  }, 150_000);
});
