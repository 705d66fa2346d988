/**
 * Issue 17 item 5 over Slack (signed requests, fake Web API): after an engineer's "ask for
 * information", the admin's next DM lands on the case, and "It's a new problem" triages it instead.
 * Each test has its own harness and store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../poll.js';
import { pino } from 'pino';
import { createConversationCore } from '../../src/conversation/core.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { createSupportDeskRuntime, type SupportDeskRuntime } from '../../src/app/support-desk.js';
import { loadSupportDeskConfig } from '../../src/support-desk/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { blockAction, blockText, buttonsOf, dmEvent, eventEnvelope, startSlackHarness, filledCaseForm, viewSubmission, TEAM, type SlackCall, type SlackHarness } from '../slack/helpers.js';

const SUPPORT = 'C0SUPPORT';

describe('an answer typed after an engineer asks for information (Slack)', () => {
  let h: SlackHarness;
  let store: CaseStore;
  let runtime: SupportDeskRuntime;
  const clock = () => new Date('2026-11-24T10:00:00Z');

  beforeEach(async () => {
    store = await openSqliteStore({ dataDir: ':memory:', now: clock });
    const engine = loadDefaultRules();
    runtime = createSupportDeskRuntime({ config: loadSupportDeskConfig({ SUPPORT_SLACK_CHANNEL: SUPPORT, SUPPORT_ENGINEERS: 'eve@contoso.com' }), store, engine, logger: pino({ level: 'silent' }), now: clock });
    const core = createConversationCore({
      engine,
      store,
      now: clock,
      config: { credentialsConfigured: true, defaultPlan: 'Office 365 Enterprise E3' },
      onCaseCreated: (c) => runtime.caseCreated(c),
      onCaseChanged: (c, change) => runtime.caseChanged(c, change),
    });
    h = await startSlackHarness({ core, store });
    runtime.attachSlack(h.channel);
    h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true, tz: 'Europe/London', email: 'megan@contoso.com' });
    h.slack.users.set('UEVE', { real_name: 'Eve Engineer', email: 'eve@contoso.com' });
    h.slack.channelMembers.set(SUPPORT, ['UEVE']);
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

  /** The admin's DM, and the bot's first post back to the DM. */
  async function dm(message: string): Promise<SlackCall> {
    const mark = h.slack.calls.length;
    await h.sendEvent(eventEnvelope(dmEvent('UADMIN', message)));
    return waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN');
  }

  async function openCase(): Promise<string> {
    const triage = await dm('Outlook cannot send email for the whole sales floor since 9am, NDR 550 5.7.1');
    const openButton = buttonsOf(triage.args.blocks).find((b) => b.action_id === 'openCase');
    await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'openCase', value: openButton?.value ?? '' }, triggerId: 'trig-open' }));
    const [opened] = await h.slack.waitFor('views.open');
    const mark = h.slack.calls.length;
    await h.sendInteraction(
      viewSubmission('UADMIN', opened!.args.view as Record<string, unknown>, filledCaseForm({ title: 'Outlook cannot send', description: 'Nobody can send since 9am' })),
    );
    await waitForCall('chat.postMessage', mark, (c) => c.args.channel === SUPPORT);
    return (await store.listCases(TEAM))[0]!.number;
  }

  async function engineerAsks(number: string, question: string): Promise<void> {
    const mark = h.slack.calls.length;
    const action = { action_id: 'desk.askInfo', value: JSON.stringify({ number, tenant: TEAM }) };
    await h.sendInteraction({ ...blockAction({ user: 'UEVE', channel: SUPPORT, action }), state: { values: { desk_message: { desk_input: { type: 'plain_text_input', value: question } } } } });
    await waitForCall('chat.postMessage', mark, (c) => c.args.channel === 'D0ADMIN' && blockText(c.args.blocks).includes(question));
  }

  it('the next DM lands on the case with "Added to SR-…"; "It\'s a new problem" triages the same words', async () => {
    const number = await openCase();
    await engineerAsks(number, 'Which connector does the NDR name?');

    const mark = h.slack.calls.length;
    const added = await dm('SharePoint site is down for everyone since noon');
    expect(blockText(added.args.blocks)).toContain(`Added to ${number} as your answer.`);
    const audit = (await store.getCase(TEAM, number))!.audit.filter((a) => a.action === 'requester-answer');
    expect(audit.map((a) => a.detail)).toEqual(['SharePoint site is down for everyone since noon']);
    await waitForCall('chat.postMessage', mark, (c) => c.args.channel === SUPPORT && String(c.args.text).includes(`answered on ${number}`));

    const instead = buttonsOf(added.args.blocks).find((b) => b.action_id.startsWith('newProblemInstead'));
    expect(instead).toBeDefined();
    expect(blockText(added.args.blocks)).toContain("It's a new problem");
    const before = h.slack.calls.length;
    await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: instead!.action_id, value: instead!.value ?? '' } }));
    const triage = await waitForCall('chat.postMessage', before, (c) => c.args.channel === 'D0ADMIN' && buttonsOf(c.args.blocks).some((b) => b.action_id === 'openCase'));
    expect(blockText(triage.args.blocks)).toMatch(/SharePoint/);
  });
});
