/**
 * The support desk in Teams, over HTTP with the real core, rules, an in-memory store on an
 * injected clock and a fake Bot Connector: a full case life, the race on Claim, an outsider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../poll.js';
import { pino } from 'pino';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { createSupportDeskRuntime, type SupportDeskRuntime } from '../../src/app/support-desk.js';
import { TEAMS_CHANNEL_REF_KEY } from '../../src/channels/teams/index.js';
import { loadSupportDeskConfig } from '../../src/support-desk/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { startTokenIssuer, APP_ID, type TokenIssuer } from '../teams/auth.js';
import { ALEX, botAddedToTeam, cardOf, cardText, inputs, post, SAM, startFakeConnector, submitActions, teamsMessage, TENANT, type ConnectorCall, type FakeConnector } from '../teams/helpers.js';

const SUPPORT_CHANNEL = '19:support-desk@thread.tacv2';
const GENERAL = '19:general@thread.tacv2';
const EVE = { id: '29:eve-teams-id', name: 'Eve Engineer', aadObjectId: 'aad-eve' };
const FINN = { id: '29:finn-teams-DAY', name: 'Finn Engineer', aadObjectId: 'aad-finn' };
const DAY_MS = 24 * 60 * 60 * 1000;
/** A card's text as read, without the Markdown escapes user text gets. */
const shownText = (card: unknown) => cardText(card).replace(/\\(.)/g, '$1');

describe('support desk in Teams', () => {
  let connector: FakeConnector;
  let server: RunningServer;
  let store: CaseStore;
  let runtime: SupportDeskRuntime;
  let issuer: TokenIssuer;
  let now = new Date('2026-11-24T02:00:00Z');
  const clock = () => now;

  beforeAll(async () => {
    connector = await startFakeConnector();
    issuer = await startTokenIssuer();
    store = await openSqliteStore({ dataDir: ':memory:', now: clock });
    const engine = loadDefaultRules();
    const coreConfig = loadCoreConfig({ ADMIN_USERS: ALEX.aadObjectId, DEFAULT_PLAN: 'Office 365 E3' });
    runtime = createSupportDeskRuntime({
      config: loadSupportDeskConfig({ SUPPORT_TEAMS_CHANNEL: SUPPORT_CHANNEL, SUPPORT_ENGINEERS: 'aad-eve' }),
      store,
      engine,
      logger: pino({ level: 'silent' }),
      now: clock,
      appId: APP_ID,
    });
    const core = createConversationCore({
      engine,
      store,
      config: coreConfig,
      now: clock,
      onCaseCreated: (c) => runtime.caseCreated(c),
      onCaseChanged: (c, change) => runtime.caseChanged(c, change),
    });
    server = await createBotServer({ credentials: issuer.credentials, botFrameworkEndpoints: issuer.endpoints, core, engine, templates: loadCardTemplates(), teamsSupport: runtime.teams }).listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await runtime.stop();
    await server.close();
    await store.close();
    await connector.close();
    await issuer.close();
  });

  async function send(options: Parameters<typeof teamsMessage>[0]): Promise<ConnectorCall[]> {
    const before = connector.calls.length;
    const response = await post(server.url, teamsMessage(options), { authorization: issuer.authorization(options.serviceUrl) });
    expect(response.status).toBe(200);
    return connector.calls.slice(before);
  }

  /** Waits until a call matching `predicate` arrived after index `from`. */
  async function waitForCall(from: number, predicate: (call: ConnectorCall) => boolean): Promise<ConnectorCall> {
    return until(
      () => `a matching connector call; got ${JSON.stringify(connector.calls.slice(from).map((c) => [c.method, c.path]))}`,
      () => connector.calls.slice(from).find(predicate),
    );
  }

  function press(card: Record<string, unknown>, verb: string, extra: Record<string, unknown> = {}) {
    const action = submitActions(card).find((a) => a.data.verb === verb);
    if (!action) throw new Error(`no ${verb} button in ${JSON.stringify(submitActions(card))}`);
    return { ...action.data, ...extra };
  }

  const inSupport = (cardId: string) => ({ serviceUrl: connector.url, conversationId: `${SUPPORT_CHANNEL};messageid=${cardId}`, conversationType: 'channel' as const });

  async function openCase(): Promise<{ number: string; cardId: string; card: Record<string, unknown> }> {
    const [triage] = (await send({ serviceUrl: connector.url, text: 'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1' })).map(cardOf);
    const [form] = (await send({ serviceUrl: connector.url, value: press(triage!, 'openCase') })).map(cardOf);
    const values = Object.fromEntries([...inputs(form!)].map(([id, input]) => [id, input.value ?? '']));
    const mark = connector.calls.length;
    const [created] = (
      await send({ serviceUrl: connector.url, value: { ...values, title: 'Outlook cannot send', description: 'Nobody can send since 9am. NDR 550 5.7.1.', affectedUsers: '40', contactMethod: 'email', email: 'alex@contoso.com', ...press(form!, 'submitCase') } })
    ).map(cardOf);
    const number = /SR-\d{6}-\d{4,}/.exec(cardText(created))![0];
    const posted = await waitForCall(mark, (c) => c.method === 'POST' && c.conversationId === SUPPORT_CHANNEL && cardText(c.activity).includes(number));
    const index = connector.calls.indexOf(posted);
    return { number, cardId: `reply-${index + 1}`, card: cardOf(posted) };
  }

  it('records the team channel when the bot is added to a team', async () => {
    const activity = botAddedToTeam(connector.url, GENERAL);
    const response = await post(server.url, activity, { authorization: issuer.authorization(connector.url) });
    expect(response.status).toBe(200);
    const stored = await store.getConversationState<{ serviceUrl: string; conversation: { id: string } }>(TEAMS_CHANNEL_REF_KEY);
    expect(stored?.serviceUrl).toBe(connector.url);
  });

  let number = '';
  let cardId = '';

  it('posts a new case to the support channel with its facts and actions', async () => {
    const opened = await openCase();
    number = opened.number;
    cardId = opened.cardId;
    const text = cardText(opened.card);
    for (const expected of [number, TENANT, 'Alex Admin', 'Sev A', 'E3', 'Respond by', 'left', 'Nobody can send since 9am']) expect(text).toContain(expected);
    // How to reach the requester, as the case form stored it.
    for (const expected of ['Email (preferred): alex@contoso.com', 'Affected users', '40', 'English (en)', 'Time zone']) expect(shownText(opened.card)).toContain(expected);
    expect(text).not.toContain('${');
    const verbs = submitActions(opened.card).map((a) => a.data.verb);
    expect(verbs).toEqual(['desk.claim', 'desk.reply', 'desk.askInfo', 'desk.changeSeverity', 'desk.assign', 'desk.resolve']);
    expect(submitActions(opened.card)[0]!.data).toMatchObject({ number, tenant: TENANT });
  });

  it('refuses an outsider, whatever they post', async () => {
    const replies = await send({ serviceUrl: connector.url, from: SAM, conversationId: 'a:personal-chat-sam', value: { verb: 'desk.claim', number, tenant: TENANT } });
    expect(replies.map((r) => String(r.activity.text)).join()).toMatch(/only support engineers/i);
    expect((await store.getCase(TENANT, number))?.owner).toBeUndefined();
  });

  it('two engineers click Claim at once: one wins, the other is told who has it; the card is updated in place', async () => {
    const mark = connector.calls.length;
    const claim = { verb: 'desk.claim', number, tenant: TENANT };
    // Finn is not in SUPPORT_ENGINEERS: clicking in the support channel makes him a member.
    await Promise.all([send({ ...inSupport(cardId), from: EVE, value: claim }), send({ ...inSupport(cardId), from: FINN, value: claim })]);
    const owner = (await store.getCase(TENANT, number))?.owner;
    expect(['Eve Engineer', 'Finn Engineer']).toContain(owner);
    const loser = owner === 'Eve Engineer' ? 'Finn' : 'Eve';
    const told = await waitForCall(mark, (c) => c.method === 'POST' && /already claimed by/.test(String(c.activity.text)));
    expect(String(told.activity.text)).toContain(owner!);
    expect(told.conversationId).toContain(SUPPORT_CHANNEL);
    const update = await waitForCall(mark, (c) => c.method === 'PUT');
    expect(update.conversationId).toBe(SUPPORT_CHANNEL);
    expect(update.replyToId).toBe(cardId);
    expect(cardText(update.activity)).toContain(owner!);
    expect(submitActions(cardOf(update)).map((a) => a.data.verb)).not.toContain('desk.claim');
    const notice = await waitForCall(mark, (c) => c.conversationId === 'a:personal-chat-alex' && cardText(c.activity).includes('has taken'));
    expect(cardText(notice.activity)).toContain(owner!);
    expect(loser).toBeTruthy();
    const claims = (await store.getCase(TENANT, number))!.audit.filter((a) => a.action === 'claimed');
    expect(claims).toHaveLength(1);
  });

  it('engineer reply reaches the admin, the admin answers back, the answer lands on the case and in the channel', async () => {
    let mark = connector.calls.length;
    await send({ ...inSupport(cardId), from: EVE, value: { verb: 'desk.reply', number, tenant: TENANT, message: 'Please run Get-MessageTrace for one sender.' } });
    const notice = await waitForCall(mark, (c) => c.conversationId === 'a:personal-chat-alex' && cardText(c.activity).includes('Get-MessageTrace'));
    const answer = press(cardOf(notice), 'desk.answer');
    expect(inputs(cardOf(notice)).has('message')).toBe(true);

    mark = connector.calls.length;
    const replies = await send({ serviceUrl: connector.url, value: { ...answer, message: 'Trace attached: 550 5.7.1 from the connector.' } });
    expect(replies.map((r) => String(r.activity.text)).join()).toMatch(/added to/);
    const c = await store.getCase(TENANT, number);
    expect(c?.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['engineer-reply', 'requester-answer']));
    const note = await waitForCall(mark, (call) => call.method === 'POST' && call.conversationId === `${SUPPORT_CHANNEL};messageid=${cardId}`);
    expect(String(note.activity.text)).toContain('Trace attached');
  });

  it('a forged answer from someone else is refused', async () => {
    const replies = await send({ serviceUrl: connector.url, from: SAM, conversationId: 'a:personal-chat-sam', value: { verb: 'desk.answer', number, tenant: TENANT, message: 'hi' } });
    expect(replies.map((r) => String(r.activity.text)).join()).toMatch(/only alex admin/i);
  });

  it('changes severity with a reason and tells the admin why', async () => {
    const mark = connector.calls.length;
    await send({ ...inSupport(cardId), from: EVE, value: { verb: 'desk.changeSeverity', number, tenant: TENANT, severity: 'B', reason: 'A workaround exists' } });
    expect((await store.getCase(TENANT, number))?.severity).toBe('B');
    const notice = await waitForCall(mark, (c) => c.conversationId === 'a:personal-chat-alex' && cardText(c.activity).includes('A workaround exists'));
    expect(cardText(notice.activity)).toMatch(/Sev A.*Sev B/s);
    const refused = await send({ ...inSupport(cardId), from: EVE, value: { verb: 'desk.changeSeverity', number, tenant: TENANT, severity: 'C', reason: '' } });
    expect(refused.map((r) => String(r.activity.text)).join()).toMatch(/why/i);
  });

  it('resolves; "thanks" does not reopen; a real note reopens within 14 days; after 14 days it is refused', async () => {
    let mark = connector.calls.length;
    await send({ ...inSupport(cardId), from: EVE, value: { verb: 'desk.resolve', number, tenant: TENANT, message: 'Connector certificate renewed.' } });
    expect((await store.getCase(TENANT, number))?.status).toBe('closed');
    const update = await waitForCall(mark, (c) => c.method === 'PUT' && cardText(c.activity).includes('Resolved by support'));
    expect(submitActions(cardOf(update))).toHaveLength(0);
    // Claimed right away: the response time was met, and its due time is still shown.
    expect(shownText(cardOf(update))).toMatch(/Response time[\s\S]*met \(first response after/);
    expect(cardText(cardOf(update))).toContain('Respond by');
    expect(cardText(cardOf(update))).not.toContain('no commitment');
    const resolved = await waitForCall(mark, (c) => c.conversationId === 'a:personal-chat-alex' && cardText(c.activity).includes('Connector certificate renewed'));
    const reopen = press(cardOf(resolved), 'desk.reopen');

    const thanks = await send({ serviceUrl: connector.url, value: { ...reopen, message: 'Thanks a lot!' } });
    expect(thanks.map((r) => String(r.activity.text)).join()).toMatch(/stays resolved/);
    expect((await store.getCase(TENANT, number))?.status).toBe('closed');

    now = new Date(now.getTime() + 10 * DAY_MS);
    mark = connector.calls.length;
    const reopened = await send({ serviceUrl: connector.url, value: { ...reopen, message: 'It is failing again for the sales floor.' } });
    expect(reopened.map((r) => String(r.activity.text)).join()).toMatch(/reopened/);
    const c = await store.getCase(TENANT, number);
    expect(c?.status).toBe('open');
    expect(c?.owner).toBeUndefined();
    const card = await waitForCall(mark, (call) => call.method === 'PUT' && call.replyToId === cardId);
    expect(submitActions(cardOf(card)).map((a) => a.data.verb)).toContain('desk.claim');
    await waitForCall(mark, (call) => call.method === 'POST' && String(call.activity.text).includes('failing again'));

    // my cases shows status, owner and the last update.
    await send({ ...inSupport(cardId), from: EVE, value: { verb: 'desk.claim', number, tenant: TENANT } });
    const [list] = (await send({ serviceUrl: connector.url, text: 'my cases' })).map(cardOf);
    expect(cardText(list)).toContain('Eve Engineer');
    expect(cardText(list)).toMatch(/Last update/);

    await send({ ...inSupport(cardId), from: EVE, value: { verb: 'desk.resolve', number, tenant: TENANT } });
    now = new Date(now.getTime() + 15 * DAY_MS);
    const late = await send({ serviceUrl: connector.url, value: { ...reopen, message: 'Broken again.' } });
    expect(late.map((r) => String(r.activity.text)).join()).toMatch(/more than 14 days/);
    expect((await store.getCase(TENANT, number))?.status).toBe('closed');
  });
  it('SLA reminders reach the Teams support channel: 80% in the card thread, breach as a new post, once each', async () => {
    const opened = await openCase();
    const c = (await store.getCase(TENANT, opened.number))!;
    const at = (minutes: number) => new Date(c.createdAt.getTime() + minutes * 60_000);
    const level = (reminders: Array<{ number: string; level: string }>) => reminders.filter((r) => r.number === opened.number).map((r) => r.level);

    expect(level(await runtime.sla.tick(at(47)))).toEqual([]);
    let mark = connector.calls.length;
    expect(level(await runtime.sla.tick(at(48)))).toEqual(['warning']);
    const warning = await waitForCall(mark, (call) => call.method === 'POST' && /Reminder/i.test(String(call.activity.text)) && String(call.activity.text).includes(opened.number));
    expect(warning.conversationId).toBe(`${SUPPORT_CHANNEL};messageid=${opened.cardId}`);
    expect(level(await runtime.sla.tick(at(55)))).toEqual([]);

    mark = connector.calls.length;
    expect(level(await runtime.sla.tick(at(61)))).toEqual(['breach']);
    const breach = await waitForCall(mark, (call) => call.method === 'POST' && String(call.activity.text).includes(opened.number));
    expect(breach.conversationId).toBe(SUPPORT_CHANNEL);
    expect(breach.activity.importance).toBe('high');
    expect(level(await runtime.sla.tick(at(90)))).toEqual([]);
  });

  it('a case the requester closed says so, keeps its respond-by time and tells whether it was met', async () => {
    const opened = await openCase();
    const respondBy = /Respond by\s*([^\n]+)/.exec(shownText(opened.card))?.[1]?.trim();
    expect(respondBy).toMatch(/\d{4}-\d{2}-\d{2}/);
    now = new Date(now.getTime() + 2 * 60 * 60_000); // Sev A on E3: an hour to respond, nobody did
    const mark = connector.calls.length;
    await send({ serviceUrl: connector.url, text: `close ${opened.number}` });
    expect((await store.getCase(TENANT, opened.number))?.status).toBe('closed');
    const update = await waitForCall(mark, (c) => c.method === 'PUT' && c.replyToId === opened.cardId && cardText(c.activity).includes('Closed by the requester'));
    const text = shownText(cardOf(update));
    expect(text).not.toMatch(/Resolved|nobody yet|no commitment|Time left/);
    expect(text).toContain(`Respond by`);
    expect(text).toContain(respondBy!);
    expect(text).toContain('nobody (never claimed)');
    expect(text).toMatch(/Response time[\s\S]*missed by 1 h[\s\S]*no engineer response/);
  });
});
