/**
 * SIGTERM with requests in flight: the bot stops taking new connections, finishes what it was
 * answering (the Bot Connector is slow, so turns are mid-way), closes SQLite cleanly (no -wal
 * file left, integrity ok) and exits 0.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/store/index.js';
import { post, teamsMessage } from '../teams/helpers.js';
import { journeyUser } from '../load/journey.js';
import { startBot, tempDataDir } from './process.js';

/** A Bot Connector that answers each reply after `delayMs`. */
async function slowConnector(delayMs: number): Promise<{ url: string; received: () => number; close(): Promise<void> }> {
  let received = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `r${received}` })), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received: () => received,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

describe('fault: SIGTERM with requests in flight', () => {
  let connector: Awaited<ReturnType<typeof slowConnector>>;
  afterAll(async () => connector?.close());

  it('finishes in-flight turns, refuses new ones, checkpoints the WAL and exits 0', async () => {
    connector = await slowConnector(700);
    const dataDir = tempDataDir('sigterm-');
    const bot = await startBot(dataDir);
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      post(bot.url, teamsMessage({ serviceUrl: connector.url, from: journeyUser(i, 'term'), conversationId: `a:term-${i}`, text: 'outlook cannot send mail for everyone' })),
    );
    // Every turn has reached the (slow) connector: all 20 are mid-way.
    const deadline = Date.now() + 10_000;
    while (connector.received() < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(connector.received()).toBe(20);
    bot.child.kill('SIGTERM');
    // The bot logs "stopping" in the same tick it stops accepting connections.
    const stopping = Date.now() + 10_000;
    while (!bot.out().includes('"msg":"stopping"') && Date.now() < stopping) await new Promise((r) => setTimeout(r, 5));
    expect(bot.out()).toContain('"msg":"stopping"');

    // A new request after SIGTERM is not taken.
    const late = await post(bot.url, teamsMessage({ serviceUrl: connector.url, from: journeyUser(99, 'term'), text: 'hello' })).then(
      (r) => r.status,
      (error: Error) => error.name,
    );
    expect(late).not.toBe(200);

    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(await bot.exited).toBe(0);
    expect(bot.out()).toContain('"msg":"stopped"');

    expect(existsSync(join(dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(false);
    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The 20 finished turns saved their conversation state.
      const states = db.prepare("SELECT count(*) FROM conversation_state WHERE key LIKE 'conversation:msteams:%term-%'").pluck().get() as number;
      expect(states).toBe(20);
    } finally {
      db.close();
    }
  }, 30_000);
});
