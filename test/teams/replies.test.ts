/**
 * Replies to the Bot Connector through botbuilder's own path (`context.sendActivities`, its
 * ConnectorClient on @azure/core-rest-pipeline), as users notice it: many replies in flight to a
 * slow Connector, throttling retried after Retry-After, a refusal not retried, and HTTP_PROXY
 * honoured. Real express + CloudAdapter; the Connector and the proxy are fakes on 127.0.0.1.
 */
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCardRenderer, loadCardTemplates, mountTeams } from '../../src/channels/teams/index.js';
import type { ConversationCore } from '../../src/conversation/types.js';
import { createServer, type RunningServer } from '../../src/server/index.js';
import { cardOf, cardText, post, startFakeConnector, teamsMessage, type FakeConnector } from './helpers.js';

const renderer = createCardRenderer(loadCardTemplates());
const core: ConversationCore = { handle: async (turn) => [{ kind: 'text', lang: 'en', text: `re: ${turn.text ?? ''}` }] };

async function startBot(): Promise<RunningServer> {
  return createServer({
    health: { ok: () => true },
    extend: (app, parts) => void mountTeams(app, { credentials: {}, core, renderer, json: parts.json }),
  }).listen(0, '127.0.0.1');
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

let bot: RunningServer;
let connector: FakeConnector;
beforeAll(async () => {
  [bot, connector] = await Promise.all([startBot(), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([bot.close(), connector.close()]);
});
afterEach(() => void (connector.calls.length = 0));

describe('replies to the Bot Connector', () => {
  it('keeps every reply in flight at once when the Connector is slow, instead of queueing them behind a few sockets', async () => {
    const turns = 50;
    // The Connector holds every reply until all of them are waiting (or 15 s passed): a pool of
    // fewer sockets than turns can never get there. Holding, not a fixed delay, keeps this true on a busy machine.
    const held: (() => void)[] = [];
    let most = 0;
    const releaseAll = () => held.splice(0).forEach((release) => release());
    const giveUp = setTimeout(releaseAll, 15_000);
    const slow = createHttpServer((req, res) => {
      req.resume();
      held.push(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r"}'));
      most = Math.max(most, held.length);
      if (held.length === turns) releaseAll();
    });
    const slowUrl = await listen(slow);
    try {
      const answers = await Promise.all(
        Array.from({ length: turns }, (_, i) => post(bot.url, teamsMessage({ serviceUrl: slowUrl, conversationId: `a:busy-${i}`, text: 'busy day' }))),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(turns).fill(200));
      expect(most).toBe(turns);
    } finally {
      clearTimeout(giveUp);
      await close(slow);
    }
  }, 30_000);

  it('retries a throttled reply after Retry-After and a 503, then delivers it once', async () => {
    connector.answerNext(429, { 'retry-after': '0' });
    connector.answerNext(503);
    const answer = await post(bot.url, teamsMessage({ serviceUrl: connector.url, text: 'eventually' }));
    expect(answer.status).toBe(200);
    const calls = await connector.waitFor(3);
    expect(calls.map((c) => cardText(cardOf(c)))).toEqual(Array(3).fill(expect.stringContaining('re: eventually')));
  });

  it('does not retry a refused reply (403): the user gets the apology instead', async () => {
    connector.answerNext(403);
    await post(bot.url, teamsMessage({ serviceUrl: connector.url, text: 'refused' }));
    const [refused, apology] = await connector.waitFor(2);
    expect(cardText(cardOf(refused))).toContain('re: refused');
    expect(apology?.activity.text).toMatch(/^Sorry, something went wrong/);
  });

  it('goes through the proxy HTTP_PROXY names (botbuilder reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY)', async () => {
    const proxied: string[] = [];
    // A forwarding proxy for http:// targets: the request line carries the absolute URL.
    const proxy = createHttpServer((req, res) => {
      proxied.push(req.url ?? '');
      const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = (await listen(proxy)).replace(/\/$/, '');
    try {
      expect((await post(bot.url, teamsMessage({ serviceUrl: connector.url, text: 'via the proxy' }))).status).toBe(200);
      const [call] = await connector.waitFor(1);
      expect(cardText(cardOf(call))).toContain('re: via the proxy');
      expect(proxied).toEqual([expect.stringMatching(new RegExp(`^${connector.url}v3/conversations/`))]);
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
      await close(proxy);
    }
  });
});
