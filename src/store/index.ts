/** The case store: one interface (cases, conversation state, tenant plans, outbox, dedup claims), SQLite by default, PostgreSQL with DATABASE_URL. */
export type * from './store.js';
export { CaseNotFoundError, StoreError, StoreSchemaError, StoreUnavailableError, type UnavailableReason } from './errors.js';
export { CASE_NUMBER_PATTERN, formatCaseNumber, isCaseNumber, utcDayKey } from './case-number.js';
export { openSqliteStore, SQLITE_FILE_NAME, type SqliteStoreOptions } from './sqlite-store.js';
export { openPostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { storeChoiceFromEnv, StoreConfigError, STORE_VARIABLES, type StoreChoice } from './config.js';
export { openStore, type OpenStoreOptions } from './open.js';
