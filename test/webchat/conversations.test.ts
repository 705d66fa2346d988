/** The local chat's memory stays bounded: activities, bytes, conversations, idle time, tokens. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChatConversations, ConversationsFullError, LOCAL_IDENTITIES } from '../../src/channels/webchat/index.js';

const admin = LOCAL_IDENTITIES.admin;

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ChatConversations', () => {
  it('keeps the last maxActivities per conversation, with watermarks that keep counting', () => {
    const store = new ChatConversations({ maxActivities: 5 });
    const { conversation } = store.create(admin);
    for (let i = 1; i <= 12; i++) store.append(conversation.id, { type: 'message', text: `m${i}` });
    const all = store.since(conversation.id)!;
    expect(all.activities.map((a) => a.text)).toEqual(['m8', 'm9', 'm10', 'm11', 'm12']);
    expect(all.watermark).toBe(12);
    expect(store.since(conversation.id, 10)!.activities.map((a) => a.text)).toEqual(['m11', 'm12']);
    expect(store.since(conversation.id, 12)).toEqual({ activities: [], watermark: 12 });
    expect(store.stats(conversation.id)!.activities).toBe(5);
  });

  it('drops the oldest activities beyond maxBytes', () => {
    const store = new ChatConversations({ maxBytes: 5_000 });
    const { conversation } = store.create(admin);
    for (let i = 0; i < 50; i++) store.append(conversation.id, { type: 'message', text: 'x'.repeat(900) });
    expect(store.stats(conversation.id)!.bytes).toBeLessThanOrEqual(5_000);
    expect(store.since(conversation.id)!.activities.length).toBeLessThan(6);
  });

  it('evicts the least recently used unwatched conversation at maxConversations, and its tokens with it', () => {
    const time = clock();
    const store = new ChatConversations({ maxConversations: 2, activeMs: 60_000, startGraceMs: 15_000 }, time.now);
    const a = store.create(admin);
    time.advance(1);
    const b = store.create(admin);
    time.advance(61_000); // neither polled for a minute: both may make room
    store.get(a.conversation.id); // a is now the more recent
    time.advance(1);
    const c = store.create(admin);
    expect(store.size).toBe(2);
    expect(store.get(b.conversation.id)).toBeUndefined();
    expect(store.conversationOfToken(b.token.token)).toBeUndefined();
    expect(store.get(a.conversation.id)).toBeDefined();
    expect(store.get(c.conversation.id)).toBeDefined();
  });

  it('refuses a newcomer rather than evict a conversation polled within activeMs or just started', () => {
    const time = clock();
    const store = new ChatConversations({ maxConversations: 2, activeMs: 60_000, startGraceMs: 15_000 }, time.now);
    const watched = store.create(admin);
    store.since(watched.conversation.id);
    const fresh = store.create(admin); // its page has not polled yet
    time.advance(5_000);
    expect(() => store.create(admin)).toThrow(ConversationsFullError);
    time.advance(11_000); // past fresh's grace, and still never polled
    const c = store.create(admin);
    expect(store.get(fresh.conversation.id)).toBeUndefined();
    expect(store.get(watched.conversation.id)).toBeDefined();
    expect(store.get(c.conversation.id)).toBeDefined();
  });

  it('keeps at most two live tokens per conversation however often it is refreshed', () => {
    const store = new ChatConversations();
    const { conversation, token } = store.create(admin);
    let current = token.token;
    const seen = [current];
    for (let i = 0; i < 1_000; i++) {
      current = store.refreshToken(current)!.token.token;
      seen.push(current);
    }
    expect(store.liveTokens(conversation.id)).toBe(2);
    expect(seen.filter((t) => store.conversationOfToken(t)).length).toBe(2);
    // Refreshing the same token again and again keeps it and only the newest.
    const again = [store.refreshToken(current)!.token.token, store.refreshToken(current)!.token.token];
    expect(store.conversationOfToken(again[0]!)).toBeUndefined();
    expect(store.conversationOfToken(again[1]!)?.id).toBe(conversation.id);
    expect(store.liveTokens(conversation.id)).toBe(2);
  });

  it('forgets idle conversations and expired tokens', () => {
    const time = clock();
    const store = new ChatConversations({ idleMs: 60_000, tokenTtlMs: 30_000 }, time.now);
    const { conversation, token } = store.create(admin);
    time.advance(29_000);
    expect(store.conversationOfToken(token.token)?.id).toBe(conversation.id);
    time.advance(2_000);
    expect(store.conversationOfToken(token.token)).toBeUndefined();
    const fresh = store.issueToken(conversation.id);
    expect(store.conversationOfToken(fresh.token)?.id).toBe(conversation.id);
    time.advance(60_000);
    store.sweep();
    expect(store.size).toBe(0);
    expect(store.get(conversation.id)).toBeUndefined();
  });

  it('runs the turns of one conversation one after the other', async () => {
    const store = new ChatConversations();
    const { conversation } = store.create(admin);
    const order: string[] = [];
    const slow = store.enqueue(conversation.id, async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('first');
    });
    const fast = store.enqueue(conversation.id, async () => {
      order.push('second');
    });
    const failing = store.enqueue(conversation.id, async () => {
      throw new Error('boom');
    });
    const after = store.enqueue(conversation.id, async () => {
      order.push('after a failure');
    });
    await Promise.all([slow, fast, failing.catch(() => undefined), after]);
    expect(order).toEqual(['first', 'second', 'after a failure']);
  });
});

describe('scripts/fetch-webchat.mjs', () => {
  it('never fails an install: offline it prints one line and exits 0', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'npm-cache-'));
    try {
      const script = fileURLToPath(new URL('../../scripts/fetch-webchat.mjs', import.meta.url));
      const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          [script, '--force'],
          { env: { ...process.env, npm_config_offline: 'true', npm_config_cache: cache }, timeout: 60_000 },
          (_error, stdout) => resolve({ code: child.exitCode, stdout }),
        );
      });
      expect(result.code).toBe(0);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/Web Chat bundle not fetched .*npm run fetch:webchat/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
