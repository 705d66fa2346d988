/**
 * `CaseStore` on SQLite (better-sqlite3): one file per deployment, WAL, every write in an
 * IMMEDIATE transaction (the write lock is taken before the first read, so read-then-write
 * sequences such as idempotent creation stay correct across processes).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { applyCaseChange, assertValidDate } from './case-change.js';
import { formatCaseNumber, utcDayKey } from './case-number.js';
import { checkFilter, checkLimit, checkOutboxClaim, checkReminderRecords, checkReminderSchedules, checkRetentionPolicy, checkTurnWrite, requireAudit, requireTargets, requireText, requireTtl, windowStart } from './checks.js';
import { casePageSql, checkCasePageQuery } from './case-page-sql.js';
import { toJson } from './case-record.js';
import { CaseNotFoundError, StoreUnavailableError } from './errors.js';
import {
  caseColumnParams,
  rowToAuditEntry,
  rowToCase,
  type AuditRow,
  type CaseRow,
} from './sqlite/case-rows.js';
import { openConnection } from './sqlite/connection.js';
import { prepareStatements, type Statements } from './sqlite/statements.js';
import { toStoreError } from './sqlite/error-mapping.js';
import { applyMigrations, assertSchemaCurrent } from './sqlite/migrations.js';
import { purgeTenant, retentionPass } from './sqlite/housekeeping.js';
import type {
  CasePage,
  CasePageQuery,
  AuditEntry,
  AuditInput,
  CaseChange,
  CaseCondition,
  CaseFilter,
  ConditionalUpdateResult,
  CaseStore,
  CreateCaseResult,
  NewCase,
  OutboxClaim,
  OutboxItem,
  OutboxOutcome,
  OutboxStatus,
  ReminderRecord,
  ReminderSchedule,
  SupportCase,
  RetentionPolicy,
  RetentionResult,
  TenantPurgeCounts,
  TenantSettings,
  TurnRead,
  TurnSnapshot,
  TurnWrite,
} from './store.js';

export { SQLITE_FILE_NAME } from './sqlite/connection.js';

export interface SqliteStoreOptions {
  /** Folder for `support-bot.sqlite` (created if missing), or ':memory:' for tests. */
  readonly dataDir: string;
  /** The clock for every timestamp the store writes; injectable for tests. */
  readonly now?: () => Date;
  /** How long a write waits for another connection's lock before failing as 'busy'. */
  readonly busyTimeoutMs?: number;
  /** Opens an existing, already migrated file without ever writing to it. */
  readonly readonly?: boolean;
  /** One outbox row per target is written with every new case (see `CaseStore.claimOutbox`). */
  readonly outboxTargets?: readonly string[];
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
// Captured at load: a test's fake timers must not hold back a commit that callers await.
const nextLoopTurn = setImmediate;
const NO_LIMIT = -1;

export async function openSqliteStore(options: SqliteStoreOptions): Promise<CaseStore> {
  let db: Database.Database | undefined;
  try {
    const readonly = options.readonly ?? false;
    db = await openConnection({
      dataDir: options.dataDir,
      readonly,
      busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    });
    if (readonly) assertSchemaCurrent(db);
    else applyMigrations(db);
    return new SqliteCaseStore(db, options.now ?? (() => new Date()), requireTargets(options.outboxTargets ?? []));
  } catch (error) {
    db?.close();
    throw toStoreError(error, 'opening the store');
  }
}

class SqliteCaseStore implements CaseStore {
  private closed = false;
  private readonly sql: Statements;
  private readonly createCaseTx: Database.Transaction<SqliteCaseStore['createCaseNow']>;
  private readonly updateCaseTx: Database.Transaction<SqliteCaseStore['updateCaseNow']>;
  private readonly updateCaseIfTx: Database.Transaction<SqliteCaseStore['updateCaseIfNow']>;
  private readonly addAuditEntryTx: Database.Transaction<SqliteCaseStore['addAuditEntryNow']>;
  private readonly claimOnceTx: Database.Transaction<SqliteCaseStore['claimOnceNow']>;
  private readonly saveTurnsTx: Database.Transaction<SqliteCaseStore['saveTurnsNow']>;
  private readonly scheduleRemindersTx: Database.Transaction<SqliteCaseStore['scheduleRemindersNow']>;
  private readonly recordRemindersTx: Database.Transaction<SqliteCaseStore['recordRemindersNow']>;
  /** Turns waiting for the next group commit (see `saveTurn`). */
  private pendingTurns: PendingTurn[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
    private readonly outboxTargets: readonly string[],
  ) {
    this.sql = prepareStatements(db);
    this.createCaseTx = db.transaction(this.createCaseNow.bind(this));
    this.updateCaseTx = db.transaction(this.updateCaseNow.bind(this));
    this.updateCaseIfTx = db.transaction(this.updateCaseIfNow.bind(this));
    this.addAuditEntryTx = db.transaction(this.addAuditEntryNow.bind(this));
    this.claimOnceTx = db.transaction(this.claimOnceNow.bind(this));
    this.saveTurnsTx = db.transaction(this.saveTurnsNow.bind(this));
    this.scheduleRemindersTx = db.transaction(this.scheduleRemindersNow.bind(this));
    this.recordRemindersTx = db.transaction(this.recordRemindersNow.bind(this));
  }

  createCase(input: NewCase, idempotencyKey: string): Promise<CreateCaseResult> {
    return this.run('createCase', () => {
      requireText(input.tenantId, 'tenantId');
      requireText(idempotencyKey, 'idempotencyKey');
      if (input.respondBy) assertValidDate(input.respondBy);
      return this.createCaseTx.immediate(input, idempotencyKey);
    });
  }

  getCase(tenantId: string, number: string): Promise<SupportCase | undefined> {
    return this.run('getCase', () => {
      const row = this.sql.selectCase.get(tenantId, number) as CaseRow | undefined;
      return row && this.loadCase(row);
    });
  }

  listCases(tenantId: string, filter: CaseFilter = {}): Promise<SupportCase[]> {
    return this.run('listCases', () => {
      checkFilter(filter);
      const rows = this.sql.listCases.all({
        tenant: tenantId,
        requester: filter.requesterUserId ?? null,
        status: filter.status ?? null,
        closedSince: filter.closedSince?.getTime() ?? null,
        limit: filter.limit ?? NO_LIMIT,
      }) as CaseRow[];
      return this.loadCases(rows);
    });
  }

  listCasePage(tenantId: string, query: CasePageQuery): Promise<CasePage> {
    return this.run('listCasePage', () => {
      checkCasePageQuery(query);
      const sql = casePageSql(tenantId, query, 'sqlite', query.status === 'closed' ? query.closedSince.getTime() : undefined);
      const read = this.db.transaction(() => ({
        rows: this.db.prepare(sql.list).all(...sql.listParams) as CaseRow[],
        total: (this.db.prepare(sql.count).get(...sql.countParams) as { total: number }).total,
      }));
      const { rows, total } = read();
      return { cases: rows.map((row) => rowToCase(row, [])), total };
    });
  }

  listOpenCases(): Promise<SupportCase[]> {
    return this.run('listOpenCases', () => this.loadCases(this.sql.listOpenCases.all() as CaseRow[]));
  }

  listDueForReminder(now: Date, limit: number): Promise<SupportCase[]> {
    return this.run('listDueForReminder', () => {
      assertValidDate(now);
      checkLimit(limit);
      return this.loadCases(this.sql.listDueForReminder.all(now.getTime(), limit) as CaseRow[]);
    });
  }

  scheduleReminder(tenantId: string, number: string, at: Date | undefined, seenUpdatedAt: Date): Promise<boolean> {
    return this.run('scheduleReminder', () => {
      if (at) assertValidDate(at);
      const write = this.db.transaction(() => this.sql.scheduleReminder.run(at?.getTime() ?? null, tenantId, number, seenUpdatedAt.getTime()));
      return write.immediate().changes === 1;
    });
  }

  scheduleReminders(entries: readonly ReminderSchedule[]): Promise<boolean[]> {
    return this.run('scheduleReminders', () => {
      checkReminderSchedules(entries);
      return entries.length === 0 ? [] : this.scheduleRemindersTx.immediate(entries);
    });
  }

  recordReminders(reminders: readonly ReminderRecord[]): Promise<(SupportCase | undefined)[]> {
    return this.run('recordReminders', () => {
      checkReminderRecords(reminders);
      return reminders.length === 0 ? [] : this.recordRemindersTx.immediate(reminders);
    });
  }

  updateCase(tenantId: string, number: string, change: CaseChange, audit: AuditInput): Promise<SupportCase> {
    return this.run('updateCase', () => {
      requireAudit(audit);
      return this.updateCaseTx.immediate(tenantId, number, change, audit);
    });
  }

  updateCaseIf(tenantId: string, number: string, condition: CaseCondition, change: CaseChange, audit: AuditInput): Promise<ConditionalUpdateResult> {
    return this.run('updateCaseIf', () => {
      requireAudit(audit);
      return this.updateCaseIfTx.immediate(tenantId, number, condition, change, audit);
    });
  }

  addAuditEntry(tenantId: string, number: string, audit: AuditInput): Promise<AuditEntry> {
    return this.run('addAuditEntry', () => {
      requireAudit(audit);
      return this.addAuditEntryTx.immediate(tenantId, number, audit);
    });
  }

  getTenantSettings(tenantId: string): Promise<TenantSettings | undefined> {
    return this.run('getTenantSettings', () => {
      const row = this.sql.selectTenant.get(tenantId) as TenantRow | undefined;
      return row && rowToTenantSettings(row);
    });
  }

  setTenantPlan(tenantId: string, plan: string): Promise<TenantSettings> {
    return this.run('setTenantPlan', () => {
      requireText(tenantId, 'tenantId');
      requireText(plan, 'plan');
      const write = this.db.transaction(
        () => this.sql.upsertTenantPlan.get(tenantId, plan, this.now().getTime()) as TenantRow,
      );
      return rowToTenantSettings(write.immediate());
    });
  }

  getConversationState<T = unknown>(key: string): Promise<T | undefined> {
    return this.run('getConversationState', () => {
      const row = this.sql.selectState.get(key) as { value_json: string } | undefined;
      return row && (JSON.parse(row.value_json) as T);
    });
  }

  setConversationState(key: string, value: unknown): Promise<void> {
    return this.run('setConversationState', () => {
      requireText(key, 'key');
      const json = toJson(value, 'conversation state');
      this.db.transaction(() => this.sql.upsertState.run(key, json, this.now().getTime())).immediate();
    });
  }

  deleteConversationState(key: string): Promise<void> {
    return this.run('deleteConversationState', () => {
      this.db.transaction(() => this.sql.deleteState.run(key)).immediate();
    });
  }

  claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return this.run('claimOnce', () => {
      requireText(key, 'key');
      requireTtl(ttlMs);
      return this.claimOnceTx.immediate(key, ttlMs);
    });
  }

  releaseClaim(key: string): Promise<void> {
    return this.run('releaseClaim', () => {
      this.db.transaction(() => this.sql.deleteClaim.run(key)).immediate();
    });
  }

  isClaimed(key: string): Promise<boolean> {
    return this.run('isClaimed', () => this.sql.selectLiveClaim.get(key, this.now().getTime()) !== undefined);
  }

  readTurn(read: TurnRead): Promise<TurnSnapshot> {
    return this.run('readTurn', () => {
      const row = this.sql.selectTurn.get({ claimKey: read.claimKey ?? null, now: this.now().getTime(), stateKey: read.stateKey, tenantId: read.tenantId }) as TurnRow;
      return {
        claimed: row.claimed === 1,
        state: row.state_json === null ? undefined : (JSON.parse(row.state_json) as unknown),
        tenant: row.tenant_id === null ? undefined : rowToTenantSettings(row),
      };
    });
  }

  /**
   * Group commit: the turns saved while the event loop handles one batch of requests are
   * written in one IMMEDIATE transaction when it next turns (setImmediate), and each promise
   * settles only after that commit. Under load this divides the commit's cost by the batch
   * size without weakening durability: no caller hears "saved" before its row is committed.
   */
  saveTurn(turn: TurnWrite): Promise<boolean> {
    let json: string | undefined;
    try {
      if (this.closed) throw new StoreUnavailableError('closed', 'saveTurn failed: the store is closed');
      checkTurnWrite(turn);
      json = turn.state ? toJson(turn.state.value, 'conversation state') : undefined;
    } catch (error) {
      return Promise.reject(toStoreError(error, 'saveTurn'));
    }
    if (!turn.claim && json === undefined) return Promise.resolve(true);
    return new Promise<boolean>((resolve, reject) => {
      this.pendingTurns.push({ turn, json, resolve, reject });
      if (this.pendingTurns.length === 1) nextLoopTurn(() => this.commitPendingTurns());
    });
  }

  private commitPendingTurns(): void {
    const batch = this.pendingTurns;
    if (batch.length === 0) return;
    this.pendingTurns = [];
    if (this.closed) {
      for (const pending of batch) pending.reject(new StoreUnavailableError('closed', 'saveTurn failed: the store is closed'));
      return;
    }
    let saved: boolean[];
    try {
      saved = this.saveTurnsTx.immediate(batch);
    } catch (error) {
      // A store that is unavailable (locked, read-only, full) fails every turn alike: retrying
      // each would only wait out the busy timeout once per turn on the event loop.
      const mapped = toStoreError(error, 'saveTurn');
      if (batch.length === 1 || mapped instanceof StoreUnavailableError) {
        for (const pending of batch) pending.reject(mapped);
        return;
      }
      // Otherwise one turn's failure must not fail its neighbours: each is retried in its own
      // transaction, so only the turns that fail on their own are rejected.
      for (const pending of batch) {
        try {
          pending.resolve(this.saveTurnsTx.immediate([pending])[0]!);
        } catch (single) {
          pending.reject(toStoreError(single, 'saveTurn'));
        }
      }
      return;
    }
    batch.forEach((pending, i) => pending.resolve(saved[i]!));
  }

  claimOutbox(claim: OutboxClaim): Promise<OutboxItem[]> {
    return this.run('claimOutbox', () => {
      checkOutboxClaim(claim);
      const now = this.now().getTime();
      const lease = randomUUID();
      const claimNow = this.db.transaction(
        () => this.sql.claimOutbox.all({ lease, leaseUntil: now + claim.leaseMs, now, limit: claim.limit }) as OutboxRow[],
      );
      return claimNow
        .immediate()
        .sort((a, b) => a.id - b.id)
        .map((r) => ({ id: String(r.id), target: r.target, tenantId: r.tenant_id, number: r.number, attempts: r.attempts, lease }));
    });
  }

  settleOutbox(item: OutboxItem, outcome: OutboxOutcome): Promise<boolean> {
    return this.run('settleOutbox', () => {
      const key = { id: Number(item.id), lease: item.lease };
      const now = this.now().getTime();
      const settle = this.db.transaction(() => {
        if ('delivered' in outcome) return this.sql.settleOutboxDelivered.run({ ...key, now });
        if ('retryAt' in outcome) return this.sql.settleOutboxRetry.run({ ...key, retryAt: outcome.retryAt.getTime(), error: outcome.error });
        return this.sql.settleOutboxFailed.run({ ...key, now, error: outcome.failed });
      });
      return settle.immediate().changes === 1;
    });
  }

  outboxStatus(): Promise<OutboxStatus> {
    return this.run('outboxStatus', () => this.sql.outboxStatus.get() as OutboxStatus);
  }

  outboxBacklog(): Promise<number> {
    return this.run('outboxBacklog', () => (this.sql.outboxBacklog.get() as { pending: number }).pending);
  }

  putShared(key: string, value: unknown, ttlMs: number): Promise<void> {
    return this.run('putShared', () => {
      requireText(key, 'key');
      requireTtl(ttlMs);
      const json = toJson(value, 'shared value');
      const now = this.now().getTime();
      this.db
        .transaction(() => {
          this.sql.upsertShared.run(key, json, now + ttlMs);
          // Lazily, a few at a time: the retention pass does the rest.
          this.sql.deleteExpiredShared.run(now);
        })
        .immediate();
    });
  }

  getShared<T = unknown>(key: string): Promise<T | undefined> {
    return this.run('getShared', () => {
      const row = this.sql.selectShared.get(key, this.now().getTime()) as { value_json: string } | undefined;
      return row && (JSON.parse(row.value_json) as T);
    });
  }

  takeShared<T = unknown>(key: string): Promise<T | undefined> {
    return this.run('takeShared', () => {
      const now = this.now().getTime();
      const row = this.db.transaction(() => this.sql.takeShared.get(key) as { value_json: string; expires_at: number } | undefined).immediate();
      return row && row.expires_at > now ? (JSON.parse(row.value_json) as T) : undefined;
    });
  }

  countHit(key: string, windowMs: number, now: Date): Promise<number> {
    return this.run('countHit', () => {
      requireText(key, 'key');
      const start = windowStart(windowMs, now);
      const hit = this.db.transaction(() => this.sql.countHit.get({ key, start, end: start + windowMs }) as { hits: number });
      return hit.immediate().hits;
    });
  }

  peekCount(key: string, windowMs: number, now: Date): Promise<number> {
    return this.run('peekCount', () => {
      const row = this.sql.peekCount.get(key, windowStart(windowMs, now)) as { hits: number } | undefined;
      return row?.hits ?? 0;
    });
  }

  runRetention(policy: RetentionPolicy): Promise<RetentionResult> {
    return this.run('runRetention', () => retentionPass(this.db, this.now().getTime(), checkRetentionPolicy(policy)));
  }

  purgeTenant(tenantId: string, options: { readonly dryRun?: boolean } = {}): Promise<TenantPurgeCounts> {
    return this.run('purgeTenant', () => {
      requireText(tenantId, 'tenantId');
      return purgeTenant(this.db, tenantId, options.dryRun ?? false);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Turns already handed to saveTurn are committed, not dropped.
    this.commitPendingTurns();
    this.closed = true;
    this.db.close();
  }

  // --- transaction bodies: run inside IMMEDIATE transactions only ---

  private createCaseNow(input: NewCase, idempotencyKey: string): CreateCaseResult {
    const earlier = this.sql.selectCaseByIdempotencyKey.get(input.tenantId, idempotencyKey) as CaseRow | undefined;
    if (earlier) return { case: this.loadCase(earlier), created: false };

    // Read the clock only once the write lock is held, so case numbers and createdAt agree in
    // order even when another process held the lock across midnight UTC.
    const now = this.now();
    assertValidDate(now);
    const day = utcDayKey(now);
    const { last_sequence } = this.sql.nextSequence.get(day) as { last_sequence: number };
    const number = formatCaseNumber(day, last_sequence);
    const { lastInsertRowid } = this.sql.insertCase.run({
      ...caseColumnParams({ ...input, extra: input.extra ?? {}, status: 'open', updatedAt: now }),
      number,
      tenant_id: input.tenantId,
      idempotency_key: idempotencyKey,
      created_at: now.getTime(),
    });
    const caseId = Number(lastInsertRowid);
    this.sql.insertAudit.run(caseId, now.getTime(), input.requester.userId, 'created', null, null);
    for (const target of this.outboxTargets) this.sql.insertOutbox.run(caseId, target, now.getTime(), now.getTime());
    return { case: this.loadCase(this.sql.selectCaseById.get(caseId) as CaseRow), created: true };
  }

  private updateCaseNow(tenantId: string, number: string, change: CaseChange, audit: AuditInput): SupportCase {
    const row = this.requireCaseRow(tenantId, number);
    const now = this.now();
    assertValidDate(now);
    const { next, changes } = applyCaseChange(rowToCase(row, []), change, now);
    this.sql.updateCase.run({ ...caseColumnParams(next), id: row.id });
    const changesJson = Object.keys(changes).length > 0 ? toJson(changes, 'changes') : null;
    this.sql.insertAudit.run(row.id, now.getTime(), audit.actor, audit.action, audit.detail ?? null, changesJson);
    return this.loadCase(this.sql.selectCaseById.get(row.id) as CaseRow);
  }

  private updateCaseIfNow(tenantId: string, number: string, condition: CaseCondition, change: CaseChange, audit: AuditInput): ConditionalUpdateResult {
    const row = this.requireCaseRow(tenantId, number);
    const ownerHolds = condition.owner === undefined || (condition.owner === null ? row.owner === null : row.owner === condition.owner);
    const statusHolds = condition.status === undefined || row.status === condition.status;
    if (!ownerHolds || !statusHolds) return { updated: false, case: this.loadCase(row) };
    return { updated: true, case: this.updateCaseNow(tenantId, number, change, audit) };
  }

  private addAuditEntryNow(tenantId: string, number: string, audit: AuditInput): AuditEntry {
    const row = this.requireCaseRow(tenantId, number);
    const at = this.now();
    assertValidDate(at);
    const { lastInsertRowid } = this.sql.insertAudit.run(
      row.id,
      at.getTime(),
      audit.actor,
      audit.action,
      audit.detail ?? null,
      null,
    );
    return rowToAuditEntry(this.sql.selectAuditById.get(lastInsertRowid) as AuditRow);
  }

  private claimOnceNow(key: string, ttlMs: number): boolean {
    const now = this.now().getTime();
    // Expired claims are swept here rather than by a timer: the table stays bounded by the
    // events of one TTL window, and an expired key becomes claimable again.
    this.sql.deleteExpiredClaims.run(now);
    return this.sql.insertClaim.run(key, now + ttlMs).changes === 1;
  }

  private scheduleRemindersNow(entries: readonly ReminderSchedule[]): boolean[] {
    return entries.map((e) => this.sql.scheduleReminder.run(e.at?.getTime() ?? null, e.tenantId, e.number, e.seenUpdatedAt.getTime()).changes === 1);
  }

  /** Claim, then audit where claimed, for each reminder in order; the cases read back once, with their trails. */
  private recordRemindersNow(reminders: readonly ReminderRecord[]): (SupportCase | undefined)[] {
    const now = this.now().getTime();
    this.sql.deleteExpiredClaims.run(now);
    const caseIds = reminders.map((r) => {
      const row = this.sql.selectCase.get(r.tenantId, r.number) as CaseRow | undefined;
      if (!row || this.sql.insertClaim.run(r.key, now + r.ttlMs).changes !== 1) return undefined;
      this.sql.insertAudit.run(row.id, now, r.audit.actor, r.audit.action, r.audit.detail ?? null, null);
      return row.id;
    });
    const claimed = caseIds.filter((id): id is number => id !== undefined);
    if (claimed.length === 0) return caseIds.map(() => undefined);
    const rows = this.sql.selectCasesByIds.all(JSON.stringify(claimed)) as CaseRow[];
    const cases = this.loadCases(rows);
    const byId = new Map(rows.map((row, i) => [row.id, cases[i]]));
    return caseIds.map((id) => (id === undefined ? undefined : byId.get(id)));
  }

  /** In order, as if one after the other: of two turns with the same claim key only the first is saved. */
  private saveTurnsNow(batch: readonly PendingTurn[]): boolean[] {
    const now = this.now().getTime();
    // Swept as in claimOnceNow, once per batch.
    this.sql.deleteExpiredClaims.run(now);
    return batch.map(({ turn, json }) => {
      if (turn.claim && this.sql.insertClaim.run(turn.claim.key, now + turn.claim.ttlMs).changes !== 1) return false;
      if (turn.state && json !== undefined) this.sql.upsertState.run(turn.state.key, json, now);
      return true;
    });
  }

  // --- helpers ---

  private requireCaseRow(tenantId: string, number: string): CaseRow {
    const row = this.sql.selectCase.get(tenantId, number) as CaseRow | undefined;
    if (!row) throw new CaseNotFoundError(tenantId, number);
    return row;
  }

  private loadCase(row: CaseRow): SupportCase {
    const audit = (this.sql.selectAudit.all(row.id) as AuditRow[]).map(rowToAuditEntry);
    return rowToCase(row, audit);
  }

  /** One audit query for the whole list instead of one per case. */
  private loadCases(rows: readonly CaseRow[]): SupportCase[] {
    if (rows.length === 0) return [];
    const auditRows = this.sql.selectAuditOfCases.all(JSON.stringify(rows.map((r) => r.id))) as AuditRow[];
    const byCase = new Map<number, AuditEntry[]>();
    for (const auditRow of auditRows) {
      const entries = byCase.get(auditRow.case_id) ?? [];
      entries.push(rowToAuditEntry(auditRow));
      byCase.set(auditRow.case_id, entries);
    }
    return rows.map((row) => rowToCase(row, byCase.get(row.id) ?? []));
  }

  /** Every public method goes through here: one place turns database failures into typed errors. */
  private run<T>(operation: string, work: () => T): Promise<T> {
    if (this.closed) {
      return Promise.reject(new StoreUnavailableError('closed', `${operation} failed: the store is closed`));
    }
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(toStoreError(error, operation));
    }
  }
}

interface PendingTurn {
  readonly turn: TurnWrite;
  readonly json: string | undefined;
  readonly resolve: (saved: boolean) => void;
  readonly reject: (error: unknown) => void;
}

interface OutboxRow {
  id: number;
  target: string;
  attempts: number;
  tenant_id: string;
  number: string;
}

interface TenantRow {
  tenant_id: string;
  plan: string | null;
  updated_at: number;
}

/** `selectTurn`'s one row: the tenant's columns, all null when the tenant has no settings yet. */
type TurnRow = { claimed: 0 | 1; state_json: string | null } & (TenantRow | { tenant_id: null; plan: null; updated_at: null });

function rowToTenantSettings(row: TenantRow): TenantSettings {
  const settings = { tenantId: row.tenant_id, updatedAt: new Date(row.updated_at) };
  return row.plan === null ? settings : { ...settings, plan: row.plan };
}
