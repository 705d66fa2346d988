/**
 * `npm run data -- purge-tenant TENANT [--dry-run]`: deletes everything the store holds about one
 * tenant (a privacy request), without asking, and prints what it deleted (or, with `--dry-run`,
 * what it would delete). The store is the one the bot uses: `DATABASE_URL`, else SQLite in
 * `DATA_DIR` (./data). Every failure is one line on stderr and exit code 1 (2 for bad usage).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EnvFileError, loadEnvFile } from '../env-file.js';
import { openPostgresStore, openSqliteStore, SQLITE_FILE_NAME, storeChoiceFromEnv, StoreConfigError, StoreError, type CaseStore, type TenantPurgeCounts } from '../store/index.js';

const USAGE = 'usage: npm run data -- purge-tenant TENANT [--dry-run]';

class UsageError extends Error {}
class DataError extends Error {}

interface Command {
  readonly tenant: string;
  readonly dryRun: boolean;
}

function parseArgs(args: readonly string[]): Command {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (command !== 'purge-tenant') throw new UsageError(`unknown command "${command}"; ${USAGE}`);
  const unknown = rest.filter((a) => a.startsWith('-') && a !== '--dry-run');
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}; ${USAGE}`);
  const tenants = rest.filter((a) => !a.startsWith('-'));
  if (tenants.length === 0 || tenants[0]!.trim() === '') throw new UsageError(`the tenant id is missing (the Entra tenant id, the Slack team id, or "local"); ${USAGE}`);
  if (tenants.length > 1) throw new UsageError(`one tenant at a time, got ${tenants.length}; ${USAGE}`);
  return { tenant: tenants[0]!, dryRun: rest.includes('--dry-run') };
}

async function openConfiguredStore(env: NodeJS.ProcessEnv): Promise<{ store: CaseStore; where: string }> {
  const choice = storeChoiceFromEnv(env);
  if (choice.kind === 'postgres') {
    const where = `DATABASE_URL ${choice.where}`;
    try {
      return { store: await openPostgresStore({ connectionString: choice.connectionString, maxConnections: 2, connectionTimeoutMs: 5_000 }), where };
    } catch (error) {
      throw new DataError(`the store could not be reached (${where}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const dataDir = env.DATA_DIR?.trim() || './data';
  const where = `DATA_DIR ${dataDir}`;
  // Opening would create an empty store; a purge of a store that does not exist is a mistake.
  if (!existsSync(join(dataDir, SQLITE_FILE_NAME))) throw new DataError(`there is no case store at ${join(dataDir, SQLITE_FILE_NAME)} (${where}); set DATA_DIR to the bot's folder, or DATABASE_URL`);
  try {
    return { store: await openSqliteStore({ dataDir }), where };
  } catch (error) {
    throw new DataError(`the store could not be opened (${where}): ${error instanceof Error ? error.message : String(error)}`);
  }
}

function describeCounts(counts: TenantPurgeCounts): string {
  const parts: [number, string][] = [
    [counts.cases, 'cases'],
    [counts.audit, 'audit entries'],
    [counts.outbox, 'outbox rows'],
    [counts.settings, 'tenant settings'],
    [counts.state, 'conversation states and card references'],
    [counts.claims, 'reminder and card claims'],
    [counts.shared, 'shared values'],
    [counts.counters, 'rate counters'],
  ];
  return parts.map(([n, what]) => `${n} ${what}`).join(', ');
}

async function main(args: readonly string[]): Promise<number> {
  let command: Command;
  try {
    loadEnvFile();
    command = parseArgs(args);
  } catch (error) {
    if (error instanceof UsageError || error instanceof EnvFileError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let opened: { store: CaseStore; where: string };
  try {
    opened = await openConfiguredStore(process.env);
  } catch (error) {
    if (error instanceof DataError || error instanceof StoreConfigError) {
      process.stderr.write(`purge-tenant: ${error.message.replace(/\n/g, ' ')}\n`);
      return 1;
    }
    throw error;
  }
  try {
    const counts = await opened.store.purgeTenant(command.tenant, { dryRun: command.dryRun });
    const verb = command.dryRun ? 'would delete' : 'deleted';
    process.stdout.write(`purge-tenant ${command.tenant} (${opened.where}): ${verb} ${describeCounts(counts)}\n`);
    if (!command.dryRun && opened.where.startsWith('DATA_DIR')) process.stdout.write('SQLite keeps deleted rows in free pages until VACUUM: run sqlite3 support-bot.sqlite VACUUM with the bot stopped.\n');
    return 0;
  } catch (error) {
    if (error instanceof StoreError) {
      process.stderr.write(`purge-tenant: the store failed (${opened.where}): ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await opened.store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
