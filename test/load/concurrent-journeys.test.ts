/**
 * 300 admins at once over HTTP, each walking complaint → Open a case → submit, against the real
 * core, rules, cards and a SQLite file store: exactly 300 cases, 300 distinct numbers, no error
 * reply anywhere.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { EMULATOR_TENANT } from '../../src/channels/teams/index.js';
import { cardText, startFakeConnector, type FakeConnector } from '../teams/helpers.js';
import { CASE_NUMBER, journeyUser, openForm, say, startJourneyBot } from './journey.js';

const JOURNEYS = 300;

describe('load: 300 concurrent conversations to a case', () => {
  let connector: FakeConnector;
  let server: RunningServer;
  let store: CaseStore;

  beforeAll(async () => {
    connector = await startFakeConnector();
    store = await openSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'load-')) });
    server = await startJourneyBot(store);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await connector.close();
  });

  it('creates exactly 300 cases with distinct numbers and no error reply', async () => {
    const confirmations = await Promise.all(
      Array.from({ length: JOURNEYS }, async (_, i) => {
        const user = journeyUser(i);
        const submit = await openForm(server.url, connector, user, `Load case ${i}`);
        const [created] = await say(server.url, connector, user, { value: submit });
        return CASE_NUMBER.exec(cardText(created))?.[0];
      }),
    );
    expect(confirmations.filter(Boolean)).toHaveLength(JOURNEYS);
    expect(new Set(confirmations).size).toBe(JOURNEYS);

    const cases = await store.listCases(EMULATOR_TENANT);
    expect(cases).toHaveLength(JOURNEYS);
    expect(new Set(cases.map((c) => c.number))).toEqual(new Set(confirmations));
    expect(new Set(cases.map((c) => c.title)).size).toBe(JOURNEYS);

    const bad = /something went wrong|could not be saved|cannot reach my storage|slow down|has expired/i;
    const errors = connector.calls.map((c) => cardText(c.activity)).flatMap((t) => (bad.test(t) ? [t.slice(Math.max(0, t.search(bad) - 80), t.search(bad) + 120)] : []));
    expect(errors.slice(0, 3)).toEqual([]);
  }, 60_000);
});
