/** Opening the SQLite file with the pragmas every connection of the bot needs. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';

export const SQLITE_FILE_NAME = 'support-bot.sqlite';
export const IN_MEMORY = ':memory:';

export interface ConnectionOptions {
  /** Folder holding `support-bot.sqlite`, created if missing; ':memory:' for a throwaway store. */
  readonly dataDir: string;
  readonly readonly: boolean;
  readonly busyTimeoutMs: number;
}

export function databasePath(dataDir: string): string {
  return dataDir === IN_MEMORY ? IN_MEMORY : join(dataDir, SQLITE_FILE_NAME);
}

export async function openConnection(options: ConnectionOptions): Promise<Database.Database> {
  if (options.dataDir !== IN_MEMORY && !options.readonly) mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(databasePath(options.dataDir), {
    readonly: options.readonly,
    // A read-only store over a missing file would otherwise fail later with a vaguer error.
    fileMustExist: options.readonly,
    // Sets SQLite's busy_timeout: how long a statement waits for another connection's lock.
    timeout: options.busyTimeoutMs,
  });
  try {
    // WAL lets the SLA scheduler read while the bot writes; the mode is stored in the file, so
    // a read-only connection inherits it and must not try to set it.
    if (!options.readonly) await useWriteAheadLog(db, options.busyTimeoutMs);
    // NORMAL is durable across process crashes in WAL mode; only a power cut can lose the
    // last commits, an acceptable trade for not fsyncing on every dedup claim.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const WAL_RETRY_PAUSE_MS = 10;

/**
 * Switching a fresh file to WAL answers SQLITE_BUSY at once, without the busy handler, when
 * another process is opening it too (two instances starting on a new deployment): retry
 * within the busy timeout instead of failing the start.
 */
async function useWriteAheadLog(db: Database.Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
      if (!busy || Date.now() >= deadline) throw error;
      await sleep(WAL_RETRY_PAUSE_MS);
    }
  }
}
