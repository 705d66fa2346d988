/** Drives the real `npm run chat` process (tsx src/cli/chat.ts) with piped lines. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh working directory (its own ./data and no .env) for one test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chat-'));
  dirs.push(dir);
  return dir;
}

export interface ChatRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the chat with `lines` on stdin, in `cwd` (default: a fresh directory), and waits for it to exit. */
export function chat(lines: readonly string[], options: { env?: Record<string, string>; cwd?: string; args?: readonly string[] } = {}): Promise<ChatRun> {
  const cwd = options.cwd ?? tempDir();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'src/cli/chat.ts'), ...(options.args ?? [])], {
      cwd,
      // An empty value leaves the variable unset (so a .env file can set it).
      env: Object.fromEntries(
        Object.entries({
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          TZ: 'UTC',
          DATA_DIR: join(cwd, 'data'),
          DEFAULT_PLAN: 'Office 365 E3',
          ...options.env,
        }).filter(([, value]) => value !== ''),
      ),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
}

/** The number printed before a choice's title ("  [3] Not quite" → "3"). */
export function choiceNumber(out: string, title: string | RegExp): string {
  const lines = out.split('\n').filter((line) => /^\s+\[\d+\] /.test(line) && (typeof title === 'string' ? line.includes(title) : title.test(line)));
  const last = lines.at(-1);
  if (!last) throw new Error(`no choice ${String(title)} in:\n${out}`);
  return /\[(\d+)\]/.exec(last)![1]!;
}
