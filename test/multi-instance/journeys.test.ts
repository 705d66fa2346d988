/**
 * The done-when of issue 19: two `src/app/main.ts` processes on one PostgreSQL, Teams (Emulator)
 * and Slack (signed requests) journeys alternating between them, the support channel in Slack (a
 * fake Web API on loopback counting posts) and the SLA watch running in both: exactly one case per
 * journey, one support card per case, one reminder for a case that falls due while both run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, stopBot, tempDataDir, type BotProcess } from '../faults/process.js';
import { until as waitUntil } from '../poll.js';
import { CASE_NUMBER, press } from '../load/journey.js';
import { createTestDatabase, postgresSkipReason, rawQuery } from '../postgres/database.js';
import {
  BOT_TOKEN, blockAction, buttonsOf, dmEvent, eventEnvelope, filledCaseForm, signatureHeaders, SIGNING_SECRET, startFakeSlack, TEAM, viewSubmission, type FakeSlack,
} from '../slack/helpers.js';
import { cardOf, cardText, inputs, post, startFakeConnector, teamsMessage, type FakeConnector } from '../teams/helpers.js';

const SUPPORT_CHANNEL = 'C0SUPPORT';

/** Two processes, a database and SLA passes a second apart: allow more than a unit test's wait. */
const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> => waitUntil(what, probe, 15_000);

describe.skipIf(postgresSkipReason() !== undefined)('Teams and Slack journeys across two instances', { timeout: 120_000 }, () => {
  let connector: FakeConnector;
  let slack: FakeSlack;
  let url = '';
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
    connector = await startFakeConnector();
    slack = await startFakeSlack();
    slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true, email: 'megan@contoso.com' });
    const env = {
      DATABASE_URL: url, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl,
      SUPPORT_SLACK_CHANNEL: SUPPORT_CHANNEL, SLA_CHECK_INTERVAL_SECONDS: '1',
      // Slack's credentials would close the Emulator's unauthenticated door; Teams turns come through it.
      EMULATOR: 'on',
      // The store-call counts on /metrics tell when each instance has run another SLA pass.
      METRICS: 'on',
    };
    for (let i = 0; i < 2; i++) bots.push(await startBot(tempDataDir('journeys-'), env, 60_000));
  }, 120_000);
  afterAll(async () => {
    for (const bot of bots) await stopBot(bot);
    await connector?.close();
    await slack?.close();
  });

  const supportPosts = () => slack.of('chat.postMessage').filter((call) => call.args.channel === SUPPORT_CHANNEL);
  // A card's text starts with its number; a reminder is a note naming it.
  const cardsFor = (number: string) => supportPosts().filter((call) => String(call.args.text).startsWith(`${number} `));
  const remindersFor = (number: string) => supportPosts().filter((call) => /BREACHED|Reminder:/.test(String(call.args.text)) && String(call.args.text).includes(number));

  /** How many SLA passes `bot` has started (its store calls listing the cases due). */
  async function slaPasses(bot: BotProcess): Promise<number> {
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith('bot_store_call_duration_seconds_count{') && l.includes('operation="listDueForReminder"') && l.includes('outcome="ok"'));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  async function say(bot: BotProcess, options: { text?: string; value?: Record<string, unknown>; conversationId: string }) {
    const before = connector.calls.length;
    const response = await post(bot.url, teamsMessage({ serviceUrl: connector.url, ...options }));
    expect(response.status).toBe(200);
    return connector.calls.slice(before).map(cardOf);
  }

  async function slackPost(bot: BotProcess, body: string, contentType: string): Promise<number> {
    const res = await fetch(`${bot.url}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...signatureHeaders(body) }, body });
    await res.text();
    return res.status;
  }
  const slackEvent = (bot: BotProcess, envelope: Record<string, unknown>) => slackPost(bot, JSON.stringify(envelope), 'application/json');
  const slackInteraction = (bot: BotProcess, payload: Record<string, unknown>) =>
    slackPost(bot, `payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded');

  async function teamsCase(a: BotProcess, b: BotProcess): Promise<string> {
    const conversationId = 'a:journey-teams';
    const [triage] = await say(a, { conversationId, text: 'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1' });
    const [form] = await say(b, { conversationId, value: press(triage, 'openCase') });
    const values = Object.fromEntries([...inputs(form)].map(([id, input]) => [id, input.value ?? '']));
    const submit = { ...values, title: 'Sales floor cannot send', description: 'Since 9am nobody can send; NDR 550 5.7.1.', affectedUsers: '40', contactMethod: 'phone', phone: '+886 2 2345 6789', ...press(form, 'submitCase') };
    const [fromA, fromB] = await Promise.all([say(a, { conversationId, value: submit }), say(b, { conversationId, value: submit })]);
    const numbers = new Set([...fromA, ...fromB].map((card) => CASE_NUMBER.exec(cardText(card))?.[0]).filter(Boolean));
    expect(numbers.size).toBe(1);
    return [...numbers][0]!;
  }

  async function slackCase(a: BotProcess, b: BotProcess): Promise<string> {
    expect(await slackEvent(b, eventEnvelope(dmEvent('UADMIN', 'SharePoint site returns 503 for everyone in finance since this morning')))).toBe(200);
    const openCase = await until('the Slack triage answer', () =>
      slack.of('chat.postMessage').filter((call) => call.args.channel === 'D0ADMIN').flatMap((call) => buttonsOf(call.args.blocks)).find((button) => button.action_id === 'openCase'));
    const modals = slack.of('views.open').length;
    await slackInteraction(b, blockAction({ user: 'UADMIN', action: { action_id: 'openCase', value: openCase.value ?? '' }, triggerId: 'trig-journey' }));
    const view = (await slack.waitFor('views.open', modals + 1)).at(-1)?.args.view as Record<string, unknown>;
    const values = filledCaseForm({ title: 'Finance site down', description: 'The finance SharePoint site answers 503 for everyone', affectedUsers: '25' });
    // Submitted to the other instance, and delivered again to the first.
    expect(await slackInteraction(a, viewSubmission('UADMIN', view, values))).toBe(200);
    const confirmation = await until('the Slack confirmation', () => slack.of('chat.postMessage').find((call) => call.args.channel === 'D0ADMIN' && CASE_NUMBER.test(String(call.args.text))));
    expect(await slackInteraction(b, viewSubmission('UADMIN', view, values))).toBe(200);
    return CASE_NUMBER.exec(String(confirmation.args.text))![0];
  }

  it('one case, one card, one reminder each, whichever instance each step reaches', async () => {
    const [a, b] = [bots[0]!, bots[1]!];
    const teams = await teamsCase(a, b);
    const slackNumber = await slackCase(a, b);
    expect(await rawQuery<{ n: string }>(url, 'SELECT count(*)::text AS n FROM cases')).toEqual([{ n: '2' }]);
    await until('a support card per case', () => (cardsFor(teams).length > 0 && cardsFor(slackNumber).length > 0 ? true : undefined));

    // The Teams case falls due while both run: its response time was used up a month ago.
    await rawQuery(url, "UPDATE cases SET created_at = now() - interval '30 days', next_reminder_at = now() - interval '1 second' WHERE number = $1", [teams]);
    await until('the breach reminder', () => (remindersFor(teams).length > 0 ? true : undefined));
    await until('the case rescheduled', async () => ((await rawQuery(url, 'SELECT 1 FROM cases WHERE number = $1 AND (next_reminder_at IS NULL OR next_reminder_at > now())', [teams])).length ? true : undefined));

    // Both watches pass twice more (a pass in flight when it was rescheduled has ended): still one reminder.
    for (const bot of bots) {
      const seen = await slaPasses(bot);
      await until('two more SLA passes', async () => ((await slaPasses(bot)) >= seen + 2 ? true : undefined));
    }
    expect(remindersFor(teams)).toHaveLength(1);

    // Listed on one instance, closed on the other.
    const [list] = await say(b, { conversationId: 'a:journey-list', text: 'my cases' });
    expect(cardText(list)).toContain(teams);
    await say(a, { conversationId: 'a:journey-teams', text: `close ${teams}` });
    expect(await rawQuery(url, 'SELECT status FROM cases WHERE number = $1', [teams])).toEqual([{ status: 'closed' }]);

    expect(cardsFor(teams)).toHaveLength(1);
    expect(cardsFor(slackNumber)).toHaveLength(1);
    expect(remindersFor(teams)).toHaveLength(1);
    expect(remindersFor(slackNumber)).toHaveLength(0);
    expect(slack.of('chat.postMessage').filter((call) => call.args.channel === 'D0ADMIN' && String(call.args.text).includes(slackNumber) && CASE_NUMBER.test(String(call.args.text)))).toHaveLength(1);
  });
});
