/**
 * Issue 17 item 5 over Teams HTTP: after an engineer asks the admin for information, the admin's
 * next typed words land on the case as the answer, with "It's a new problem" to triage them instead.
 * Each test has its own server, store and fake connector.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../poll.js';
import { pino } from 'pino';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { createSupportDeskRuntime, type SupportDeskRuntime } from '../../src/app/support-desk.js';
import { loadSupportDeskConfig } from '../../src/support-desk/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { startTokenIssuer, APP_ID, type TokenIssuer } from '../teams/auth.js';
import { ALEX, botAddedToTeam, cardOf, cardText, inputs, post, startFakeConnector, submitActions, teamsMessage, TENANT, type ConnectorCall, type FakeConnector } from '../teams/helpers.js';

const SUPPORT_CHANNEL = '19:support-desk@thread.tacv2';
const EVE = { id: '29:eve-teams-id', name: 'Eve Engineer', aadObjectId: 'aad-eve' };
const GENERAL = '19:general@thread.tacv2';
const ALEX_CHAT = 'a:personal-chat-alex';

describe('an answer typed after an engineer asks for information (Teams)', () => {
  let connector: FakeConnector;
  let server: RunningServer;
  let store: CaseStore;
  let runtime: SupportDeskRuntime;
  let issuer: TokenIssuer;
  const clock = () => new Date('2026-11-24T02:00:00Z');

  beforeEach(async () => {
    connector = await startFakeConnector();
    issuer = await startTokenIssuer();
    store = await openSqliteStore({ dataDir: ':memory:', now: clock });
    const engine = loadDefaultRules();
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
      config: loadCoreConfig({ ADMIN_USERS: ALEX.aadObjectId, DEFAULT_PLAN: 'Office 365 E3' }),
      now: clock,
      onCaseCreated: (c) => runtime.caseCreated(c),
      onCaseChanged: (c, change) => runtime.caseChanged(c, change),
    });
    server = await createBotServer({ credentials: issuer.credentials, botFrameworkEndpoints: issuer.endpoints, core, engine, templates: loadCardTemplates(), teamsSupport: runtime.teams }).listen(0, '127.0.0.1');
    await addBotToTeam();
  });
  afterEach(async () => {
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

  /** The bot added to the team: the desk learns where the support channel is. */
  async function addBotToTeam(): Promise<void> {
    const activity = botAddedToTeam(connector.url, GENERAL);
    const response = await post(server.url, activity, { authorization: issuer.authorization(connector.url) });
    expect(response.status).toBe(200);
  }

  /** What Alex's chat shows for `text` (the support thread's note goes elsewhere). */
  const say = async (text: string) => (await send({ serviceUrl: connector.url, text })).filter((c) => c.conversationId === ALEX_CHAT);

  async function waitForCall(from: number, predicate: (call: ConnectorCall) => boolean): Promise<ConnectorCall> {
    return until(
      () => `a matching connector call; got ${JSON.stringify(connector.calls.slice(from).map((c) => [c.method, c.path]))}`,
      () => connector.calls.slice(from).find(predicate),
    );
  }

  function press(card: Record<string, unknown>, verb: string) {
    const action = submitActions(card).find((a) => a.data.verb === verb);
    if (!action) throw new Error(`no ${verb} button in ${JSON.stringify(submitActions(card))}`);
    return action.data;
  }

  /** Opens a case as Alex; returns its number and the support channel thread of its card. */
  async function openCase(): Promise<{ number: string; thread: string }> {
    const [triage] = (await say('outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1')).map(cardOf);
    const [form] = (await send({ serviceUrl: connector.url, value: press(triage!, 'openCase') })).map(cardOf);
    const values = Object.fromEntries([...inputs(form!)].map(([id, input]) => [id, input.value ?? '']));
    const mark = connector.calls.length;
    const [created] = (
      await send({ serviceUrl: connector.url, value: { ...values, title: 'Outlook cannot send', description: 'Nobody can send since 9am.', affectedUsers: '40', contactMethod: 'email', email: 'alex@contoso.com', ...press(form!, 'submitCase') } })
    ).map(cardOf);
    const number = /SR-\d{6}-\d{4,}/.exec(cardText(created))![0];
    const posted = await waitForCall(mark, (c) => c.method === 'POST' && c.conversationId === SUPPORT_CHANNEL && cardText(c.activity).includes(number));
    return { number, thread: `${SUPPORT_CHANNEL};messageid=reply-${connector.calls.indexOf(posted) + 1}` };
  }

  /** Eve asks Alex a question through the desk; resolves once Alex's chat shows it. */
  async function engineerAsks(number: string, thread: string, question: string): Promise<void> {
    const mark = connector.calls.length;
    await send({ serviceUrl: connector.url, conversationId: thread, conversationType: 'channel', from: EVE, value: { verb: 'desk.askInfo', number, tenant: TENANT, message: question } });
    await waitForCall(mark, (c) => c.conversationId === ALEX_CHAT && cardText(c.activity).includes(question));
  }

  const answersOn = async (number: string) => (await store.getCase(TENANT, number))!.audit.filter((a) => a.action === 'requester-answer').map((a) => a.detail);

  it('the next typed message lands on the case, shows "Added to SR-…", reaches the support thread, and only once', async () => {
    const { number, thread } = await openCase();
    await engineerAsks(number, thread, 'Which connector does the NDR name?');

    const mark = connector.calls.length;
    const [reply] = (await say('The NDR names the Contoso-Outbound connector')).map(cardOf);
    expect(cardText(reply)).toContain(`Added to ${number} as your answer.`);
    expect(submitActions(reply!).map((a) => a.title)).toContain("It's a new problem");
    expect(await answersOn(number)).toEqual(['The NDR names the Contoso-Outbound connector']);
    const note = await waitForCall(mark, (c) => c.method === 'POST' && c.conversationId === thread && String(c.activity.text).includes('Contoso-Outbound'));
    expect(String(note.activity.text)).toContain(`answered on ${number}`);

    // Answered: the next message is a complaint again.
    const [next] = (await say('sharepoint site is down for everyone since noon')).map(cardOf);
    expect(cardText(next)).not.toContain('as your answer');
    expect(submitActions(next!).map((a) => a.data.verb)).toContain('openCase');
    expect(await answersOn(number)).toHaveLength(1);
  });

  it('"It\'s a new problem" triages the same words as a complaint', async () => {
    const { number, thread } = await openCase();
    await engineerAsks(number, thread, 'Does it affect shared mailboxes too?');

    const [added] = (await say('sharepoint site is down for everyone since noon')).map(cardOf);
    expect(cardText(added)).toContain(`Added to ${number} as your answer.`);
    const [triage] = (await send({ serviceUrl: connector.url, value: press(added!, 'newProblemInstead') })).filter((c) => c.conversationId === ALEX_CHAT).map(cardOf);
    expect(cardText(triage)).toMatch(/sharepoint/i);
    expect(submitActions(triage!).map((a) => a.data.verb)).toContain('openCase');
  });

  it('answers in Traditional Chinese with full-width punctuation', async () => {
    const { number, thread } = await openCase();
    await engineerAsks(number, thread, 'Which connector does the NDR name?');

    const [reply] = (await say('退信上寫的是 Contoso-Outbound 連接器')).map(cardOf);
    expect(cardText(reply)).toContain(`已將此訊息加入 ${number}，作為您的回覆。`);
    expect(submitActions(reply!).map((a) => a.title)).toContain('這是新的問題');
    expect(await answersOn(number)).toEqual(['退信上寫的是 Contoso-Outbound 連接器']);
  });

  it('a command while the question is out is still a command; the answer after it still lands', async () => {
    const { number, thread } = await openCase();
    await engineerAsks(number, thread, 'Which connector does the NDR name?');

    const [list] = (await say('my cases')).map(cardOf);
    expect(cardText(list)).toContain(number);
    expect(cardText(list)).not.toContain('as your answer');
    expect(await answersOn(number)).toEqual([]);
    const [reply] = (await say('Contoso-Outbound')).map(cardOf);
    expect(cardText(reply)).toContain(`Added to ${number} as your answer.`);
  });

  it('only the conversation the case was opened in (where the question arrived) takes the answer', async () => {
    const { number, thread } = await openCase();
    await engineerAsks(number, thread, 'Which connector does the NDR name?');

    const elsewhere = (await send({ serviceUrl: connector.url, conversationId: 'a:other-chat-alex', text: 'sharepoint site is down for everyone since noon' })).filter((c) => c.conversationId === 'a:other-chat-alex').map(cardOf);
    expect(cardText(elsewhere[0])).not.toContain('as your answer');
    expect(await answersOn(number)).toEqual([]);
    const [reply] = (await say('Contoso-Outbound')).map(cardOf);
    expect(cardText(reply)).toContain(`Added to ${number} as your answer.`);
  });

  it('without an engineer question, a typed message is triaged as before', async () => {
    const { number } = await openCase();
    const [triage] = (await say('sharepoint site is down for everyone since noon')).map(cardOf);
    expect(cardText(triage)).not.toContain('as your answer');
    expect(await answersOn(number)).toEqual([]);
  });
});
