/**
 * Typed store errors. Callers branch on the class, never on a database's error codes, so the
 * same handling works whichever database implements `CaseStore`.
 */

export abstract class StoreError extends Error {
  abstract readonly code: string;
}

/** Why the storage could not do its job; 'busy' is the one worth an automatic retry. */
export type UnavailableReason = 'busy' | 'read-only' | 'cannot-open' | 'disk-full' | 'io' | 'corrupt' | 'closed';

/** The storage itself failed: tell the user "could not be saved, try again". Nothing was written. */
export class StoreUnavailableError extends StoreError {
  readonly code = 'STORE_UNAVAILABLE';

  constructor(
    readonly reason: UnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }

  get retryable(): boolean {
    return this.reason === 'busy';
  }
}

export class CaseNotFoundError extends StoreError {
  readonly code = 'CASE_NOT_FOUND';

  constructor(
    readonly tenantId: string,
    readonly number: string,
  ) {
    super(`case ${number} not found in tenant ${tenantId}`);
    this.name = 'CaseNotFoundError';
  }
}

/** The database was written by a newer version of the bot, or cannot be migrated (read-only). */
export class StoreSchemaError extends StoreError {
  readonly code = 'STORE_SCHEMA';

  constructor(message: string) {
    super(message);
    this.name = 'StoreSchemaError';
  }
}
