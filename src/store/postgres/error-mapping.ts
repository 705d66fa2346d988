/**
 * Turns PostgreSQL and network failures into `StoreUnavailableError`, as the SQLite store does
 * with its result codes. Anything else (a constraint violation, a bad argument) is a bug and is
 * rethrown unchanged, so it is not mistaken for "try again later".
 */
import { StoreError, StoreUnavailableError, type UnavailableReason } from '../errors.js';

/** SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const SQLSTATE_REASONS: Readonly<Record<string, UnavailableReason>> = {
  '40001': 'busy', // serialization_failure
  '40P01': 'busy', // deadlock_detected
  '55P03': 'busy', // lock_not_available
  '57014': 'busy', // query_canceled (statement_timeout)
  '53300': 'busy', // too_many_connections
  '25006': 'read-only', // read_only_sql_transaction (a standby, or default_transaction_read_only)
  '42501': 'read-only', // insufficient_privilege
  '53100': 'disk-full',
  '53200': 'io', // out_of_memory
  '58030': 'io', // io_error
  '3D000': 'cannot-open', // invalid_catalog_name: the database does not exist
  '28000': 'cannot-open', // invalid_authorization_specification
  '28P01': 'cannot-open', // invalid_password
  'XX001': 'corrupt', // data_corrupted
  'XX002': 'corrupt', // index_corrupted
};

/** Whole classes: 08 connection exception, 57P admin/crash shutdown. */
const SQLSTATE_CLASS_REASONS: Readonly<Record<string, UnavailableReason>> = {
  '08': 'cannot-open',
  '57': 'io',
};

const NETWORK_REASONS: Readonly<Record<string, UnavailableReason>> = {
  ECONNREFUSED: 'cannot-open',
  ENOTFOUND: 'cannot-open',
  EAI_AGAIN: 'cannot-open',
  ECONNRESET: 'io',
  EPIPE: 'io',
  ETIMEDOUT: 'busy',
};

export function unavailableReason(error: unknown): UnavailableReason | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined) {
    const reason = SQLSTATE_REASONS[code] ?? NETWORK_REASONS[code] ?? (code.length === 5 ? SQLSTATE_CLASS_REASONS[code.slice(0, 2)] : undefined);
    if (reason) return reason;
  }
  // node-postgres reports a lost or unobtainable connection by message only.
  if (/Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(error.message)) return 'io';
  if (/after calling end on the pool/i.test(error.message)) return 'closed';
  return undefined;
}

export function toStoreError(error: unknown, operation: string): unknown {
  if (error instanceof StoreError) return error;
  const reason = unavailableReason(error);
  if (reason === undefined) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(reason, `${operation} failed: ${detail}`, { cause: error });
}
