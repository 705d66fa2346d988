/**
 * What the Chromium tests share: Debian's Chromium through playwright-core, the Web Chat bundle,
 * and `src/app/main.ts` started like `npm start` on port 0 with a temporary DATA_DIR.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { bundlePresent, DEFAULT_BUNDLE_DIR } from '../../src/channels/webchat/index.js';

/** Debian's Chromium; CHROMIUM_PATH overrides it (e.g. to check the skip/fail rule). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const inCi = process.env.CI === 'true' || process.env.CI === '1';
export const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && !inCi) {
  console.warn(`[browser test] skipped: ${CHROMIUM} is missing (apt-get install -y chromium). Under CI=true this test fails instead.`);
}

/** Fetches the Web Chat bundle when it is missing; throws when that fails. */
export function ensureBundle(): void {
  if (!haveChromium) throw new Error(`CI=true but ${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) before the tests.`);
  if (!bundlePresent(DEFAULT_BUNDLE_DIR)) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/fetch-webchat.mjs')], { stdio: 'inherit', timeout: 120_000 });
    if (!bundlePresent(DEFAULT_BUNDLE_DIR)) throw new Error('The Web Chat bundle is missing and could not be fetched: run "npm run fetch:webchat".');
  }
}

/** A fresh profile each run (playwright passes it as --user-data-dir). */
export function launchChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1000, height: 900 },
    locale: 'en-US',
    timezoneId: 'Asia/Taipei',
  });
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly url: string;
  log(): string;
}

/** Starts `src/app/main.ts` like `npm start` and resolves with its URL once it logs the local chat line. */
export async function startBot(dataDir: string, extraEnv: Record<string, string> = {}): Promise<BotProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, DEFAULT_PLAN: 'E3', LOG_LEVEL: 'info', DOTENV_CONFIG_QUIET: 'true' };
  for (const name of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'ADMIN_USERS', 'LOCAL_CHAT', 'HANDOFF_WEBHOOK_URL', 'HANDOFF_WEBHOOK_SECRET', 'DEFAULT_TIME_ZONE', 'BUSINESS_HOURS', 'SUPPORT_ENGINEERS']) {
    delete env[name];
  }
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start in 20 s:\n${output}`)), 20_000);
    const check = (): void => {
      const line = output.split('\n').find((l) => l.includes('"localChat"'));
      if (line) {
        clearTimeout(timer);
        resolve(String((JSON.parse(line) as { localChat: string }).localChat).replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}) before listening:\n${output}`));
    });
  });
  return { child, url, log: () => output };
}

export async function stopBot(bot: BotProcess | undefined): Promise<void> {
  if (bot?.child.exitCode !== null || !bot) return;
  const exited = new Promise((resolve) => bot.child.once('exit', resolve));
  bot.child.kill('SIGTERM');
  await exited;
}
