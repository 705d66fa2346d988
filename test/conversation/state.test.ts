/** The conversation state as read back from the store, and when a turn has changed it. */
import { describe, expect, it } from 'vitest';
import { parseState, unchangedState, type ConversationState } from '../../src/conversation/state.js';

const stored = {
  lang: 'en',
  lastTriage: { message: 'mail is stuck', triagedText: 'mail is stuck', category: 'exchange.mailflow', severity: null, scope: 'everyone', forced: false, asked: ['a', 'b'] },
  clarification: { message: 'it is broken', remaining: ['service', 'scope'] },
  formOrder: ['f1'],
  forms: { f1: { category: 'exchange.mailflow', severity: 'B', plan: 'Office 365 E3', support: 'technical', officeAfterAll: false } },
};

/** Every object and array inside a value. */
function objectsIn(value: unknown, into: object[] = []): object[] {
  if (typeof value === 'object' && value !== null) {
    into.push(value);
    for (const child of Object.values(value)) objectsIn(child, into);
  }
  return into;
}

describe('parseState', () => {
  it('builds every object anew, so a handler changing the state leaves the stored value as read', () => {
    const raw = structuredClone(stored);
    const state = parseState(raw);
    expect(state).toEqual(stored);
    const shared = objectsIn(state).filter((o) => objectsIn(raw).includes(o));
    expect(shared).toEqual([]);
  });
});

describe('unchangedState', () => {
  it('is true for the state as parsed, whatever the key order or keys set to undefined', () => {
    const state = parseState(structuredClone(stored));
    state.planQuestion = undefined;
    const reordered = JSON.parse(JSON.stringify({ forms: stored.forms, formOrder: stored.formOrder, clarification: stored.clarification, lastTriage: stored.lastTriage, lang: stored.lang })) as unknown;
    expect(unchangedState(reordered, state)).toBe(true);
  });

  it.each<[string, (state: ConversationState) => void]>([
    ['a nested array shortened', (s) => void s.clarification?.remaining.shift()],
    ['a nested field added', (s) => void (s.clarification!.service = 'exchange')],
    ['a field cleared', (s) => void (s.clarification = undefined)],
    ['the language changed', (s) => void (s.lang = 'zh-TW')],
    ['null replaced', (s) => void (s.lastTriage!.severity = 'A')],
    ['an array item changed', (s) => void (s.formOrder![0] = 'f2')],
    ['a record entry added', (s) => void (s.forms!.f2 = s.forms!.f1!)],
  ])('is false when %s', (_what, change) => {
    const raw = structuredClone(stored);
    const state = parseState(raw);
    change(state);
    expect(unchangedState(raw, state)).toBe(false);
  });

  it('a conversation with nothing stored yet, or an unreadable value, has changed once the turn sets its language', () => {
    expect(unchangedState(undefined, { lang: 'en' })).toBe(false);
    expect(unchangedState('garbage', { lang: 'en' })).toBe(false);
    expect(unchangedState(undefined, {})).toBe(true);
  });

  it('a stored key this version does not know is dropped by the next write', () => {
    const raw = { ...structuredClone(stored), fromAnOlderVersion: true };
    expect(unchangedState(raw, parseState(raw))).toBe(false);
  });
});
