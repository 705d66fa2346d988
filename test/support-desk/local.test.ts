/**
 * The support desk in local mode, over HTTP (Direct Line, no browser): an admin opens a case in
 * the local chat, the `/support` conversation (the local engineer) receives the case card, and
 * the engineer's buttons work it, the card updated in place and the admin told in their chat.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { ChatConversations, createLocalChat, type LocalChat } from '../../src/channels/webchat/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { createSupportDeskRuntime, type SupportDeskRuntime } from '../../src/app/support-desk.js';
import { loadSupportDeskConfig } from '../../src/support-desk/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { cardText, submitActions } from '../teams/helpers.js';
import { call, cardsOf, openCaseAsAdmin, poll, SALES_FLOOR_CASE, startConversation, webChatMessage, type Started } from '../webchat/helpers.js';

const templates = loadCardTemplates();
const engine = loadDefaultRules();

interface Local {
  server: RunningServer;
  chat: LocalChat;
  store: CaseStore;
  runtime: SupportDeskRuntime;
  close(): Promise<void>;
}

async function startLocal(env: Record<string, string> = {}, bundleDir?: string): Promise<Local> {
  const store = await openSqliteStore({ dataDir: ':memory:' });
  const coreConfig = loadCoreConfig({ DEFAULT_PLAN: 'Office 365 E3' });
  const runtime = createSupportDeskRuntime({ config: loadSupportDeskConfig(env), store, engine, logger: pino({ level: 'silent' }) });
  const conversations = new ChatConversations();
  const core = createConversationCore({ engine, store, config: coreConfig, onCaseCreated: runtime.caseCreated, onCaseChanged: runtime.caseChanged });
  const chat = createLocalChat({ core, coreConfig, templates, conversations, support: runtime.attachLocalChat(conversations), ...(bundleDir ? { bundleDir } : {}) });
  const server = await createBotServer({ credentials: {}, core, engine, templates, extend: chat.extend }).listen(0, '127.0.0.1');
  return {
    server,
    chat,
    store,
    runtime,
    close: async () => {
      chat.close();
      await runtime.stop();
      await server.close();
      await store.close();
    },
  };
}

async function startSupport(url: string): Promise<Started> {
  const answer = await call(url, 'POST', '/v3/directline/conversations?as=engineer');
  expect(answer.status).toBe(201);
  return { conversationId: answer.json.conversationId, token: answer.json.token };
}

async function send(url: string, chat: Started, fields: { text?: string; value?: Record<string, unknown> }): Promise<void> {
  const answer = await call(url, 'POST', `/v3/directline/conversations/${chat.conversationId}/activities`, { token: chat.token, body: webChatMessage(fields) });
  expect(answer.status).toBe(200);
}

/** Polls until `found` returns something (deliveries to the desk are fire-and-forget). */
async function waitFor<T>(what: string, found: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await found();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A watermark-following reader of one conversation. */
function reader(url: string, chat: Started) {
  let watermark: string | undefined;
  return {
    async next(): Promise<any[]> {
      const page = await poll(url, chat, watermark);
      watermark = page.watermark;
      return page.activities;
    },
  };
}

/** An admin opens a case, then the local engineer presses Claim on its card in /support. */
async function claimNewCase(url: string): Promise<{ number: string; support: Started }> {
  const admin = await startConversation(url);
  const number = await openCaseAsAdmin(url, admin);
  const support = await startSupport(url);
  const card = cardsOf((await poll(url, support)).activities).find((c) => cardText(c).includes(number))!;
  await send(url, support, { value: submitActions(card).find((a) => a.data.verb === 'desk.claim')!.data });
  return { number, support };
}

describe('the support desk in the local chat (/support)', () => {
  let local: Local;
  let url: string;
  const bundleDir = mkdtempSync(join(tmpdir(), 'webchat-bundle-'));
  writeFileSync(join(bundleDir, 'webchat.js'), 'window.WebChat = {};\n');

  beforeAll(async () => {
    local = await startLocal({}, bundleDir);
    url = local.server.url;
  });
  afterAll(async () => {
    await local.close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('serves the /support page as the local engineer', async () => {
    const page = await call(url, 'GET', '/support');
    expect(page.status).toBe(200);
    expect(page.text).toContain('local-engineer');
    expect(page.text).toContain('"as":"engineer"');
    expect(page.text).toContain('/webchat/webchat.js');
    const redirected = await fetch(`${url}/?as=engineer`, { redirect: 'manual' });
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe('/support');
  });

  it('case card → claim (in place, admin told) → reply → resolve (admin told each time)', async () => {
    const support = await startSupport(url);
    const supportFeed = reader(url, support);
    const intro = await supportFeed.next();
    expect(intro.map((a) => a.text).join('\n')).toMatch(/local support channel/);
    expect(cardsOf(intro)).toEqual([]); // no welcome card, no cases yet

    const admin = await startConversation(url);
    const number = await openCaseAsAdmin(url, admin);
    const adminFeed = reader(url, admin);
    await adminFeed.next(); // everything so far

    // The case card arrives in the support conversation.
    const posted = await waitFor('the case card', async () => (await supportFeed.next()).find((a) => cardText(cardsOf([a])[0]).includes(number)));
    const card = cardsOf([posted])[0]!;
    expect(cardText(card)).toContain('Outlook cannot send for the sales floor');
    const claim = submitActions(card).find((a) => a.data.verb === 'desk.claim')!;
    expect(claim.data).toMatchObject({ number, tenant: 'local' });

    // Claim: the same activity id comes back with the updated card; the admin hears who has it.
    await send(url, support, { value: claim.data });
    const updated = await waitFor('the claimed card', async () => (await supportFeed.next()).find((a) => a.id === posted.id));
    const claimedCard = cardsOf([updated])[0]!;
    expect(cardText(claimedCard)).toContain('Local Engineer');
    expect(submitActions(claimedCard).some((a) => a.data.verb === 'desk.claim')).toBe(false);
    expect((await poll(url, support)).activities.filter((a) => a.id === posted.id)).toHaveLength(1); // replaced, not duplicated
    const claimedNotice = await waitFor('the claimed notice', async () => cardsOf(await adminFeed.next()).find((c) => /taken/.test(cardText(c))));
    expect(cardText(claimedNotice)).toContain(`Local Engineer from support has taken ${number}`);
    expect((await local.store.getCase('local', number))?.owner).toBe('Local Engineer');

    // Reply: the admin's chat gets it, with an answer box.
    const reply = submitActions(claimedCard).find((a) => a.data.verb === 'desk.reply')!;
    await send(url, support, { value: { ...reply.data, message: 'Please restart the Exchange connector and tell me if it helps.' } });
    const replyNotice = await waitFor('the reply notice', async () => cardsOf(await adminFeed.next()).find((c) => /restart the Exchange connector/.test(cardText(c))));
    const answerAction = submitActions(replyNotice).find((a) => a.data.verb === 'desk.answer')!;
    expect(answerAction.data).toMatchObject({ number });

    // The admin answers from the notice: the support conversation gets a note.
    await send(url, admin, { value: { ...answerAction.data, message: 'Restarted, still failing.' } });
    await waitFor('the answer note', async () => (await supportFeed.next()).find((a) => typeof a.text === 'string' && a.text.includes('Restarted, still failing.')));

    // Resolve: the card shows it resolved (no buttons), the admin is told and may reopen.
    await send(url, support, { value: { ...submitActions(claimedCard).find((a) => a.data.verb === 'desk.resolve')!.data, message: 'Connector certificate renewed.' } });
    const resolvedCard = await waitFor('the resolved card', async () => (await supportFeed.next()).find((a) => a.id === posted.id));
    expect(cardText(cardsOf([resolvedCard])[0])).toMatch(/Resolved/);
    expect(submitActions(cardsOf([resolvedCard])[0])).toEqual([]);
    const resolvedNotice = await waitFor('the resolved notice', async () => cardsOf(await adminFeed.next()).find((c) => /resolved/.test(cardText(c))));
    expect(cardText(resolvedNotice)).toContain('Connector certificate renewed.');
    expect(submitActions(resolvedNotice).map((a) => a.data.verb)).toEqual(['desk.reopen']);
    expect((await local.store.getCase('local', number))?.status).toBe('closed');

    // The admin's typed "reopen … thanks" does not reopen; a real reason does, and the card follows.
    await send(url, admin, { text: `reopen ${number} thanks` });
    expect((await local.store.getCase('local', number))?.status).toBe('closed');
    await send(url, admin, { text: `reopen ${number} it fails again for the sales floor` });
    expect((await local.store.getCase('local', number))?.status).toBe('open');
    const reopenedCard = await waitFor('the reopened card', async () => (await supportFeed.next()).find((a) => a.id === posted.id));
    expect(submitActions(cardsOf([reopenedCard])[0]).some((a) => a.data.verb === 'desk.claim')).toBe(true);
  });

  it('shows the open local cases to a /support page opened later, and refuses the admin on engineer buttons', async () => {
    const admin = await startConversation(url);
    const number = await openCaseAsAdmin(url, admin);
    const support = await startSupport(url);
    const first = await poll(url, support);
    const card = cardsOf(first.activities).find((c) => cardText(c).includes(number));
    expect(card).toBeDefined();

    // The admin posting an engineer verb is refused (not an engineer), and nothing changes.
    const claim = submitActions(card).find((a) => a.data.verb === 'desk.claim')!;
    await send(url, admin, { value: claim.data });
    expect(cardText(cardsOf((await poll(url, admin)).activities).at(-1)) + (await poll(url, admin)).activities.map((a) => a.text ?? '').join('\n')).toMatch(
      /Only support engineers/,
    );
    expect((await local.store.getCase('local', number))?.owner).toBeUndefined();

    // Typing in the support channel gets a hint, not a triage.
    await send(url, support, { text: 'outlook is down' });
    expect((await poll(url, support, first.watermark)).activities.map((a) => a.text).join('\n')).toMatch(/use the buttons/);
  });
});

describe('the local support channel with SUPPORT_ENGINEERS set', () => {
  it('lets local-engineer act only when listed', async () => {
    const unlisted = await startLocal({ SUPPORT_ENGINEERS: 'eve@contoso.example' });
    try {
      const { number, support } = await claimNewCase(unlisted.server.url);
      expect((await poll(unlisted.server.url, support)).activities.map((a) => a.text ?? '').join('\n')).toMatch(/Only support engineers/);
      expect((await unlisted.store.getCase('local', number))?.owner).toBeUndefined();
    } finally {
      await unlisted.close();
    }
    const listed = await startLocal({ SUPPORT_ENGINEERS: 'eve@contoso.example, local-engineer' });
    try {
      const { number } = await claimNewCase(listed.server.url);
      expect((await listed.store.getCase('local', number))?.owner).toBe('Local Engineer');
    } finally {
      await listed.close();
    }
  });

  it('/support is 404 when the local chat runs without the desk', async () => {
    const store = await openSqliteStore({ dataDir: ':memory:' });
    const coreConfig = loadCoreConfig({ DEFAULT_PLAN: 'Office 365 E3' });
    const core = createConversationCore({ engine, store, config: coreConfig });
    const chat = createLocalChat({ core, coreConfig, templates });
    const server = await createBotServer({ credentials: {}, core, engine, templates, extend: chat.extend }).listen(0, '127.0.0.1');
    try {
      expect((await call(server.url, 'GET', '/support')).status).toBe(404);
      expect((await call(server.url, 'POST', '/v3/directline/conversations?as=engineer')).status).toBe(404);
    } finally {
      chat.close();
      await server.close();
      await store.close();
    }
  });
});

describe('the local support page: reminders and Assign', () => {
  it('shows an SLA reminder with one marker, and a breach with one', async () => {
    const local = await startLocal();
    try {
      const url = local.server.url;
      const admin = await startConversation(url);
      const number = await openCaseAsAdmin(url, admin);
      const support = await startSupport(url);
      const feed = reader(url, support);
      await feed.next();
      const created = (await local.store.getCase('local', number))!.createdAt.getTime();
      await local.runtime.sla.tick(new Date(created + 50 * 60_000)); // Sev A on E3: 80% of an hour
      await local.runtime.sla.tick(new Date(created + 61 * 60_000));
      const lines = (await feed.next()).map((a) => String(a.text ?? '')).filter((t) => t.includes(number));
      const reminder = lines.find((t) => t.includes('Reminder'));
      const breach = lines.find((t) => t.includes('BREACHED'));
      expect(reminder).toMatch(/^⏰ Reminder: /);
      expect(breach).toMatch(/^🚨 BREACHED: /);
      expect(lines.join('\n')).not.toMatch(/⏰\s*⏰|⚠/);
    } finally {
      await local.close();
    }
  });

  it('assigns only an engineer SUPPORT_ENGINEERS lists, and tells the assignee; free text is refused and changes nothing', async () => {
    const local = await startLocal({ SUPPORT_ENGINEERS: 'local-engineer, Eve@Contoso.example' });
    try {
      const url = local.server.url;
      const admin = await startConversation(url);
      const number = await openCaseAsAdmin(url, admin);
      const support = await startSupport(url);
      const feed = reader(url, support);
      const card = cardsOf(await feed.next()).find((c) => cardText(c).includes(number))!;
      const assign = submitActions(card).find((a) => a.data.verb === 'desk.assign')!;

      await send(url, support, { value: { ...assign.data, assignee: 'Mallory <script>' } });
      const refusal = (await feed.next()).map((a) => String(a.text ?? '')).join('\n');
      expect(refusal).toContain('Only support engineers can be assigned. Pick one of: local-engineer, eve@contoso.example.');
      const unchanged = await local.store.getCase('local', number);
      expect(unchanged?.owner).toBeUndefined();
      expect(unchanged?.audit.some((a) => a.action === 'assigned')).toBe(false);

      await send(url, support, { value: { ...assign.data, assignee: ' EVE@contoso.example ' } });
      const told = await waitFor('the assignee notice', async () => (await feed.next()).find((a) => String(a.text ?? '').startsWith('📌 eve@contoso.example:')));
      expect(told.text).toBe(`📌 eve@contoso.example: Local Engineer assigned ${number} (${SALES_FLOOR_CASE.title}) to you.`);
      expect((await local.store.getCase('local', number))?.owner).toBe('eve@contoso.example');
    } finally {
      await local.close();
    }
  });
});
