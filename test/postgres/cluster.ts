/**
 * A throwaway PostgreSQL cluster for the test run (vitest globalSetup): `initdb` into a temp
 * folder, `pg_ctl start` on a free loopback port, stopped and deleted when the run ends. Test
 * files read the port from `TEST_PG_PORT` and create their own database (see `database.ts`).
 *
 * initdb refuses to run as root and CI runs as root: the cluster then belongs to the `postgres`
 * user (Debian's package creates it) and every binary runs through `runuser`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PORT_VARIABLE = 'TEST_PG_PORT';
export const SKIP_VARIABLE = 'TEST_PG_SKIP_REASON';

export interface RunningCluster {
  readonly port: number;
  readonly startMs: number;
  stop(): void;
}

/** The newest installed server's bin folder, or undefined. */
export function findPostgresBin(root = '/usr/lib/postgresql'): string | undefined {
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `durable`: keep fsync and synchronous commit on, as in production (for measurements). */
export async function startCluster(bin: string, options: { durable?: boolean } = {}): Promise<RunningCluster> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : undefined;
  if (owner !== undefined) {
    chownSync(dir, owner, owner);
    chmodSync(dir, 0o700);
  }
  const run = (tool: string, args: string[]): void => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] as const : [join(bin, tool), args] as const;
    execFileSync(command[0], command[1], { stdio: 'pipe', cwd: dir });
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // fsync off: the cluster dies with the run, durability across power cuts is not under test.
  const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${fast}`;
  run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'server.log'), '-o', serverOptions, 'start']);
  return {
    port,
    startMs: performance.now() - started,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
