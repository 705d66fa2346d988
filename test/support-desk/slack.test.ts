/**
 * The support desk in Slack, over HTTP as Slack calls it (signed requests, fake Web API), with the
 * real core and an in-memory store on an injected clock: a case opened through the DM and the
 * modal, then claimed (with a race), answered, resolved and reopened from the support channel.
 * Every test builds its own server, store and case: one failure never fails the others.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../poll.js';
import { pino } from 'pino';
import { createConversationCore } from '../../src/conversation/core.js';
import { openSqliteStore, type CaseStore, type SupportCase } from '../../src/store/index.js';
import { createSupportDeskRuntime, type SupportDeskRuntime } from '../../src/app/support-desk.js';
import { loadSupportDeskConfig } from '../../src/support-desk/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { blockAction, blockText, buttonsOf, dmEvent, eventEnvelope, startSlackHarness, filledCaseForm, viewSubmission, TEAM, type SlackCall, type SlackHarness } from '../slack/helpers.js';

const SUPPORT = 'C0SUPPORT';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('support desk in Slack', () => {
  let engine: TriageEngine;
  let h: SlackHarness;
  let store: CaseStore;
  let runtime: SupportDeskRuntime;
  let now: Date;
  const clock = () => now;

  beforeAll(() => {
    engine = loadDefaultRules();
  });
  beforeEach(async () => {
    now = new Date('2026-11-24T10:00:00Z');
    store = await openSqliteStore({ dataDir: ':memory:', now: clock });
    runtime = createSupportDeskRuntime({ config: loadSupportDeskConfig({ SUPPORT_SLACK_CHANNEL: SUPPORT, SUPPORT_ENGINEERS: 'eve@contoso.com' }), store, engine, logger: pino({ level: 'silent' }), now: clock });
    const core = createConversationCore({
      engine,
      store,
      now: clock,
      config: { credentialsConfigured: true, defaultPlan: 'Office 365 Enterprise E3' },
      onCaseCreated: (c) => runtime.caseCreated(c),
    });
    h = await startSlackHarness({ core, store });
    runtime.attachSlack(h.channel);
    h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true, tz: 'Europe/London', email: 'megan@contoso.com' });
    h.slack.users.set('UEVE', { real_name: 'Eve Engineer', email: 'eve@contoso.com' });
    h.slack.users.set('UFINN', { real_name: 'Finn Engineer' });
    h.slack.users.set('UOUT', { real_name: 'Olga Outsider' });
    h.slack.channelMembers.set(SUPPORT, ['UEVE', 'UFINN']);
  });
  afterEach(async () => {
    await runtime.stop();
    await h.close();
    await store.close();
  });

  async function waitForCall(method: string, from: number, predicate: (call: SlackCall) => boolean): Promise<SlackCall> {
    return until(
      () => `a matching ${method}; got ${JSON.stringify(h.slack.calls.slice(from).map((c) => c.method))}`,
      () => h.slack.calls.slice(from).find((c) => c.method === method && predicate(c)),
    );
  }

  /** The card's ts, once the bot has stored it (after Slack answered the post): waited for, never raced. */
  async function storedCardTs(number: string): Promise<string> {
    return until(`the card of ${number} to be stored`, async () => (await store.getConversationState<{ ts: string }>(`support-desk:card:slack:${TEAM}:${number}`))?.ts || undefined);
  }

  /** A case of the admin's DM, announced to the desk as the outbox would: its card posted and stored. */
  async function openCase(title = 'Mail stuck'): Promise<{ case: SupportCase; number: string; cardTs: string }> {
    const created = await store.createCase(
      {
        tenantId: TEAM,
        requester: { channel: 'slack', userId: 'UADMIN', name: 'Megan Bowen' },
        category: 'exchange.mailflow',
        severity: 'A',
        planFamily: 'Office 365 Enterprise E3',
        title,
        description: 'Queue growing',
        contact: { method: 'chat', language: 'en', timeZone: 'Europe/London' },
        affectedUsers: 10,
        conversationReference: { channel: 'slack', tenantId: TEAM, where: { kind: 'im', channel: 'D0ADMIN' } },
      },
      `case-${title}`,
    );
    await runtime.desk.caseOpened(created.case);
    return { case: created.case, number: created.case.number, cardTs: await storedCardTs(created.case.number) };
  }

  /** A click on a desk button of the card in the support channel, with the card's inputs filled. */
  function click(user: string, verb: string, target: { number: string; cardTs: string }, inputs: Record<string, string> = {}) {
    const values: Record<string, Record<string, unknown>> = {};
    for (const [block, v] of Object.entries(inputs)) {
      values[`desk_${block}`] = { desk_input: block === 'severity' ? { type: 'static_select', selected_option: { value: v } } : { type: 'plain_text_input', value: v } };
    }
    const value = JSON.stringify({ number: target.number, tenant: TEAM });
    return h.sendInteraction({ ...blockAction({ user, channel: SUPPORT, messageTs: target.cardTs, action: { action_id: `desk.${verb}`, value } }), state: { values } });
  }

  /** The admin's button on a notice in the DM, with the notice's message box filled. */
  function requesterClick(button: { action_id: string; value?: string }, message: string) {
    return h.sendInteraction({
      ...blockAction({ user: 'UADMIN', channel: 'D0ADMIN', action: { action_id: button.action_id, value: button.value ?? '' } }),
      state: { values: { desk_message: { desk_input: { type: 'plain_text_input', value: message } } } },
    });
  }

  it('opens a case from the DM and posts its card to the support channel', async () => {
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'Outlook cannot send email for the whole sales floor since 9am, NDR 550 5.7.1')));
    const triage = await waitForCall('chat.postMessage', 0, (c) => c.args.channel === 'D0ADMIN');
    const openCaseButton = buttonsOf(triage.args.blocks).find((b) => b.action_id === 'openCase');
    await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'openCase', value: openCaseButton?.value ?? '' }, triggerId: 'trig-open' }));
    const [opened] = await h.slack.waitFor('views.open');
    const mark = h.slack.calls.length;
    await h.sendInteraction(
      viewSubmission('UADMIN', opened!.args.view as Record<string, unknown>, filledCaseForm({ title: 'Outlook cannot send', description: 'Nobody <!here> can send since 9am' })),
    );
    const card = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === SUPPORT);
    const number = (await store.listCases(TEAM))[0]!.number;
    expect(await storedCardTs(number)).toMatch(/^\d+\.\d+$/);
    const blocks = blockText(card.args.blocks);
    for (const expected of [number, TEAM, 'Megan Bowen', 'Sev A', 'Respond by', 'left', 'Nobody &lt;!here&gt; can send']) expect(blocks).toContain(expected);
    expect(blocks).not.toContain('<!here>');
    // How to reach the requester, as the modal stored it.
    for (const expected of ['Reach the requester', 'Email (preferred): megan@contoso.com', 'Affected users: 40', 'Language: English (en)', 'Time zone: Europe/London']) expect(blocks).toContain(expected);
    expect(buttonsOf(card.args.blocks).map((b) => b.action_id)).toEqual(['desk.claim', 'desk.reply', 'desk.askInfo', 'desk.changeSeverity', 'desk.assign', 'desk.resolve']);
  });

  it('refuses an outsider clicking in the support channel, and the core never hears desk buttons', async () => {
    const target = await openCase();
    const mark = h.slack.calls.length;
    await click('UOUT', 'claim', target);
    const refusal = await waitForCall('chat.postEphemeral', mark, (c) => c.args.user === 'UOUT');
    expect(String(refusal.args.text)).toMatch(/only support engineers/i);
    expect((await store.getCase(TEAM, target.number))?.owner).toBeUndefined();
    // The core would have answered the unknown verb in the channel ("expired").
    expect(h.slack.calls.slice(mark).some((c) => c.method === 'chat.postMessage')).toBe(false);
  });

  it('Claim race: one wins, the other is told who has it; the card is updated in place; the admin hears it', async () => {
    const target = await openCase();
    const mark = h.slack.calls.length;
    await Promise.all([click('UEVE', 'claim', target), click('UFINN', 'claim', target)]);
    const told = await waitForCall('chat.postEphemeral', mark, (c) => /already claimed by/.test(String(c.args.text)));
    const owner = (await store.getCase(TEAM, target.number))?.owner;
    expect(String(told.args.text)).toContain(owner!);
    const update = await waitForCall('chat.update', mark, () => true);
    expect(update.args).toMatchObject({ channel: SUPPORT, ts: target.cardTs });
    expect(blockText(update.args.blocks)).toContain(owner!);
    const notice = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('has taken'));
    expect(blockText(notice.args.blocks)).toContain(owner!);
  });

  it('engineer reply → admin answers from the DM → the answer is on the case and in the card thread', async () => {
    const target = await openCase();
    let mark = h.slack.calls.length;
    await click('UEVE', 'reply', target, { message: 'Please run Get-MessageTrace.' });
    const notice = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('Get-MessageTrace'));
    const answer = buttonsOf(notice.args.blocks).find((b) => b.action_id === 'desk.answer');
    expect(answer).toBeDefined();
    mark = h.slack.calls.length;
    await requesterClick(answer!, 'Trace shows 550 5.7.1');
    const note = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === SUPPORT);
    expect(note.args.thread_ts).toBe(target.cardTs);
    expect(String(note.args.text)).toContain('Trace shows 550 5.7.1');
    expect((await store.getCase(TEAM, target.number))?.audit.some((a) => a.action === 'requester-answer' && a.detail === 'Trace shows 550 5.7.1')).toBe(true);
  });

  it('a click delivered three times acts once: one notice to the admin, one audit entry', async () => {
    const target = await openCase();
    const mark = h.slack.calls.length;
    const values = { desk_message: { desk_input: { type: 'plain_text_input', value: 'Is the connector certificate current?' } } };
    const action = { type: 'button', block_id: 'b1', action_id: 'desk.askInfo', value: JSON.stringify({ number: target.number, tenant: TEAM }), action_ts: '1700000123.4567' };
    const payload = { ...blockAction({ user: 'UEVE', channel: SUPPORT, messageTs: target.cardTs, triggerId: 'trigger-once-1', action }), actions: [action], state: { values } };
    for (let i = 0; i < 3; i += 1) expect((await h.sendInteraction(payload)).status).toBe(200);
    // A later, distinct click: once its notice is out, the repeats have long been handled.
    await click('UEVE', 'reply', target, { message: 'One more thing: which connector?' });
    await waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('which connector?'));
    const notices = h.slack.calls.slice(mark).filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('certificate current?'));
    expect(notices).toHaveLength(1);
    const audit = (await store.getCase(TEAM, target.number))?.audit.filter((a) => a.detail?.includes('certificate current?')) ?? [];
    expect(audit).toHaveLength(1);
  });

  it('resolve → "thanks" does not reopen → reopen within 14 days → refused after', async () => {
    const target = await openCase();
    let mark = h.slack.calls.length;
    await click('UEVE', 'resolve', target, { message: 'Certificate renewed.' });
    const resolved = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('Certificate renewed'));
    const reopen = buttonsOf(resolved.args.blocks).find((b) => b.action_id === 'desk.reopen')!;
    mark = h.slack.calls.length;
    await requesterClick(reopen, 'thank you!');
    await waitForCall('chat.postMessage', mark, (c) => /stays resolved/.test(String(c.args.text)));
    expect((await store.getCase(TEAM, target.number))?.status).toBe('closed');

    now = new Date(now.getTime() + 13 * DAY_MS);
    mark = h.slack.calls.length;
    await requesterClick(reopen, 'Still failing for two people');
    await waitForCall('chat.postMessage', mark, (c) => c.args.channel === SUPPORT && String(c.args.text).includes('Still failing'));
    const update = await waitForCall('chat.update', mark, (c) => buttonsOf(c.args.blocks).some((b) => b.action_id === 'desk.claim'));
    expect(update.args.ts).toBe(target.cardTs);
    expect((await store.getCase(TEAM, target.number))?.status).toBe('open');

    mark = h.slack.calls.length;
    await click('UEVE', 'resolve', target);
    await waitForCall('chat.update', mark, (c) => !buttonsOf(c.args.blocks).some((b) => b.action_id === 'desk.claim'));
    expect((await store.getCase(TEAM, target.number))?.status).toBe('closed');
    now = new Date(now.getTime() + 14 * DAY_MS + 60_000);
    mark = h.slack.calls.length;
    await requesterClick(reopen, 'Broken again');
    await waitForCall('chat.postMessage', mark, (c) => /more than 14 days/.test(String(c.args.text)));
    expect((await store.getCase(TEAM, target.number))?.status).toBe('closed');
  });

  it('SLA reminders reach the support channel: 80% in the card thread, breach in the channel with @here, once each', async () => {
    const { case: c, cardTs } = await openCase();
    let mark = h.slack.calls.length;
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 47 * 60_000))).toEqual([]);
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 48 * 60_000))).toEqual([{ tenantId: TEAM, number: c.number, level: 'warning' }]);
    const reminder = await waitForCall('chat.postMessage', mark, (call) => /Reminder/.test(String(call.args.text)));
    expect(reminder.args).toMatchObject({ channel: SUPPORT, thread_ts: cardTs });
    await waitForCall('chat.update', mark, (call) => call.args.ts === cardTs);
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 55 * 60_000))).toEqual([]);

    mark = h.slack.calls.length;
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 61 * 60_000))).toEqual([{ tenantId: TEAM, number: c.number, level: 'breach' }]);
    const breach = await waitForCall('chat.postMessage', mark, (call) => /BREACHED/.test(String(call.args.text)));
    expect(breach.args.thread_ts).toBeUndefined();
    expect(String(breach.args.text)).toMatch(/^<!here> /);
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 90 * 60_000))).toEqual([]);
  });
});
