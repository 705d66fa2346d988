/** Retention settings: defaults, errors naming the variable, and a pass run by the runner. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { RetentionConfigError, retentionConfigFromEnv } from '../../src/store/retention-config.js';
import { startRetention } from '../../src/store/retention.js';
import { openTestStore, testClock } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;

describe('retention configuration', () => {
  it('defaults to 30 idle days and a pass an hour; reads both variables', () => {
    expect(retentionConfigFromEnv({})).toEqual({ conversationIdleMs: 30 * DAY, intervalMs: 3_600_000 });
    expect(retentionConfigFromEnv({ CONVERSATION_STATE_DAYS: '7', RETENTION_INTERVAL_MINUTES: '5' })).toEqual({ conversationIdleMs: 7 * DAY, intervalMs: 300_000 });
  });

  it('a bad value names the variable and what it must be', () => {
    expect(() => retentionConfigFromEnv({ CONVERSATION_STATE_DAYS: 'forever' })).toThrow(RetentionConfigError);
    expect(() => retentionConfigFromEnv({ CONVERSATION_STATE_DAYS: '0' })).toThrow(/CONVERSATION_STATE_DAYS must be from 1 to 3650/);
    expect(() => retentionConfigFromEnv({ RETENTION_INTERVAL_MINUTES: '1.5' })).toThrow(/RETENTION_INTERVAL_MINUTES must be a whole number/);
  });
});

describe('the retention runner', () => {
  it('runs a pass with the configured idle time: a state idle 8 days goes with CONVERSATION_STATE_DAYS=7', async () => {
    const clock = testClock('2026-01-01T00:00:00.000Z');
    const store = await openTestStore({ now: clock.now });
    await store.setConversationState('conversation:slack:T1:D1', { lang: 'en' });
    clock.advance(6 * DAY);
    await store.setConversationState('conversation:slack:T1:D2', { lang: 'en' });
    clock.advance(2 * DAY);
    const runner = startRetention(store, retentionConfigFromEnv({ CONVERSATION_STATE_DAYS: '7' }), pino({ level: 'silent' }));
    try {
      expect(await runner.runOnce()).toMatchObject({ conversationState: 1 });
      expect(await store.getConversationState('conversation:slack:T1:D1')).toBeUndefined();
      expect(await store.getConversationState('conversation:slack:T1:D2')).toEqual({ lang: 'en' });
    } finally {
      await runner.stop();
    }
  });

  it('a failing pass is logged, not thrown', async () => {
    const store = await openTestStore();
    await store.close();
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const runner = startRetention(store, retentionConfigFromEnv({}), logger);
    expect(await runner.runOnce()).toBeUndefined();
    await runner.stop();
    expect(lines.join('')).toMatch(/retention pass failed/);
  });
});
