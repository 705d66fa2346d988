/** A conversation core on a real engine, an in-memory store and a settable clock. */
import { afterEach } from 'vitest';
import { createConversationCore, type CoreDeps } from '../../src/conversation/core.js';
import type { CoreConfig } from '../../src/conversation/config.js';
import { turnAction, type Reply, type Turn, type TurnUser } from '../../src/conversation/types.js';
import { openSqliteStore, type CaseStore, type SupportCase } from '../../src/store/index.js';
import type { TriageEngine } from '../../src/triage/index.js';

const stores: CaseStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

export interface Clock {
  now: () => Date;
  set(iso: string): void;
  advanceDays(days: number): void;
}

export function clock(startIso = '2026-11-24T13:05:00.000Z'): Clock {
  let current = new Date(startIso).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => void (current = new Date(iso).getTime()),
    advanceDays: (days) => void (current += days * 24 * 60 * 60 * 1000),
  };
}

export const ADMIN: TurnUser = { id: 'aad-admin', name: 'Megan Bowen', email: 'megan@contoso.com', timeZone: 'Europe/London', locale: 'en-GB' };
export const USER: TurnUser = { id: 'aad-user', name: 'Alex Wilber', email: 'alex@contoso.com', timeZone: 'Europe/London', locale: 'en-GB' };

export interface Harness {
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly created: SupportCase[];
  say(text: string, options?: Partial<Turn> & { user?: TurnUser }): Promise<Reply[]>;
  act(verb: string, data?: Record<string, unknown>, options?: Partial<Turn> & { user?: TurnUser }): Promise<Reply[]>;
}

export interface HarnessOptions {
  readonly config?: Partial<CoreConfig>;
  readonly store?: (store: CaseStore) => CaseStore;
  readonly clock?: Clock;
}

export async function harness(engine: TriageEngine, options: HarnessOptions = {}): Promise<Harness> {
  const c = options.clock ?? clock();
  const real = await openSqliteStore({ dataDir: ':memory:', now: c.now });
  stores.push(real);
  const store = options.store ? options.store(real) : real;
  const created: SupportCase[] = [];
  const deps: CoreDeps = {
    engine,
    store,
    config: { credentialsConfigured: false, defaultPlan: 'Office 365 Enterprise E3', ...options.config },
    now: c.now,
    onCaseCreated: (x) => created.push(x),
  };
  const core = createConversationCore(deps);
  const base = (options: Partial<Turn> & { user?: TurnUser } = {}): Turn => ({
    channel: 'msteams',
    tenantId: 'tenant-contoso',
    conversationId: 'conv-1',
    user: ADMIN,
    conversationReference: { conversation: { id: options.conversationId ?? 'conv-1' } },
    ...options,
  });
  return {
    store: real,
    clock: c,
    created,
    say: (text, opts) => core.handle({ ...base(opts), text }),
    act: (verb, data = {}, opts) => core.handle({ ...base(opts), action: turnAction(verb, data) }),
  };
}

/** The one reply of a kind; fails loudly with what came back otherwise. */
export function only<K extends Reply['kind']>(replies: Reply[], kind: K): Extract<Reply, { kind: K }> {
  const found = replies.filter((r) => r.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} reply, got ${JSON.stringify(replies.map((r) => r.kind))}: ${JSON.stringify(replies).slice(0, 600)}`);
  return found[0] as Extract<Reply, { kind: K }>;
}

export function texts(replies: Reply[]): string {
  return replies.map((r) => (r.kind === 'text' ? r.text : '')).join('\n');
}
