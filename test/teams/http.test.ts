/**
 * The HTTP server and Teams adapter with a fake conversation core: real express, real
 * CloudAdapter, a fake Bot Connector on 127.0.0.1 receiving the replies.
 */
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCardRenderer, loadCardTemplates, mountTeams } from '../../src/channels/teams/index.js';
import type { ConversationCore, Reply, Turn } from '../../src/conversation/types.js';
import { createServer, type RunningServer } from '../../src/server/index.js';
import { startTokenIssuer, type TokenIssuer } from './auth.js';
import { ALEX, BOT, cardOf, cardText, post, startFakeConnector, teamsMessage, TENANT, type FakeConnector } from './helpers.js';

class FakeCore implements ConversationCore {
  readonly turns: Turn[] = [];
  answer: (turn: Turn) => Reply[] = (turn) => [
    { kind: 'text', lang: 'en', text: turn.text !== undefined ? `you said: ${turn.text}` : `action: ${turn.action?.verb}` },
  ];
  async handle(turn: Turn): Promise<Reply[]> {
    this.turns.push(turn);
    return this.answer(turn);
  }
}

const templates = loadCardTemplates();
const renderer = createCardRenderer(templates);

/** With `issuer`, tokens are checked against it (as Teams' would be); with `appId` alone, against the public cloud. */
async function startServer(options: { appId?: string; issuer?: TokenIssuer; core: ConversationCore; healthy?: () => boolean }): Promise<RunningServer> {
  const credentials = options.issuer?.credentials ?? (options.appId ? { MicrosoftAppId: options.appId, MicrosoftAppPassword: 'secret' } : {});
  const endpoints = options.issuer ? { botFrameworkEndpoints: options.issuer.endpoints } : {};
  const server = createServer({
    health: { rules: () => true, cards: options.healthy ?? (() => true) },
    extend: (app, parts) => {
      mountTeams(app, { credentials, ...endpoints, core: options.core, renderer, json: parts.json });
      // Stands in for Slack's receiver: it must see the raw, unparsed body.
      app.post('/slack/events', express.raw({ type: '*/*' }), (req, res) => {
        res.json({ raw: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : null });
      });
    },
  });
  return server.listen(0, '127.0.0.1');
}

describe('Teams over HTTP (fake core)', () => {
  let connector: FakeConnector;
  let issuer: TokenIssuer;
  let server: RunningServer;
  const core = new FakeCore();
  /** An activity as Teams posts it: with a token for the fake connector's serviceUrl. */
  const send = (_url: string, body: unknown) => post(server.url, body, { authorization: issuer.authorization(connector.url) });

  beforeAll(async () => {
    connector = await startFakeConnector();
    issuer = await startTokenIssuer();
    server = await startServer({ core, issuer });
  });
  afterAll(async () => {
    await server.close();
    await Promise.all([connector.close(), issuer.close()]);
  });
  afterEach(() => {
    connector.calls.length = 0;
    core.turns.length = 0;
    core.answer = new FakeCore().answer;
  });

  it('answers a message with an Adaptive Card posted to the connector as a reply', async () => {
    const activity = teamsMessage({ serviceUrl: connector.url, text: 'outlook *cannot* send' });
    const response = await send(server.url, activity);
    expect(response.status).toBe(200);
    const [call] = await connector.waitFor(1);
    expect(call?.conversationId).toBe('a:personal-chat-alex');
    expect(call?.replyToId).toBe(activity.id);
    const card = cardOf(call);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(cardText(card)).toContain('you said: outlook \\*cannot\\* send');

    const turn = core.turns[0];
    expect(turn).toMatchObject({
      channel: 'msteams',
      tenantId: TENANT,
      conversationId: 'a:personal-chat-alex',
      text: 'outlook *cannot* send',
      deliveryId: activity.id,
      user: { id: ALEX.aadObjectId, name: ALEX.name, locale: 'en-US', timeZone: 'Asia/Taipei' },
    });
    expect(turn?.conversationReference).toMatchObject({ serviceUrl: connector.url, conversation: { id: 'a:personal-chat-alex' } });
  });

  it('strips the bot @mention in a channel conversation before the core sees the text', async () => {
    const activity = teamsMessage({
      serviceUrl: connector.url,
      conversationType: 'channel',
      conversationId: '19:general@thread.tacv2;messageid=1700000000001',
      text: '<at>Triage Bot</at> sharepoint site down for everyone',
      entities: [
        { type: 'mention', text: '<at>Triage Bot</at>', mentioned: BOT },
        { type: 'clientInfo', locale: 'en-US', timezone: 'Europe/London' },
      ],
    });
    delete activity.localTimezone;
    expect((await send(server.url, activity)).status).toBe(200);
    await connector.waitFor(1);
    expect(core.turns[0]?.text).toBe('sharepoint site down for everyone');
    expect(core.turns[0]?.user.timeZone).toBe('Europe/London');
    expect(connector.calls[0]?.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000001');
  });

  it('turns an Action.Submit (message with value) into an action with its verb and data', async () => {
    const activity = teamsMessage({ serviceUrl: connector.url, value: { verb: 'submitCase', formId: 'f1', title: 'Mail down' } });
    expect((await send(server.url, activity)).status).toBe(200);
    await connector.waitFor(1);
    expect(core.turns[0]?.action).toEqual({ verb: 'submitCase', data: { formId: 'f1', title: 'Mail down' } });
    expect(core.turns[0]?.text).toBeUndefined();
  });

  it('answers an Action.Execute invoke with the card in the invoke response', async () => {
    core.answer = () => [
      { kind: 'text', lang: 'en', text: 'first' },
      { kind: 'text', lang: 'en', text: 'second' },
    ];
    const activity = {
      ...teamsMessage({ serviceUrl: connector.url }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'showCase', data: { number: 'SR-261125-0001' } }, trigger: 'manual' },
    };
    const response = await send(server.url, activity);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard' } });
    expect(cardText(response.json)).toContain('first');
    expect(core.turns[0]?.action).toEqual({ verb: 'showCase', data: { number: 'SR-261125-0001' } });
    const [call] = await connector.waitFor(1);
    expect(cardText(cardOf(call))).toContain('second');
  });

  it('welcomes the conversation when the bot is added, and ignores other members joining', async () => {
    const base = teamsMessage({ serviceUrl: connector.url });
    delete base.text;
    const added = { ...base, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
    expect((await send(server.url, added)).status).toBe(200);
    await connector.waitFor(1);
    expect(core.turns[0]?.text).toBe('help');

    const someoneElse = { ...base, id: 'other', type: 'conversationUpdate', membersAdded: [{ id: '29:newcomer' }] };
    expect((await send(server.url, someoneElse)).status).toBe(200);
    expect(core.turns).toHaveLength(1);
  });

  it('rejects activities without type, conversation or serviceUrl with 400 JSON, before the adapter', async () => {
    const good = teamsMessage({ serviceUrl: connector.url, text: 'hi' });
    for (const [field, expected] of [
      ['type', 'activity.type is required'],
      ['conversation', 'activity.conversation is required'],
      ['serviceUrl', 'activity.serviceUrl is required (an http or https URL)'],
    ] as const) {
      const broken: Record<string, unknown> = { ...good };
      delete broken[field];
      const response = await send(server.url, broken);
      expect(response.status, field).toBe(400);
      expect(response.json).toEqual({ error: 'invalid_activity', message: expected });
    }
    expect((await send(server.url, [good])).status).toBe(400);
    expect(core.turns).toHaveLength(0);
  });

  it('answers malformed JSON with 400 and stays healthy', async () => {
    const response = await send(server.url, '{"type": "message", ');
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'malformed_json', message: 'the body is not valid JSON' });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', checks: { rules: 'ok', cards: 'ok' } });
    // ...and still serves activities.
    expect((await send(server.url, teamsMessage({ serviceUrl: connector.url, text: 'still there?' }))).status).toBe(200);
  });

  it('refuses bodies over 1 MB (413) and non-JSON content types (415)', async () => {
    const huge = teamsMessage({ serviceUrl: connector.url, text: 'x'.repeat(1_100_000) });
    expect((await send(server.url, huge)).status).toBe(413);
    const form = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(form.status).toBe(415);
    expect(core.turns).toHaveLength(0);
  });

  it('parses JSON only on /api/messages: other routes get the raw body', async () => {
    const response = await fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"token":"x"}',
    });
    expect(await response.json()).toEqual({ raw: '{"token":"x"}' });
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
  });
});

describe('health and authentication', () => {
  it('/healthz is 503 with the failing check named until every part is ready', async () => {
    let ready = false;
    const server = await startServer({ core: new FakeCore(), healthy: () => ready });
    try {
      const before = await fetch(`${server.url}/healthz`);
      expect(before.status).toBe(503);
      expect(await before.json()).toEqual({ status: 'unavailable', checks: { rules: 'ok', cards: 'unavailable' } });
      ready = true;
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('with MicrosoftAppId set, a request without a valid token gets 401 and reaches no core', async () => {
    const core = new FakeCore();
    const connector = await startFakeConnector();
    const server = await startServer({ core, appId: '00000000-0000-0000-0000-000000000001' });
    try {
      const activity = teamsMessage({ serviceUrl: connector.url, text: 'hello' });
      expect((await post(server.url, activity)).status).toBe(401);
      expect((await post(server.url, activity, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
      expect(core.turns).toHaveLength(0);
      expect(connector.calls).toHaveLength(0);
    } finally {
      await server.close();
      await connector.close();
    }
  });
});
