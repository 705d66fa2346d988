/**
 * A fresh PostgreSQL database on the run's test cluster (see `global-setup.ts`), so no two
 * tests share state. Databases are left for the cluster's removal at the end of the run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresSkipReason(): string | undefined {
  const provided = inject('postgres');
  return 'skip' in provided ? provided.skip : undefined;
}

export function clusterUrl(database = 'postgres'): string {
  const provided = inject('postgres');
  if ('skip' in provided) throw new Error(provided.skip);
  return `postgres://postgres@127.0.0.1:${provided.port}/${database}`;
}

/** Creates an empty database and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: clusterUrl() });
  await admin.connect();
  try {
    // FILE_COPY: with fsync off in the test cluster it is about twice as fast as the default WAL_LOG.
    await admin.query(`CREATE DATABASE ${name} STRATEGY FILE_COPY`);
  } finally {
    await admin.end();
  }
  return clusterUrl(name);
}

/** Runs SQL on a database behind the store's back (to seed or inspect rows). */
export async function rawQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
