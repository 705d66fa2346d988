/** Opens the store the configuration chose (see `config.ts`). */
import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { StoreChoice } from './config.js';
import type { CaseStore } from './store.js';

export interface OpenStoreOptions {
  readonly choice: StoreChoice;
  /** DATA_DIR, for SQLite. */
  readonly dataDir: string;
  readonly outboxTargets: readonly string[];
  readonly now?: () => Date;
}

export function openStore(options: OpenStoreOptions): Promise<CaseStore> {
  const { choice, outboxTargets } = options;
  const now = options.now ? { now: options.now } : {};
  if (choice.kind === 'sqlite') return openSqliteStore({ dataDir: options.dataDir, outboxTargets, ...now });
  return openPostgresStore({ connectionString: choice.connectionString, maxConnections: choice.poolSize, outboxTargets, ...now });
}
