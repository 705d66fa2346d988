/**
 * "Is this about A or B?" through signed Slack requests: a DM the engine is unsure about gets a
 * question with only the candidate categories as buttons; clicking one answers the original
 * message as that category.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/core.js';
import { categoryDisplayName } from '../../src/domain/taxonomy.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { blockAction, blockText, buttonsOf, dmEvent, eventEnvelope, startSlackHarness, type SlackHarness } from './helpers.js';

const UNSURE = 'mail sent to the sales distribution group bounces back for outside senders';

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

async function start(): Promise<SlackHarness> {
  const store = await openSqliteStore({ dataDir: ':memory:' });
  const core = createConversationCore({ engine, store, config: { credentialsConfigured: true, defaultPlan: 'Office 365 Enterprise E3' } });
  const h = await startSlackHarness({ core, store });
  h.slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true, tz: 'Europe/London', email: 'megan@contoso.com' });
  open.push({ h, store });
  return h;
}

function lastPosted(h: SlackHarness) {
  const calls = h.slack.of('chat.postMessage');
  return calls[calls.length - 1]!.args;
}

describe('Slack over HTTP: asking between close categories', () => {
  it('asks with the candidates as buttons, and a click places the original message there', async () => {
    const candidates = engine.triage(UNSURE).clarify;
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const h = await start();

    expect((await h.sendEvent(eventEnvelope(dmEvent('UADMIN', UNSURE)))).status).toBe(200);
    await h.slack.waitFor('chat.postMessage');
    const question = lastPosted(h);
    expect(String(question.text)).toMatch(/Is this about .+ or about .+\?/);
    expect(blockText(question.blocks)).not.toMatch(/Severity/);
    const buttons = buttonsOf(question.blocks);
    expect(buttons).toHaveLength(candidates.length);
    for (const id of candidates) expect(blockText(question.blocks)).toContain(categoryDisplayName(id, 'en'));

    const second = buttons[1]!;
    const click = await h.sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: second.action_id, value: second.value ?? '' } }));
    expect(click.status).toBe(200);
    await h.slack.waitFor('chat.postMessage', 2);
    const answer = lastPosted(h);
    const expected = engine.triage(UNSURE, { category: candidates[1]! });
    expect(blockText(answer.blocks)).toContain(categoryDisplayName(candidates[1]!, 'en'));
    expect(blockText(answer.blocks)).toContain('Severity');
    expect(blockText(answer.blocks)).toContain(expected.links[0]!.url);
  });
});
