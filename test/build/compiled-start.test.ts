/**
 * `npm start` runs the compiled server (dist/), where every runtime asset (intents, cards, the
 * web chat pages and bundle) must still be found: build it, start it, and use it over HTTP.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePresent, DEFAULT_BUNDLE_DIR } from '../../src/channels/webchat/index.js';

const ROOT = process.cwd();
let child: ReturnType<typeof spawn> | undefined;
let url: string | undefined;
let dataDir = '';
let stdout = '';

// The full compile takes ~15 s on a quiet 2-CPU machine and timed out at 60 s under load: a generous limit, not a wait.
beforeAll(async () => {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  dataDir = mkdtempSync(join(tmpdir(), 'compiled-start-'));
  child = spawn(process.execPath, ['dist/app/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_QUIET: 'true', PORT: '0', DATA_DIR: dataDir, DEFAULT_PLAN: 'E3' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!url && Date.now() < deadline) {
    url = /listening on (http:\/\/localhost:\d+)\/api\/messages/.exec(stdout)?.[1];
    if (!url) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled server (npm start)', () => {
  it('starts, reports healthy and serves the local pages', async () => {
    expect(url, stdout).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Support Triage Bot/);
    expect((await fetch(`${url}/support`)).status).toBe(200);
    if (bundlePresent(DEFAULT_BUNDLE_DIR)) expect((await fetch(`${url}/webchat/webchat.js`)).status).toBe(200);
  });

  it('answers a Teams-shaped activity with an Adaptive Card triage (rules and cards found from dist/)', async () => {
    const replies: unknown[] = [];
    const { createServer } = await import('node:http');
    const connector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        replies.push(JSON.parse(body || '{}'));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `r${replies.length}` }));
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    const port = (connector.address() as { port: number }).port;
    try {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'a1',
          channelId: 'msteams',
          serviceUrl: `http://127.0.0.1:${port}/`,
          conversation: { id: 'c1', tenantId: 't1' },
          from: { id: 'u1', name: 'Ana' },
          recipient: { id: 'bot', name: 'bot' },
          text: 'nobody can send email since 8am, NDR 550 5.7.1',
        }),
      });
      expect(response.status).toBeLessThan(300);
      const deadline = Date.now() + 5000;
      while (replies.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      const card = JSON.stringify(replies);
      expect(card).toContain('application/vnd.microsoft.card.adaptive');
      expect(card).toContain('Exchange Online · Mail flow');
    } finally {
      connector.close();
    }
  });
});
