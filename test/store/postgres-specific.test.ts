/**
 * What only the PostgreSQL store has: migrations serialized by an advisory lock when instances
 * start together, a newer schema refused, case numbers unique across instances, an unreachable
 * or stopped server reported as StoreUnavailableError, and DATABASE_URL validated by name.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { StoreSchemaError, StoreUnavailableError } from '../../src/store/errors.js';
import { storeChoiceFromEnv, StoreConfigError } from '../../src/store/config.js';
import { MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { createTestDatabase, postgresSkipReason, rawQuery } from '../postgres/database.js';
import { newCase, testClock } from './helpers.js';

describe('DATABASE_URL', () => {
  it('chooses SQLite when unset or empty, PostgreSQL for a postgres:// URL', () => {
    expect(storeChoiceFromEnv({})).toEqual({ kind: 'sqlite' });
    expect(storeChoiceFromEnv({ DATABASE_URL: '' })).toEqual({ kind: 'sqlite' });
    expect(storeChoiceFromEnv({ DATABASE_URL: 'postgresql://bot:pw@db.internal/support', DATABASE_POOL_SIZE: '4' })).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://bot:pw@db.internal/support',
      poolSize: 4,
      where: 'db.internal:5432/support',
    });
  });

  it('names the variable and the fix for a URL that is not PostgreSQL, without echoing it', () => {
    for (const bad of ['mysql://bot:hunter2@db/x', 'db.internal:5432', 'postgres://']) {
      let error: unknown;
      try {
        storeChoiceFromEnv({ DATABASE_URL: bad });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(StoreConfigError);
      expect((error as Error).message).toMatch(/DATABASE_URL must be a PostgreSQL URL such as postgres:\/\//);
      expect((error as Error).message).not.toContain('hunter2');
    }
    expect(() => storeChoiceFromEnv({ DATABASE_URL: 'postgres://db/x', DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE must be from 1 to 100/);
  });
});

describe.skipIf(postgresSkipReason() !== undefined)('PostgreSQL store', () => {
  it('migrates once when several instances start on a new database at the same time', async () => {
    const url = await createTestDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore({ connectionString: url })));
    try {
      const versions = await rawQuery<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('refuses a database written by a newer schema', async () => {
    const url = await createTestDatabase();
    await (await openPostgresStore({ connectionString: url })).close();
    await rawQuery(url, 'INSERT INTO schema_migrations (version) VALUES ($1)', [MIGRATIONS.length + 1]);
    await expect(openPostgresStore({ connectionString: url })).rejects.toBeInstanceOf(StoreSchemaError);
  });

  it('gives two instances unique, consecutive case numbers when they create at the same time', async () => {
    const url = await createTestDatabase();
    const clock = testClock('2026-11-24T10:00:00Z');
    const [a, b] = await Promise.all([openPostgresStore({ connectionString: url, now: clock.now }), openPostgresStore({ connectionString: url, now: clock.now })]);
    try {
      const created = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).createCase(newCase({ title: `case ${i}` }), `key-${i}`)),
      );
      const numbers = created.map((r) => r.case.number).sort();
      expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => `SR-261124-${String(i + 1).padStart(4, '0')}`));
      // The same form submitted to both instances at once: one case.
      const twice = await Promise.all([a.createCase(newCase(), 'same-form'), b.createCase(newCase(), 'same-form')]);
      expect(twice.map((r) => r.created).sort()).toEqual([false, true]);
      expect(twice[0]!.case.number).toBe(twice[1]!.case.number);
      expect(twice[0]!.case.number).toBe('SR-261124-0101');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('lets exactly one of two instances claim an unowned case', async () => {
    const url = await createTestDatabase();
    const [a, b] = await Promise.all([openPostgresStore({ connectionString: url }), openPostgresStore({ connectionString: url })]);
    try {
      const { case: c } = await a.createCase(newCase(), 'k');
      const results = await Promise.all(
        ['eve', 'mallory', 'trent', 'peggy'].map((owner, i) => (i % 2 ? a : b).updateCaseIf(c.tenantId, c.number, { owner: null }, { owner }, { actor: owner, action: 'claimed' })),
      );
      expect(results.filter((r) => r.updated)).toHaveLength(1);
      const stored = await a.getCase(c.tenantId, c.number);
      expect(stored?.audit.filter((e) => e.action === 'claimed')).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('reports an unreachable server as StoreUnavailableError when opening', async () => {
    const error = await openPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:9/none', connectionTimeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).reason).toBe('cannot-open');
  });

  it('rejects a call whose connection dies mid-transaction with StoreUnavailableError, writing nothing, and works again after', async () => {
    const url = await createTestDatabase();
    const store = await openPostgresStore({ connectionString: url, maxConnections: 1 });
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await store.createCase(newCase(), 'before');
      // Hold the table so the store's next write waits inside its transaction, then kill it.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE cases IN ACCESS EXCLUSIVE MODE');
      const during = store.createCase(newCase(), 'during').catch((e: unknown) => e);
      const waiting = async () => (await rawQuery<{ pid: number }>(url, "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")).map((r) => r.pid);
      let pids: number[] = [];
      for (let i = 0; i < 200 && pids.length === 0; i++) pids = await waiting();
      expect(pids).toHaveLength(1);
      await rawQuery(url, 'SELECT pg_terminate_backend($1)', [pids[0]]);
      const error = await during;
      expect(error).toBeInstanceOf(StoreUnavailableError);
      await locker.query('ROLLBACK');

      expect((await store.createCase(newCase(), 'after')).created).toBe(true);
      expect(await store.listCases(newCase().tenantId)).toHaveLength(2);
    } finally {
      await locker.end();
      await store.close();
    }
  });

  it('rejects every call after close with StoreUnavailableError', async () => {
    const store = await openPostgresStore({ connectionString: await createTestDatabase() });
    await store.close();
    await store.close();
    await expect(store.getCase('t', 'SR-261124-0001')).rejects.toMatchObject({ reason: 'closed' });
    await expect(store.saveTurn({ state: { key: 'k', value: 1 } })).rejects.toMatchObject({ reason: 'closed' });
  });
});
