/**
 * The Direct Line side's memory: conversations, their tokens and their activity history. Pure
 * bookkeeping (no HTTP, no bot) so the bounds are easy to test. Everything is bounded so memory
 * stays flat however long the server runs or however many conversations a page opens:
 * at most `maxConversations`, each keeping its last `maxActivities` activities and at most
 * `maxBytes` of them, and dropped after `idleMs` unused. A token belongs to exactly one
 * conversation, which has at most two live tokens (a refresh revokes all but the presented one).
 *
 * At `maxConversations` the least recently used conversation that nobody is watching makes room:
 * one with a poll in the last `activeMs`, or started in the last `startGraceMs` (its page has not
 * polled yet), is never evicted for a newcomer; when all are, `create` throws
 * `ConversationsFullError` and the newcomer is refused instead.
 */
import { randomBytes } from 'node:crypto';
import type { LocalIdentity } from './identity.js';

export type StoredActivity = Record<string, unknown> & { readonly id: string; readonly type: string };

interface Entry {
  readonly seq: number;
  readonly activity: StoredActivity;
  readonly bytes: number;
}

export interface ChatConversation {
  readonly id: string;
  readonly identity: LocalIdentity;
  readonly createdAt: number;
}

interface ConversationRecord extends ChatConversation {
  lastUsed: number;
  /** The last poll of its activities (a page is open on it). */
  lastPolled: number | undefined;
  nextSeq: number;
  bytes: number;
  readonly entries: Entry[];
  readonly tokens: Set<string>;
  /** Turns of one conversation run one after the other (the core's state is per conversation). */
  queue: Promise<void>;
}

export interface IssuedToken {
  readonly token: string;
  /** Seconds, as Direct Line's `expires_in`. */
  readonly expiresIn: number;
}

export interface ConversationLimits {
  readonly maxConversations: number;
  readonly maxActivities: number;
  readonly maxBytes: number;
  readonly idleMs: number;
  readonly tokenTtlMs: number;
  /** A conversation polled this recently is in use: never evicted for a new one. */
  readonly activeMs: number;
  /** A new conversation's page gets this long to start polling before it may be evicted. */
  readonly startGraceMs: number;
}

/** Every conversation is in use: the new one is refused (answered 503 with Retry-After). */
export class ConversationsFullError extends Error {
  constructor(
    readonly maxConversations: number,
    readonly retryAfterMs: number,
  ) {
    super(`the local chat already serves its maximum of ${maxConversations} conversations in use`);
    this.name = 'ConversationsFullError';
  }
}

export const DEFAULT_LIMITS: ConversationLimits = {
  maxConversations: 200,
  maxActivities: 500,
  maxBytes: 2_000_000,
  idleMs: 6 * 60 * 60 * 1000,
  tokenTtlMs: 60 * 60 * 1000,
  // Web Chat polls about once a second while its page is open.
  activeMs: 60 * 1000,
  startGraceMs: 15 * 1000,
};

export interface History {
  readonly activities: StoredActivity[];
  /** The sequence number of the last activity returned (or the one given, when nothing is new). */
  readonly watermark: number;
}

const newId = (): string => randomBytes(16).toString('base64url');

export class ChatConversations {
  readonly limits: ConversationLimits;
  private readonly conversations = new Map<string, ConversationRecord>();
  private readonly tokens = new Map<string, { conversationId: string; expiresAt: number }>();
  private readonly now: () => number;

  constructor(limits: Partial<ConversationLimits> = {}, now: () => number = Date.now) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.now = now;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** A new conversation; throws ConversationsFullError when every kept one is in use. */
  create(identity: LocalIdentity): { conversation: ChatConversation; token: IssuedToken } {
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) this.evictOneUnwatched();
    const now = this.now();
    const record: ConversationRecord = {
      id: newId(),
      identity,
      createdAt: now,
      lastUsed: now,
      lastPolled: undefined,
      nextSeq: 1,
      bytes: 0,
      entries: [],
      tokens: new Set(),
      queue: Promise.resolve(),
    };
    this.conversations.set(record.id, record);
    return { conversation: record, token: this.issueToken(record.id) };
  }

  /** The conversation, or undefined when unknown or expired; using it keeps it alive. */
  get(id: string): ChatConversation | undefined {
    const record = this.live(id);
    if (record) record.lastUsed = this.now();
    return record;
  }

  /**
   * A new token for the conversation of `token`, which stays valid (requests already under way
   * with it still work); every older token of the conversation is revoked. Undefined when
   * `token` is unknown or expired.
   */
  refreshToken(token: string): { conversation: ChatConversation; token: IssuedToken } | undefined {
    const conversation = this.conversationOfToken(token);
    const record = conversation ? this.conversations.get(conversation.id) : undefined;
    if (!record) return undefined;
    for (const old of record.tokens) {
      if (old === token) continue;
      this.tokens.delete(old);
      record.tokens.delete(old);
    }
    return { conversation: record, token: this.issueToken(record.id) };
  }

  /** Tokens of the conversation still accepted (for tests and the logs). */
  liveTokens(conversationId: string): number {
    return this.conversations.get(conversationId)?.tokens.size ?? 0;
  }

  issueToken(conversationId: string): IssuedToken {
    const record = this.live(conversationId);
    if (!record) throw new Error(`unknown conversation ${conversationId}`);
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { conversationId, expiresAt: this.now() + this.limits.tokenTtlMs });
    record.tokens.add(token);
    return { token, expiresIn: Math.round(this.limits.tokenTtlMs / 1000) };
  }

  /** The conversation a (still valid) token belongs to. */
  conversationOfToken(token: string): ChatConversation | undefined {
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.tokens.delete(token);
      this.conversations.get(entry.conversationId)?.tokens.delete(token);
      return undefined;
    }
    return this.get(entry.conversationId);
  }

  tokenExpiresIn(token: string): number {
    const entry = this.tokens.get(token);
    return entry ? Math.max(0, Math.round((entry.expiresAt - this.now()) / 1000)) : 0;
  }

  /** Appends an activity (its id is assigned here: `<conversation>|<seq>`); undefined when the conversation is gone. */
  append(conversationId: string, activity: Omit<StoredActivity, 'id'> & { id?: string }): StoredActivity | undefined {
    const record = this.live(conversationId);
    if (!record) return undefined;
    const seq = record.nextSeq++;
    const stored = { ...activity, id: activity.id ?? `${conversationId}|${String(seq).padStart(7, '0')}` } as StoredActivity;
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    record.entries.push({ seq, activity: stored, bytes });
    record.bytes += bytes;
    record.lastUsed = this.now();
    while (record.entries.length > this.limits.maxActivities || (record.bytes > this.limits.maxBytes && record.entries.length > 1)) {
      const dropped = record.entries.shift();
      if (dropped) record.bytes -= dropped.bytes;
    }
    return stored;
  }

  /**
   * Replaces an activity by id: the new version is appended (same id, new sequence number) so
   * clients polling past the old one still receive it. False when the activity is unknown.
   */
  replace(conversationId: string, activityId: string, activity: Omit<StoredActivity, 'id'>): StoredActivity | undefined {
    const record = this.live(conversationId);
    if (!record) return undefined;
    const index = record.entries.findIndex((entry) => entry.activity.id === activityId);
    if (index < 0) return undefined;
    const [old] = record.entries.splice(index, 1);
    if (old) record.bytes -= old.bytes;
    return this.append(conversationId, { ...activity, id: activityId });
  }

  /** Whether the conversation still keeps an activity with this id. */
  has(conversationId: string, activityId: string): boolean {
    return this.conversations.get(conversationId)?.entries.some((entry) => entry.activity.id === activityId) ?? false;
  }

  /** Activities after `watermark` (all kept ones when undefined). */
  since(conversationId: string, watermark?: number): History | undefined {
    const record = this.live(conversationId);
    if (!record) return undefined;
    record.lastUsed = this.now();
    record.lastPolled = record.lastUsed;
    const after = watermark ?? 0;
    const entries = record.entries.filter((entry) => entry.seq > after);
    const last = entries.at(-1)?.seq ?? Math.max(after, 0);
    return { activities: entries.map((entry) => entry.activity), watermark: last };
  }

  /** Runs `task` after every earlier task of this conversation has finished. */
  enqueue<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const record = this.conversations.get(conversationId);
    if (!record) return task();
    const run = record.queue.then(task, task);
    record.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Drops idle conversations and expired tokens. */
  sweep(): void {
    const now = this.now();
    for (const record of [...this.conversations.values()]) {
      if (now - record.lastUsed >= this.limits.idleMs) this.drop(record.id);
    }
    for (const [token, entry] of this.tokens) {
      if (entry.expiresAt <= now) {
        this.tokens.delete(token);
        this.conversations.get(entry.conversationId)?.tokens.delete(token);
      }
    }
  }

  /** Sizes, for tests and the logs. */
  stats(conversationId: string): { activities: number; bytes: number } | undefined {
    const record = this.conversations.get(conversationId);
    return record ? { activities: record.entries.length, bytes: record.bytes } : undefined;
  }

  private watched(record: ConversationRecord, now: number): boolean {
    if (record.lastPolled !== undefined && now - record.lastPolled < this.limits.activeMs) return true;
    return now - record.createdAt < this.limits.startGraceMs;
  }

  /** Drops the least recently used conversation nobody watches; throws when all are watched. */
  private evictOneUnwatched(): void {
    const now = this.now();
    let victim: ConversationRecord | undefined;
    let soonestFree = Number.POSITIVE_INFINITY;
    for (const record of this.conversations.values()) {
      if (this.watched(record, now)) {
        const freeAt = Math.max(record.lastPolled !== undefined ? record.lastPolled + this.limits.activeMs : 0, record.createdAt + this.limits.startGraceMs);
        soonestFree = Math.min(soonestFree, freeAt);
      } else if (!victim || record.lastUsed < victim.lastUsed) victim = record;
    }
    if (!victim) throw new ConversationsFullError(this.limits.maxConversations, Math.max(1000, soonestFree - now));
    this.drop(victim.id);
  }

  private live(id: string): ConversationRecord | undefined {
    const record = this.conversations.get(id);
    if (!record) return undefined;
    if (this.now() - record.lastUsed >= this.limits.idleMs) {
      this.drop(id);
      return undefined;
    }
    return record;
  }

  private drop(id: string): void {
    const record = this.conversations.get(id);
    if (!record) return;
    for (const token of record.tokens) this.tokens.delete(token);
    this.conversations.delete(id);
  }
}
