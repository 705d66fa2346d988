/**
 * The local chat (/, Direct Line, /support) keeps its conversations in one process's memory. With
 * DATABASE_URL (several instances) it is off unless LOCAL_CHAT=on says this instance serves it,
 * and the start-up log says which, naming the variables.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, stopBot, tempDataDir, type BotProcess } from '../faults/process.js';
import { createTestDatabase, postgresSkipReason } from '../postgres/database.js';

const running: BotProcess[] = [];
afterEach(async () => {
  for (const bot of running.splice(0)) await stopBot(bot);
});

async function start(env: Record<string, string>): Promise<BotProcess> {
  const bot = await startBot(tempDataDir('local-chat-'), env, 60_000);
  running.push(bot);
  return bot;
}

describe.skipIf(postgresSkipReason() !== undefined)('local chat with DATABASE_URL', { timeout: 90_000 }, () => {
  it('is off when LOCAL_CHAT is unset, with a start-up line naming DATABASE_URL and LOCAL_CHAT', async () => {
    // An empty LOCAL_CHAT is unset (the helper's default is off).
    const bot = await start({ DATABASE_URL: await createTestDatabase(), LOCAL_CHAT: '' });
    expect(bot.out()).toMatch(/Local chat \(\/, Direct Line\) and the \/support page are off: DATABASE_URL is set.*LOCAL_CHAT=on serves them from this instance/);
    expect((await fetch(`${bot.url}/`)).status).toBe(404);
    expect((await fetch(`${bot.url}/support`)).status).toBe(404);
  });

  it('is served by an instance started with LOCAL_CHAT=on, which says its conversations stay in its memory', async () => {
    const bot = await start({ DATABASE_URL: await createTestDatabase(), LOCAL_CHAT: 'on' });
    expect(bot.out()).toMatch(/LOCAL_CHAT=on with DATABASE_URL: the local chat's conversations stay in this instance's memory/);
    const page = await fetch(`${bot.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
  });
});
