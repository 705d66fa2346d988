/** The retry policy shared by the Slack and Bot Connector senders. */
import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs, withRetries, type Attempt } from '../../src/http/retry.js';

describe('retrying an outgoing call', () => {
  it('backs off exponentially up to the cap, with jitter when asked', () => {
    const config = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 5_000 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(config, attempt))).toEqual([500, 1_000, 2_000, 4_000, 5_000]);
    expect(backoffMs({ ...config, randomize: true }, 1, () => 0.5)).toBe(750);
  });

  it('reads Retry-After in seconds, caps a long one at a minute and assumes a second when it is missing or garbage', () => {
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs(['2', '9'])).toBe(2_000);
    expect(retryAfterMs('3600')).toBe(60_000);
    expect(retryAfterMs(undefined)).toBe(1_000);
    expect(retryAfterMs('soon')).toBe(1_000);
  });

  it('repeats a retryable failure until it succeeds, and at most `retries` times', async () => {
    const outcomes: Attempt<string>[] = [{ retry: new Error('503'), afterMs: 0 }, { retry: new Error('reset'), afterMs: 0 }, { value: 'sent' }];
    let calls = 0;
    await expect(withRetries({ retries: 2 }, async () => outcomes[calls++]!)).resolves.toBe('sent');
    expect(calls).toBe(3);

    calls = 0;
    await expect(withRetries({ retries: 1 }, async () => ((calls += 1), { retry: new Error(`503 #${calls}`), afterMs: 0 }))).rejects.toThrow('503 #2');
  });

  it('never repeats a final failure', async () => {
    let calls = 0;
    await expect(withRetries({ retries: 3 }, async () => ((calls += 1), { fail: new Error('channel_not_found') }))).rejects.toThrow('channel_not_found');
    expect(calls).toBe(1);
  });
});
