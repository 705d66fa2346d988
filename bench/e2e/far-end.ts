/**
 * The far end of the end-to-end benchmark, in its own process: a fake Bot Connector (replies of
 * Teams bots) and a fake Slack Web API on loopback. Lean on purpose: it counts calls and answers
 * at once (or after `delayMs`, set with POST /__config), recording nothing, so a 10 s load point
 * costs it no memory. Prints `{"url": ...}` once listening; GET /__stats returns the counts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callArgsOf, slackAnswer } from './slack-fixtures.js';

const counts: Record<string, number> = {};
let delayMs = 0;
let nextId = 1;
let inFlight = 0;
let maxInFlight = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = req.url ?? '';
    if (url === '/__stats') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ counts, inFlight, maxInFlight }));
      return;
    }
    if (url === '/__config') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { delayMs?: number; reset?: boolean };
      delayMs = body.delayMs ?? delayMs;
      if (body.reset) {
        for (const key of Object.keys(counts)) delete counts[key];
        maxInFlight = 0;
      }
      res.writeHead(200).end('{}');
      return;
    }
    let method: string;
    let answer: Record<string, unknown>;
    if (url.startsWith('/v3/conversations/')) {
      method = 'connector';
      answer = { id: `reply-${nextId++}` };
    } else if (url.startsWith('/api/')) {
      method = url.slice('/api/'.length).split('?')[0] ?? '';
      answer = slackAnswer(method, callArgsOf(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']));
      // auth.test is never slowed: the channel must start.
      if (method === 'auth.test') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
        return;
      }
    } else {
      res.writeHead(404).end('{}');
      return;
    }
    counts[method] = (counts[method] ?? 0) + 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const send = (): void => {
      inFlight -= 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    };
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  });
});
server.keepAliveTimeout = 30_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
