/**
 * Per-user rate limits in the core (every channel goes through it): a flood gets one friendly
 * "slow down" in the user's language and then silence, never touches the store, and one user
 * cannot open more than RATE_LIMIT_CASES_PER_HOUR cases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadCoreConfig } from '../../src/conversation/config.js';
import { createRateLimiter, DEFAULT_RATE_LIMITS, SLOW_DOWN_NOTICE_MS } from '../../src/conversation/rate-limit.js';
import type { CaseStore } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { ADMIN, clock, harness, only, texts, USER } from '../conversation/helpers.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

describe('rate limiter', () => {
  it('allows N turns per sliding minute, then refuses with one notice per 15 s', () => {
    const limiter = createRateLimiter({ turnsPerMinute: 3, casesPerHour: 0 });
    const t0 = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.takeTurn('u', t0 + i).allowed)).toEqual([true, true, true]);
    expect(limiter.takeTurn('u', t0 + 10)).toMatchObject({ allowed: false, notify: true });
    expect(limiter.takeTurn('u', t0 + 20)).toMatchObject({ allowed: false, notify: false });
    expect(limiter.takeTurn('u', t0 + 10 + SLOW_DOWN_NOTICE_MS)).toMatchObject({ allowed: false, notify: true });
    expect(limiter.takeTurn('other', t0 + 30).allowed).toBe(true);
    expect(limiter.takeTurn('u', t0 + 60_001).allowed).toBe(true);
  });

  it('keeps at most maxUsers users', () => {
    const limiter = createRateLimiter(DEFAULT_RATE_LIMITS, 100);
    for (let i = 0; i < 1_000; i++) limiter.takeTurn(`u${i}`, i);
    expect(limiter.size()).toBe(100);
  });

  it('reads RATE_LIMIT_PER_MINUTE and RATE_LIMIT_CASES_PER_HOUR (0 = off), defaults 30 and 10', () => {
    expect(loadCoreConfig({}).rateLimits).toEqual({ turnsPerMinute: 30, casesPerHour: 10 });
    expect(loadCoreConfig({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_CASES_PER_HOUR: '3' }).rateLimits).toEqual({ turnsPerMinute: 0, casesPerHour: 3 });
    expect(() => loadCoreConfig({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(ConfigError);
    expect(() => loadCoreConfig({ RATE_LIMIT_CASES_PER_HOUR: '-1' })).toThrow(/RATE_LIMIT_CASES_PER_HOUR/);
  });
});

describe('rate limits in the core', () => {
  it('a flood gets "slow down" in the user\'s language, then silence, and never reaches the store', async () => {
    let storeCalls = 0;
    const c = clock();
    const h = await harness(engine, {
      clock: c,
      config: { rateLimits: { turnsPerMinute: 5, casesPerHour: 0 } },
      store: (real) =>
        new Proxy(real, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver) as unknown;
            return typeof value === 'function' ? (...args: unknown[]) => ((storeCalls += 1), (value as (...a: unknown[]) => unknown).apply(target, args)) : value;
          },
        }) as CaseStore,
    });
    for (let i = 0; i < 5; i++) expect(texts(await h.say('整個公司都收不到外部郵件'))).not.toMatch(/太快/);
    const callsBefore = storeCalls;
    const refused = await h.say('整個公司都收不到外部郵件');
    expect(texts(refused)).toMatch(/速度太快/);
    expect(refused[0]?.lang).toBe('zh-TW');
    for (let i = 0; i < 50; i++) expect(await h.say('spam')).toEqual([]);
    expect(storeCalls).toBe(callsBefore);

    // Another user is not affected; the same user is served again a minute later.
    expect((await h.say('help', { user: USER, conversationId: 'conv-2' })).length).toBeGreaterThan(0);
    c.set(new Date(c.now().getTime() + 61_000).toISOString());
    expect(texts(await h.say('help'))).not.toMatch(/slow down|太快/i);
  });

  it('English users hear it in English', async () => {
    const h = await harness(engine, { config: { rateLimits: { turnsPerMinute: 1, casesPerHour: 0 } } });
    await h.say('help');
    expect(texts(await h.say('help'))).toMatch(/slow down/i);
  });

  it('one user cannot open more than casesPerHour cases', async () => {
    const c = clock();
    const h = await harness(engine, { clock: c, config: { adminUsers: '*', rateLimits: { turnsPerMinute: 0, casesPerHour: 2 } } });
    const openAndSubmit = async (i: number) => {
      only(await h.say('outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1'), 'triage');
      const form = only(await h.act('openCase', {}), 'case-form');
      return h.act('submitCase', { ...form.values, title: `Case ${i}`, formId: form.formId });
    };
    expect((await openAndSubmit(1))[0]?.kind).toBe('case-created');
    expect((await openAndSubmit(2))[0]?.kind).toBe('case-created');
    const third = await openAndSubmit(3);
    expect(texts(third)).toMatch(/opened many cases/i);
    expect(h.created).toHaveLength(2);
    expect(await h.store.listCases('tenant-contoso')).toHaveLength(2);
    // Another admin still can; and an hour later this one can again.
    only(await h.say('outlook cannot send mail for the whole sales floor', { user: { ...ADMIN, id: 'aad-other' }, conversationId: 'c-other' }), 'triage');
    c.set(new Date(c.now().getTime() + 61 * 60_000).toISOString());
    expect((await openAndSubmit(4))[0]?.kind).toBe('case-created');
  });
});
