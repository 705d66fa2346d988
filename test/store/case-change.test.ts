import { describe, expect, it } from 'vitest';
import { applyCaseChange } from '../../src/store/case-change.js';
import type { SupportCase } from '../../src/store/store.js';

const created = new Date('2026-11-24T09:00:00Z');
const now = new Date('2026-11-24T12:00:00Z');

const openCase: SupportCase = {
  number: 'SR-261124-0001',
  tenantId: 't',
  requester: { channel: 'slack', userId: 'u', name: 'U' },
  category: 'exchange.mailflow',
  severity: 'B',
  planFamily: 'enterprise',
  title: 'title',
  description: 'description',
  contact: { method: 'chat', language: 'en', timeZone: 'UTC' },
  affectedUsers: 1,
  status: 'open',
  createdAt: created,
  updatedAt: created,
  owner: 'engineer-1',
  conversationReference: {},
  extra: {},
  audit: [],
};

describe('applyCaseChange', () => {
  it('closing stamps closedAt with the clock and the diff names only changed fields', () => {
    const { next, changes } = applyCaseChange(openCase, { status: 'closed', severity: 'B' }, now);
    expect(next.status).toBe('closed');
    expect(next.closedAt).toEqual(now);
    expect(next.updatedAt).toEqual(now);
    expect(changes).toEqual({
      status: { from: 'open', to: 'closed' },
      closedAt: { from: null, to: now.toISOString() },
    });
  });

  it('closing an already closed case keeps the original close time', () => {
    const closed = { ...openCase, status: 'closed' as const, closedAt: created };
    expect(applyCaseChange(closed, { status: 'closed' }, now).next.closedAt).toEqual(created);
  });

  it('reopening clears closedAt', () => {
    const closed = { ...openCase, status: 'closed' as const, closedAt: created };
    const { next, changes } = applyCaseChange(closed, { status: 'open' }, now);
    expect(next.closedAt).toBeUndefined();
    expect(changes['closedAt']).toEqual({ from: created.toISOString(), to: null });
  });

  it('refuses a closedAt on a case that stays open', () => {
    expect(() => applyCaseChange(openCase, { closedAt: now }, now)).toThrow(RangeError);
  });

  it('null clears an optional field, undefined leaves it', () => {
    expect(applyCaseChange(openCase, {}, now).next.owner).toBe('engineer-1');
    expect(applyCaseChange(openCase, { owner: null }, now).next.owner).toBeUndefined();
  });
});
