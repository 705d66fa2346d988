/**
 * The local chat's budgets over real Direct Line HTTP: each conversation has its own turn budget
 * and greetings spend none; a crowd of new conversations cannot evict a page someone has open
 * (the newcomer gets 503 instead); a token refresh revokes the older tokens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { ChatConversations, createLocalChat, type ConversationLimits } from '../../src/channels/webchat/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import { openSqliteStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { cardText } from '../teams/helpers.js';
import { call, cardsOf, poll, startConversation, webChatMessage, type Started } from './helpers.js';

const templates = loadCardTemplates();
const engine = loadDefaultRules();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function startServer(limits: Partial<ConversationLimits> = {}, now: () => number = Date.now) {
  const store = await openSqliteStore({ dataDir: ':memory:' });
  // RATE_LIMIT_PER_MINUTE left at its default (30).
  const coreConfig = loadCoreConfig({ DEFAULT_PLAN: 'Office 365 E3' });
  const core = createConversationCore({ engine, store, config: coreConfig });
  const conversations = new ChatConversations(limits, now);
  const chat = createLocalChat({ core, coreConfig, templates, conversations });
  const server = await createBotServer({ credentials: {}, core, engine, templates, extend: chat.extend }).listen(0, '127.0.0.1');
  closers.push(async () => {
    chat.close();
    await server.close();
    await store.close();
  });
  return server.url;
}

/** Posts a message; the answer holds until the bot's turn is over, so its replies are already stored. */
async function say(url: string, chat: Started, text: string): Promise<string> {
  const answer = await call(url, 'POST', `/v3/directline/conversations/${chat.conversationId}/activities`, { token: chat.token, body: webChatMessage({ text }) });
  expect(answer.status).toBe(200);
  return answer.json.id as string;
}

/** What the bot answered to one message (card text or message text); empty when it stayed silent. */
async function answerTo(url: string, chat: Started, messageId: string): Promise<string> {
  const replies = (await poll(url, chat)).activities.filter((a) => a.from?.role === 'bot' && a.replyToId === messageId);
  return replies.map((reply) => (cardsOf([reply])[0] ? cardText(cardsOf([reply])[0]) : String(reply.text ?? ''))).join('\n');
}

describe('local chat turn budgets', () => {
  it('40 new conversations in a minute (each greeted) leave the admin their whole budget', async () => {
    const url = await startServer();
    const admin = await startConversation(url);
    for (let i = 0; i < 40; i++) await startConversation(url);
    expect(await answerTo(url, admin, await say(url, admin, 'help'))).toMatch(/my cases/i);
  });

  it('one conversation flooding is slowed down; another page of the same admin is still answered', async () => {
    const url = await startServer();
    const flood = await startConversation(url);
    const admin = await startConversation(url);
    for (let i = 0; i < 30; i++) expect(await answerTo(url, flood, await say(url, flood, 'help'))).toMatch(/my cases/i);
    expect(await answerTo(url, flood, await say(url, flood, 'help'))).toMatch(/slow down/i);
    expect(await answerTo(url, admin, await say(url, admin, 'help'))).toMatch(/my cases/i);
  });
});

describe('local chat at its conversation limit', () => {
  it('evicts a conversation nobody polls, never one with a recent poll; refuses the newcomer with 503 and Retry-After', async () => {
    let now = 1_000_000_000;
    const url = await startServer({ maxConversations: 3, activeMs: 60_000, startGraceMs: 15_000 }, () => now);
    const admin = await startConversation(url);
    const second = await startConversation(url);
    const anonymous = await startConversation(url); // never polled
    now += 20_000;
    await poll(url, admin);
    await poll(url, second);

    const newcomer = await startConversation(url); // takes the anonymous one's place
    expect((await call(url, 'GET', `/v3/directline/conversations/${anonymous.conversationId}/activities`, { token: anonymous.token })).status).toBe(404);

    const refused = await fetch(`${url}/v3/directline/conversations`, { method: 'POST' });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/maximum of 3 open conversations; try again in \d+ seconds/);

    // Everyone who was there is still served.
    for (const chat of [admin, second, newcomer]) expect(await answerTo(url, chat, await say(url, chat, 'help'))).toMatch(/my cases/i);
  });
});

describe('Direct Line token refresh', () => {
  it('revokes older tokens: the presented one and the new one work, the ones before are 403', async () => {
    const url = await startServer();
    const first = await startConversation(url);
    const refresh = async (token: string): Promise<string> => {
      const answer = await call(url, 'POST', '/v3/directline/tokens/refresh', { token });
      expect(answer.status).toBe(200);
      expect(answer.json.conversationId).toBe(first.conversationId);
      return answer.json.token as string;
    };
    const second = await refresh(first.token);
    const third = await refresh(second);
    const status = async (token: string) => (await call(url, 'GET', `/v3/directline/conversations/${first.conversationId}/activities`, { token })).status;
    expect(await status(first.token)).toBe(403);
    expect(await status(second)).toBe(200);
    expect(await status(third)).toBe(200);
    expect((await call(url, 'POST', '/v3/directline/tokens/refresh', { token: first.token })).status).toBe(403);

    // Refreshing one token over and over leaves it and the newest only.
    const many: string[] = [];
    for (let i = 0; i < 20; i++) many.push(await refresh(third));
    const live = [];
    for (const token of [second, third, ...many]) if ((await status(token)) === 200) live.push(token);
    expect(live).toEqual([third, many.at(-1)]);
  });
});
