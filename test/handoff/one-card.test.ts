/**
 * One card per case, also with two instances: two support desks on one database (each with its
 * own store connection) show the same new case at the same moment; the Slack Web API (fake,
 * over HTTP) gets one chat.postMessage, and a later showing updates that card in place.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/core.js';
import { createSupportDeskRuntime } from '../../src/app/support-desk.js';
import { loadSupportDeskConfig } from '../../src/support-desk/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { blockText, startSlackHarness, TEAM } from '../slack/helpers.js';
import { newCase } from '../store/helpers.js';
import { STORE_KINDS } from '../store/kinds.js';

const SUPPORT = 'C0SUPPORT';
const engine = loadDefaultRules();

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`one card per case (${kind.name})`, () => {
  it('posts one card when two instances show a new case at once, and updates it afterwards', async () => {
    const db = await kind.database();
    const [storeA, storeB] = [await db.open(), await db.open()];
    const desk = (store: typeof storeA) =>
      createSupportDeskRuntime({ config: loadSupportDeskConfig({ SUPPORT_SLACK_CHANNEL: SUPPORT }), store, engine, logger: pino({ level: 'silent' }) });
    const [a, b] = [desk(storeA), desk(storeB)];
    const h = await startSlackHarness({ core: createConversationCore({ engine, store: storeA, config: { credentialsConfigured: true } }), store: storeA });
    try {
      a.attachSlack(h.channel);
      b.attachSlack(h.channel);
      const { case: c } = await storeA.createCase(
        newCase({ tenantId: TEAM, requester: { channel: 'slack', userId: 'UADMIN', name: 'Megan' }, conversationReference: { channel: 'slack', tenantId: TEAM } }),
        'k',
      );
      const posts = () => h.slack.calls.filter((call) => call.method === 'chat.postMessage' && blockText(call.args.blocks).includes(c.number));

      const shown = await Promise.all([a.desk.caseOpened(c), b.desk.caseOpened(c)]);
      expect(posts()).toHaveLength(1);
      expect(shown.filter(Boolean)).toHaveLength(1);

      // The instance that lost shows it again (its outbox retry): the card is updated, not posted.
      expect(await b.desk.caseOpened(c)).toBe(true);
      expect(posts()).toHaveLength(1);
      expect(h.slack.calls.filter((call) => call.method === 'chat.update')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
