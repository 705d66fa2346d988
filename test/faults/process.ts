/** `node --import tsx src/app/main.ts` as a child process on a port of its own, for kill and stop tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BotProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<number | null>;
  out(): string;
  err(): string;
}

export function tempDataDir(prefix = 'faults-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `startTimeoutMs`: how long to wait for the listening line (longer for processes started in pairs on a busy machine). */
export async function startBot(dataDir: string, env: Record<string, string> = {}, startTimeoutMs = 20_000): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DOTENV_CONFIG_QUIET: 'true',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      LOCAL_CHAT: 'off',
      DEFAULT_PLAN: 'Office 365 E3',
      ADMIN_USERS: '*',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + startTimeoutMs;
  let url: string | undefined;
  while (!url) {
    url = /listening on (http:\/\/localhost:\d+)\/api\/messages/.exec(stdout)?.[1];
    if (url) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      // A bot still starting would outlive the test run.
      child.kill('SIGKILL');
      throw new Error(`the bot did not start: ${stderr}${stdout}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, url: url.replace('localhost', '127.0.0.1'), exited, out: () => stdout, err: () => stderr };
}

/** Stops a bot as a service manager would (SIGTERM) and waits until it has exited; a no-op once it has. */
export async function stopBot(bot: BotProcess): Promise<void> {
  if (bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  bot.child.kill('SIGTERM');
  await bot.exited;
}
