/** `npm start` as a process: config errors name the variable; it serves, reports health and stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

describe('loadConfig', () => {
  it('has defaults for local use and treats empty variables as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '' })).toEqual({
      PORT: 3978,
      DATA_DIR: './data',
      LOG_LEVEL: 'info',
      MicrosoftAppId: undefined,
      MicrosoftAppPassword: undefined,
      MicrosoftAppType: undefined,
      MicrosoftAppTenantId: undefined,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppType: 'Other' }, 'MicrosoftAppType'],
  ])('%j is refused naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n- ${variable} `));
  });

  it('never echoes the password', () => {
    expect(() => loadConfig({ MicrosoftAppPassword: 'hunter2' })).toThrow(/MicrosoftAppId is required/);
    try {
      loadConfig({ MicrosoftAppPassword: 'hunter2' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});

function start(env: Record<string, string>) {
  const child = spawn(TSX, ['src/app/main.ts'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_QUIET: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm start (src/app/main.ts)', () => {
  it('exits 1 naming the bad variable', async () => {
    const run = start({ PORT: 'not-a-port' });
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain('PORT must be a whole number');
  });

  it('logs one line with the URL, answers /healthz 200, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'triage-bot-'));
    const run = start({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const deadline = Date.now() + 15_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      url = /listening on (http:\/\/localhost:\d+)\/api\/messages/.exec(run.out())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    try {
      expect(url, run.err()).toBeDefined();
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.out()).toContain('"msg":"stopped"');
  });
});
