/**
 * Direct Line 3.0 (the polling part Web Chat uses) and the local Bot Connector over real HTTP:
 * real express, the real CloudAdapter and bot, the real core with an in-memory store.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { createLocalChat, DEFAULT_BUNDLE_DIR, type LocalChat } from '../../src/channels/webchat/index.js';
import { loadConfig, localChatEnabled } from '../../src/config.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { cardText, submitActions } from '../teams/helpers.js';
import { call, cardsOf, poll, SALES_FLOOR_CASE, startConversation, webChatMessage, type Started } from './helpers.js';

const templates = loadCardTemplates();
const engine = loadDefaultRules();

async function startServer(options: { bundleDir?: string; adminUsers?: string } = {}) {
  const store = await openSqliteStore({ dataDir: ':memory:' });
  const coreConfig = loadCoreConfig({ DEFAULT_PLAN: 'Office 365 E3', ...(options.adminUsers ? { ADMIN_USERS: options.adminUsers } : {}) });
  const core = createConversationCore({ engine, store, config: coreConfig });
  const chat = createLocalChat({ core, coreConfig, templates, ...(options.bundleDir ? { bundleDir: options.bundleDir } : {}) });
  const server = await createBotServer({ credentials: {}, core, engine, templates, extend: chat.extend }).listen(0, '127.0.0.1');
  return {
    server,
    chat,
    store,
    close: async () => {
      chat.close();
      await server.close();
      await store.close();
    },
  };
}

describe('Direct Line for Web Chat', () => {
  let server: RunningServer;
  let chat: LocalChat;
  let store: CaseStore;
  let close: () => Promise<void>;
  let url: string;
  // A stand-in bundle, so this test does not depend on the fetched one.
  const bundleDir = mkdtempSync(join(tmpdir(), 'webchat-bundle-'));
  writeFileSync(join(bundleDir, 'webchat.js'), 'window.WebChat = {};\n');

  beforeAll(async () => {
    ({ server, chat, store, close } = await startServer({ bundleDir }));
    url = server.url;
  });
  afterAll(async () => {
    await close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  async function send(started: Started, fields: { text?: string; value?: Record<string, unknown> }) {
    const activity = webChatMessage(fields);
    const answer = await call(url, 'POST', `/v3/directline/conversations/${started.conversationId}/activities`, { token: started.token, body: activity });
    expect(answer.status).toBe(200);
    expect(typeof answer.json.id).toBe('string');
    return { id: answer.json.id as string, clientActivityID: (activity.channelData as { clientActivityID: string }).clientActivityID };
  }

  it('starts a conversation with a token, greets with the welcome card, and polls by watermark', async () => {
    const started = await call(url, 'POST', '/v3/directline/conversations');
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: expect.any(Number) });
    const dl: Started = started.json;

    const first = await poll(url, dl);
    expect(first.activities).toHaveLength(1);
    expect(first.activities[0]).toMatchObject({ type: 'message', from: { role: 'bot' }, conversation: { id: dl.conversationId } });
    expect(cardText(cardsOf(first.activities)[0]).toLowerCase()).toContain('my cases');
    expect(first.watermark).toBe('1');
    // It answers a conversationUpdate that is not in the history: no dangling replyToId.
    expect(first.activities[0].replyToId).toBeUndefined();

    const again = await poll(url, dl, first.watermark);
    expect(again).toEqual({ activities: [], watermark: '1' });

    const sent = await send(dl, { text: 'outlook cannot send mail for the whole sales floor since 9am' });
    const next = await poll(url, dl, first.watermark);
    // The user's own activity first (with the client's id), then the bot's triage card.
    expect(next.activities[0]).toMatchObject({
      id: sent.id,
      type: 'message',
      text: 'outlook cannot send mail for the whole sales floor since 9am',
      channelData: { clientActivityID: sent.clientActivityID },
      from: { id: 'local-admin', role: 'user' },
    });
    const triage = cardsOf(next.activities)[0];
    expect(cardText(triage)).toMatch(/Sev A/);
    const reply = next.activities.find((a) => a.from.role === 'bot');
    expect(reply.replyToId).toBe(sent.id);
    expect(Number(next.watermark)).toBeGreaterThan(Number(first.watermark));
    expect((await poll(url, dl, next.watermark)).activities).toEqual([]);
    // Without a watermark, the whole (kept) history.
    expect((await poll(url, dl)).activities.length).toBe(1 + next.activities.length);
  });

  it('takes the identity from the conversation, never from the posted activity', async () => {
    const dl = await startConversation(url, 'user');
    await send(dl, { text: 'my cases' });
    const { activities } = await poll(url, dl);
    const mine = activities.find((a) => a.from.role === 'user');
    expect(mine.from).toEqual({ id: 'local-user', name: 'Local User', role: 'user' });
    // local-user is not an admin on the local page (ADMIN_USERS unset): refused.
    expect(cardText(cardsOf(activities).at(-1))).toMatch(/Only people with an Office 365 administrator role/);
  });

  it('walks an admin from complaint to a case through card submits', async () => {
    const dl = await startConversation(url);
    await send(dl, { text: 'outlook cannot send mail for the whole sales floor since 9am' });
    let watermark = (await poll(url, dl)).watermark;
    const nextCard = async (value: Record<string, unknown>) => {
      await send(dl, { value });
      const page = await poll(url, dl, watermark);
      watermark = page.watermark;
      const card = cardsOf(page.activities).at(-1);
      if (!card) throw new Error(`no card after ${JSON.stringify(value)}`);
      return card;
    };
    const all = (await poll(url, dl)).activities;
    const triage = cardsOf(all).at(-1)!;
    const open = submitActions(triage).find((a) => a.data.verb === 'openCase')!;
    const form = await nextCard(open.data);
    const submit = submitActions(form).find((a) => a.data.verb === 'submitCase')!;
    const created = await nextCard({
      ...submit.data,
      ...SALES_FLOOR_CASE,
    });
    const number = /SR-\d{6}-\d{4,}/.exec(cardText(created))?.[0];
    expect(number).toBeDefined();
    expect((await store.getCase('local', number!))?.status).toBe('open');
  });

  it('keeps conversations apart: a token opens only its own conversation (403)', async () => {
    const a = await startConversation(url);
    const b = await startConversation(url);
    await send(a, { text: 'help' });
    const stranger = { conversationId: a.conversationId, token: b.token };
    expect((await call(url, 'GET', `/v3/directline/conversations/${a.conversationId}/activities`, { token: b.token })).status).toBe(403);
    expect(
      (await call(url, 'POST', `/v3/directline/conversations/${a.conversationId}/activities`, { token: b.token, body: webChatMessage({ text: 'hi' }) })).status,
    ).toBe(403);
    expect((await call(url, 'GET', `/v3/directline/conversations/${stranger.conversationId}`, { token: b.token })).status).toBe(403);
    expect((await call(url, 'GET', `/v3/directline/conversations/${a.conversationId}/activities`)).status).toBe(401);
    expect((await call(url, 'GET', `/v3/directline/conversations/${a.conversationId}/activities`, { token: 'forged' })).status).toBe(403);
    // B saw nothing of A's turn.
    const historyB = await poll(url, b);
    expect(historyB.activities.every((x) => x.conversation.id === b.conversationId)).toBe(true);
    expect(historyB.activities.some((x) => x.text === 'help')).toBe(false);
  });

  it('answers Web Chat starting its conversation with the page token, reconnecting and refreshing', async () => {
    const dl = await startConversation(url);
    const restart = await call(url, 'POST', '/v3/directline/conversations', { token: dl.token });
    expect(restart.status).toBe(200);
    expect(restart.json).toMatchObject({ conversationId: dl.conversationId, token: dl.token });

    const got = await call(url, 'GET', `/v3/directline/conversations/${dl.conversationId}?watermark=`, { token: dl.token });
    expect(got.status).toBe(200);
    expect(got.json.conversationId).toBe(dl.conversationId);

    const refreshed = await call(url, 'POST', '/v3/directline/tokens/refresh', { token: dl.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.conversationId).toBe(dl.conversationId);
    expect(refreshed.json.token).not.toBe(dl.token);
    expect((await poll(url, { ...dl, token: refreshed.json.token })).activities.length).toBeGreaterThan(0);
    expect((await call(url, 'POST', '/v3/directline/tokens/refresh', { token: 'forged' })).status).toBe(403);
    expect((await call(url, 'POST', '/v3/directline/tokens/refresh')).status).toBe(401);
    expect((await call(url, 'POST', '/v3/directline/conversations', { token: 'forged' })).status).toBe(403);
  });

  it('stores the bot replies the local Bot Connector receives, Adaptive Cards included, and their updates', async () => {
    const dl = await startConversation(url);
    const { watermark } = await poll(url, dl);
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Posted by the bot' }] };
    const posted = await call(url, 'POST', `/v3/conversations/${dl.conversationId}/activities`, {
      body: { type: 'message', serviceUrl: 'http://ignored/', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] },
    });
    expect(posted.status).toBe(200);
    const reply = await call(url, 'POST', `/v3/conversations/${dl.conversationId}/activities/${encodeURIComponent(posted.json.id)}`, {
      body: { type: 'message', text: 'a reply' },
    });
    expect(reply.status).toBe(200);

    const page = await poll(url, dl, watermark);
    expect(page.activities).toHaveLength(2);
    expect(page.activities[0]).toMatchObject({ id: posted.json.id, from: { role: 'bot' }, attachments: [{ content: card }] });
    expect(page.activities[0].serviceUrl).toBeUndefined();
    expect(page.activities[1]).toMatchObject({ text: 'a reply', replyToId: posted.json.id });

    const updated = await call(url, 'PUT', `/v3/conversations/${dl.conversationId}/activities/${encodeURIComponent(posted.json.id)}`, {
      body: { type: 'message', text: 'edited' },
    });
    expect(updated).toMatchObject({ status: 200, json: { id: posted.json.id } });
    const after = await poll(url, dl, page.watermark);
    expect(after.activities).toEqual([expect.objectContaining({ id: posted.json.id, text: 'edited' })]);
    expect((await call(url, 'PUT', `/v3/conversations/${dl.conversationId}/activities/nope`, { body: { type: 'message' } })).status).toBe(404);
  });

  it('answers malformed bodies with 400', async () => {
    const dl = await startConversation(url);
    const path = `/v3/directline/conversations/${dl.conversationId}/activities`;
    const bad = [
      '{"type": "message", "text": ',
      '[]',
      { text: 'no type' },
      { type: 'invoke', name: 'adaptiveCard/action' },
      { type: 'message', text: 42 },
      { type: 'message', text: 'x', channelData: 'nope' },
      { type: 'message' },
    ];
    for (const body of bad) {
      const answer = await call(url, 'POST', path, { token: dl.token, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error.code).toBe('BadArgument');
    }
    expect((await call(url, 'GET', `${path}?watermark=abc`, { token: dl.token })).status).toBe(400);
    expect((await call(url, 'POST', `/v3/conversations/${dl.conversationId}/activities`, { body: '{oops' })).status).toBe(400);
    expect((await call(url, 'POST', `/v3/conversations/${dl.conversationId}/activities`, { body: { text: 'no type' } })).status).toBe(400);
    expect((await call(url, 'POST', path, { token: dl.token, body: { type: 'message', text: 'x'.repeat(300_000) } })).status).toBe(413);
    // Nothing bad reached the history.
    expect((await poll(url, dl)).activities.filter((a) => a.from.role === 'user')).toEqual([]);
  });

  it('refuses deeply nested JSON with 400 (Direct Line and the connector) and stays healthy', async () => {
    const dl = await startConversation(url);
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const path = `/v3/directline/conversations/${dl.conversationId}/activities`;
    const answer = await call(url, 'POST', path, { token: dl.token, body: `{"type":"message","text":"x","value":${deep}}` });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('BadArgument');
    expect((await call(url, 'POST', `/v3/conversations/${dl.conversationId}/activities`, { body: deep })).status).toBe(400);
    expect((await call(url, 'GET', '/healthz')).status).toBe(200);
    expect((await call(url, 'POST', path, { token: dl.token, body: webChatMessage({ text: 'help' }) })).status).toBe(200);
  });

  it('answers an unknown conversation with 404', async () => {
    const dl = await startConversation(url);
    expect((await call(url, 'GET', '/v3/directline/conversations/unknown/activities', { token: dl.token })).status).toBe(404);
    expect((await call(url, 'POST', '/v3/directline/conversations/unknown/activities', { token: dl.token, body: webChatMessage({ text: 'hi' }) })).status).toBe(404);
    expect((await call(url, 'GET', '/v3/directline/conversations/unknown', { token: dl.token })).status).toBe(404);
    expect((await call(url, 'POST', '/v3/conversations/unknown/activities', { body: { type: 'message', text: 'x' } })).status).toBe(404);
  });

  it('serves the page with who you are and the bundle', async () => {
    const admin = await call(url, 'GET', '/');
    expect(admin.status).toBe(200);
    expect(admin.text).toContain('local-admin');
    expect(admin.text).toContain('may open and manage cases');
    expect(admin.text).toContain('href="/?as=user"');
    expect(admin.text).toContain('/webchat/webchat.js');
    const user = await call(url, 'GET', '/index.html?as=user');
    expect(user.text).toContain('local-user');
    expect(user.text).toContain('not an admin');
    expect(user.text).toContain('href="/?as=admin"');
    const bundle = await fetch(`${url}/webchat/webchat.js?v=1`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(await bundle.text()).toContain('window.WebChat');
    // The Teams endpoint and health are untouched.
    expect((await call(url, 'GET', '/healthz')).status).toBe(200);
    expect(chat.conversations.size).toBeGreaterThan(0);
  });
});

describe('local chat without the bundle, and when ADMIN_USERS is set', () => {
  const emptyDir = mkdtempSync(join(tmpdir(), 'no-webchat-'));
  let started: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    started = await startServer({ bundleDir: emptyDir, adminUsers: 'someone@contoso.example' });
  });
  afterAll(async () => {
    await started.close();
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('says the bundle is missing and how to fetch it', async () => {
    const page = await call(started.server.url, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Web Chat bundle is missing');
    expect(page.text).toContain('npm run fetch:webchat');
    expect(page.text).not.toContain('<script src="/webchat/webchat.js');
    const bundle = await call(started.server.url, 'GET', '/webchat/webchat.js');
    expect(bundle.status).toBe(404);
    expect(bundle.text).toContain('npm run fetch:webchat');
  });

  it('keeps local-admin an admin and local-user refused', async () => {
    const url = started.server.url;
    expect((await call(url, 'GET', '/')).text).toContain('may open and manage cases');
    expect((await call(url, 'GET', '/?as=user')).text).toContain('not an admin');
    const dl = await startConversation(url);
    await call(url, 'POST', `/v3/directline/conversations/${dl.conversationId}/activities`, { token: dl.token, body: webChatMessage({ text: 'my cases' }) });
    const list = cardsOf((await poll(url, dl)).activities).at(-1);
    expect(cardText(list)).not.toMatch(/administrator role/);
    expect(cardText(list)).toMatch(/case/i);
    const dlUser = await startConversation(url, 'user');
    await call(url, 'POST', `/v3/directline/conversations/${dlUser.conversationId}/activities`, { token: dlUser.token, body: webChatMessage({ text: 'my cases' }) });
    expect(cardText(cardsOf((await poll(url, dlUser)).activities).at(-1))).toMatch(/administrator role/);
  });

  it('uses the cached bundle by default', () => {
    expect(DEFAULT_BUNDLE_DIR).toMatch(/\.cache[/\\]webchat[/\\]\d+\.\d+\.\d+/);
  });
});

describe('LOCAL_CHAT', () => {
  it('is on without credentials, off with them, and LOCAL_CHAT decides when set', () => {
    const creds = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' };
    expect(localChatEnabled(loadConfig({}))).toBe(true);
    expect(localChatEnabled(loadConfig(creds))).toBe(false);
    expect(localChatEnabled(loadConfig({ ...creds, LOCAL_CHAT: 'on' }))).toBe(true);
    expect(localChatEnabled(loadConfig({ LOCAL_CHAT: 'OFF' }))).toBe(false);
    expect(() => loadConfig({ LOCAL_CHAT: 'yes' })).toThrow(/LOCAL_CHAT must be on or off/);
  });
});

describe('the local chat in the browser language', () => {
  let close: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const started = await startServer();
    close = started.close;
    url = started.server.url;
  });
  afterAll(async () => {
    await close();
  });

  async function welcomeFor(acceptLanguage: string): Promise<string> {
    const started = await call(url, 'POST', '/v3/directline/conversations', { headers: { 'accept-language': acceptLanguage } });
    expect(started.status).toBe(201);
    const first = await poll(url, started.json as Started);
    return cardText(cardsOf(first.activities)[0]);
  }

  it('a zh-TW browser gets the welcome card and the page hint in Traditional Chinese before typing', async () => {
    expect(await welcomeFor('zh-TW,zh;q=0.9,en;q=0.8')).toContain('請用您自己的話描述');
    const page = await call(url, 'GET', '/', { headers: { 'accept-language': 'zh-TW,zh;q=0.9' } });
    expect(page.text).toContain('請像系統管理員一樣描述問題');
    expect(page.text).not.toContain('Describe a problem the way an admin would');
  });

  it('an English browser keeps English, and a bad header is ignored', async () => {
    expect(await welcomeFor('en-US,en;q=0.9')).toContain('Describe a problem');
    expect(await welcomeFor('<script>')).toContain('Describe a problem');
    const page = await call(url, 'GET', '/', { headers: { 'accept-language': 'en-US' } });
    expect(page.text).toContain('Describe a problem the way an admin would');
  });
});
