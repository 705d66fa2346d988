/**
 * Random and malformed card actions straight into the core, with a form already handed out (so
 * a stray submit could create a case if anything were wrong): always a polite answer, never a
 * throw, never an "unexpected error", never a case.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION_VERBS, type Reply, type Turn } from '../../src/conversation/types.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

const verb = fc.oneof(fc.constantFrom(...ACTION_VERBS), fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'toString', ''));
const value = fc.oneof(fc.anything({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('SR-261124-0001', 'enterprise', 'E3', 'exchange.mailflow', 'A', '${$root}'));
const data = fc.oneof(
  fc.dictionary(fc.constantFrom('formId', 'number', 'plan', 'value', 'category', 'title', 'description', 'severity', 'contactMethod', 'email', 'phone', 'timeZone', 'language', 'affectedUsers', 'answer', 'service', 'scope', '__proto__'), value),
  fc.anything({ maxDepth: 3 }),
);
/** A well-formed action, or something a broken channel might hand over. */
const action = fc.oneof(
  fc.record({ verb, data }),
  fc.anything({ maxDepth: 2 }),
  fc.record({ verb: fc.anything({ maxDepth: 1 }), data: fc.anything({ maxDepth: 2 }) }),
);

const POLITE_KINDS = new Set<Reply['kind']>(['text', 'welcome', 'triage', 'question', 'plan-question', 'case-form', 'case-list', 'case-detail']);

describe('core: hostile card actions', () => {
  it('answers every action politely, never throws, never creates a case', async () => {
    const store: CaseStore = await openSqliteStore({ dataDir: ':memory:' });
    const created: unknown[] = [];
    const core = createConversationCore({ engine, store, config: { credentialsConfigured: false, defaultPlan: 'Office 365 E3', adminUsers: '*' }, onCaseCreated: (c) => created.push(c) });
    const base = { channel: 'msteams', tenantId: 't1', conversationId: 'c1', user: { id: 'u1', name: 'Admin' } } as const;
    // A triage and an open form, so submitCase has something real next to the garbage.
    await core.handle({ ...base, text: 'outlook cannot send mail for everyone, NDR 550 5.7.1' });
    const [form] = await core.handle({ ...base, action: { verb: 'openCase', data: {} } });
    expect(form?.kind).toBe('case-form');

    await fc.assert(
      fc.asyncProperty(action, async (a) => {
        const replies = await core.handle({ ...base, action: a } as unknown as Turn);
        expect(Array.isArray(replies)).toBe(true);
        for (const reply of replies) {
          expect(POLITE_KINDS.has(reply.kind)).toBe(true);
          if (reply.kind === 'text') expect(reply.text).not.toMatch(/something went wrong|cannot reach my storage/i);
        }
      }),
      { numRuns: 300 },
    );
    expect(created).toHaveLength(0);
    expect(await store.listCases('t1')).toHaveLength(0);
    await store.close();
  });

  it('survives a turn that is not a turn at all', async () => {
    const store = await openSqliteStore({ dataDir: ':memory:' });
    const core = createConversationCore({ engine, store, config: { credentialsConfigured: false } });
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 3 }), async (turn) => {
        const replies = await core.handle(turn as Turn);
        expect(Array.isArray(replies)).toBe(true);
      }),
      { numRuns: 200 },
    );
    await store.close();
  });
});
