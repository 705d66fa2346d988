import { execFile } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreSchemaError, StoreUnavailableError } from '../../src/store/errors.js';
import { applyMigrations, MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../src/store/sqlite-store.js';
import { newCase, openTestStore, tempDataDir } from './helpers.js';

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Runs a fixture in a fresh Node process (a real restart, not a re-import). */
async function runFixture(name: string, args: string[], options: { uid?: number; gid?: number } = {}) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', fixture(name), ...args], {
    cwd: projectRoot,
    ...options,
  });
  return JSON.parse(stdout) as unknown;
}

function rawConnection(dataDir: string, options?: Database.Options): Database.Database {
  return new Database(join(dataDir, SQLITE_FILE_NAME), options);
}

function countRows(dataDir: string, table: 'cases' | 'case_audit' | 'case_number_sequences'): number {
  const db = rawConnection(dataDir, { readonly: true });
  try {
    // Table names come from the closed union above, never from input.
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('SQLite case store: files, restarts and failures', () => {
  it('creates the data directory and a WAL-mode support-bot.sqlite inside it', async () => {
    const dataDir = join(tempDataDir(), 'nested', 'data');
    await openTestStore({ dataDir });
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
    const raw = rawConnection(dataDir);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('works in memory for fast tests', async () => {
    const store = await openSqliteStore({ dataDir: ':memory:' });
    const { case: c } = await store.createCase(newCase(), 'k');
    expect((await store.getCase(c.tenantId, c.number))?.title).toBe(c.title);
    await store.close();
  });

  it('finds cases written by another process after a restart', async () => {
    const dataDir = tempDataDir();
    const written = (await runFixture('create-cases.ts', [dataDir, '3', 'U-child'])) as string[];

    const store = await openTestStore({ dataDir });
    const found = await store.listCases('tenant-contoso', { requesterUserId: 'U-child' });
    expect(found.map((c) => c.number).sort()).toEqual([...written].sort());
    expect(found[0]?.contact).toEqual({ method: 'chat', language: 'zh-TW', timeZone: 'Asia/Taipei' });
    expect(found[0]?.conversationReference).toEqual({ team: 'T1', channel: 'D1' });
  });

  it('keeps case numbers unique when two processes create cases at the same time', async () => {
    const dataDir = tempDataDir();
    const startAt = String(Date.now() + 1_500); // both children are up by then and write together
    const [first, second] = (await Promise.all([
      runFixture('create-cases.ts', [dataDir, '300', 'U-first', startAt]),
      runFixture('create-cases.ts', [dataDir, '300', 'U-second', startAt]),
    ])) as [string[], string[]];

    const all = [...first, ...second];
    expect(new Set(all).size).toBe(600);
    const sequenceOf = (n: string) => Number(n.split('-')[2]);
    // The writes really interleaved: each child got numbers before and after the other's.
    expect(Math.min(...first.map(sequenceOf))).toBeLessThan(Math.max(...second.map(sequenceOf)));
    expect(Math.min(...second.map(sequenceOf))).toBeLessThan(Math.max(...first.map(sequenceOf)));
    // Day boundaries aside (the children use the real clock), the sequence has no gaps.
    if (new Set(all.map((n) => n.split('-')[1])).size === 1) {
      expect(all.map(sequenceOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    }
  });

  it('migrates once: reopening does not fail and user_version records the schema', async () => {
    const dataDir = tempDataDir();
    await (await openSqliteStore({ dataDir })).close();
    const store = await openSqliteStore({ dataDir });
    await store.createCase(newCase(), 'k');
    await store.close();
    await (await openSqliteStore({ dataDir })).close();

    const raw = rawConnection(dataDir);
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(applyMigrations(raw)).toBe(MIGRATIONS.length);
    raw.close();
    expect(countRows(dataDir, 'cases')).toBe(1);
  });

  it('applies migrations in order, each atomically with its version', () => {
    const db = new Database(':memory:');
    const migrations = ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (x INTEGER); CREATE TABLE a (y INTEGER)'];
    expect(() => applyMigrations(db, migrations)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    // The failed second migration left no table b behind.
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()).toEqual(['a']);
    db.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const dataDir = tempDataDir();
    await (await openSqliteStore({ dataDir })).close();
    const raw = rawConnection(dataDir);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    await expect(openSqliteStore({ dataDir })).rejects.toBeInstanceOf(StoreSchemaError);
  });

  it('rejects createCase on a read-only database with StoreUnavailableError and writes nothing', async () => {
    const dataDir = tempDataDir();
    await (await openSqliteStore({ dataDir })).close();
    const store = await openTestStore({ dataDir, readonly: true });

    const attempt = store.createCase(newCase(), 'k');
    await expect(attempt).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(attempt).rejects.toMatchObject({ reason: 'read-only', retryable: false });
    await expect(store.setTenantPlan('t', 'business')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.listCases('tenant-contoso')).toEqual([]);
    expect(countRows(dataDir, 'cases')).toBe(0);
    expect(countRows(dataDir, 'case_audit')).toBe(0);
    expect(countRows(dataDir, 'case_number_sequences')).toBe(0);
  });

  it('refuses to open a data dir whose file and folder are read-only (chmod), writing nothing', async () => {
    const testRoot = tempDataDir();
    const dataDir = join(testRoot, 'data');
    await (await openSqliteStore({ dataDir })).close();
    // Root ignores file modes, so the attempt runs as 'nobody' when the tests run as root;
    // the temp folder (0700 from mkdtemp) must then be traversable by it.
    const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    chmodSync(testRoot, 0o755);
    chmodSync(join(dataDir, SQLITE_FILE_NAME), 0o444);
    chmodSync(dataDir, 0o555);

    const outcome = await runFixture('try-create-case.ts', [dataDir], asUnprivileged);

    chmodSync(dataDir, 0o755);
    // Failing at start-up, before the bot promises anything to anyone.
    expect(outcome).toMatchObject({ stage: 'open', error: 'StoreUnavailableError', reason: 'read-only' });
    expect((outcome as { message: string }).message).toMatch(/readonly database/);
    expect(countRows(dataDir, 'cases')).toBe(0);
  });

  it('rejects with a retryable StoreUnavailableError while another connection holds the write lock', async () => {
    const dataDir = tempDataDir();
    const store = await openTestStore({ dataDir, busyTimeoutMs: 50 });
    const other = rawConnection(dataDir);
    other.exec('BEGIN IMMEDIATE');

    const attempt = store.createCase(newCase(), 'k');
    await expect(attempt).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(attempt).rejects.toMatchObject({ reason: 'busy', retryable: true });
    await expect(store.claimOnce('event-1', 60_000)).rejects.toMatchObject({ reason: 'busy' });

    other.exec('ROLLBACK');
    other.close();
    // Nothing half-written: the retry gets the first number of the day.
    const retried = await store.createCase(newCase(), 'k');
    expect(retried.created).toBe(true);
    expect(retried.case.number).toMatch(/-0001$/);
    expect(await store.claimOnce('event-1', 60_000)).toBe(true);
  });

  it('rejects every turn of a group commit while the write lock is held, writing none of them, after one busy wait', async () => {
    const dataDir = tempDataDir();
    const store = await openTestStore({ dataDir, busyTimeoutMs: 300 });
    const other = rawConnection(dataDir);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const turns = Array.from({ length: 10 }, (_, i) => i + 1).map((n) => store.saveTurn({ claim: { key: `delivery:${n}`, ttlMs: 60_000 }, state: { key: `conv-${n}`, value: { n } } }));
    for (const turn of turns) await expect(turn).rejects.toMatchObject({ reason: 'busy', retryable: true });
    // One busy timeout for the batch, not one per turn (which would hold the event loop 3 s).
    expect(Date.now() - started).toBeLessThan(2_000);
    other.exec('ROLLBACK');
    other.close();
    expect(await store.isClaimed('delivery:1')).toBe(false);
    expect(await store.getConversationState('conv-2')).toBeUndefined();
    expect(await store.saveTurn({ claim: { key: 'delivery:1', ttlMs: 60_000 } })).toBe(true);
  });

  it('rejects opening when the data dir cannot be a folder', async () => {
    const parent = tempDataDir();
    const notAFolder = join(parent, 'file');
    writeFileSync(notAFolder, 'x');
    const opening = openSqliteStore({ dataDir: notAFolder });
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('rejects every call after close with StoreUnavailableError', async () => {
    const store = await openSqliteStore({ dataDir: tempDataDir() });
    await store.close();
    await store.close();
    await expect(store.getCase('t', 'SR-261124-0001')).rejects.toMatchObject({ reason: 'closed' });
    await expect(store.createCase(newCase(), 'k')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
