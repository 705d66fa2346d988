/** `npm start` reads `.env` (the environment wins) and says in one line why it cannot start. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function workDir(envFile?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'start-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  if (envFile !== undefined) writeFileSync(join(dir, '.env'), envFile);
  return dir;
}

interface Started {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts src/app/main.ts in `cwd`; stops it with SIGTERM once it logs that it listens, or waits for it to exit. */
function start(cwd: string, env: Record<string, string>): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'src/app/main.ts')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: join(cwd, 'data'), LOCAL_CHAT: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (/listening on http/.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('.env', () => {
  it('is read at start, and a variable set in the environment wins over it', async () => {
    const dir = workDir('# local settings\nPORT=1\nDEFAULT_PLAN=Premier Support\n');
    const run = await start(dir, { PORT: '0' });
    expect(run.stderr).toBe('');
    const started = run.stdout.split('\n').find((line) => line.includes('listening on'));
    expect(started, run.stdout).toBeDefined();
    expect(JSON.parse(started!)).toMatchObject({ envFile: join(dir, '.env') });
    expect(JSON.parse(started!).port).not.toBe(1);
  });

  it('a bad value in .env stops the start with the one line naming the variable', async () => {
    const run = await start(workDir('BUSINESS_HOURS=whenever\n'), { PORT: '0' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['Invalid configuration (1 problem):', expect.stringMatching(/^- BUSINESS_HOURS .*"Mon-Fri 09:00-17:00"/)]);
  });

  it('several bad variables of different parts are all named at once, each with its fix', async () => {
    const run = await start(workDir('SLA_CHECK_INTERVAL_SECONDS=0\n'), { PORT: 'abc', DATABASE_POOL_SIZE: 'many', SUPPORT_SLACK_CHANNEL: '#support', OUTBOX_POLL_SECONDS: '0' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration (5 problems):');
    expect(lines.slice(1).map((line) => line.split(' ')[1]).sort()).toEqual(['DATABASE_POOL_SIZE', 'OUTBOX_POLL_SECONDS', 'PORT', 'SLA_CHECK_INTERVAL_SECONDS', 'SUPPORT_SLACK_CHANNEL']);
    expect(run.stderr).toContain('- PORT must be a whole number from 0 to 65535 (got "abc")');
    expect(run.stderr).toContain('- SLA_CHECK_INTERVAL_SECONDS must be from 1 to 86400');
  });

  it('without .env the start says so in its log', async () => {
    const run = await start(workDir(), { PORT: '0' });
    const started = run.stdout.split('\n').find((line) => line.includes('listening on'));
    expect(JSON.parse(started!)).toMatchObject({ envFile: 'none' });
  });
});

describe('a port in use', () => {
  it('is one clear line on stderr with the fix, exit code 1, no stack trace', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as { port: number }).port;
    const run = await start(workDir(), { PORT: String(port) });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([`PORT ${port} is already in use by another program (another bot still running?). Stop it, or start on another port: PORT=${port + 1} npm start`]);
  });
});
