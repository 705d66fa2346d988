/**
 * The stores the contract suites run against: SQLite (a temp folder) and PostgreSQL (a fresh
 * database on the run's test cluster). Each test gets its own database; a store opened through
 * `open` is closed after the test.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../src/store/sqlite-store.js';
import type { CaseStore } from '../../src/store/store.js';
import { createTestDatabase, postgresSkipReason, rawQuery } from '../postgres/database.js';
import { tempDataDir } from './helpers.js';

export interface StoreOptions {
  readonly now?: () => Date;
  readonly outboxTargets?: readonly string[];
}

/** One database; several stores may be opened on it (a restart, a second instance). */
export interface TestDatabase {
  /** Closed automatically after the test. */
  open(options?: StoreOptions): Promise<CaseStore>;
  /** The caller closes it. */
  openUnmanaged(options?: StoreOptions): Promise<CaseStore>;
  setSequence(utcDay: string, lastSequence: number): Promise<void>;
  sequences(): Promise<number[]>;
  /** PostgreSQL only: the database's URL (for a second process). */
  readonly url?: string;
  /** SQLite only: the DATA_DIR holding the file (for a second process). */
  readonly dataDir?: string;
  /** What a process needs in its environment to open this database. */
  readonly env: Readonly<Record<string, string>>;
  /** From now on every audit insert fails with "audit disk gone". */
  breakAuditWrites(): Promise<void>;
  /**
   * The plan of `sql` (the store's own placeholders) as text. PostgreSQL plans on fresh statistics
   * with sequential scans disabled, so a small test table still shows which index serves it.
   */
  explain(sql: string, params: readonly unknown[]): Promise<string>;
}

export interface StoreKind {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** Why this store cannot be tested here (PostgreSQL not installed, outside CI). */
  readonly skip: string | undefined;
  database(): Promise<TestDatabase>;
  /** A store on a fresh database, closed after the test. */
  open(options?: StoreOptions): Promise<CaseStore>;
}

const opened: CaseStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0).reverse()) await store.close();
});

function managed(open: (options: StoreOptions) => Promise<CaseStore>): (options?: StoreOptions) => Promise<CaseStore> {
  return async (options = {}) => {
    const store = await open(options);
    opened.push(store);
    return store;
  };
}

const sqlite: StoreKind = {
  name: 'SQLite',
  skip: undefined,
  async database() {
    const dataDir = tempDataDir();
    const raw = <T>(work: (db: Database.Database) => T): T => {
      const db = new Database(join(dataDir, SQLITE_FILE_NAME));
      try {
        return work(db);
      } finally {
        db.close();
      }
    };
    const openUnmanaged = (options: StoreOptions = {}) => openSqliteStore({ dataDir, ...options });
    return {
      dataDir,
      env: { DATA_DIR: dataDir },
      open: managed(openUnmanaged),
      openUnmanaged,
      setSequence: async (day, last) => {
        raw((db) => db.prepare('INSERT INTO case_number_sequences (utc_day, last_sequence) VALUES (?, ?)').run(day, last));
      },
      sequences: async () => raw((db) => db.prepare('SELECT last_sequence FROM case_number_sequences ORDER BY utc_day').pluck().all() as number[]),
      breakAuditWrites: async () => {
        raw((db) => db.exec(`CREATE TRIGGER audit_fails BEFORE INSERT ON case_audit BEGIN SELECT RAISE(ABORT, 'audit disk gone'); END`));
      },
      explain: async (sql, params) =>
        raw((db) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n')),
    };
  },
  async open(options) {
    return (await this.database()).open(options);
  },
};

const postgres: StoreKind = {
  name: 'PostgreSQL',
  get skip() {
    return postgresSkipReason();
  },
  async database() {
    const url = await createTestDatabase();
    const openUnmanaged = (options: StoreOptions = {}) => openPostgresStore({ connectionString: url, ...options });
    return {
      url,
      env: { DATABASE_URL: url },
      open: managed(openUnmanaged),
      openUnmanaged,
      setSequence: async (day, last) => {
        await rawQuery(url, 'INSERT INTO case_number_sequences (utc_day, last_sequence) VALUES ($1, $2)', [day, last]);
      },
      sequences: async () => (await rawQuery<{ last_sequence: number }>(url, 'SELECT last_sequence FROM case_number_sequences ORDER BY utc_day')).map((r) => r.last_sequence),
      breakAuditWrites: async () => {
        await rawQuery(url, `CREATE FUNCTION audit_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit disk gone'; END $$`);
        await rawQuery(url, 'CREATE TRIGGER audit_fails BEFORE INSERT ON case_audit FOR EACH ROW EXECUTE FUNCTION audit_fails()');
      },
      explain: async (sql, params) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query('ANALYZE cases');
          await client.query('SET enable_seqscan = off');
          const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [...params]);
          return rows.map((r) => r['QUERY PLAN']).join('\n');
        } finally {
          await client.end();
        }
      },
    };
  },
  async open(options) {
    return (await this.database()).open(options);
  },
};

export const STORE_KINDS: readonly StoreKind[] = [sqlite, postgres];
