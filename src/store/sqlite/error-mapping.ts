/**
 * Turns SQLite and file-system failures into `StoreUnavailableError`. Anything else (a
 * constraint violation, a bad argument) is a bug in the caller or the store and is rethrown
 * unchanged so it is not mistaken for "try again later".
 */
import Database from 'better-sqlite3';
import { StoreError, StoreUnavailableError, type UnavailableReason } from '../errors.js';

/** Primary SQLite result codes; extended codes (SQLITE_BUSY_SNAPSHOT...) share the prefix. */
const SQLITE_REASONS: Readonly<Record<string, UnavailableReason>> = {
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_READONLY: 'read-only',
  SQLITE_CANTOPEN: 'cannot-open',
  SQLITE_PERM: 'read-only',
  SQLITE_AUTH: 'read-only',
  SQLITE_FULL: 'disk-full',
  SQLITE_IOERR: 'io',
  SQLITE_PROTOCOL: 'io',
  SQLITE_NOLFS: 'io',
  SQLITE_CORRUPT: 'corrupt',
  SQLITE_NOTADB: 'corrupt',
};

const FILE_SYSTEM_REASONS: Readonly<Record<string, UnavailableReason>> = {
  EACCES: 'read-only',
  EPERM: 'read-only',
  EROFS: 'read-only',
  ENOSPC: 'disk-full',
  ENOTDIR: 'cannot-open',
  EEXIST: 'cannot-open',
  ENOENT: 'cannot-open',
  EIO: 'io',
};

export function unavailableReason(error: unknown): UnavailableReason | undefined {
  if (error instanceof Database.SqliteError) {
    const primary = error.code.split('_').slice(0, 2).join('_');
    return SQLITE_REASONS[primary];
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return FILE_SYSTEM_REASONS[error.code];
  }
  return undefined;
}

export function toStoreError(error: unknown, operation: string): unknown {
  if (error instanceof StoreError) return error;
  const reason = unavailableReason(error);
  if (reason === undefined) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(reason, `${operation} failed: ${detail}`, { cause: error });
}
