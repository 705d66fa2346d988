/**
 * An HTTP receiver (a webhook, or a Bot Connector for the support channel) that can hold every
 * request unanswered: a request never answered is never delivered as far as the sender knows,
 * so a bot killed while its announcements are held has announced nothing. Only answered
 * requests are recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answered {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface GatedReceiver {
  readonly url: string;
  readonly answered: Answered[];
  /** How many requests are waiting for an answer right now. */
  held(): number;
  /** Requests from now on wait (open) until `answer()`; held ones are never answered. */
  hold(): void;
  answer(): void;
  /** Resolves once `predicate` holds for the answered requests (polls, 30 s at most). */
  until(predicate: (answered: readonly Answered[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startGatedReceiver(): Promise<GatedReceiver> {
  const answered: Answered[] = [];
  const held = new Set<ServerResponse>();
  let holding = false;
  let nextId = 1;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (holding) {
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }
      answered.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `posted-${nextId++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    answered,
    held: () => held.size,
    hold: () => {
      holding = true;
    },
    answer: () => {
      holding = false;
    },
    async until(predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(answered)) {
        if (Date.now() > deadline) throw new Error(`receiver condition not met; answered ${answered.length} requests`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
