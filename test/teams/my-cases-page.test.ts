/**
 * `my cases` for a busy tenant over Teams HTTP: 10,000 cases stored, one bounded card back that
 * says how many more there are and which command shows them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { newCase } from '../store/helpers.js';
import { startTokenIssuer, type TokenIssuer } from './auth.js';
import { ALEX, cardOf, cardText, post, startFakeConnector, submitActions, teamsMessage, TENANT, type FakeConnector } from './helpers.js';

const OPEN = 9_970;
const CLOSED = 30;
const CARD_LIMIT = 28 * 1024;

describe('my cases for a tenant with 10,000 cases, over Teams', () => {
  let connector: FakeConnector;
  let server: RunningServer;
  let store: CaseStore;
  let issuer: TokenIssuer;
  let clock = Date.parse('2026-12-01T08:00:00Z');
  const numbers: string[] = [];
  const closedNumbers: string[] = [];

  beforeAll(async () => {
    connector = await startFakeConnector();
    issuer = await startTokenIssuer();
    store = await openSqliteStore({ dataDir: ':memory:', now: () => new Date(clock) });
    const description = 'Mail to the partner domain bounces after the connector change. '.repeat(30);
    for (let i = 0; i < OPEN + CLOSED; i++) {
      clock += 1000;
      const severity = i % 10 === 0 ? 'A' : 'B';
      const { case: c } = await store.createCase(newCase({ tenantId: TENANT, severity, title: `Partner mail bounces, report ${i}`, description }), `seed-${i}`);
      numbers.push(c.number);
    }
    // The oldest ones closed recently, each with a history the list must not carry.
    for (const number of numbers.slice(0, CLOSED)) {
      for (let n = 0; n < 5; n++) await store.addAuditEntry(TENANT, number, { actor: 'engineer', action: 'note', detail: 'checked the connector logs again '.repeat(20) });
      await store.updateCase(TENANT, number, { status: 'closed' }, { actor: 'engineer', action: 'closed' });
      closedNumbers.push(number);
    }
    const engine = loadDefaultRules();
    const coreConfig = loadCoreConfig({ ADMIN_USERS: ALEX.aadObjectId, DEFAULT_PLAN: 'Office 365 E3' });
    const core = createConversationCore({ engine, store, config: coreConfig, now: () => new Date(clock) });
    server = await createBotServer({ credentials: issuer.credentials, botFrameworkEndpoints: issuer.endpoints, core, engine, templates: loadCardTemplates() }).listen(0, '127.0.0.1');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await connector?.close();
    await issuer?.close();
  });

  async function say(text: string) {
    const before = connector.calls.length;
    const started = performance.now();
    const response = await post(server.url, teamsMessage({ serviceUrl: connector.url, text }), { authorization: issuer.authorization(connector.url) });
    const elapsedMs = performance.now() - started;
    expect(response.status).toBe(200);
    const cards = connector.calls.slice(before).map(cardOf);
    expect(cards).toHaveLength(1);
    return { card: cards[0]!, bytes: Buffer.byteLength(JSON.stringify(cards[0])), elapsedMs };
  }

  const listed = (card: Record<string, unknown>) => submitActions(card).filter((a) => a.data.verb === 'showCase').map((a) => a.data.number);

  it('shows the 10 newest open cases in a card under 28 KB and says how many more there are', async () => {
    const { card, bytes, elapsedMs } = await say('my cases');
    console.info(`my cases: ${bytes} bytes, ${elapsedMs.toFixed(1)} ms for the whole Teams turn`);
    expect(bytes).toBeLessThan(CARD_LIMIT);
    expect(listed(card)).toEqual(numbers.slice(-10).reverse());
    expect(cardText(card)).toContain(`and ${OPEN + CLOSED - 10} more`);
    expect(cardText(card)).toMatch(/my cases page 2/);
    expect(cardText(card)).not.toContain('checked the connector logs');
  });

  // How long this takes for a busy tenant is printed by `npm run bench:data`, not timed here.
  it('counts a 10,000-case tenant\'s open and recently closed cases from one page read each', async () => {
    const closedSince = new Date(clock - 14 * 24 * 60 * 60 * 1000);
    const open = await store.listCasePage(TENANT, { status: 'open', limit: 10, offset: 0 });
    const closed = await store.listCasePage(TENANT, { status: 'closed', closedSince, limit: 1, offset: 0 });
    expect(open.cases).toHaveLength(10);
    expect(closed.cases).toHaveLength(1);
    expect(open.total + closed.total).toBe(OPEN + CLOSED);
  });

  it('shows the next ten on page 2 and the recently closed with "my cases closed"', async () => {
    const page2 = await say('my cases page 2');
    const closed = await say('my cases closed');

    expect(listed(page2.card)).toEqual(numbers.slice(-20, -10).reverse());
    expect(cardText(page2.card)).toContain(`and ${OPEN + CLOSED - 20} more`);
    expect(listed(closed.card)).toEqual(closedNumbers.slice(-10).reverse());
    expect(cardText(closed.card)).toContain(`and ${CLOSED - 10} more`);
    expect(cardText(closed.card)).toMatch(/my cases closed page 2/);
    expect(closed.bytes).toBeLessThan(CARD_LIMIT);
  });

  it('filters by severity and continues from the open cases into the closed ones', async () => {
    const sevA = await say('my cases sev A');
    const lastOpenPage = await say(`my cases page ${Math.ceil(OPEN / 10)}`);

    const openA = numbers.filter((_, i) => i % 10 === 0 && i >= CLOSED);
    expect(listed(sevA.card)).toEqual(openA.slice(-10).reverse());
    expect(cardText(sevA.card)).toContain('Severity A');
    // 9,970 open cases: the last open page has 10 - (9,970 mod 10) = 10 of them; the next starts the closed.
    const afterOpen = await say(`my cases page ${Math.ceil(OPEN / 10) + 1}`);
    expect(listed(lastOpenPage.card)).toEqual(numbers.slice(CLOSED, CLOSED + 10).reverse());
    expect(listed(afterOpen.card)).toEqual(closedNumbers.slice(-10).reverse());
  });
});
