/**
 * Replies to the Bot Connector (connector-send.ts): where they go, how they are signed, what is
 * retried, and when botbuilder sends instead. A fake Connector on 127.0.0.1 receives them.
 */
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { ActivityTypes, MessageFactory, TurnContext, type Activity, type BotAdapter } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCardRenderer, createTeamsAdapter, createTeamsBot, loadCardTemplates } from '../../src/channels/teams/index.js';
import { ConnectorSendError, createConnectorSender, type ConnectorSender } from '../../src/channels/teams/connector-send.js';
import { createServer, type RunningServer } from '../../src/server/index.js';
import { ALEX, BOT, post, startFakeConnector, teamsMessage, type FakeConnector } from './helpers.js';

let connector: FakeConnector;
let sender: ConnectorSender;
beforeAll(async () => {
  connector = await startFakeConnector();
  sender = createConnectorSender({ retryConfig: { retries: 2, minTimeout: 5, maxTimeout: 10 } });
});
afterAll(async () => {
  await sender.close();
  await connector.close();
});
beforeEach(() => void (connector.calls.length = 0));

/** A turn as CloudAdapter sets it up: the incoming activity, and a ConnectorClient whose credentials sign. */
function turnFor(options: { signer?: { signRequest: (r: { headers: { set(n: string, v: string): void } }) => Promise<unknown> }; deliveryMode?: string } = {}) {
  const botbuilderSent: Partial<Activity>[] = [];
  const adapter = {
    ConnectorClientKey: Symbol('ConnectorClient'),
    sendActivities: async (_context: TurnContext, activities: Partial<Activity>[]) => (botbuilderSent.push(...activities), activities.map(() => ({ id: 'by-botbuilder' }))),
  } as unknown as BotAdapter;
  const incoming = {
    type: ActivityTypes.Message,
    id: 'act-1',
    text: 'outlook is down',
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: '19:abc@thread.tacv2;messageid=9', tenantId: 'tenant-1', conversationType: 'channel' },
    from: { id: '29:alex', name: 'Alex' },
    recipient: { id: '28:bot', name: 'Triage' },
    locale: 'en-US',
    ...(options.deliveryMode ? { deliveryMode: options.deliveryMode } : {}),
  } as Activity;
  const context = new TurnContext(adapter, incoming);
  if (options.signer) context.turnState.set(adapter.ConnectorClientKey, { credentials: options.signer });
  return { context, botbuilderSent };
}

const bearer = (token: string) => ({ signRequest: async (r: { headers: { set(n: string, v: string): void } }) => r.headers.set('Authorization', `Bearer ${token}`) });

describe('replies to the Bot Connector', () => {
  it('posts each reply to replyToActivity of the incoming activity, signed by the turn credentials, with the conversation reference applied', async () => {
    const { context, botbuilderSent } = turnFor({ signer: bearer('token-123') });
    await sender.send(context, [MessageFactory.text('first'), MessageFactory.text('second')]);

    expect(botbuilderSent).toEqual([]);
    expect(connector.calls.map((c) => c.activity.text)).toEqual(['first', 'second']);
    const [call] = connector.calls;
    expect(call!.authorization).toBe('Bearer token-123');
    expect(call!.conversationId).toBe('19:abc@thread.tacv2;messageid=9');
    expect(call!.replyToId).toBe('act-1');
    expect(call!.activity).toMatchObject({
      type: 'message',
      from: { id: '28:bot' },
      recipient: { id: '29:alex' },
      conversation: { id: '19:abc@thread.tacv2;messageid=9', tenantId: 'tenant-1' },
      replyToId: 'act-1',
      channelId: 'msteams',
      serviceUrl: connector.url,
    });
    expect(context.responded).toBe(true);
  });

  it('is the path a real CloudAdapter turn takes: an unauthenticated local bot sends without an Authorization header', async () => {
    const renderer = createCardRenderer(loadCardTemplates());
    const core = { handle: async () => [{ kind: 'text' as const, lang: 'en' as const, text: 'hello from the core' }] };
    const server: RunningServer = await createServer({
      adapter: createTeamsAdapter({}),
      bot: createTeamsBot({ core, renderer, sender }),
      health: { ok: () => true },
    }).listen(0, '127.0.0.1');
    try {
      const answer = await post(server.url, teamsMessage({ text: 'hi', serviceUrl: connector.url }));
      expect(answer.status).toBe(200);
      const [call] = await connector.waitFor(1);
      expect(call!.userAgent).toMatch(/support-triage-bot/);
      expect(call!.authorization).toBeUndefined();
      expect(call!.activity.from).toMatchObject({ id: BOT.id });
      expect(call!.activity.recipient).toMatchObject({ id: ALEX.id });
      expect(JSON.stringify(call!.activity.attachments)).toContain('hello from the core');
    } finally {
      await server.close();
    }
  });

  it('leaves the sending to botbuilder when the turn expects its replies in the HTTP answer, has no ConnectorClient, or sends something other than a message', async () => {
    const expectReplies = turnFor({ signer: bearer('t'), deliveryMode: 'expectReplies' });
    await sender.send(expectReplies.context, [MessageFactory.text('buffered')]);
    expect(expectReplies.context.bufferedReplyActivities.map((a) => a.text)).toEqual(['buffered']);

    const noClient = turnFor();
    await sender.send(noClient.context, [MessageFactory.text('via botbuilder')]);
    expect(noClient.botbuilderSent.map((a) => a.text)).toEqual(['via botbuilder']);

    const typing = turnFor({ signer: bearer('t') });
    await sender.send(typing.context, [{ type: ActivityTypes.Typing }]);
    expect(typing.botbuilderSent.map((a) => a.type)).toEqual([ActivityTypes.Typing]);

    expect(connector.calls).toEqual([]);
  });

  it('retries throttling (after Retry-After) and server errors, then delivers once', async () => {
    connector.answerNext(429, { 'retry-after': '0' });
    connector.answerNext(503);
    const { context } = turnFor({ signer: bearer('t') });
    await sender.send(context, [MessageFactory.text('eventually')]);
    expect(connector.calls.map((c) => c.activity.text)).toEqual(['eventually', 'eventually', 'eventually']);
  });

  it('keeps many replies in flight at once when the Connector is slow, instead of queueing them behind a few sockets', async () => {
    let inFlight = 0;
    let most = 0;
    const slow = createHttpServer((req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      req.resume();
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r"}');
      }, 300);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
    try {
      const turns = Array.from({ length: 100 }, () => turnFor({ signer: bearer('t') }));
      for (const { context } of turns) context.activity.serviceUrl = slowUrl;
      await Promise.all(turns.map(({ context }) => sender.send(context, [MessageFactory.text('busy day')])));
      expect(most).toBe(100);
    } finally {
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('goes through the proxy HTTP_PROXY names, as botbuilder did behind a corporate proxy', async () => {
    const tunnels: string[] = [];
    const proxy = createHttpServer();
    proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const proxied = createConnectorSender();
    try {
      const { context } = turnFor({ signer: bearer('t') });
      await proxied.send(context, [MessageFactory.text('via the proxy')]);
      expect(tunnels).toEqual([new URL(connector.url).host]);
      expect(connector.calls.map((c) => c.activity.text)).toEqual(['via the proxy']);
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
      await proxied.close();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('fails at once, with the status, when the Connector refuses the reply', async () => {
    connector.answerNext(403);
    const { context } = turnFor({ signer: bearer('expired') });
    const error = await sender.send(context, [MessageFactory.text('refused')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorSendError);
    expect((error as ConnectorSendError).statusCode).toBe(403);
    expect(connector.calls).toHaveLength(1);
  });
});
