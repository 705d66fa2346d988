/**
 * Issue 14's critical findings, reproduced against `src/app/main.ts` as a process, as they were found:
 * `npm start` with only the Slack variables set (fake Slack Web API on loopback), a Slack
 * workspace's case in the store, and a stranger with plain HTTP. Also the start-up facts of
 * items 10 and 11: where the server listens, and what a token that cannot be checked gets.
 */
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { startBot, stopBot, tempDataDir, type BotProcess } from '../faults/process.js';
import { BOT_TOKEN, SIGNING_SECRET, startFakeSlack, TEAM, type FakeSlack } from '../slack/helpers.js';
import { newCase } from '../store/helpers.js';
import { post, startFakeConnector, teamsMessage, type FakeConnector } from '../teams/helpers.js';
import { call } from '../webchat/helpers.js';

const ENGINEER = 'UEVE';
const SECRET_TITLE = 'Contoso payroll mailbox outage';


/** Resolves with the first log line matching, or rejects after a while. */
async function logLine(bot: BotProcess, pattern: RegExp): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const line = bot.out().split('\n').find((l) => pattern.test(l));
    if (line) return JSON.parse(line) as Record<string, unknown>;
    if (Date.now() > deadline) throw new Error(`no log line ${pattern} in:\n${bot.out()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('npm start with only Slack configured: the unauthenticated doors are shut', () => {
  let slack: FakeSlack;
  let trap: FakeConnector;
  let bot: BotProcess;
  let number = '';
  const dataDir = tempDataDir('open-doors-');

  beforeAll(async () => {
    slack = await startFakeSlack();
    trap = await startFakeConnector();
    const store = await openSqliteStore({ dataDir });
    const created = await store.createCase(
      newCase({ tenantId: TEAM, title: SECRET_TITLE, requester: { channel: 'slack', userId: 'UADMIN', name: 'Megan Bowen' }, conversationReference: { channel: 'slack', tenantId: TEAM, where: { kind: 'im', channel: 'D0ADMIN' } } }),
      'seed-slack-case',
    );
    number = created.case.number;
    await store.close();
    bot = await startBot(dataDir, {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      SUPPORT_ENGINEERS: ENGINEER,
      ADMIN_USERS: 'UADMIN',
      LOCAL_CHAT: '',
    });
    await slack.waitFor('auth.test');
  }, 30_000);
  afterAll(async () => {
    await stopBot(bot);
    await Promise.all([slack.close(), trap.close()]);
  });

  const emulatorActivity = (fields: Record<string, unknown>) => ({
    ...teamsMessage({ serviceUrl: trap.url, from: { id: 'uadmin', name: 'Megan' }, ...fields }),
    conversation: { id: 'a:stranger', conversationType: 'personal', tenantId: TEAM },
    channelData: { tenant: { id: TEAM } },
  });

  it('item 1: /api/messages refuses Emulator traffic naming the Slack team, and the bot posts nowhere', async () => {
    for (const text of ['my cases', `case ${number}`, `close ${number}`]) {
      const answer = await post(bot.url, emulatorActivity({ text }));
      expect(answer.status).toBe(403);
      expect(answer.text).not.toContain(SECRET_TITLE);
    }
    const internal = await post(bot.url, { ...emulatorActivity({ text: 'help' }), serviceUrl: 'http://169.254.169.254/latest/' });
    expect(internal.status).toBe(403);
    // A later request through the same door is answered the same way: the earlier ones were handled.
    expect((await post(bot.url, emulatorActivity({ text: 'help' }))).status).toBe(403);
    expect(trap.calls).toEqual([]);
    const store = await openSqliteStore({ dataDir });
    try {
      expect((await store.getCase(TEAM, number))?.status).toBe('open');
    } finally {
      await store.close();
    }
  });

  it('item 2: a SUPPORT_ENGINEERS id cannot reply, re-grade or resolve through that door', async () => {
    for (const value of [
      { verb: 'desk.reply', number, tenant: TEAM, message: 'send your admin password to https://evil.example' },
      { verb: 'desk.changeSeverity', number, tenant: TEAM, severity: 'C', reason: 'nothing' },
      { verb: 'desk.resolve', number, tenant: TEAM, message: 'done' },
    ]) {
      const answer = await post(bot.url, emulatorActivity({ from: { id: ENGINEER.toLowerCase(), name: 'Eve' }, value }));
      expect(answer.status).toBe(403);
    }
    // A signed-in channel still works, and it is the only traffic the fake Slack saw since start.
    const store = await openSqliteStore({ dataDir });
    try {
      const c = await store.getCase(TEAM, number);
      expect(c).toMatchObject({ status: 'open', severity: 'A' });
      expect(c?.audit.map((a) => a.action)).toEqual(['created']);
    } finally {
      await store.close();
    }
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });

  it('item 3: the local chat, Direct Line as engineer and /support are off; the log says so at warn', async () => {
    expect((await call(bot.url, 'POST', '/v3/directline/conversations?as=engineer')).status).toBe(404);
    expect((await call(bot.url, 'POST', '/v3/directline/conversations')).status).toBe(404);
    expect((await call(bot.url, 'GET', '/support')).status).toBe(404);
    expect((await call(bot.url, 'GET', '/')).status).toBe(404);
    expect(await logLine(bot, /Local chat .* are off/)).toMatchObject({ level: 40, localPages: 'off', emulator: 'off' });
    expect(await logLine(bot, /\/api\/messages is off/)).toMatchObject({ level: 40 });
  });

  it('item 11: with credentials it listens on every interface, and logs the address', async () => {
    expect(await logLine(bot, /listening on/)).toMatchObject({ address: '0.0.0.0' });
  });
});

describe('npm start without credentials (local mode)', () => {
  it('item 11: listens on loopback only by default, HOST changes it', async () => {
    const local = await startBot(tempDataDir('local-host-'), { LOCAL_CHAT: '' });
    try {
      expect(await logLine(local, /listening on/)).toMatchObject({ address: '127.0.0.1' });
    } finally {
      await stopBot(local);
    }
    const anywhere = await startBot(tempDataDir('local-host-'), { LOCAL_CHAT: '', HOST: '0.0.0.0' });
    try {
      expect(await logLine(anywhere, /listening on/)).toMatchObject({ address: '0.0.0.0' });
    } finally {
      await stopBot(anywhere);
    }
  }, 30_000);
});

describe('npm start with MicrosoftAppId when the token cannot be checked', () => {
  it('item 10: 503 with Retry-After, one warn line, no stack trace (Microsoft\'s OpenID metadata is unreachable here)', async () => {
    const bot = await startBot(tempDataDir('bf-auth-'), { MicrosoftAppId: '00000000-0000-4000-8000-00000000b0a7', MicrosoftAppPassword: 'x' });
    try {
      const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs1' });
      const serviceUrl = 'https://smba.trafficmanager.net/emea/';
      const token = jwt.sign({ serviceurl: serviceUrl }, key, { algorithm: 'RS256', keyid: 'some-key', issuer: 'https://api.botframework.com', audience: '00000000-0000-4000-8000-00000000b0a7', expiresIn: '5m' });
      const answer = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(teamsMessage({ serviceUrl, text: 'hi' })),
      });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      await answer.text();
      const refused = await post(bot.url, teamsMessage({ serviceUrl, text: 'hi' }));
      expect(refused.status).toBe(401);
      for (let i = 0; i < 20; i++) await post(bot.url, teamsMessage({ serviceUrl, text: 'hi' }), { authorization: 'Bearer not-a-jwt' });
      const rejected = bot.out().split('\n').filter((l) => l.includes('rejected a Bot Framework request'));
      // One line per reason (metadata unreachable, no token, bad token), not one per request.
      expect(rejected.length).toBeGreaterThanOrEqual(2);
      expect(rejected.length).toBeLessThanOrEqual(3);
      for (const line of rejected) expect(JSON.parse(line)).toMatchObject({ level: 40 });
      expect(bot.err()).toBe('');
      expect(bot.out()).not.toMatch(/\n\s+at /);
    } finally {
      await stopBot(bot);
    }
  }, 60_000);
});
