/**
 * Two `src/app/main.ts` processes on one PostgreSQL database, Teams (Emulator) turns alternating
 * between them: the conversation, the case form, the case and the per-user rate limit are the
 * database's, not a process's. A form submitted to both at once creates one case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, stopBot, tempDataDir, type BotProcess } from '../faults/process.js';
import { press } from '../load/journey.js';
import { createTestDatabase, postgresSkipReason, rawQuery } from '../postgres/database.js';
import { cardOf, cardText, inputs, post, startFakeConnector, teamsMessage, type FakeConnector } from '../teams/helpers.js';

describe.skipIf(postgresSkipReason() !== undefined)('two instances on one PostgreSQL', { timeout: 120_000 }, () => {
  let connector: FakeConnector;
  let url = '';
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
    connector = await startFakeConnector();
    // Started one after the other: the second finds the schema the first created.
    for (let i = 0; i < 2; i++) bots.push(await startBot(tempDataDir('multi-'), { DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: '12' }, 60_000));
  }, 120_000);
  afterAll(async () => {
    for (const bot of bots) await stopBot(bot);
    await connector?.close();
  });

  async function say(bot: BotProcess, options: { text?: string; value?: Record<string, unknown>; conversationId?: string }) {
    const before = connector.calls.length;
    const response = await post(bot.url, teamsMessage({ serviceUrl: connector.url, ...options }));
    expect(response.status).toBe(200);
    return connector.calls.slice(before).map(cardOf);
  }

  it('triage on one, the form on the other, one case from a form submitted to both, listed and closed across them', async () => {
    const [a, b] = [bots[0]!, bots[1]!];
    const conversationId = 'a:multi-journey';
    const [triage] = await say(a, { conversationId, text: 'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1' });
    expect(cardText(triage)).toMatch(/Sev A/);
    const [form] = await say(b, { conversationId, value: press(triage, 'openCase') });
    const values = Object.fromEntries([...inputs(form)].map(([id, input]) => [id, input.value ?? '']));
    const submit = { ...values, title: 'Sales floor cannot send', description: 'Since 9am nobody can send; NDR 550 5.7.1.', affectedUsers: '40', contactMethod: 'phone', phone: '+886 2 2345 6789', ...press(form, 'submitCase') };

    const [fromA, fromB] = await Promise.all([say(a, { conversationId, value: submit }), say(b, { conversationId, value: submit })]);
    const numbers = [...fromA, ...fromB].map((card) => /SR-\d{6}-\d{4,}/.exec(cardText(card))?.[0]).filter(Boolean);
    expect(new Set(numbers).size).toBe(1);
    const rows = await rawQuery<{ number: string; status: string }>(url, 'SELECT number, status FROM cases');
    expect(rows).toEqual([{ number: numbers[0], status: 'open' }]);

    const [list] = await say(b, { conversationId: 'a:another-chat', text: 'my cases' });
    expect(cardText(list)).toContain(numbers[0]);
    await say(a, { conversationId, text: `close ${numbers[0]}` });
    expect(await rawQuery(url, 'SELECT status FROM cases')).toEqual([{ status: 'closed' }]);
  });

  it('RATE_LIMIT_PER_MINUTE is one budget across both instances', async () => {
    // 12 turns per clock minute in all: the 13th is refused, whichever instance gets it. (Started
    // away from a minute boundary, which would reset the window; the turns take about a second.)
    const leftInMinute = 60_000 - (Date.now() % 60_000);
    if (leftInMinute < 10_000) await new Promise((resolve) => setTimeout(resolve, leftInMinute));
    const outcomes: string[] = [];
    for (let i = 0; i < 14; i++) {
      const cards = await say(bots[i % 2]!, { conversationId: 'a:rate', text: 'help' });
      // Refused: "slow down" once, then silence.
      outcomes.push(cards.length === 0 || /slow down/i.test(cards.map(cardText).join(' ')) ? 'refused' : 'served');
    }
    const served = outcomes.filter((o) => o === 'served').length;
    // The first test's turns of the same user count too, when they fell in the same minute.
    expect(served).toBeLessThanOrEqual(12);
    expect(outcomes.at(-1)).toBe('refused');
  });
});
