/**
 * The Slack channel over HTTP, as Slack calls it: signed requests to POST /slack/events on the
 * bot's real express server, a fake Slack Web API, and the real conversation core (rules engine,
 * in-memory SQLite store).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/core.js';
import type { CoreConfig } from '../../src/conversation/config.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import {
  blockAction,
  blockText,
  buttonsOf,
  dmEvent,
  eventEnvelope,
  filledCaseForm,
  captureLogger,
  startSlackHarness,
  text,
  waitForLine,
  viewSubmission,
  TEAM,
  type SlackHarness,
} from './helpers.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

const open: { h: SlackHarness; store: CaseStore }[] = [];
afterEach(async () => {
  for (const { h, store } of open.splice(0)) {
    await h.close();
    await store.close();
  }
});

const COMPLAINT = 'Outlook cannot send email for the whole sales floor since 9am, NDR 550 5.7.1';

async function start(
  config: Partial<CoreConfig> = {},
  deps: Parameters<typeof startSlackHarness>[0]['deps'] = {},
  coreLogger = captureLogger().logger,
): Promise<{ h: SlackHarness; store: CaseStore }> {
  const store = await openSqliteStore({ dataDir: ':memory:' });
  const core = createConversationCore({
    engine,
    store,
    logger: coreLogger,
    // With real channel credentials, non-admins are refused unless Slack says they are admins.
    config: { credentialsConfigured: true, defaultPlan: 'Office 365 Enterprise E3', ...config },
  });
  const h = await startSlackHarness({ core, store, deps });
  h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true, tz: 'Europe/London', email: 'megan@contoso.com' });
  h.slack.users.set('UUSER', { real_name: 'Alex Wilber', is_admin: false, tz: 'Europe/London' });
  const entry = { h, store };
  open.push(entry);
  return entry;
}

function lastPosted(h: SlackHarness, method = 'chat.postMessage') {
  const calls = h.slack.of(method);
  const last = calls[calls.length - 1];
  if (!last) throw new Error(`no ${method} call`);
  return last.args;
}

describe('Slack over HTTP: the admin journey', () => {
  it('DM complaint → triage → Open a case → modal → field errors → case created → my cases → App Home', async () => {
    const { h, store } = await start();
    expect(h.slack.of('auth.test')).toHaveLength(1);

    // 1. A DM complaint is acked at once and answered with triage blocks.
    const answer = await h.sendEvent(eventEnvelope(dmEvent('UADMIN', COMPLAINT)));
    expect(answer.status).toBe(200);
    await h.slack.waitFor('chat.postMessage');
    const triage = lastPosted(h);
    expect(triage.channel).toBe('D0ADMIN');
    expect(typeof triage.text).toBe('string');
    expect(blockText(triage.blocks)).toContain('Severity');
    const buttons = buttonsOf(triage.blocks);
    expect(buttons.some((b) => b.url?.startsWith('https://'))).toBe(true); // self-service links
    const openCase = buttons.find((b) => b.action_id === 'openCase');
    expect(openCase).toBeDefined();
    expect(h.slack.of('users.info')[0]?.args.user).toBe('UADMIN');

    // 2. "Open a case" opens the modal with the click's trigger_id.
    const click = await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'openCase', value: openCase?.value ?? '' }, triggerId: 'trig-open' }));
    expect(click.status).toBe(200);
    const [opened] = await h.slack.waitFor('views.open');
    expect(opened?.args.trigger_id).toBe('trig-open');
    const view = opened?.args.view as Record<string, unknown>;
    expect(view.callback_id).toBe('caseForm');
    const blockIds = (view.blocks as { block_id?: string; type: string }[]).filter((b) => b.type === 'input').map((b) => b.block_id);
    expect(blockIds).toEqual(['title', 'description', 'category', 'affectedUsers', 'contactMethod', 'email', 'phone', 'language', 'timeZone']);
    const meta = JSON.parse(String(view.private_metadata)) as { f: string; w: { kind: string; channel: string } };
    expect(meta.w).toEqual({ kind: 'im', channel: 'D0ADMIN' });
    expect(blockText(view.blocks)).toContain('megan@contoso.com'); // prefilled from users.info

    const values = (email: string) =>
      filledCaseForm({ title: 'Outlook <!channel> cannot send', description: 'Everyone <!here> is stuck <@U123> see <http://evil.example|this link> & more', email });

    // 3. An invalid submit keeps the modal open with the message under the field.
    const invalid = await h.sendInteraction(viewSubmission('UADMIN', view, values('not-an-email')));
    expect(invalid.status).toBe(200);
    const errors = invalid.json() as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors)).toEqual(['email']);
    expect(await store.listCases(TEAM)).toHaveLength(0);

    // 4. A valid submit closes the modal and posts the confirmation where the admin asked.
    const before = h.slack.of('chat.postMessage').length;
    const valid = await h.sendInteraction(viewSubmission('UADMIN', view, values('megan@contoso.com')));
    expect(valid.status).toBe(200);
    expect(valid.text).toBe('');
    await h.slack.waitFor('chat.postMessage', before + 1);
    const confirmation = lastPosted(h);
    expect(confirmation.channel).toBe('D0ADMIN');
    const cases = await store.listCases(TEAM);
    expect(cases).toHaveLength(1);
    const number = cases[0]?.number ?? '';
    expect(number).toMatch(/^SR-\d{6}-\d{4}$/);
    expect(String(confirmation.text)).toContain(number);
    expect(blockText(confirmation.blocks)).toContain(number);
    // What the user typed arrives escaped: no @channel ping, no forged link.
    expect(String(confirmation.text)).toContain('&lt;!channel&gt;');
    expect(String(confirmation.text)).not.toContain('<!channel>');
    expect(blockText(confirmation.blocks)).not.toContain('<!channel>');
    expect(cases[0]?.requester).toEqual({ channel: 'slack', userId: 'UADMIN', name: 'Megan Bowen' });
    expect(cases[0]?.conversationReference).toEqual({ channel: 'slack', tenantId: TEAM, where: { kind: 'im', channel: 'D0ADMIN' } });
    // The App Home is refreshed after the case was created.
    const [home] = await h.slack.waitFor('views.publish');
    expect(home?.args.user_id).toBe('UADMIN');
    expect(blockText(home?.args.view)).toContain(number);

    // 5. The same modal submitted again creates no second case and no second confirmation.
    const posts = h.slack.of('chat.postMessage').length;
    const again = await h.sendInteraction(viewSubmission('UADMIN', view, values('megan@contoso.com')));
    expect(again.status).toBe(200);
    await waitForLine(h.logs, 'confirmation already posted');
    expect(await store.listCases(TEAM)).toHaveLength(1);
    expect(h.slack.of('chat.postMessage')).toHaveLength(posts);

    // 6. "my cases" in the DM lists it.
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'my cases')));
    await h.slack.waitFor('chat.postMessage', posts + 1);
    expect(blockText(lastPosted(h).blocks)).toContain(number);
    expect(buttonsOf(lastPosted(h).blocks).map((b) => b.action_id)).toContain('showCase');

    // 7. Opening the App Home publishes the case list.
    const publishes = h.slack.of('views.publish').length;
    const opened2 = await h.sendEvent(eventEnvelope({ type: 'app_home_opened', user: 'UADMIN', channel: 'D0ADMIN', tab: 'home' }));
    expect(opened2.status).toBe(200);
    await h.slack.waitFor('views.publish', publishes + 1);
    const published = lastPosted(h, 'views.publish');
    expect((published.view as { type: string }).type).toBe('home');
    expect(blockText(published.view)).toContain(number);

    // 8. Closing from the App Home's "Details" → close button refreshes the App Home again.
    await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'closeCase', value: JSON.stringify({ number }) }, view: { type: 'home', id: 'VHOME' } }));
    await h.slack.waitFor('views.publish', publishes + 2);
    expect((await store.getCase(TEAM, number))?.status).toBe('closed');
    expect(lastPosted(h).channel).toBe('UADMIN'); // App Home answers go to the user's DM with the bot

    // 9. Reopening by typing the command in the DM refreshes the App Home as well.
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', `reopen ${number}`)));
    await h.slack.waitFor('views.publish', publishes + 3);
    expect((await store.getCase(TEAM, number))?.status).toBe('open');
  });
});

describe('Slack over HTTP: signatures', () => {
  it('refuses a bad signature, missing headers and a stale timestamp with 401, and runs nothing', async () => {
    const { h } = await start();
    const envelope = eventEnvelope(dmEvent('UADMIN', COMPLAINT));
    expect((await h.sendEvent(envelope, { secret: 'wrong-secret' })).status).toBe(401);
    expect((await h.sendEvent(envelope, { unsigned: true })).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await h.sendEvent(envelope, { timestamp: sixMinutesAgo })).status).toBe(401);
    expect((await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'myCases', value: '{}' } }), { secret: 'nope' })).status).toBe(401);
    // A correctly signed one still works, and is the only one that reached Slack.
    expect((await h.sendEvent(envelope)).status).toBe(200);
    await h.slack.waitFor('chat.postMessage');
    expect(h.slack.calls.map((c) => c.method)).toEqual(['auth.test', 'users.info', 'chat.postMessage']);
  });

  it('refuses requests stamped more than five minutes in the future (+6 minutes, +1 year), events and clicks alike', async () => {
    const { h } = await start();
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now + 6 * 60, now + 365 * 24 * 60 * 60]) {
      const answer = await h.sendEvent(eventEnvelope(dmEvent('UADMIN', COMPLAINT)), { timestamp });
      expect(answer.status).toBe(401);
      expect(answer.text).toContain('future');
      const click = await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'myCases', value: '{}' } }), { timestamp });
      expect(click.status).toBe(401);
    }
    // Within the window, ahead or behind (clock drift), is still served.
    expect((await h.sendEvent(eventEnvelope(dmEvent('UADMIN', COMPLAINT)), { timestamp: now + 4 * 60 })).status).toBe(200);
    await h.slack.waitFor('chat.postMessage');
    expect((await h.sendEvent(eventEnvelope(dmEvent('UADMIN', COMPLAINT)), { timestamp: now - 4 * 60 })).status).toBe(200);
    await h.slack.waitFor('chat.postMessage', 2);
    expect(h.slack.of('chat.postMessage')).toHaveLength(2);
    expect(h.logs.some((line) => line.includes('timestamp outside the five-minute window'))).toBe(true);
  });

  it('answers url_verification and leaves other routes to the server', async () => {
    const { h } = await start();
    const answer = await h.sendEvent({ type: 'url_verification', challenge: 'abc123', token: 'legacy' });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ challenge: 'abc123' });
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('Slack over HTTP: reliability', () => {
  it('answers a retried event (same event_id, X-Slack-Retry-Num) once', async () => {
    const { logger, logs } = captureLogger();
    const { h } = await start({}, {}, logger);
    const envelope = eventEnvelope(dmEvent('UADMIN', COMPLAINT), 'Ev0RETRY1');
    expect((await h.sendEvent(envelope)).status).toBe(200);
    expect((await h.sendEvent(envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await h.slack.waitFor('chat.postMessage');
    await waitForLine(logs, 'repeated delivery ignored');
    expect(h.slack.of('chat.postMessage')).toHaveLength(1);
  });

  it('ignores bot messages and message subtypes (edits, joins)', async () => {
    const { h } = await start();
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', COMPLAINT, 'D0ADMIN', { subtype: 'message_changed' })));
    await h.sendEvent(eventEnvelope(dmEvent('UOTHERBOT', COMPLAINT, 'D0ADMIN', { bot_id: 'B0OTHER' })));
    await h.sendEvent(eventEnvelope({ type: 'message', channel: 'C0GENERAL', channel_type: 'channel', user: 'UADMIN', text: COMPLAINT, ts: '1.2' }));
    // The dispatcher says why each needs no answer (a debug line per request).
    for (const why of ['message subtype', 'not a DM from a person']) await waitForLine(h.logs, why);
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'help')));
    await h.slack.waitFor('chat.postMessage');
    expect(h.slack.of('chat.postMessage')).toHaveLength(1);
    expect(h.logs.filter((l) => l.includes('Slack request needs no answer'))).toHaveLength(3);
  });

  it('retries a rate-limited call and logs a failed call with its Slack error code without crashing', async () => {
    const { h } = await start();
    h.slack.answerNext('chat.postMessage', { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } });
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', COMPLAINT)));
    const calls = await h.slack.waitFor('chat.postMessage', 2);
    expect(calls[1]?.args.channel).toBe('D0ADMIN');

    h.slack.answerNext('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'help')));
    await h.slack.waitFor('chat.postMessage', 3);
    await waitForLine(h.logs, 'channel_not_found');
    // Still answering afterwards.
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'help')));
    await h.slack.waitFor('chat.postMessage', 4);
  });
});

describe('Slack over HTTP: where and who', () => {
  it('refuses a non-admin (users.info says not admin, ADMIN_USERS unset)', async () => {
    const { h } = await start();
    await h.sendEvent(eventEnvelope(dmEvent('UUSER', 'my cases', 'D0USER')));
    await h.slack.waitFor('chat.postMessage');
    const refusal = lastPosted(h);
    expect(refusal.channel).toBe('D0USER');
    expect(String(refusal.text).toLowerCase()).toContain('admin');
    expect(buttonsOf(refusal.blocks)).toHaveLength(0);

    await h.sendEvent(eventEnvelope(dmEvent('UUSER', COMPLAINT, 'D0USER')));
    await h.slack.waitFor('chat.postMessage', 2);
    await h.sendInteraction(blockAction({ user: 'UUSER', channel: 'D0USER', action: { action_id: 'openCase', value: '{}' } }));
    await h.slack.waitFor('chat.postMessage', 3);
    expect(h.slack.of('views.open')).toHaveLength(0);
  });

  it('treats a workspace admin as admin via users.info and caches the lookup', async () => {
    const { h } = await start();
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'my cases')));
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'my cases')));
    await h.slack.waitFor('chat.postMessage', 2);
    expect(String(lastPosted(h).text)).not.toContain('admin');
    expect(h.slack.of('users.info')).toHaveLength(1);
  });

  it('answers an @mention in the mention thread, without the mention', async () => {
    const { h } = await start();
    await h.sendEvent(eventEnvelope({ type: 'app_mention', channel: 'C0IT', user: 'UADMIN', text: `<@UBOT> ${COMPLAINT}`, ts: '1700000500.000100' }));
    await h.slack.waitFor('chat.postMessage');
    const reply = lastPosted(h);
    expect(reply.channel).toBe('C0IT');
    expect(reply.thread_ts).toBe('1700000500.000100');
    expect(blockText(reply.blocks)).toContain('Severity');
    // A click in that thread continues the same conversation: the form opens.
    const openCase = buttonsOf(reply.blocks).find((b) => b.action_id === 'openCase');
    await h.sendInteraction(blockAction({ user: 'UADMIN', channel: 'C0IT', messageTs: '1700000600.000100', threadTs: '1700000500.000100', action: { action_id: 'openCase', value: openCase?.value ?? '' } }));
    const [opened] = await h.slack.waitFor('views.open');
    expect(JSON.parse(String((opened?.args.view as { private_metadata: string }).private_metadata)).w).toEqual({ kind: 'thread', channel: 'C0IT', threadTs: '1700000500.000100' });
  });

  it('answers /support ephemerally with a Share in channel button that reposts visibly', async () => {
    const { h } = await start();
    const responseUrl = `${h.slack.url}/response/cmd1`;
    const ack = await h.sendCommand({
      token: 'legacy', team_id: TEAM, team_domain: 'contoso', channel_id: 'C0IT', channel_name: 'it', user_id: 'UADMIN', user_name: 'megan',
      command: '/support', text: COMPLAINT, api_app_id: 'A0TRIAGE', response_url: responseUrl, trigger_id: 'trig-cmd',
    });
    expect(ack.status).toBe(200);
    const [ephemeral] = await h.slack.waitFor('response_url');
    expect(ephemeral?.args.response_type).toBe('ephemeral');
    const share = buttonsOf(ephemeral?.args.blocks).find((b) => b.action_id === 'shareInChannel');
    expect(share).toBeDefined();
    expect(h.slack.of('chat.postMessage')).toHaveLength(0);

    await h.sendInteraction(blockAction({ user: 'UADMIN', channel: 'C0IT', ephemeral: true, responseUrl: `${h.slack.url}/response/act1`, action: { action_id: 'shareInChannel', value: share?.value ?? '' } }));
    const calls = await h.slack.waitFor('response_url', 2);
    const shared = calls[1]?.args;
    expect(shared?.response_type).toBe('in_channel');
    expect(blockText(shared?.blocks)).toContain('Severity');
    expect(buttonsOf(shared?.blocks).some((b) => b.action_id === 'shareInChannel')).toBe(false);
  });

  it('answers an unknown action id kindly', async () => {
    const { h } = await start();
    const answer = await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'launchRockets', value: '{"x":1}' } }));
    expect(answer.status).toBe(200);
    await h.slack.waitFor('chat.postMessage');
    expect(String(lastPosted(h).text)).toMatch(/expired/i);
  });

  it('ignores clicks on link buttons', async () => {
    const { h } = await start();
    const answer = await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'link#0', url: 'https://learn.microsoft.com/' } as never }));
    expect(answer.status).toBe(200);
    await waitForLine(h.logs, 'link buttons open in the browser');
    expect(h.slack.calls.map((c) => c.method)).toEqual(['auth.test']);
  });
});

describe('Slack over HTTP: acking in time', () => {
  it('acks a modal submit within its budget when the core is slow, then posts the answer', async () => {
    const replies = [{ kind: 'text', lang: 'en', text: 'Saved, thanks' }] as const;
    const core = { handle: async () => (await new Promise((r) => setTimeout(r, 400)), [...replies]) };
    const h = await startSlackHarness({ core, deps: { submitBudgetMs: 50 } });
    h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true });
    try {
      const view = { callback_id: 'caseForm', private_metadata: JSON.stringify({ f: 'form-1', w: { kind: 'im', channel: 'D0ADMIN' } }) };
      const started = Date.now();
      const answer = await h.sendInteraction(viewSubmission('UADMIN', view, { title: text('T') }));
      expect(answer.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(350);
      await h.slack.waitFor('chat.postMessage');
      expect(lastPosted(h).text).toBe('Saved, thanks');
    } finally {
      await h.close();
    }
  });
});
