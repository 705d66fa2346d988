/**
 * "Is this about A or B?" in the local chat, over Direct Line as Web Chat speaks it: the
 * question's buttons are only the candidates, and the answer places the original message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { createLocalChat } from '../../src/channels/webchat/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { categoryDisplayName } from '../../src/domain/taxonomy.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { cardText, submitActions } from '../teams/helpers.js';
import { call, cardsOf, poll, startConversation, webChatMessage, type Started } from './helpers.js';

const UNSURE = 'mail sent to the sales distribution group bounces back for outside senders';

describe('local chat: asking between close categories', () => {
  const engine = loadDefaultRules();
  const bundleDir = mkdtempSync(join(tmpdir(), 'webchat-bundle-'));
  writeFileSync(join(bundleDir, 'webchat.js'), 'window.WebChat = {};\n');
  let server: RunningServer;
  let store: CaseStore;
  let close: () => void;

  beforeAll(async () => {
    store = await openSqliteStore({ dataDir: ':memory:' });
    const templates = loadCardTemplates();
    const coreConfig = loadCoreConfig({ DEFAULT_PLAN: 'Office 365 E3' });
    const core = createConversationCore({ engine, store, config: coreConfig });
    const chat = createLocalChat({ core, coreConfig, templates, bundleDir });
    server = await createBotServer({ credentials: {}, core, engine, templates, extend: chat.extend }).listen(0, '127.0.0.1');
    close = () => chat.close();
  });
  afterAll(async () => {
    close();
    await server.close();
    await store.close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  async function say(started: Started, watermark: string, fields: { text?: string; value?: Record<string, unknown> }) {
    const answer = await call(server.url, 'POST', `/v3/directline/conversations/${started.conversationId}/activities`, { token: started.token, body: webChatMessage(fields) });
    expect(answer.status).toBe(200);
    return poll(server.url, started, watermark);
  }

  it('asks with the candidates only, and the click answers the original message in that category', async () => {
    const candidates = engine.triage(UNSURE).clarify;
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const started = await startConversation(server.url);
    const welcome = await poll(server.url, started);

    const asked = await say(started, welcome.watermark, { text: UNSURE });
    const question = cardsOf(asked.activities)[0];
    expect(cardText(question)).toMatch(/Is this about .+ or about .+\?/);
    const buttons = submitActions(question);
    expect(buttons.map((b) => b.title)).toEqual(candidates.map((id) => categoryDisplayName(id, 'en')));

    const answered = await say(started, asked.watermark, { value: buttons[1]!.data });
    const card = cardsOf(answered.activities)[0];
    const expected = engine.triage(UNSURE, { category: candidates[1]! });
    expect(cardText(card)).toContain(categoryDisplayName(candidates[1]!, 'en'));
    expect(cardText(card)).toMatch(new RegExp(`Sev ${expected.severity}`));
  });
});
