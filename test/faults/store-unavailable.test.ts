/**
 * The database is locked by another process (a backup, a stuck writer) while an admin submits a
 * case: they are told the case could not be saved and to try again, nothing is half-written, and
 * once the lock is released the same form goes through (one case).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, SQLITE_FILE_NAME, type CaseStore } from '../../src/store/index.js';
import { EMULATOR_TENANT } from '../../src/channels/teams/index.js';
import { cardText, startFakeConnector, type FakeConnector } from '../teams/helpers.js';
import { CASE_NUMBER, journeyUser, openForm, say, startJourneyBot } from '../load/journey.js';
import { tempDataDir } from './process.js';

describe('fault: the store is locked, then recovers', () => {
  let connector: FakeConnector;
  let server: RunningServer;
  let store: CaseStore;
  let dataDir: string;

  beforeAll(async () => {
    connector = await startFakeConnector();
    dataDir = tempDataDir('locked-');
    store = await openSqliteStore({ dataDir, busyTimeoutMs: 150 });
    server = await startJourneyBot(store);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await connector.close();
  });

  const count = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get() as number;

  it('says "could not be saved, try again", writes nothing, and saves the same form once unlocked', async () => {
    const user = journeyUser(1, 'locked');
    const submit = await openForm(server.url, connector, user, 'Submitted while locked');

    const locker = new Database(join(dataDir, SQLITE_FILE_NAME));
    locker.exec('BEGIN IMMEDIATE'); // holds the write lock, as another process would
    let reply: string;
    try {
      reply = (await say(server.url, connector, user, { value: submit })).map(cardText).join('\n');
      // Reads still work under WAL: the bot stays healthy and says so.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      locker.exec('ROLLBACK');
    }
    expect(reply).toMatch(/could not be saved/i);
    expect(reply).toMatch(/try again/i);
    expect(reply).not.toMatch(CASE_NUMBER);
    expect(count(locker, 'SELECT count(*) FROM cases')).toBe(0);
    expect(count(locker, 'SELECT count(*) FROM case_audit')).toBe(0);
    expect(count(locker, 'SELECT coalesce(sum(last_sequence), 0) FROM case_number_sequences')).toBe(0);

    const again = (await say(server.url, connector, user, { value: submit })).map(cardText).join('\n');
    const number = CASE_NUMBER.exec(again)?.[0];
    expect(number, again).toBeDefined();
    expect(count(locker, 'SELECT count(*) FROM cases')).toBe(1);
    expect((await store.listCases(EMULATOR_TENANT))[0]?.number).toBe(number);
    expect(locker.pragma('integrity_check', { simple: true })).toBe('ok');
    locker.close();
  });

  it('a locked store during an ordinary message answers "try again" rather than failing', async () => {
    const locker = new Database(join(dataDir, SQLITE_FILE_NAME));
    locker.exec('BEGIN IMMEDIATE');
    try {
      const reply = (await say(server.url, connector, journeyUser(2, 'locked'), { text: 'outlook is down for everyone' })).map(cardText).join('\n');
      expect(reply).toMatch(/try again/i);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
  });
});
