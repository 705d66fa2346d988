/**
 * Hostile but correctly signed requests at POST /slack/events with the real core: random and
 * malformed interaction payloads get 200 (acked, politely ignored or answered) or 4xx, never a
 * 5xx and never a case; bodies over 1 MB get 413 and 10,000-level nesting 400, before Bolt
 * parses them.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/core.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { blockAction, dmEvent, eventEnvelope, startSlackHarness, TEAM, type SlackHarness } from '../slack/helpers.js';

describe('Slack endpoint: hostile input', () => {
  let harness: SlackHarness;
  let store: CaseStore;
  let created = 0;

  beforeAll(async () => {
    store = await openSqliteStore({ dataDir: ':memory:' });
    const core = createConversationCore({
      engine: loadDefaultRules(),
      store,
      config: { credentialsConfigured: false, defaultPlan: 'Office 365 E3', adminUsers: '*' },
      onCaseCreated: () => void (created += 1),
    });
    harness = await startSlackHarness({ core, store, deps: { submitBudgetMs: 200 } });
    harness.slack.users.set('U0ADMIN', { real_name: 'Admin', is_admin: true });
  });
  afterAll(async () => {
    await harness.close();
    await store.close();
  });

  const anyField = fc.anything({ maxDepth: 2 });
  const interaction = fc.oneof(
    // block_actions with random actions and values
    fc.record({
      action_id: fc.oneof(fc.constantFrom('openCase', 'submitCase', 'showCase', 'closeCase', 'share', 'link#x', 'choosePlan', 'pickCategory'), fc.string({ maxLength: 20 })),
      value: fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ maxLength: 100 })),
    }).map((action) => blockAction({ user: 'U0ADMIN', action })),
    // view_submission with random metadata and state
    fc.record({
      private_metadata: fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ maxLength: 80 }), fc.constant('{"formId":"f1","where":{"kind":"im","channel":"D1"}}')),
      values: fc.dictionary(fc.string({ maxLength: 10 }), fc.dictionary(fc.string({ maxLength: 10 }), anyField, { maxKeys: 2 }), { maxKeys: 3 }),
    }).map(({ private_metadata, values }) => ({
      type: 'view_submission',
      team: { id: TEAM },
      user: { id: 'U0ADMIN', team_id: TEAM },
      view: { id: 'V1', type: 'modal', callback_id: 'caseForm', private_metadata, state: { values } },
    })),
    // anything with a plausible type, and anything at all
    fc.record({ type: fc.constantFrom('block_actions', 'view_submission', 'view_closed', 'shortcut', 'message_action', 'block_suggestion'), user: anyField, team: anyField, actions: anyField, view: anyField, channel: anyField, container: anyField }, { requiredKeys: ['type'] }),
    fc.anything({ maxDepth: 3 }),
  );

  it('random signed interaction payloads: 200 or 4xx, never 5xx, never a case', async () => {
    await fc.assert(
      fc.asyncProperty(interaction, async (payload) => {
        const answer = await harness.sendInteraction(payload as Record<string, unknown>);
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
    expect(created).toBe(0);
    expect(await store.listCases(`slack:${TEAM}`)).toHaveLength(0);
    expect(harness.logs.join('\n')).not.toMatch(/Unhandled|unhandledRejection/);
  }, 55_000);

  it('refuses a body over 1 MB with 413, and deep nesting with 400, signed or not', async () => {
    const big = eventEnvelope(dmEvent('U0ADMIN', 'x'.repeat(1_100_000)));
    expect((await harness.sendEvent(big)).status).toBe(413);
    const deepJson = `{"type":"event_callback","event":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    const deepEvent = await fetch(`${harness.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deepJson });
    expect(deepEvent.status).toBe(400);
    const form = `payload=${encodeURIComponent('['.repeat(10_000) + ']'.repeat(10_000))}`;
    const deepInteraction = await fetch(`${harness.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(deepInteraction.status).toBe(400);
    // Still serving signed events after all that.
    expect((await harness.sendEvent(eventEnvelope(dmEvent('U0ADMIN', 'help')))).status).toBe(200);
  });
});
