/**
 * End to end over HTTP with the real conversation core, rules and an in-memory SQLite store:
 * what an admin does in Teams, seen from the Bot Connector's side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { startTokenIssuer, type TokenIssuer } from './auth.js';
import { ALEX, cardOf, cardText, inputs, post, SAM, startFakeConnector, submitActions, teamsMessage, TENANT, type FakeConnector } from './helpers.js';

describe('Teams journey with the real core', () => {
  let connector: FakeConnector;
  let server: RunningServer;
  let store: CaseStore;
  let issuer: TokenIssuer;

  beforeAll(async () => {
    connector = await startFakeConnector();
    issuer = await startTokenIssuer();
    store = await openSqliteStore({ dataDir: ':memory:' });
    const engine = loadDefaultRules();
    const coreConfig = loadCoreConfig({ ADMIN_USERS: ALEX.aadObjectId, DEFAULT_PLAN: 'Office 365 E3' });
    const core = createConversationCore({ engine, store, config: coreConfig });
    server = await createBotServer({ credentials: issuer.credentials, botFrameworkEndpoints: issuer.endpoints, core, engine, templates: loadCardTemplates() }).listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await connector.close();
    await issuer.close();
  });

  /** Posts one activity and returns the cards the bot posted back for it. */
  async function say(options: { text?: string; value?: Record<string, unknown>; from?: typeof ALEX; conversationId?: string }) {
    const before = connector.calls.length;
    const activity = teamsMessage({ serviceUrl: connector.url, ...options });
    const response = await post(server.url, activity, { authorization: issuer.authorization(connector.url) });
    expect(response.status).toBe(200);
    // Replies are posted before the adapter answers the request.
    const calls = connector.calls.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.replyToId).toBe(activity.id);
    return calls.map(cardOf);
  }

  function press(card: Record<string, unknown>, verb: string, extra: Record<string, unknown> = {}) {
    const action = submitActions(card).find((a) => a.data.verb === verb);
    if (!action) throw new Error(`no ${verb} button in ${JSON.stringify(submitActions(card))}`);
    return { ...action.data, ...extra };
  }

  function formValues(card: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries([...inputs(card)].map(([id, input]) => [id, input.value ?? '']));
  }

  let caseNumber = '';

  it('walks complaint → triage → form → invalid submit → valid submit → my cases → close → reopen', async () => {
    const [triage] = await say({ text: 'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1' });
    expect(triage).toBeDefined();
    const triageText = cardText(triage);
    expect(triageText).toMatch(/Sev A/);
    expect(triageText).toMatch(/Response time/);
    expect(triageText).toMatch(/one hour/i);

    const [form] = await say({ value: press(triage!, 'openCase') });
    const fields = inputs(form);
    for (const id of ['title', 'description', 'category', 'affectedUsers', 'contactMethod', 'email', 'phone', 'language', 'timeZone']) {
      expect(fields.has(id), id).toBe(true);
    }
    expect(fields.get('description')?.isMultiline).toBe(true);
    expect(fields.get('timeZone')?.value).toBe('Asia/Taipei');
    const submit = press(form!, 'submitCase');
    expect(typeof submit.formId).toBe('string');

    const filled = { ...formValues(form!), title: 'Outlook cannot send for the sales floor', description: 'Since 9am nobody on the sales floor can send. NDR 550 5.7.1.', affectedUsers: '40' };
    const [invalid] = await say({ value: { ...filled, contactMethod: 'phone', phone: '', ...submit } });
    // The phone error is an Attention TextBlock right after the phone input.
    const body = (invalid!.body ?? []) as Record<string, unknown>[];
    const phoneAt = body.findIndex((element) => element.id === 'phone');
    expect(body[phoneAt + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(String(body[phoneAt + 1]?.text).toLowerCase()).toContain('phone');
    expect(inputs(invalid).get('title')?.value).toBe(filled.title);

    const [created] = await say({ value: { ...filled, contactMethod: 'phone', phone: '+886 2 2345 6789', ...press(invalid!, 'submitCase') } });
    const number = /SR-\d{6}-\d{4,}/.exec(cardText(created))?.[0];
    expect(number).toBeDefined();
    caseNumber = number!;

    const [list] = await say({ text: 'my cases' });
    expect(cardText(list)).toContain(caseNumber);

    const [detail] = await say({ value: press(list!, 'showCase') });
    expect(cardText(detail)).toContain(caseNumber);
    const [closed] = await say({ value: press(detail!, 'closeCase') });
    expect((await store.getCase(TENANT, caseNumber))?.status).toBe('closed');

    const reopenData = submitActions(closed).find((a) => a.data.verb === 'reopenCase')?.data ?? { verb: 'reopenCase', number: caseNumber };
    await say({ value: reopenData });
    expect((await store.getCase(TENANT, caseNumber))?.status).toBe('open');
  });

  it('refuses a non-admin (ADMIN_USERS lists someone else)', async () => {
    const [refusal] = await say({ text: 'my cases', from: SAM, conversationId: 'a:personal-chat-sam' });
    const text = cardText(refusal);
    expect(text).not.toContain(caseNumber || 'SR-');
    expect(text.toLowerCase()).toMatch(/admin/);
  });

  it('answers a stale card action with "expired"', async () => {
    const [expired] = await say({ value: { verb: 'submitCase', formId: 'never-issued', title: 'x' } });
    expect(cardText(expired).toLowerCase()).toContain('expired');
  });
});
