/**
 * SIGKILL in the middle of a load of case submissions, then a restart on the same DATA_DIR:
 * every case whose confirmation reached the Bot Connector exists, no case exists twice (also
 * after every admin submits again), and SQLite's integrity check passes.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/store/index.js';
import { cardText, startFakeConnector, type FakeConnector } from '../teams/helpers.js';
import { CASE_NUMBER, journeyUser, openForm, say } from '../load/journey.js';
import { startBot, tempDataDir, type BotProcess } from './process.js';

const ADMINS = 120;

describe('fault: SIGKILL during case submissions', () => {
  let connector: FakeConnector;
  const bots: BotProcess[] = [];
  afterAll(async () => {
    for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await connector?.close();
  });

  it('keeps every confirmed case exactly once across the crash', async () => {
    connector = await startFakeConnector();
    const dataDir = tempDataDir('sigkill-');
    const first = await startBot(dataDir);
    bots.push(first);

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
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    await Promise.all(submissions);

    // What the Bot Connector saw is the truth the admins saw.
    const sentToAdmins = new Set(connector.calls.flatMap((c) => CASE_NUMBER.exec(cardText(c.activity))?.[0] ?? []));
    expect(sentToAdmins.size).toBeGreaterThanOrEqual(10);
    expect(sentToAdmins.size).toBeLessThan(ADMINS); // the kill really landed mid-load

    const second = await startBot(dataDir);
    bots.push(second);
    try {
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
      // Everyone submits again (a retry after "no answer"): confirmed forms return their case.
      const again = await Promise.all(users.map((user, i) => say(second.url, connector, user, { value: forms[i]! })));
      const numbers = again.map((cards) => CASE_NUMBER.exec(cards.map(cardText).join('\n'))?.[0]);
      expect(numbers.every(Boolean)).toBe(true);
      for (const number of sentToAdmins) expect(numbers).toContain(number);
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
    } finally {
      db.close();
    }
  }, 60_000);
});
