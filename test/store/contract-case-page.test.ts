/** The CaseStore contract for `listCasePage` (the bounded `my cases`), on every store. */
import { describe, expect, it } from 'vitest';
import { casePageSql } from '../../src/store/case-page-sql.js';
import type { CasePageQuery, CaseStore } from '../../src/store/store.js';
import { newCase, testClock } from './helpers.js';
import { STORE_KINDS } from './kinds.js';

const TENANT = 'tenant-page';

/** Opens `count` cases a minute apart (oldest first) and returns their numbers. */
async function openCases(store: CaseStore, clock: ReturnType<typeof testClock>, count: number, severity: 'A' | 'B' | 'C' = 'B'): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    clock.advance(60_000);
    const { case: c } = await store.createCase(newCase({ tenantId: TENANT, severity }), `k-${severity}-${numbers.length}-${clock.now().getTime()}`);
    numbers.push(c.number);
  }
  return numbers;
}

for (const kind of STORE_KINDS) describe.skipIf(kind.skip !== undefined)(`${kind.name} case store: case pages`, () => {
  it('pages open cases newest first with the total, and leaves out audit trails and other tenants', async () => {
    const clock = testClock('2026-11-24T09:30:00.000Z');
    const store = await kind.open({ now: clock.now });
    const numbers = await openCases(store, clock, 7);
    await store.createCase(newCase({ tenantId: 'someone-else' }), 'other');
    await store.addAuditEntry(TENANT, numbers[6]!, { actor: 'U1', action: 'note', detail: 'long history' });

    const first = await store.listCasePage(TENANT, { status: 'open', limit: 3, offset: 0 });
    const last = await store.listCasePage(TENANT, { status: 'open', limit: 3, offset: 6 });

    expect(first.total).toBe(7);
    expect(first.cases.map((c) => c.number)).toEqual(numbers.slice(4).reverse());
    expect(first.cases.every((c) => c.audit.length === 0)).toBe(true);
    expect(last.cases.map((c) => c.number)).toEqual([numbers[0]]);
    expect(last.total).toBe(7);
  });

  it('lists closed cases since a moment and filters by severity, counting only what matches', async () => {
    const clock = testClock('2026-11-24T09:30:00.000Z');
    const store = await kind.open({ now: clock.now });
    const [oldClosed] = await openCases(store, clock, 1, 'A');
    await store.updateCase(TENANT, oldClosed!, { status: 'closed' }, { actor: 'U1', action: 'closed' });
    clock.advance(20 * 24 * 60 * 60_000);
    const since = clock.now();
    const sevA = await openCases(store, clock, 3, 'A');
    const sevC = await openCases(store, clock, 2, 'C');
    await store.updateCase(TENANT, sevA[0]!, { status: 'closed' }, { actor: 'U1', action: 'closed' });
    await store.updateCase(TENANT, sevC[0]!, { status: 'closed' }, { actor: 'U1', action: 'closed' });

    const closed = await store.listCasePage(TENANT, { status: 'closed', closedSince: since, limit: 10, offset: 0 });
    const openA = await store.listCasePage(TENANT, { status: 'open', severity: 'A', limit: 10, offset: 0 });
    const closedA = await store.listCasePage(TENANT, { status: 'closed', closedSince: since, severity: 'A', limit: 10, offset: 0 });

    expect(closed.cases.map((c) => c.number)).toEqual([sevC[0], sevA[0]]);
    expect(closed.total).toBe(2);
    expect(openA.cases.map((c) => c.number)).toEqual([sevA[2], sevA[1]]);
    expect(openA.total).toBe(2);
    expect(closedA.cases.map((c) => c.number)).toEqual([sevA[0]]);
  });

  it('lists closed cases most recently closed first, whenever they were opened', async () => {
    const clock = testClock('2026-11-24T09:30:00.000Z');
    const store = await kind.open({ now: clock.now });
    const [older, newer] = await openCases(store, clock, 2);
    const since = clock.now();
    clock.advance(60_000);
    await store.updateCase(TENANT, newer!, { status: 'closed' }, { actor: 'U1', action: 'closed' });
    clock.advance(60_000);
    await store.updateCase(TENANT, older!, { status: 'closed' }, { actor: 'U1', action: 'closed' });
    const closed = await store.listCasePage(TENANT, { status: 'closed', closedSince: since, limit: 10, offset: 0 });
    expect(closed.cases.map((c) => c.number)).toEqual([older, newer]);
    expect((await store.listCasePage(TENANT, { status: 'closed', closedSince: since, limit: 1, offset: 1 })).cases.map((c) => c.number)).toEqual([newer]);
  });

  it('rejects a limit below 1 and a negative offset', async () => {
    const store = await kind.open();
    await expect(store.listCasePage(TENANT, { status: 'open', limit: 0, offset: 0 })).rejects.toThrow(/limit/);
    await expect(store.listCasePage(TENANT, { status: 'open', limit: 5, offset: -1 })).rejects.toThrow(/offset/);
  });

  it('answers every page query shape, list and count, from an index keyed by the tenant', async () => {
    const database = await kind.database();
    const store = await database.open();
    // Several tenants, so that a tenant is a selective condition as it is in production.
    for (let i = 0; i < 120; i++) await store.createCase(newCase({ tenantId: `tenant-${i % 12}` }), `k${i}`);
    await store.createCase(newCase({ tenantId: TENANT }), 'one');
    const since = kind.name === 'SQLite' ? Date.parse('2026-11-01T00:00:00Z') : new Date('2026-11-01T00:00:00Z');
    const shapes: CasePageQuery[] = [
      { status: 'open', limit: 10, offset: 0 },
      { status: 'open', severity: 'A', limit: 10, offset: 0 },
      { status: 'closed', closedSince: new Date(since), limit: 10, offset: 0 },
      { status: 'closed', closedSince: new Date(since), severity: 'B', limit: 10, offset: 0 },
    ];
    for (const query of shapes) {
      const sql = casePageSql(TENANT, query, kind.name === 'SQLite' ? 'sqlite' : 'postgres', since);
      for (const [text, params] of [[sql.list, sql.listParams], [sql.count, sql.countParams]] as const) {
        const plan = await database.explain(text, params);
        // An index keyed by the tenant serves it (the new one, or (tenant, closed_at) for the
        // closed window, which the planner may prefer); never a scan of every tenant's cases.
        expect(plan, `${text}\n${plan}`).toMatch(/SEARCH cases USING (?:COVERING )?INDEX \w+ \(tenant_id=\?|Index Cond: \(\(?tenant_id = /);
        expect(plan, `${text}\n${plan}`).not.toMatch(/SCAN cases\b|Seq Scan|Filter: \(tenant_id/);
      }
    }
  });
});
