/**
 * The Teams bot with the real core over HTTP, for tests that talk to it as a Teams client does:
 * one fake Bot Connector for the file, and a fresh in-memory store and server for every test (a
 * tenant's plan or a conversation's state never leaks from one test to the next).
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { startFakeConnector, type FakeConnector } from './helpers.js';

export interface CoreOverTeams {
  readonly connector: FakeConnector;
  readonly server: RunningServer;
  readonly store: CaseStore;
}

/** Registers the hooks; read the fields inside tests, once the hooks have run. */
export function useCoreOverTeams(env: Readonly<Record<string, string>>): CoreOverTeams {
  let connector: FakeConnector | undefined;
  let server: RunningServer | undefined;
  let store: CaseStore | undefined;
  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await connector?.close();
  });
  beforeEach(async () => {
    store = await openSqliteStore({ dataDir: ':memory:' });
    const engine = loadDefaultRules();
    const core = createConversationCore({ engine, store, config: loadCoreConfig(env) });
    server = await createBotServer({ credentials: {}, core, engine, templates: loadCardTemplates() }).listen(0, '127.0.0.1');
  });
  afterEach(async () => {
    await server?.close();
    await store?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is read before the test hooks ran`);
    return value;
  };
  return {
    get connector() {
      return ready(connector, 'connector');
    },
    get server() {
      return ready(server, 'server');
    },
    get store() {
      return ready(store, 'store');
    },
  };
}
