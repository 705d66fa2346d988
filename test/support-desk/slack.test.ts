/**
 * The support desk in Slack, over HTTP as Slack calls it (signed requests, fake Web API), with the
 * real core and an in-memory store on an injected clock: the case opened through the DM and the
 * modal, then claimed (with a race), answered, resolved and reopened from the support channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createConversationCore } from '../../src/conversation/core.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { createSupportDeskRuntime, type SupportDeskRuntime } from '../../src/app/support-desk.js';
import { loadSupportDeskConfig } from '../../src/support-desk/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { blockAction, blockText, buttonsOf, dmEvent, eventEnvelope, selected, startSlackHarness, text, viewSubmission, TEAM, type SlackCall, type SlackHarness } from '../slack/helpers.js';

const SUPPORT = 'C0SUPPORT';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('support desk in Slack', () => {
  let h: SlackHarness;
  let store: CaseStore;
  let runtime: SupportDeskRuntime;
  let now = new Date('2026-11-24T10:00:00Z');
  const clock = () => now;
  let number = '';
  let cardTs = '';

  beforeAll(async () => {
    store = await openSqliteStore({ dataDir: ':memory:', now: clock });
    const engine = loadDefaultRules();
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
  afterAll(async () => {
    await h.close();
    await store.close();
  });

  async function waitForCall(method: string, from: number, predicate: (call: SlackCall) => boolean): Promise<SlackCall> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = h.slack.calls.slice(from).find((c) => c.method === method && predicate(c));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching ${method}; got ${JSON.stringify(h.slack.calls.slice(from).map((c) => c.method))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** A click on a desk button of the card in the support channel, with the card's inputs filled. */
  function click(user: string, verb: string, inputs: Record<string, string> = {}, channel = SUPPORT, value: Record<string, unknown> = { number, tenant: TEAM }) {
    const values: Record<string, Record<string, unknown>> = {};
    for (const [block, v] of Object.entries(inputs)) {
      values[`desk_${block}`] = { desk_input: block === 'severity' ? { type: 'static_select', selected_option: { value: v } } : { type: 'plain_text_input', value: v } };
    }
    return h.sendInteraction({ ...blockAction({ user, channel, messageTs: cardTs, action: { action_id: `desk.${verb}`, value: JSON.stringify(value) } }), state: { values } });
  }

  it('opens a case from the DM and posts its card to the support channel', async () => {
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'Outlook cannot send email for the whole sales floor since 9am, NDR 550 5.7.1')));
    const triage = await waitForCall('chat.postMessage', 0, (c) => c.args.channel === 'D0ADMIN');
    const openCase = buttonsOf(triage.args.blocks).find((b) => b.action_id === 'openCase');
    await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'openCase', value: openCase?.value ?? '' }, triggerId: 'trig-open' }));
    const [opened] = await h.slack.waitFor('views.open');
    const mark = h.slack.calls.length;
    await h.sendInteraction(
      viewSubmission('UADMIN', opened!.args.view as Record<string, unknown>, {
        title: text('Outlook cannot send'),
        description: text('Nobody <!here> can send since 9am'),
        category: selected('exchange.mailflow'),
        affectedUsers: text('40'),
        contactMethod: selected('email', 'radio_buttons'),
        email: text('megan@contoso.com'),
        phone: text(''),
        language: selected('en'),
        timeZone: text('Europe/London'),
      }),
    );
    const card = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === SUPPORT);
    number = (await store.listCases(TEAM))[0]!.number;
    // The card's ts is stored once Slack has answered the post: wait for it rather than race it.
    const deadline = Date.now() + 5_000;
    while (!cardTs && Date.now() < deadline) {
      cardTs = (await store.getConversationState<{ ts: string }>(`support-desk:card:slack:${TEAM}:${number}`))?.ts ?? '';
      if (!cardTs) await new Promise((r) => setTimeout(r, 10));
    }
    expect(cardTs).not.toBe('');
    const blocks = blockText(card.args.blocks);
    for (const expected of [number, TEAM, 'Megan Bowen', 'Sev A', 'Respond by', 'left', 'Nobody &lt;!here&gt; can send']) expect(blocks).toContain(expected);
    expect(blocks).not.toContain('<!here>');
    // How to reach the requester, as the modal stored it.
    for (const expected of ['Reach the requester', 'Email (preferred): megan@contoso.com', 'Affected users: 40', 'Language: English (en)', 'Time zone: Europe/London']) expect(blocks).toContain(expected);
    expect(buttonsOf(card.args.blocks).map((b) => b.action_id)).toEqual(['desk.claim', 'desk.reply', 'desk.askInfo', 'desk.changeSeverity', 'desk.assign', 'desk.resolve']);
  });

  it('refuses an outsider clicking in the support channel, and the core never hears desk buttons', async () => {
    const mark = h.slack.calls.length;
    await click('UOUT', 'claim');
    const refusal = await waitForCall('chat.postEphemeral', mark, (c) => c.args.user === 'UOUT');
    expect(String(refusal.args.text)).toMatch(/only support engineers/i);
    expect((await store.getCase(TEAM, number))?.owner).toBeUndefined();
    expect(h.slack.calls.slice(mark).some((c) => c.method === 'chat.postMessage' && /expired/i.test(String(c.args.text)))).toBe(false);
  });

  it('Claim race: one wins, the other is told who has it; the card is updated in place; the admin hears it', async () => {
    const mark = h.slack.calls.length;
    await Promise.all([click('UEVE', 'claim'), click('UFINN', 'claim')]);
    const told = await waitForCall('chat.postEphemeral', mark, (c) => /already claimed by/.test(String(c.args.text)));
    const owner = (await store.getCase(TEAM, number))?.owner;
    expect(String(told.args.text)).toContain(owner!);
    const update = await waitForCall('chat.update', mark, () => true);
    expect(update.args).toMatchObject({ channel: SUPPORT, ts: cardTs });
    expect(blockText(update.args.blocks)).toContain(owner!);
    const notice = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('has taken'));
    expect(blockText(notice.args.blocks)).toContain(owner!);
  });

  it('engineer reply → admin answers from the DM → the answer is on the case and in the card thread', async () => {
    let mark = h.slack.calls.length;
    await click('UEVE', 'reply', { message: 'Please run Get-MessageTrace.' });
    const notice = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('Get-MessageTrace'));
    const answer = buttonsOf(notice.args.blocks).find((b) => b.action_id === 'desk.answer');
    expect(answer).toBeDefined();
    mark = h.slack.calls.length;
    await h.sendInteraction({
      ...blockAction({ user: 'UADMIN', channel: 'D0ADMIN', action: { action_id: 'desk.answer', value: answer!.value! } }),
      state: { values: { desk_message: { desk_input: { type: 'plain_text_input', value: 'Trace shows 550 5.7.1' } } } },
    });
    const note = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === SUPPORT);
    expect(note.args.thread_ts).toBe(cardTs);
    expect(String(note.args.text)).toContain('Trace shows 550 5.7.1');
    expect((await store.getCase(TEAM, number))?.audit.some((a) => a.action === 'requester-answer' && a.detail === 'Trace shows 550 5.7.1')).toBe(true);
  });

  it('a click delivered three times acts once: one notice to the admin, one audit entry', async () => {
    const mark = h.slack.calls.length;
    const values = { desk_message: { desk_input: { type: 'plain_text_input', value: 'Is the connector certificate current?' } } };
    const action = { type: 'button', block_id: 'b1', action_id: 'desk.askInfo', value: JSON.stringify({ number, tenant: TEAM }), action_ts: '1700000123.4567' };
    const payload = { ...blockAction({ user: 'UEVE', channel: SUPPORT, messageTs: cardTs, triggerId: 'trigger-once-1', action }), actions: [action], state: { values } };
    for (let i = 0; i < 3; i += 1) expect((await h.sendInteraction(payload)).status).toBe(200);
    // A later, distinct click: once its notice is out, the repeats have long been handled.
    await click('UEVE', 'reply', { message: 'One more thing: which connector?' });
    await waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('which connector?'));
    const notices = h.slack.calls.slice(mark).filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('certificate current?'));
    expect(notices).toHaveLength(1);
    const audit = (await store.getCase(TEAM, number))?.audit.filter((a) => a.detail?.includes('certificate current?')) ?? [];
    expect(audit).toHaveLength(1);
  });

  it('resolve → "thanks" does not reopen → reopen within 14 days → refused after', async () => {
    let mark = h.slack.calls.length;
    await click('UEVE', 'resolve', { message: 'Certificate renewed.' });
    const resolved = await waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes('Certificate renewed'));
    const reopen = buttonsOf(resolved.args.blocks).find((b) => b.action_id === 'desk.reopen')!;
    const reopenWith = (message: string) =>
      h.sendInteraction({
        ...blockAction({ user: 'UADMIN', channel: 'D0ADMIN', action: { action_id: 'desk.reopen', value: reopen.value! } }),
        state: { values: { desk_message: { desk_input: { type: 'plain_text_input', value: message } } } },
      });
    mark = h.slack.calls.length;
    await reopenWith('thank you!');
    await waitForCall('chat.postMessage', mark, (c) => /stays resolved/.test(String(c.args.text)));
    expect((await store.getCase(TEAM, number))?.status).toBe('closed');

    now = new Date(now.getTime() + 13 * DAY_MS);
    mark = h.slack.calls.length;
    await reopenWith('Still failing for two people');
    await waitForCall('chat.postMessage', mark, (c) => c.args.channel === SUPPORT && String(c.args.text).includes('Still failing'));
    const update = await waitForCall('chat.update', mark, (c) => buttonsOf(c.args.blocks).some((b) => b.action_id === 'desk.claim'));
    expect(update.args.ts).toBe(cardTs);
    expect((await store.getCase(TEAM, number))?.status).toBe('open');

    await click('UEVE', 'resolve');
    await waitForCall('chat.update', h.slack.calls.length - 1, () => true).catch(() => undefined);
    expect((await store.getCase(TEAM, number))?.status).toBe('closed');
    now = new Date(now.getTime() + 14 * DAY_MS + 60_000);
    mark = h.slack.calls.length;
    await reopenWith('Broken again');
    await waitForCall('chat.postMessage', mark, (c) => /more than 14 days/.test(String(c.args.text)));
    expect((await store.getCase(TEAM, number))?.status).toBe('closed');
  });

  it('SLA reminders reach the support channel: 80% in the card thread, breach in the channel with @here, once each', async () => {
    const created = await store.createCase(
      {
        tenantId: TEAM,
        requester: { channel: 'slack', userId: 'UADMIN', name: 'Megan Bowen' },
        category: 'exchange.mailflow',
        severity: 'A',
        planFamily: 'Office 365 Enterprise E3',
        title: 'Mail stuck',
        description: 'Queue growing',
        contact: { method: 'chat', language: 'en', timeZone: 'Europe/London' },
        affectedUsers: 10,
        conversationReference: { channel: 'slack', tenantId: TEAM, where: { kind: 'im', channel: 'D0ADMIN' } },
      },
      'sla-case',
    );
    const c = created.case;
    let mark = h.slack.calls.length;
    await runtime.desk.caseOpened(c);
    const card = await waitForCall('chat.postMessage', mark, (call) => call.args.channel === SUPPORT && blockText(call.args.blocks).includes(c.number));
    const ts = String((await store.getConversationState<{ ts: string }>(`support-desk:card:slack:${TEAM}:${c.number}`))?.ts);
    expect(card).toBeDefined();

    mark = h.slack.calls.length;
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 47 * 60_000))).toEqual([]);
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 48 * 60_000))).toEqual([{ tenantId: TEAM, number: c.number, level: 'warning' }]);
    const reminder = await waitForCall('chat.postMessage', mark, (call) => /Reminder/.test(String(call.args.text)));
    expect(reminder.args).toMatchObject({ channel: SUPPORT, thread_ts: ts });
    await waitForCall('chat.update', mark, (call) => call.args.ts === ts);
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 55 * 60_000))).toEqual([]);

    mark = h.slack.calls.length;
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 61 * 60_000))).toEqual([{ tenantId: TEAM, number: c.number, level: 'breach' }]);
    const breach = await waitForCall('chat.postMessage', mark, (call) => /BREACHED/.test(String(call.args.text)));
    expect(breach.args.thread_ts).toBeUndefined();
    expect(String(breach.args.text)).toMatch(/^<!here> /);
    expect(await runtime.sla.tick(new Date(c.createdAt.getTime() + 90 * 60_000))).toEqual([]);
  });
});
