/** Shared test fixtures: a temp data dir per test, a settable clock and a complete case. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite-store.js';
import type { CaseStore, NewCase } from '../../src/store/store.js';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh directory, removed after the test. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens a store closed automatically after the test. */
export async function openTestStore(options: Partial<SqliteStoreOptions> = {}): Promise<CaseStore> {
  const store = await openSqliteStore({ dataDir: options.dataDir ?? tempDataDir(), ...options });
  cleanups.push(() => store.close());
  return store;
}

export interface TestClock {
  readonly now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(startIso = '2026-11-24T09:30:00.000Z'): TestClock {
  let current = new Date(startIso).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export function newCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    tenantId: 'tenant-contoso',
    requester: { channel: 'msteams', userId: 'aad-user-1', name: 'Megan Bowen' },
    category: 'exchange.mailflow',
    severity: 'A',
    planFamily: 'enterprise',
    title: 'Nobody receives external mail',
    description: 'Since 08:00 UTC all inbound mail from outside bounces with 550 5.7.1.',
    contact: { method: 'email', email: 'megan@contoso.com', language: 'en', timeZone: 'Europe/London' },
    affectedUsers: 250,
    conversationReference: { channelId: 'msteams', conversation: { id: '19:abc' }, serviceUrl: 'https://smba.example/' },
    ...overrides,
  };
}
