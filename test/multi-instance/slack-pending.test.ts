/**
 * Slack's pending state in PostgreSQL (`storePendingState`): two Slack servers, each with its own
 * store connection to one database, as two instances behind a load balancer would be. A modal
 * opened on one and submitted to the other creates one case with one confirmation, however many
 * times (and to whichever server) Slack delivers the submit; an answer given by one is shared
 * from the other; a tenant purge finds what was kept.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storePendingState } from '../../src/channels/slack/index.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { openPostgresStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { createTestDatabase, postgresSkipReason, rawQuery } from '../postgres/database.js';
import { blockAction, buttonsOf, dmEvent, eventEnvelope, startSlackHarness, TEAM, filledCaseForm, viewSubmission, waitForLine, type SlackHarness } from '../slack/helpers.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function instance(url: string): Promise<{ h: SlackHarness; store: CaseStore }> {
  const store = await openPostgresStore({ connectionString: url });
  cleanup.push(() => store.close());
  const core = createConversationCore({ engine, store, config: { credentialsConfigured: true, defaultPlan: 'Office 365 Enterprise E3' } });
  const h = await startSlackHarness({ core, store, deps: { pending: storePendingState(store) } });
  h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true });
  cleanup.push(() => h.close());
  return { h, store };
}

const formValues = filledCaseForm({ title: 'Sales floor cannot send', description: 'Nobody on the sales floor can send since 9am' });

describe.skipIf(postgresSkipReason() !== undefined)('Slack pending state shared through PostgreSQL', { timeout: 60_000 }, () => {
  it('a modal opened on one server and submitted to the other (then again to the first) makes one case, one confirmation', async () => {
    const url = await createTestDatabase();
    const a = await instance(url);
    const b = await instance(url);

    await a.h.sendEvent(eventEnvelope(dmEvent('UADMIN', 'Outlook cannot send email for the whole sales floor since 9am, NDR 550 5.7.1')));
    const [triage] = await a.h.slack.waitFor('chat.postMessage');
    const openCase = buttonsOf(triage?.args.blocks).find((button) => button.action_id === 'openCase');
    expect(openCase).toBeDefined();
    await a.h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'openCase', value: openCase?.value ?? '' }, triggerId: 'trig-open' }));
    const [opened] = await a.h.slack.waitFor('views.open');
    const view = opened?.args.view as Record<string, unknown>;

    const submitted = await b.h.sendInteraction(viewSubmission('UADMIN', view, formValues));
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');
    const [confirmation] = await b.h.slack.waitFor('chat.postMessage');
    const cases = await b.store.listCases(TEAM);
    expect(cases).toHaveLength(1);
    expect(String(confirmation?.args.text)).toContain(cases[0]?.number);

    // Slack delivers the submit again, this time to the first server: no second case or confirmation.
    const postsOnA = a.h.slack.of('chat.postMessage').length;
    await a.h.sendInteraction(viewSubmission('UADMIN', view, formValues));
    await waitForLine(a.h.logs, 'confirmation already posted');
    expect(await a.store.listCases(TEAM)).toHaveLength(1);
    expect(a.h.slack.of('chat.postMessage')).toHaveLength(postsOnA);
    expect(b.h.slack.of('chat.postMessage')).toHaveLength(1);
  });

  it('shares from one server an answer the other gave, and a tenant purge removes what was kept', async () => {
    const url = await createTestDatabase();
    const a = await instance(url);
    const b = await instance(url);
    await a.h.sendCommand({
      team_id: TEAM, channel_id: 'C0IT', user_id: 'UADMIN', user_name: 'megan', command: '/support',
      text: 'outlook cannot send for the whole sales floor', response_url: `${a.h.slack.url}/response/cmd`, trigger_id: 'trig-cmd',
    });
    const [ephemeral] = await a.h.slack.waitFor('response_url');
    const share = buttonsOf(ephemeral?.args.blocks).find((button) => button.action_id === 'shareInChannel');
    expect(share).toBeDefined();

    await b.h.sendInteraction(blockAction({ user: 'UADMIN', channel: 'C0IT', ephemeral: true, responseUrl: `${b.h.slack.url}/response/act`, action: { action_id: 'shareInChannel', value: share?.value ?? '' } }));
    const [shared] = await b.h.slack.waitFor('response_url');
    expect(shared?.args.response_type).toBe('in_channel');

    const kept = await rawQuery<{ key: string }>(url, "SELECT key FROM shared_values WHERE key LIKE 'slack-pending:%'");
    expect(kept.length).toBeGreaterThan(0);
    for (const { key } of kept) expect(key.split(':')).toContain(TEAM);
    await a.store.purgeTenant(TEAM);
    expect(await rawQuery(url, "SELECT key FROM shared_values WHERE key LIKE 'slack-pending:%'")).toEqual([]);
  });
});
