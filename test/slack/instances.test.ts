/**
 * What the Slack channel keeps between requests, over HTTP: with one `SlackPendingState` shared by
 * two servers (as a store-backed one would be), an answer given on one server can be shared in
 * the channel from the other; with one each, the other server says the answer can no longer be
 * shared.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryPendingState, type SlackPendingState } from '../../src/channels/slack/index.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { blockAction, buttonsOf, startSlackHarness, TEAM, type SlackHarness } from './helpers.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function server(store: CaseStore, pending: SlackPendingState): Promise<SlackHarness> {
  const core = createConversationCore({ engine, store, config: { credentialsConfigured: true, defaultPlan: 'Office 365 Enterprise E3' } });
  const h = await startSlackHarness({ core, store, deps: { pending } });
  h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true });
  cleanup.push(() => h.close());
  return h;
}

describe('Slack pending state shared by two servers', () => {
  it('shares in the channel, from server B, an answer that server A gave to /support', async () => {
    const store = await openSqliteStore({ dataDir: ':memory:' });
    cleanup.push(() => store.close());
    const pending = memoryPendingState();
    const a = await server(store, pending);
    const b = await server(store, pending);
    await a.sendCommand({
      team_id: TEAM, channel_id: 'C0IT', user_id: 'UADMIN', user_name: 'megan', command: '/support',
      text: 'outlook cannot send for the whole sales floor', response_url: `${a.slack.url}/response/cmd`, trigger_id: 'trig-cmd',
    });
    const [ephemeral] = await a.slack.waitFor('response_url');
    const share = buttonsOf(ephemeral?.args.blocks).find((button) => button.action_id === 'shareInChannel');
    expect(share).toBeDefined();

    await b.sendInteraction(blockAction({ user: 'UADMIN', channel: 'C0IT', ephemeral: true, responseUrl: `${b.slack.url}/response/act`, action: { action_id: 'shareInChannel', value: share?.value ?? '' } }));
    const [shared] = await b.slack.waitFor('response_url');
    expect(shared?.args.response_type).toBe('in_channel');
    const answered = ephemeral?.args.blocks as { elements?: { action_id?: string }[] }[];
    expect(shared?.args.blocks).toEqual(answered.filter((block) => !block.elements?.some((e) => e.action_id === 'shareInChannel')));
  });

  it('tells the admin the answer expired when the server that gave it kept it to itself', async () => {
    const store = await openSqliteStore({ dataDir: ':memory:' });
    cleanup.push(() => store.close());
    const a = await server(store, memoryPendingState());
    const b = await server(store, memoryPendingState());
    await a.sendCommand({ team_id: TEAM, channel_id: 'C0IT', user_id: 'UADMIN', user_name: 'megan', command: '/support', text: 'help', response_url: `${a.slack.url}/response/cmd`, trigger_id: 't' });
    const [ephemeral] = await a.slack.waitFor('response_url');
    const share = buttonsOf(ephemeral?.args.blocks).find((button) => button.action_id === 'shareInChannel');
    await b.sendInteraction(blockAction({ user: 'UADMIN', channel: 'C0IT', ephemeral: true, responseUrl: `${b.slack.url}/response/act`, action: { action_id: 'shareInChannel', value: share?.value ?? '' } }));
    const [answer] = await b.slack.waitFor('response_url');
    expect(answer?.args.response_type).toBe('ephemeral');
    expect(String(answer?.args.text)).toMatch(/no longer be shared/i);
  });
});
