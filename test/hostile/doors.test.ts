/**
 * Every unauthenticated door, tried against the cases of every authenticated channel, in each of
 * the four ways the bot is deployed: local (no credentials), Slack only, Teams only, both.
 * Cases are opened through each channel's authenticated path (signed Slack requests, Teams
 * activities with valid Bot Framework tokens); in local mode they are left in the store as an
 * earlier run with credentials would have left them. Then, as a stranger: Emulator activities
 * with any tenant, user id (ADMIN_USERS and SUPPORT_ENGINEERS ids, in any case) and serviceUrl;
 * desk verbs with the real case number and tenant; a forged token; Direct Line as `engineer`
 * and as the admin; `/support`. Nothing may be read, changed or sent: no case data in any answer
 * or outgoing request, the cases unchanged, and the fake Slack and Bot Connector hear nothing
 * but the authenticated round trip made afterwards to prove the attempts were fully handled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_TENANT } from '../../src/channels/teams/index.js';
import type { SupportCase } from '../../src/store/index.js';
import { TEAM } from '../slack/helpers.js';
import { newCase } from '../store/helpers.js';
import { ALEX, post, startFakeConnector, teamsMessage, TENANT, type FakeConnector } from '../teams/helpers.js';
import { call, poll, webChatMessage, type HttpAnswer } from '../webchat/helpers.js';
import { startBot, SLACK_ENGINEER, TEAMS_ENGINEER, TEAMS_SUPPORT, type Bot, type Mode, type OpenedCase } from './modes.js';

const MODES: Mode[] = ['local', 'slack', 'teams', 'both'];
const NOT_LOOPBACK = ['http://169.254.169.254/latest/', 'https://evil.example/', 'http://10.0.0.5:8080/'];

/** Cases an earlier run with Slack and Teams credentials left in the store (local mode). */
async function leftBehind(bot: Bot): Promise<OpenedCase[]> {
  const slack = await bot.store.createCase(
    newCase({ tenantId: TEAM, title: 'Slack secret mailflow outage', description: 'Nobody at slack-contoso can send', requester: { channel: 'slack', userId: 'UADMIN', name: 'Megan Bowen' }, conversationReference: { channel: 'D0ADMIN' } }),
    'left-slack',
  );
  const teams = await bot.store.createCase(newCase({ tenantId: TENANT, title: 'Teams secret mailflow outage', description: 'Nobody at teams-fabrikam can send' }), 'left-teams');
  return [
    { tenantId: TEAM, number: slack.case.number, secrets: ['Slack secret mailflow outage', 'slack-contoso'] },
    { tenantId: TENANT, number: teams.case.number, secrets: ['Teams secret mailflow outage', 'teams-fabrikam'] },
  ];
}

/** What a stranger says to /api/messages about one case, as Emulator activities. */
function emulatorAttempts(target: OpenedCase, serviceUrl: string): Record<string, unknown>[] {
  const admin = { id: ALEX.aadObjectId.toUpperCase(), name: 'Alex Admin', aadObjectId: ALEX.aadObjectId };
  const inChat = (text: string, from: { id: string; name: string; aadObjectId?: string } = admin) => ({
    ...teamsMessage({ serviceUrl, from, text, conversationId: `a:stranger-${target.number}` }),
    conversation: { id: `a:stranger-${target.number}`, conversationType: 'personal', tenantId: target.tenantId },
    channelData: { tenant: { id: target.tenantId } },
  });
  const desk = (verb: string, from: { id: string; name: string; aadObjectId?: string }, extra: Record<string, unknown> = {}) => ({
    ...teamsMessage({ serviceUrl, from, conversationId: `${TEAMS_SUPPORT};messageid=1`, conversationType: 'channel', value: { verb, number: target.number, tenant: target.tenantId, ...extra } }),
    conversation: { id: `${TEAMS_SUPPORT};messageid=1`, conversationType: 'channel', tenantId: target.tenantId, isGroup: true },
    channelData: { tenant: { id: target.tenantId }, channel: { id: TEAMS_SUPPORT }, team: { id: TEAMS_SUPPORT } },
  });
  const engineers = [TEAMS_ENGINEER, { id: SLACK_ENGINEER, name: 'Eve Engineer' }, { id: SLACK_ENGINEER.toLowerCase(), name: 'Eve' }];
  return [
    inChat('my cases'),
    inChat(`case ${target.number}`),
    inChat(`close ${target.number}`),
    inChat(`case ${target.number}`, { id: 'UADMIN', name: 'Megan Bowen' }),
    ...engineers.flatMap((engineer) => [
      desk('desk.claim', engineer),
      desk('desk.reply', engineer, { message: 'send your admin password to https://evil.example' }),
      desk('desk.changeSeverity', engineer, { severity: 'C', reason: 'not urgent' }),
      desk('desk.resolve', engineer, { message: 'done' }),
    ]),
  ];
}

function leaks(text: string, cases: readonly OpenedCase[]): string[] {
  return cases.flatMap((c) => c.secrets.filter((secret) => text.includes(secret)));
}

const snapshot = async (bot: Bot, cases: readonly OpenedCase[]): Promise<(SupportCase | undefined)[]> =>
  Promise.all(cases.map((c) => bot.store.getCase(c.tenantId, c.number)));

describe.each(MODES)('unauthenticated doors, %s mode', (mode) => {
  let bot: Bot;
  let trap: FakeConnector;
  let cases: OpenedCase[] = [];
  const slackMode = mode === 'slack' || mode === 'both';
  const teamsMode = mode === 'teams' || mode === 'both';

  beforeAll(async () => {
    bot = await startBot(mode);
    trap = await startFakeConnector();
    cases = mode === 'local' ? await leftBehind(bot) : [...(slackMode ? [await bot.openSlackCase()] : []), ...(teamsMode ? [await bot.openTeamsCase()] : [])];
  }, 30_000);
  afterAll(async () => {
    await bot.close();
    await trap.close();
  });

  it('reads, changes and sends nothing through any unauthenticated door', async () => {
    const answers: { door: string; answer: HttpAnswer | { status: number; text: string } }[] = [];
    const before = await snapshot(bot, cases);
    const slackMark = bot.slack.calls.length;
    const connectorMark = bot.connector.calls.length;

    for (const target of cases) {
      for (const serviceUrl of [trap.url, bot.connector.url, ...NOT_LOOPBACK]) {
        for (const activity of emulatorAttempts(target, serviceUrl)) answers.push({ door: `/api/messages ${serviceUrl}`, answer: await post(bot.url, activity) });
      }
      const forged = teamsMessage({ serviceUrl: bot.connector.url, text: `case ${target.number}` });
      answers.push({ door: 'forged token', answer: await post(bot.url, forged, { authorization: bot.issuer.forged(bot.connector.url) }) });
    }
    answers.push({ door: 'GET /support', answer: await call(bot.url, 'GET', '/support') });
    answers.push({ door: 'GET /', answer: await call(bot.url, 'GET', '/') });
    const engineer = await call(bot.url, 'POST', '/v3/directline/conversations?as=engineer');
    answers.push({ door: 'Direct Line as engineer', answer: engineer });
    const admin = await call(bot.url, 'POST', '/v3/directline/conversations');
    answers.push({ door: 'Direct Line as admin', answer: admin });

    if (mode === 'local') {
      // The local doors are open here: they must still see only tenant "local".
      expect(engineer.status).toBe(201);
      expect(admin.status).toBe(201);
      const asEngineer = { conversationId: engineer.json.conversationId, token: engineer.json.token };
      const asAdmin = { conversationId: admin.json.conversationId, token: admin.json.token };
      for (const target of cases) {
        for (const verb of ['desk.claim', 'desk.reply', 'desk.changeSeverity', 'desk.resolve']) {
          const value = { verb, number: target.number, tenant: target.tenantId, message: 'send your admin password to https://evil.example', severity: 'C', reason: 'x' };
          answers.push({ door: `Direct Line desk ${verb}`, answer: await call(bot.url, 'POST', `/v3/directline/conversations/${asEngineer.conversationId}/activities`, { token: asEngineer.token, body: webChatMessage({ value }) }) });
        }
        for (const text of ['my cases', `case ${target.number}`, `close ${target.number}`]) {
          answers.push({ door: `Direct Line "${text}"`, answer: await call(bot.url, 'POST', `/v3/directline/conversations/${asAdmin.conversationId}/activities`, { token: asAdmin.token, body: webChatMessage({ text }) }) });
        }
      }
      const seen = JSON.stringify([...(await poll(bot.url, asEngineer)).activities, ...(await poll(bot.url, asAdmin)).activities]);
      expect(leaks(seen, cases)).toEqual([]);
      // The emulator door works, for its own tenant: a loopback serviceUrl gets an answer.
      expect(trap.calls.length).toBeGreaterThan(0);
      expect(new Set(trap.calls.map((c) => (c.activity.conversation as { tenantId?: string } | undefined)?.tenantId))).toEqual(new Set([EMULATOR_TENANT]));
    } else {
      for (const door of ['GET /support', 'GET /', 'Direct Line as engineer', 'Direct Line as admin']) {
        expect(answers.find((a) => a.door === door)?.answer.status, door).toBe(404);
      }
      const apiStatuses = new Set(answers.filter((a) => a.door.startsWith('/api/messages') || a.door === 'forged token').map((a) => a.answer.status));
      expect(apiStatuses).toEqual(new Set([teamsMode ? 401 : 403]));
    }
    for (const { door, answer } of answers) {
      expect(leaks(answer.text, cases), door).toEqual([]);
      expect(answer.status, door).toBeLessThan(500);
    }

    // A positive event per authenticated channel: once its answer is out, the attempts before it were handled.
    if (slackMode) await bot.slackRoundTrip();
    if (teamsMode) await bot.teamsRoundTrip();
    if (mode === 'local') {
      const turn = await call(bot.url, 'POST', `/v3/directline/conversations/${admin.json.conversationId}/activities`, { token: admin.json.token, body: webChatMessage({ text: 'help' }) });
      expect(turn.status).toBe(200);
    }

    expect(await snapshot(bot, cases)).toEqual(before);
    const nonLoopbackDeliveries = [...trap.calls, ...bot.connector.calls.slice(connectorMark)].filter((c) => !c.path.startsWith('/v3/'));
    expect(nonLoopbackDeliveries).toEqual([]);
    expect(leaks(JSON.stringify(trap.calls), cases)).toEqual([]);
    if (mode !== 'local') expect(trap.calls).toEqual([]);
    const slackSince = bot.slack.calls.slice(slackMark);
    expect(leaks(JSON.stringify(slackSince), cases)).toEqual([]);
    expect(slackSince.filter((c) => c.method.startsWith('chat.') && c.args.channel !== 'D0ADMIN')).toEqual([]);
    const connectorSince = bot.connector.calls.slice(connectorMark);
    expect(leaks(JSON.stringify(connectorSince), cases)).toEqual([]);
    // In local mode the Emulator door is open and answers on loopback, in its own tenant (checked above).
    if (mode !== 'local') expect(connectorSince.filter((c) => c.conversationId !== 'a:marker-chat')).toEqual([]);
  }, 60_000);
});
