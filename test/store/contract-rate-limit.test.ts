/**
 * The store-backed rate limiter on every store: two instances (two store handles on one
 * database, each with its own limiter) allow a user the limit once between them, not twice.
 */
import { describe, expect, it } from 'vitest';
import { createStoreRateLimiter, SLOW_DOWN_NOTICE_MS } from '../../src/conversation/rate-limit.js';
import { STORE_KINDS } from './kinds.js';

const MINUTE_START = Date.parse('2026-11-24T09:00:00.000Z');
const HOUR = 3_600_000;

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`${kind.name}: rate limits shared by instances`, () => {
  it('5 turns per minute across two instances, one "slow down" between them, served again next minute', async () => {
    const db = await kind.database();
    const limits = { turnsPerMinute: 5, casesPerHour: 0 };
    const [a, b] = [createStoreRateLimiter(await db.open(), limits), createStoreRateLimiter(await db.open(), limits)];
    const decisions = [];
    for (let i = 0; i < 8; i++) decisions.push(await (i % 2 ? a : b).takeTurn('msteams|T1|U1', MINUTE_START + i * 1_000));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false, false]);
    expect(decisions.filter((d) => !d.allowed && d.notify)).toHaveLength(1);
    expect(decisions[5]).toMatchObject({ allowed: false, notify: true, retryAfterMs: 55_000 });

    expect((await a.takeTurn('msteams|T1|U2', MINUTE_START + 9_000)).allowed).toBe(true);
    expect(await b.takeTurn('msteams|T1|U1', MINUTE_START + 9_000 + SLOW_DOWN_NOTICE_MS)).toMatchObject({ allowed: false, notify: true });
    expect((await a.takeTurn('msteams|T1|U1', MINUTE_START + 60_000)).allowed).toBe(true);
  });

  it('cases per hour: what one instance created counts on the other', async () => {
    const db = await kind.database();
    const limits = { turnsPerMinute: 0, casesPerHour: 2 };
    const [a, b] = [createStoreRateLimiter(await db.open(), limits), createStoreRateLimiter(await db.open(), limits)];
    expect((await b.mayCreateCase('slack|T1|U1', MINUTE_START)).allowed).toBe(true);
    await a.caseCreated('slack|T1|U1', MINUTE_START);
    await b.caseCreated('slack|T1|U1', MINUTE_START + 1_000);
    expect(await a.mayCreateCase('slack|T1|U1', MINUTE_START + 2_000)).toMatchObject({ allowed: false, notify: true, retryAfterMs: HOUR - 2_000 });
    expect((await a.mayCreateCase('slack|T1|U9', MINUTE_START + 2_000)).allowed).toBe(true);
    expect((await b.mayCreateCase('slack|T1|U1', MINUTE_START + HOUR)).allowed).toBe(true);
  });
});
