/**
 * The storage contract of the bot: support cases, tenant settings, conversation state and
 * dedup claims. SQLite implements it today (`sqlite-store.ts`); every method returns a Promise
 * so a network database (PostgreSQL) can sit behind the same interface later.
 *
 * Failures of the storage itself (read-only file, lock held too long, disk full, closed store)
 * reject with `StoreUnavailableError` (`errors.ts`), so a caller can tell the user "could not
 * be saved, try again" without knowing which database is underneath.
 */
import type { CategoryId, Lang } from '../domain/taxonomy.js';
import type { Severity } from '../domain/severity.js';

export type CaseStatus = 'open' | 'closed';
export type ContactMethod = 'email' | 'phone' | 'chat';

export interface Requester {
  /** Channel the case was opened from, as the bot framework names it (e.g. 'msteams', 'slack'). */
  readonly channel: string;
  readonly userId: string;
  readonly name: string;
}

export interface Contact {
  readonly method: ContactMethod;
  readonly email?: string;
  readonly phone?: string;
  readonly language: Lang;
  /** IANA zone, e.g. 'Asia/Taipei': business-hours SLAs are computed in the requester's zone. */
  readonly timeZone: string;
}

/** A head count, or what the admin typed when they could not count ("10-50", "whole company"). */
export type AffectedUsers = number | string;

export interface AuditEntry {
  readonly at: Date;
  /** User id of the person, or a system actor such as 'sla-scheduler'. */
  readonly actor: string;
  /** What happened, e.g. 'created', 'closed', 'severity-changed', 'reminder-sent'. */
  readonly action: string;
  readonly detail?: string;
  /** Field-level before/after of an `updateCase`; dates appear as ISO strings. */
  readonly changes?: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
}

export interface SupportCase {
  /** `SR-yymmdd-nnnn`, unique per deployment (see `case-number.ts`). */
  readonly number: string;
  readonly tenantId: string;
  readonly requester: Requester;
  readonly category: CategoryId;
  readonly severity: Severity;
  /** Plan name or family as the caller gave it (e.g. 'enterprise', 'Business Premium'). */
  readonly planFamily: string;
  readonly title: string;
  readonly description: string;
  readonly contact: Contact;
  readonly affectedUsers: AffectedUsers;
  readonly status: CaseStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Set exactly when status is 'closed'. */
  readonly closedAt?: Date;
  readonly respondBy?: Date;
  readonly owner?: string;
  /** Opaque JSON the channel needs to message the requester later (proactive messages). */
  readonly conversationReference: unknown;
  /** Free-form JSON object: triage result, notes, anything without its own column yet. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** Every change, oldest first; the first entry is the creation. */
  readonly audit: readonly AuditEntry[];
}

/** What the caller supplies; the store assigns number, status, timestamps and the audit trail. */
export type NewCase = Pick<
  SupportCase,
  | 'tenantId'
  | 'requester'
  | 'category'
  | 'severity'
  | 'planFamily'
  | 'title'
  | 'description'
  | 'contact'
  | 'affectedUsers'
  | 'respondBy'
  | 'owner'
  | 'conversationReference'
> & { readonly extra?: SupportCase['extra'] };

/**
 * A change to a case; absent fields stay as they are, `null` clears an optional field.
 * Closing without `closedAt` stamps the store clock; reopening clears `closedAt`.
 */
export interface CaseChange {
  readonly status?: CaseStatus;
  readonly closedAt?: Date;
  readonly severity?: Severity;
  readonly category?: CategoryId;
  readonly planFamily?: string;
  readonly owner?: string | null;
  readonly respondBy?: Date | null;
  readonly contact?: Contact;
  readonly affectedUsers?: AffectedUsers;
  readonly conversationReference?: unknown;
  /** Replaces the whole object: read, modify and write back to merge. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** Who did what; the store stamps the time. */
export interface AuditInput {
  readonly actor: string;
  readonly action: string;
  readonly detail?: string;
}

/**
 * A precondition for `updateCaseIf`, checked under the write lock: `owner: null` means "nobody
 * owns it", a string means "exactly this owner"; `status` the current status.
 */
export interface CaseCondition {
  readonly owner?: string | null;
  readonly status?: CaseStatus;
}

export type ConditionalUpdateResult =
  | { readonly updated: true; readonly case: SupportCase }
  /** The condition did not hold: nothing was written; `case` is the current case. */
  | { readonly updated: false; readonly case: SupportCase };

export interface CaseFilter {
  readonly requesterUserId?: string;
  readonly status?: CaseStatus;
  /** Only cases closed at or after this instant (so only closed cases). */
  readonly closedSince?: Date;
  readonly limit?: number;
}

/**
 * One page of a tenant's open cases, newest first, or of its cases closed since `closedSince`,
 * most recently closed first.
 * Separate shapes rather than optional columns so each is one indexed query.
 */
export type CasePageQuery = (
  | { readonly status: 'open' }
  | { readonly status: 'closed'; readonly closedSince: Date }
) & {
  readonly severity?: Severity;
  readonly limit: number;
  readonly offset: number;
};

export interface CasePage {
  /** The page's cases with an empty `audit`: a list shows no history (getCase has it). */
  readonly cases: readonly SupportCase[];
  /** How many cases match the query in all, not only on this page. */
  readonly total: number;
}

/** One entry of `scheduleReminders`: as the arguments of `scheduleReminder`. */
export interface ReminderSchedule {
  readonly tenantId: string;
  readonly number: string;
  readonly at: Date | undefined;
  readonly seenUpdatedAt: Date;
}

/** One entry of `recordReminders`. */
export interface ReminderRecord {
  readonly tenantId: string;
  readonly number: string;
  /** Claimed once for `ttlMs`: the reminder is recorded by one caller of all instances. */
  readonly key: string;
  readonly ttlMs: number;
  readonly audit: AuditInput;
}

export interface TenantSettings {
  readonly tenantId: string;
  readonly plan?: string;
  readonly updatedAt: Date;
}

/** What a conversation turn reads before it runs (`CaseStore.readTurn`). */
export interface TurnRead {
  /** The delivery's claim key, when the channel gave a delivery id. */
  readonly claimKey?: string;
  readonly stateKey: string;
  readonly tenantId: string;
}

export interface TurnSnapshot {
  /** Whether `claimKey` holds a live claim (a repeated delivery); false without a key. */
  readonly claimed: boolean;
  /** The conversation state as last saved, or undefined. */
  readonly state: unknown;
  readonly tenant: TenantSettings | undefined;
}

export interface CreateCaseResult {
  readonly case: SupportCase;
  /** false when the idempotency key was seen before and the earlier case is returned. */
  readonly created: boolean;
}

export interface TurnWrite {
  readonly claim?: { readonly key: string; readonly ttlMs: number };
  readonly state?: { readonly key: string; readonly value: unknown };
}

/**
 * The outbox: `createCase` writes one row per announcement target (the store's `outboxTargets`,
 * e.g. 'support-desk' and 'webhook') in the same transaction as the case, so a case the admin
 * was told about is announced even if the process dies right after the commit. A relay claims
 * due rows with a lease, delivers, and settles each row with the lease it was given.
 */
export interface OutboxItem {
  readonly id: string;
  readonly target: string;
  readonly tenantId: string;
  readonly number: string;
  /** Delivery attempts so far, including the one this claim is for. */
  readonly attempts: number;
  /** Proof of the claim: settling with a lease that expired and was taken over does nothing. */
  readonly lease: string;
}

export interface OutboxClaim {
  /** How long the row stays claimed; a relay that dies lets it be claimed again after this. */
  readonly leaseMs: number;
  readonly limit: number;
}

export type OutboxOutcome =
  | { readonly delivered: true }
  /** Try again at `retryAt` (a network error, a 5xx). */
  | { readonly retryAt: Date; readonly error: string }
  /** Never again (the receiver refused it, or the retries are used up). */
  | { readonly failed: string };

export interface OutboxStatus {
  /** Rows neither delivered nor given up. */
  readonly pending: number;
  readonly delivered: number;
  readonly failed: number;
}

export interface CaseStore {
  /**
   * Opens a case, or returns the case already opened with the same idempotency key in the same
   * tenant (a form submitted twice) without creating anything.
   */
  createCase(input: NewCase, idempotencyKey: string): Promise<CreateCaseResult>;
  /** undefined when the number does not exist in this tenant, even if another tenant has it. */
  getCase(tenantId: string, number: string): Promise<SupportCase | undefined>;
  /** Newest first. */
  listCases(tenantId: string, filter?: CaseFilter): Promise<SupportCase[]>;
  /** A bounded page for `my cases`: index reads on (tenant, status, created), no audit trails. */
  listCasePage(tenantId: string, query: CasePageQuery): Promise<CasePage>;
  /**
   * Open cases of every tenant, oldest first, unbounded and unindexed: for tools and tests only
   * (the SLA check reads `listDueForReminder`).
   */
  listOpenCases(): Promise<SupportCase[]>;
  /**
   * Open cases whose SLA check is due (their next reminder moment has passed), soonest first, at
   * most `limit`: an indexed read, whatever the number of cases stored. A new case is due at once;
   * every change to an open case makes it due again; a closed case never is.
   */
  listDueForReminder(now: Date, limit: number): Promise<SupportCase[]>;
  /**
   * When the SLA check must look at this case next (undefined: not until it changes). Written only
   * if the case is unchanged since `seenUpdatedAt`, so a check computed from a stale read never
   * postpones the reminder of a case changed meanwhile; false when nothing was written.
   */
  scheduleReminder(tenantId: string, number: string, at: Date | undefined, seenUpdatedAt: Date): Promise<boolean>;
  /**
   * `scheduleReminder` for a page of cases in one write (one transaction, one statement on a
   * networked store); whether each entry was written, in order.
   */
  scheduleReminders(entries: readonly ReminderSchedule[]): Promise<boolean[]>;
  /**
   * A page of SLA reminders recorded in one transaction: each reminder's key is claimed (as
   * `claimOnce`) and, only where this call claimed it, its audit entry appended. Returns, in
   * order, the case with that entry for each reminder claimed now; undefined for a key already
   * claimed (another instance, an earlier pass) or a case no longer in its tenant.
   */
  recordReminders(reminders: readonly ReminderRecord[]): Promise<(SupportCase | undefined)[]>;
  /**
   * Applies the change and appends its audit entry in one transaction; rejects with
   * `CaseNotFoundError` when the case is not in this tenant.
   */
  updateCase(tenantId: string, number: string, change: CaseChange, audit: AuditInput): Promise<SupportCase>;
  /**
   * `updateCase` only when `condition` holds, checked and applied in one transaction: two
   * engineers claiming at once, one wins (`owner: null`). Rejects with `CaseNotFoundError`.
   */
  updateCaseIf(tenantId: string, number: string, condition: CaseCondition, change: CaseChange, audit: AuditInput): Promise<ConditionalUpdateResult>;
  /** Records an event that changes no field (a reminder sent, a note from support). */
  addAuditEntry(tenantId: string, number: string, audit: AuditInput): Promise<AuditEntry>;

  getTenantSettings(tenantId: string): Promise<TenantSettings | undefined>;
  setTenantPlan(tenantId: string, plan: string): Promise<TenantSettings>;

  /** The value is returned as stored JSON, unchecked: validate it if its shape matters. */
  getConversationState<T = unknown>(key: string): Promise<T | undefined>;
  setConversationState(key: string, value: unknown): Promise<void>;
  deleteConversationState(key: string): Promise<void>;

  /**
   * true the first time `key` is claimed, false while that claim is younger than `ttlMs`:
   * drops retried Slack events and duplicate Bot Framework activities.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Gives up a claim before its TTL (the work it guarded failed and may be tried again). */
  releaseClaim(key: string): Promise<void>;
  /** Whether `key` holds a claim younger than its TTL; a read that claims nothing. */
  isClaimed(key: string): Promise<boolean>;
  /**
   * The start of a conversation turn in one read: `isClaimed(claimKey)`,
   * `getConversationState(stateKey)` and `getTenantSettings(tenantId)` together. Every turn
   * needs all three; one statement here, and one round trip for a networked store.
   */
  readTurn(read: TurnRead): Promise<TurnSnapshot>;
  /**
   * The end of a conversation turn in one write transaction: `claim` as `claimOnce` would, then
   * `state` as `setConversationState` would. false when the claim was already held: then nothing
   * is written (a duplicate delivery that raced the first one). Either part may be absent.
   */
  saveTurn(turn: TurnWrite): Promise<boolean>;

  /**
   * Claims up to `limit` outbox rows that are due (never delivered, not given up, next attempt
   * reached, no live lease), oldest first, atomically: two relays never hold the same row.
   */
  claimOutbox(claim: OutboxClaim): Promise<OutboxItem[]>;
  /** Records the outcome of a claimed row; false (nothing written) when the lease was lost. */
  settleOutbox(item: OutboxItem, outcome: OutboxOutcome): Promise<boolean>;
  /** Counts of the outbox rows, for logs and tests. */
  outboxStatus(): Promise<OutboxStatus>;

  /** Pending outbox rows (neither delivered nor given up): an index read, for metrics. */
  outboxBacklog(): Promise<number>;

  /**
   * Short-lived values shared by every instance on the store (Slack's pending forms, shares and
   * confirmations): `putShared` writes or replaces `key` for `ttlMs` (store clock); `getShared`
   * reads it (undefined when absent or expired); `takeShared` reads and deletes it atomically, so
   * of several callers on any instances exactly one gets the value. Expired rows are deleted
   * lazily and by `runRetention`. A key that names a tenant should hold it as a whole segment
   * (`slack-form:TENANT:…`, separated by `:` or `|`) so `purgeTenant` finds it.
   */
  putShared(key: string, value: unknown, ttlMs: number): Promise<void>;
  getShared<T = unknown>(key: string): Promise<T | undefined>;
  takeShared<T = unknown>(key: string): Promise<T | undefined>;
  /**
   * A fixed-window counter: counts one hit on `key` in the window of `windowMs` that holds `now`
   * (windows start at multiples of `windowMs` since the epoch) and returns the hits in that window,
   * this one included. Atomic across instances: N instances counting one key see one count.
   */
  countHit(key: string, windowMs: number, now: Date): Promise<number>;
  /** The hits `countHit` has counted in the window holding `now`, without counting one. */
  peekCount(key: string, windowMs: number, now: Date): Promise<number>;

  /**
   * One bounded retention pass (at most `maxBatches` batches of `batchSize` rows per kind, each an
   * indexed delete): conversation state (`conversation:` keys) idle longer than
   * `conversationIdleMs`, expired claims, shared values and counters, and the SLA reminder claims
   * of cases closed more than `closedCaseMarginMs` ago. Returns what it deleted.
   */
  runRetention(policy: RetentionPolicy): Promise<RetentionResult>;
  /**
   * Deletes (or with `dryRun` only counts) everything held about one tenant: cases with their
   * audit trails and outbox rows, settings, conversation state and card references, reminder and
   * card-post claims, shared values and counters whose key names the tenant as a segment.
   */
  purgeTenant(tenantId: string, options?: { readonly dryRun?: boolean }): Promise<TenantPurgeCounts>;

  /** Idempotent; later calls reject with `StoreUnavailableError`. */
  close(): Promise<void>;
}

export interface RetentionPolicy {
  readonly conversationIdleMs: number;
  readonly closedCaseMarginMs: number;
  readonly batchSize: number;
  /** Batches per kind and pass; what is left waits for the next pass. */
  readonly maxBatches: number;
}

export interface RetentionResult {
  readonly conversationState: number;
  readonly claims: number;
  readonly reminderClaims: number;
  readonly shared: number;
  readonly counters: number;
}

export interface TenantPurgeCounts {
  readonly cases: number;
  readonly audit: number;
  readonly outbox: number;
  readonly settings: number;
  readonly state: number;
  readonly claims: number;
  readonly shared: number;
  readonly counters: number;
}

/** The SLA watch's reminder claim keys start with `sla:TENANT:NUMBER:` (see support-desk/sla-watch.ts). */
export const REMINDER_CLAIM_PREFIX = 'sla:';
