/** What a turn costs the store and the engine: one read and one write transaction, one triage per complaint. */
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError, type CaseStore, type TurnRead, type TurnWrite } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { harness, only, texts } from './helpers.js';

const engine = loadDefaultRules();

/** Counts calls per store method, and lets a test replace a method. */
function counting(calls: Record<string, number>, overrides: Partial<Record<keyof CaseStore, (...args: never[]) => unknown>> = {}) {
  return (real: CaseStore): CaseStore =>
    new Proxy(real, {
      get(target, prop, receiver) {
        const value = (overrides as Record<string | symbol, unknown>)[prop] ?? Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
}

const writes = (calls: Record<string, number>) => (calls.saveTurn ?? 0) + (calls.claimOnce ?? 0) + (calls.setConversationState ?? 0);

describe('one read and one write per turn', () => {
  it('a delivery with an id claims it in the same write as the state', async () => {
    const calls: Record<string, number> = {};
    const h = await harness(engine, { store: counting(calls) });
    expect(only(await h.say('outlook cannot send mail for the whole company', { deliveryId: 'd-1' }), 'triage').category).toBe('exchange.mailflow');
    expect(writes(calls)).toBe(1);
    expect(calls.saveTurn).toBe(1);
    // And one read: the claim, the state and the tenant's plan together.
    expect(calls.readTurn).toBe(1);
    expect([calls.isClaimed, calls.getConversationState, calls.getTenantSettings]).toEqual([undefined, undefined, undefined]);
    expect(await h.store.isClaimed('delivery:msteams:d-1')).toBe(true);
  });

  it("an admin's complaint in a conversation that opened no case does not look for an engineer's question", async () => {
    const calls: Record<string, number> = {};
    const h = await harness(engine, { store: counting(calls) });
    expect(only(await h.say('outlook cannot send mail for the whole company'), 'triage').category).toBe('exchange.mailflow');
    expect(calls.listCases).toBeUndefined();
    expect(calls.readTurn).toBe(1);
  });

  it('an unchanged state is not written again', async () => {
    const saved: TurnWrite[] = [];
    const h = await harness(engine, {
      store: (real) => counting({}, { saveTurn: ((turn: TurnWrite) => (saved.push(turn), real.saveTurn(turn))) as never })(real),
    });
    await h.say('help');
    await h.say('help');
    expect(saved).toHaveLength(2);
    expect(saved[0]?.state).toBeDefined();
    expect(saved[1]?.state).toBeUndefined();
  });

  it('a duplicate that raced the first delivery past the check is dropped at the write: no replies, no state', async () => {
    const h = await harness(engine, {
      store: (real) => counting({}, { readTurn: (async (read: TurnRead) => ({ ...(await real.readTurn(read)), claimed: false })) as never })(real),
    });
    expect((await h.say('outlook cannot send mail for the whole company', { deliveryId: 'd-1' })).length).toBeGreaterThan(0);
    const before = await h.store.getConversationState('conversation:msteams:tenant-contoso:conv-1');
    expect(await h.say('整個公司都收不到外部郵件', { deliveryId: 'd-1' })).toEqual([]);
    expect(await h.store.getConversationState('conversation:msteams:tenant-contoso:conv-1')).toEqual(before);
  });

  it('a turn that failed on the store claims nothing, so the retried delivery is answered', async () => {
    let failures = 1;
    const h = await harness(engine, {
      store: (real) =>
        counting({}, {
          saveTurn: ((turn: TurnWrite) => (failures-- > 0 ? Promise.reject(new StoreUnavailableError('busy', 'database is locked')) : real.saveTurn(turn))) as never,
        })(real),
    });
    expect(texts(await h.say('outlook cannot send mail for the whole company', { deliveryId: 'd-1' }))).toMatch(/try again/i);
    expect(only(await h.say('outlook cannot send mail for the whole company', { deliveryId: 'd-1' }), 'triage').category).toBe('exchange.mailflow');
    expect(await h.say('outlook cannot send mail for the whole company', { deliveryId: 'd-1' })).toEqual([]);
  });
});

describe('one triage per complaint', () => {
  it('the engine reads a complaint once, for the question and for the answer', async () => {
    let triaged = 0;
    const countingEngine: TriageEngine = new Proxy(engine, {
      get(target, prop, receiver) {
        if (prop === 'triage') return (text: string) => ((triaged += 1), target.triage(text));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const h = await harness(countingEngine);
    only(await h.say('outlook cannot send mail for the whole company'), 'triage');
    expect(triaged).toBe(1);
  });
});
