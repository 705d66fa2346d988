/**
 * `CaseStore` on PostgreSQL (node-postgres pool), for several instances on one database.
 * Semantics match the SQLite store: idempotent creation through the (tenant, key) unique
 * constraint, conditional updates under `SELECT … FOR UPDATE`, case numbers from a counter row
 * updated atomically (unique across instances), the outbox claimed with `FOR UPDATE SKIP LOCKED`.
 * Every timestamp comes from the injected clock, never from the server's `now()`, so tests and
 * the SQLite store agree.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { applyCaseChange, assertValidDate } from './case-change.js';
import { formatCaseNumber, utcDayKey } from './case-number.js';
import { checkFilter, checkLimit, checkOutboxClaim, checkReminderRecords, checkReminderSchedules, checkRetentionPolicy, checkTurnWrite, requireAudit, requireTargets, requireText, requireTtl, windowStart } from './checks.js';
import { casePageSql, checkCasePageQuery } from './case-page-sql.js';
import { CaseNotFoundError, StoreUnavailableError } from './errors.js';
import { CASE_COLUMNS, caseColumnValues, casePlaceholders, pgJson, pgRowToAuditEntry, pgRowToCase, pgText, type PgAuditRow, type PgCaseRow } from './postgres/case-rows.js';
import { toStoreError } from './postgres/error-mapping.js';
import { applyMigrations } from './postgres/migrations.js';
import { TurnBatcher } from './postgres/turn-batcher.js';
import { purgeTenant, retentionPass } from './postgres/housekeeping.js';
import { claimReminders, scheduleReminders } from './postgres/reminders.js';
import type {
  CasePage,
  CasePageQuery,
  AuditEntry,
  AuditInput,
  CaseChange,
  CaseCondition,
  CaseFilter,
  CaseStore,
  ConditionalUpdateResult,
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

export interface PostgresStoreOptions {
  /** DATABASE_URL: postgres://user:password@host:port/database */
  readonly connectionString: string;
  readonly now?: () => Date;
  /** One outbox row per target is written with every new case (see `claimOutbox`). */
  readonly outboxTargets?: readonly string[];
  /** Pool size; 10 by default. */
  readonly maxConnections?: number;
  /**
   * How long a call waits for a free pooled connection (or to connect) before failing as
   * unavailable; node-postgres uses one timeout for both, so it is long enough for a burst to queue.
   */
  readonly connectionTimeoutMs?: number;
}

const DEFAULT_MAX_CONNECTIONS = 10;
const DEFAULT_CONNECTION_TIMEOUT_MS = 15_000;
/** Expired dedup claims are swept at most this often per instance (a claim write re-checks expiry itself). */
const CLAIM_SWEEP_INTERVAL_MS = 60_000;

type Queryable = Pick<pg.PoolClient, 'query'>;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<CaseStore> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
  });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would
  // crash the process. The next call gets a fresh connection or fails as unavailable.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    const lost = (): void => {};
    client.on('error', lost); // see transaction(): the query in flight reports it
    try {
      await applyMigrations(client);
    } finally {
      client.off('error', lost);
      client.release();
    }
    return new PostgresCaseStore(pool, options.now ?? (() => new Date()), requireTargets(options.outboxTargets ?? []));
  } catch (error) {
    await pool.end().catch(() => {});
    throw toStoreError(error, 'opening the store');
  }
}

class PostgresCaseStore implements CaseStore {
  private closed = false;
  private lastClaimSweep = 0;
  private readonly turns: TurnBatcher;

  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
    private readonly outboxTargets: readonly string[],
  ) {
    this.turns = new TurnBatcher((batch) => this.transaction((client) => this.saveTurnsNow(client, batch)), (error) => toStoreError(error, 'saveTurn'));
  }

  createCase(input: NewCase, idempotencyKey: string): Promise<CreateCaseResult> {
    return this.run('createCase', async () => {
      requireText(input.tenantId, 'tenantId');
      requireText(idempotencyKey, 'idempotencyKey');
      if (input.respondBy) assertValidDate(input.respondBy);
      try {
        return await this.transaction((client) => this.createCaseNow(client, input, idempotencyKey));
      } catch (error) {
        if (!(error instanceof LostCreateRace)) throw error;
      }
      // Another instance committed the same key while we numbered ours: ours was rolled back
      // (the sequence too), theirs is the case.
      const earlier = await this.queryCase(this.pool, 'SELECT * FROM cases WHERE tenant_id = $1 AND idempotency_key = $2', [input.tenantId, idempotencyKey]);
      if (!earlier) throw new Error('idempotent create lost its race but found no earlier case');
      return { case: await this.loadCase(this.pool, earlier), created: false };
    });
  }

  getCase(tenantId: string, number: string): Promise<SupportCase | undefined> {
    return this.run('getCase', async () => {
      const row = await this.queryCase(this.pool, 'SELECT * FROM cases WHERE tenant_id = $1 AND number = $2', [tenantId, number]);
      return row && this.loadCase(this.pool, row);
    });
  }

  listCases(tenantId: string, filter: CaseFilter = {}): Promise<SupportCase[]> {
    return this.run('listCases', async () => {
      checkFilter(filter);
      const { rows } = await this.pool.query<PgCaseRow>(
        `SELECT * FROM cases
         WHERE tenant_id = $1
           AND ($2::text IS NULL OR requester_user_id = $2)
           AND ($3::text IS NULL OR status = $3)
           AND ($4::timestamptz IS NULL OR closed_at >= $4)
         ORDER BY created_at DESC, id DESC
         LIMIT $5`,
        [tenantId, filter.requesterUserId ?? null, filter.status ?? null, filter.closedSince ?? null, filter.limit ?? null],
      );
      return this.loadCases(rows);
    });
  }

  listCasePage(tenantId: string, query: CasePageQuery): Promise<CasePage> {
    return this.run('listCasePage', async () => {
      checkCasePageQuery(query);
      const sql = casePageSql(tenantId, query, 'postgres', query.status === 'closed' ? query.closedSince : undefined);
      const [list, count] = await Promise.all([
        this.pool.query<PgCaseRow>(sql.list, [...sql.listParams]),
        this.pool.query<{ total: string }>(sql.count, [...sql.countParams]),
      ]);
      return { cases: list.rows.map((row) => pgRowToCase(row, [])), total: Number(count.rows[0]?.total ?? 0) };
    });
  }

  listOpenCases(): Promise<SupportCase[]> {
    return this.run('listOpenCases', async () => {
      const { rows } = await this.pool.query<PgCaseRow>(`SELECT * FROM cases WHERE status = 'open' ORDER BY created_at, id`);
      return this.loadCases(rows);
    });
  }

  listDueForReminder(now: Date, limit: number): Promise<SupportCase[]> {
    return this.run('listDueForReminder', async () => {
      assertValidDate(now);
      checkLimit(limit);
      const { rows } = await this.pool.query<PgCaseRow>(
        `SELECT * FROM cases
         WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= $1 AND status = 'open'
         ORDER BY next_reminder_at, id
         LIMIT $2`,
        [now, limit],
      );
      return this.loadCases(rows);
    });
  }

  scheduleReminder(tenantId: string, number: string, at: Date | undefined, seenUpdatedAt: Date): Promise<boolean> {
    return this.run('scheduleReminder', async () => {
      if (at) assertValidDate(at);
      const { rowCount } = await this.pool.query(
        `UPDATE cases SET next_reminder_at = $1
         WHERE tenant_id = $2 AND number = $3 AND updated_at = $4 AND status = 'open'`,
        [at ?? null, tenantId, number, seenUpdatedAt],
      );
      return rowCount === 1;
    });
  }

  scheduleReminders(entries: readonly ReminderSchedule[]): Promise<boolean[]> {
    return this.run('scheduleReminders', async () => {
      checkReminderSchedules(entries);
      return entries.length === 0 ? [] : scheduleReminders(this.pool, entries);
    });
  }

  recordReminders(reminders: readonly ReminderRecord[]): Promise<(SupportCase | undefined)[]> {
    return this.run('recordReminders', async () => {
      checkReminderRecords(reminders);
      if (reminders.length === 0) return [];
      const caseIds = await claimReminders(this.pool, reminders, this.checkedNow());
      const claimed = caseIds.filter((id): id is string => id !== undefined);
      if (claimed.length === 0) return caseIds.map(() => undefined);
      const { rows } = await this.pool.query<PgCaseRow>('SELECT * FROM cases WHERE id = ANY($1::bigint[])', [claimed]);
      const cases = await this.loadCases(rows);
      const byId = new Map(rows.map((row, i) => [row.id, cases[i]]));
      return caseIds.map((id) => (id === undefined ? undefined : byId.get(id)));
    });
  }

  updateCase(tenantId: string, number: string, change: CaseChange, audit: AuditInput): Promise<SupportCase> {
    return this.run('updateCase', () => {
      requireAudit(audit);
      return this.transaction(async (client) => this.updateCaseNow(client, await this.lockCase(client, tenantId, number), change, audit));
    });
  }

  updateCaseIf(tenantId: string, number: string, condition: CaseCondition, change: CaseChange, audit: AuditInput): Promise<ConditionalUpdateResult> {
    return this.run('updateCaseIf', () => {
      requireAudit(audit);
      return this.transaction(async (client): Promise<ConditionalUpdateResult> => {
        const row = await this.lockCase(client, tenantId, number);
        const ownerHolds = condition.owner === undefined || (condition.owner === null ? row.owner === null : row.owner === condition.owner);
        const statusHolds = condition.status === undefined || row.status === condition.status;
        if (!ownerHolds || !statusHolds) return { updated: false, case: await this.loadCase(client, row) };
        return { updated: true, case: await this.updateCaseNow(client, row, change, audit) };
      });
    });
  }

  addAuditEntry(tenantId: string, number: string, audit: AuditInput): Promise<AuditEntry> {
    return this.run('addAuditEntry', () => {
      requireAudit(audit);
      return this.transaction(async (client) => {
        const row = await this.lockCase(client, tenantId, number);
        const at = this.checkedNow();
        const { rows } = await client.query<PgAuditRow>(
          'INSERT INTO case_audit (case_id, at, actor, action, detail) VALUES ($1, $2, $3, $4, $5) RETURNING *',
          [row.id, at, pgText(audit.actor), pgText(audit.action), pgText(audit.detail ?? null)],
        );
        return pgRowToAuditEntry(rows[0]!);
      });
    });
  }

  getTenantSettings(tenantId: string): Promise<TenantSettings | undefined> {
    return this.run('getTenantSettings', async () => {
      const { rows } = await this.pool.query<TenantRow>('SELECT * FROM tenant_settings WHERE tenant_id = $1', [tenantId]);
      return rows[0] && rowToTenantSettings(rows[0]);
    });
  }

  setTenantPlan(tenantId: string, plan: string): Promise<TenantSettings> {
    return this.run('setTenantPlan', async () => {
      requireText(tenantId, 'tenantId');
      requireText(plan, 'plan');
      const { rows } = await this.pool.query<TenantRow>(
        `INSERT INTO tenant_settings (tenant_id, plan, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at
         RETURNING *`,
        [tenantId, plan, this.now()],
      );
      return rowToTenantSettings(rows[0]!);
    });
  }

  getConversationState<T = unknown>(key: string): Promise<T | undefined> {
    return this.run('getConversationState', async () => {
      const { rows } = await this.pool.query<{ value: T }>('SELECT value FROM conversation_state WHERE key = $1', [key]);
      return rows[0]?.value;
    });
  }

  setConversationState(key: string, value: unknown): Promise<void> {
    return this.run('setConversationState', async () => {
      requireText(key, 'key');
      await upsertState(this.pool, key, pgJson(value, 'conversation state'), this.now());
    });
  }

  deleteConversationState(key: string): Promise<void> {
    return this.run('deleteConversationState', async () => {
      await this.pool.query('DELETE FROM conversation_state WHERE key = $1', [key]);
    });
  }

  claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return this.run('claimOnce', async () => {
      requireText(key, 'key');
      requireTtl(ttlMs);
      const now = this.now();
      await this.sweepClaims(now);
      return insertClaim(this.pool, key, now, ttlMs);
    });
  }

  releaseClaim(key: string): Promise<void> {
    return this.run('releaseClaim', async () => {
      await this.pool.query('DELETE FROM dedup_claims WHERE key = $1', [key]);
    });
  }

  isClaimed(key: string): Promise<boolean> {
    return this.run('isClaimed', async () => {
      const { rowCount } = await this.pool.query('SELECT 1 FROM dedup_claims WHERE key = $1 AND expires_at > $2', [key, this.now()]);
      return rowCount === 1;
    });
  }

  readTurn(read: TurnRead): Promise<TurnSnapshot> {
    return this.run('readTurn', async () => {
      // One round trip; the state is wrapped so a stored JSON null differs from no row.
      const { rows } = await this.pool.query<TurnRow>(
        `SELECT
           EXISTS (SELECT 1 FROM dedup_claims WHERE key = $1 AND expires_at > $2) AS claimed,
           (SELECT jsonb_build_array(value) FROM conversation_state WHERE key = $3) AS state,
           t.tenant_id, t.plan, t.updated_at
         FROM (SELECT 1) AS one LEFT JOIN tenant_settings t ON t.tenant_id = $4`,
        [read.claimKey ?? null, this.now(), read.stateKey, read.tenantId],
      );
      const row = rows[0]!;
      return {
        claimed: row.claimed,
        state: row.state === null ? undefined : row.state[0],
        tenant: row.tenant_id === null ? undefined : rowToTenantSettings(row),
      };
    });
  }

  /**
   * Turns are committed in batches, one batch at a time and in call order, so concurrent turns
   * settle as if one after the other, as on SQLite: the first of two duplicate deliveries wins
   * and the last state of a conversation is the one kept.
   */
  saveTurn(turn: TurnWrite): Promise<boolean> {
    let json: string | undefined;
    try {
      if (this.closed) throw new StoreUnavailableError('closed', 'saveTurn failed: the store is closed');
      checkTurnWrite(turn);
      json = turn.state ? pgJson(turn.state.value, 'conversation state') : undefined;
    } catch (error) {
      return Promise.reject(toStoreError(error, 'saveTurn'));
    }
    if (!turn.claim && json === undefined) return Promise.resolve(true);
    return this.turns.add({ turn, json });
  }

  claimOutbox(claim: OutboxClaim): Promise<OutboxItem[]> {
    return this.run('claimOutbox', async () => {
      checkOutboxClaim(claim);
      const now = this.now();
      const lease = randomUUID();
      const { rows } = await this.pool.query<{ id: string; target: string; attempts: number; tenant_id: string; number: string }>(
        `UPDATE case_outbox o SET lease = $1, lease_until = $2, attempts = o.attempts + 1
         FROM cases c
         WHERE c.id = o.case_id AND o.id IN (
           SELECT id FROM case_outbox
           WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $3
             AND (lease_until IS NULL OR lease_until <= $3)
           ORDER BY next_attempt_at, id
           LIMIT $4
           FOR UPDATE SKIP LOCKED)
         RETURNING o.id, o.target, o.attempts, c.tenant_id, c.number`,
        [lease, new Date(now.getTime() + claim.leaseMs), now, claim.limit],
      );
      return rows
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((r) => ({ id: r.id, target: r.target, tenantId: r.tenant_id, number: r.number, attempts: r.attempts, lease }));
    });
  }

  settleOutbox(item: OutboxItem, outcome: OutboxOutcome): Promise<boolean> {
    return this.run('settleOutbox', async () => {
      const now = this.now();
      const [set, values] =
        'delivered' in outcome
          ? ['delivered_at = $3, last_error = NULL', [now]]
          : 'retryAt' in outcome
            ? ['next_attempt_at = $3, last_error = $4', [outcome.retryAt, outcome.error]]
            : ['failed_at = $3, last_error = $4', [now, outcome.failed]];
      const { rowCount } = await this.pool.query(
        `UPDATE case_outbox SET ${set}, lease = NULL, lease_until = NULL
         WHERE id = $1 AND lease = $2 AND delivered_at IS NULL AND failed_at IS NULL`,
        [item.id, item.lease, ...values],
      );
      return rowCount === 1;
    });
  }

  outboxStatus(): Promise<OutboxStatus> {
    return this.run('outboxStatus', async () => {
      const { rows } = await this.pool.query<{ pending: number; delivered: number; failed: number }>(
        `SELECT count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL)::int AS pending,
                count(delivered_at)::int AS delivered, count(failed_at)::int AS failed
         FROM case_outbox`,
      );
      return rows[0]!;
    });
  }

  outboxBacklog(): Promise<number> {
    return this.run('outboxBacklog', async () => {
      const { rows } = await this.pool.query<{ pending: number }>('SELECT count(*)::int AS pending FROM case_outbox WHERE delivered_at IS NULL AND failed_at IS NULL');
      return rows[0]!.pending;
    });
  }

  putShared(key: string, value: unknown, ttlMs: number): Promise<void> {
    return this.run('putShared', async () => {
      requireText(key, 'key');
      requireTtl(ttlMs);
      const now = this.now();
      // A few expired rows go lazily in the same statement; the retention pass does the rest.
      await this.pool.query(
        `WITH gone AS (
           DELETE FROM shared_values WHERE key IN (
             SELECT key FROM shared_values WHERE expires_at <= $4 AND key <> $1 ORDER BY expires_at LIMIT 20 FOR UPDATE SKIP LOCKED))
         INSERT INTO shared_values (key, value, expires_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
        [key, pgJson(value, 'shared value'), new Date(now.getTime() + ttlMs), now],
      );
    });
  }

  getShared<T = unknown>(key: string): Promise<T | undefined> {
    return this.run('getShared', async () => {
      const { rows } = await this.pool.query<{ value: T }>('SELECT value FROM shared_values WHERE key = $1 AND expires_at > $2', [key, this.now()]);
      return rows[0]?.value;
    });
  }

  takeShared<T = unknown>(key: string): Promise<T | undefined> {
    return this.run('takeShared', async () => {
      // The row lock makes a concurrent DELETE wait, then find nothing: one taker gets the value.
      const { rows } = await this.pool.query<{ value: T; expires_at: Date }>('DELETE FROM shared_values WHERE key = $1 RETURNING value, expires_at', [key]);
      const row = rows[0];
      return row && row.expires_at.getTime() > this.now().getTime() ? row.value : undefined;
    });
  }

  countHit(key: string, windowMs: number, now: Date): Promise<number> {
    return this.run('countHit', async () => {
      requireText(key, 'key');
      const start = windowStart(windowMs, now);
      // A hit stamped in a window older than the stored one counts in the newer window.
      const { rows } = await this.pool.query<{ hits: number }>(
        `INSERT INTO hit_counters (key, window_start, hits, expires_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN hit_counters.window_start >= excluded.window_start THEN hit_counters.hits + 1 ELSE 1 END,
           window_start = GREATEST(hit_counters.window_start, excluded.window_start),
           expires_at = GREATEST(hit_counters.expires_at, excluded.expires_at)
         RETURNING hits`,
        [key, start, new Date(start + windowMs)],
      );
      return rows[0]!.hits;
    });
  }

  peekCount(key: string, windowMs: number, now: Date): Promise<number> {
    return this.run('peekCount', async () => {
      const { rows } = await this.pool.query<{ hits: number }>('SELECT hits FROM hit_counters WHERE key = $1 AND window_start >= $2', [key, windowStart(windowMs, now)]);
      return rows[0]?.hits ?? 0;
    });
  }

  runRetention(policy: RetentionPolicy): Promise<RetentionResult> {
    return this.run('runRetention', () => retentionPass(this.pool, (work) => this.transaction(work), this.checkedNow(), checkRetentionPolicy(policy)));
  }

  purgeTenant(tenantId: string, options: { readonly dryRun?: boolean } = {}): Promise<TenantPurgeCounts> {
    return this.run('purgeTenant', () => {
      requireText(tenantId, 'tenantId');
      return purgeTenant((work) => this.transaction(work), tenantId, options.dryRun ?? false);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Turns already handed to saveTurn are committed, not dropped.
    await this.turns.drain();
    await this.pool.end();
  }

  // --- transaction bodies ---

  /** Throws LostCreateRace (rolling back) when another transaction committed the same key first. */
  private async createCaseNow(client: pg.PoolClient, input: NewCase, idempotencyKey: string): Promise<CreateCaseResult> {
    const earlier = await this.queryCase(client, 'SELECT * FROM cases WHERE tenant_id = $1 AND idempotency_key = $2', [input.tenantId, idempotencyKey]);
    if (earlier) return { case: await this.loadCase(client, earlier), created: false };

    const now = this.checkedNow();
    const day = utcDayKey(now);
    const sequence = await client.query<{ last_sequence: number }>(
      `INSERT INTO case_number_sequences (utc_day, last_sequence) VALUES ($1, 1)
       ON CONFLICT (utc_day) DO UPDATE SET last_sequence = case_number_sequences.last_sequence + 1
       RETURNING last_sequence`,
      [day],
    );
    const number = formatCaseNumber(day, sequence.rows[0]!.last_sequence);
    const values = caseColumnValues({ ...input, extra: input.extra ?? {}, status: 'open', updatedAt: now });
    const inserted = await this.queryCase(
      client,
      `INSERT INTO cases (number, tenant_id, idempotency_key, created_at, next_reminder_at, ${CASE_COLUMNS.join(', ')})
       VALUES ($1, $2, $3, $4, $4, ${casePlaceholders(5).join(', ')})
       ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
       RETURNING *`,
      [number, input.tenantId, idempotencyKey, now, ...values],
    );
    if (!inserted) throw new LostCreateRace();
    await client.query('INSERT INTO case_audit (case_id, at, actor, action) VALUES ($1, $2, $3, $4)', [inserted.id, now, pgText(input.requester.userId), 'created']);
    if (this.outboxTargets.length > 0) {
      await client.query(
        'INSERT INTO case_outbox (case_id, target, created_at, next_attempt_at) SELECT $1, unnest($2::text[]), $3, $3',
        [inserted.id, this.outboxTargets, now],
      );
    }
    return { case: await this.loadCase(client, inserted), created: true };
  }

  private async updateCaseNow(client: pg.PoolClient, row: PgCaseRow, change: CaseChange, audit: AuditInput): Promise<SupportCase> {
    const now = this.checkedNow();
    const { next, changes } = applyCaseChange(pgRowToCase(row, []), change, now);
    const assignments = CASE_COLUMNS.map((column, i) => `${column} = ${casePlaceholders(2)[i]}`).join(', ');
    const param = (column: (typeof CASE_COLUMNS)[number]): string => `$${2 + CASE_COLUMNS.indexOf(column)}`;
    // Any change to an open case makes its SLA check due again; a closed case is never checked.
    const updated = await this.queryCase(
      client,
      // (SET expressions read the old row, so the new status and time come from the parameters.)
      `UPDATE cases SET ${assignments}, next_reminder_at = CASE WHEN ${param('status')}::text = 'open' THEN ${param('updated_at')}::timestamptz END,
         claims_swept_at = NULL
       WHERE id = $1 RETURNING *`,
      [row.id, ...caseColumnValues(next)],
    );
    await client.query('INSERT INTO case_audit (case_id, at, actor, action, detail, changes) VALUES ($1, $2, $3, $4, $5, $6::jsonb)', [
      row.id,
      now,
      pgText(audit.actor),
      pgText(audit.action),
      pgText(audit.detail ?? null),
      Object.keys(changes).length > 0 ? pgJson(changes, 'changes') : null,
    ]);
    return this.loadCase(client, updated!);
  }

  /** In order, as if one after the other: of two turns with the same claim key only the first is saved. */
  private async saveTurnsNow(client: pg.PoolClient, batch: readonly { turn: TurnWrite; json: string | undefined }[]): Promise<boolean[]> {
    const now = this.now();
    const saved: boolean[] = [];
    for (const { turn, json } of batch) {
      if (turn.claim && !(await insertClaim(client, turn.claim.key, now, turn.claim.ttlMs))) {
        saved.push(false);
        continue;
      }
      if (turn.state && json !== undefined) await upsertState(client, turn.state.key, json, now);
      saved.push(true);
    }
    return saved;
  }

  // --- helpers ---

  private async lockCase(client: pg.PoolClient, tenantId: string, number: string): Promise<PgCaseRow> {
    const row = await this.queryCase(client, 'SELECT * FROM cases WHERE tenant_id = $1 AND number = $2 FOR UPDATE', [tenantId, number]);
    if (!row) throw new CaseNotFoundError(tenantId, number);
    return row;
  }

  private async queryCase(client: Queryable, sql: string, params: unknown[]): Promise<PgCaseRow | undefined> {
    const { rows } = await client.query<PgCaseRow>(sql, params);
    return rows[0];
  }

  private async loadCase(client: Queryable, row: PgCaseRow): Promise<SupportCase> {
    const { rows } = await client.query<PgAuditRow>('SELECT * FROM case_audit WHERE case_id = $1 ORDER BY id', [row.id]);
    return pgRowToCase(row, rows.map(pgRowToAuditEntry));
  }

  /** One audit query for the whole list instead of one per case. */
  private async loadCases(rows: readonly PgCaseRow[]): Promise<SupportCase[]> {
    if (rows.length === 0) return [];
    const audit = await this.pool.query<PgAuditRow>('SELECT * FROM case_audit WHERE case_id = ANY($1::bigint[]) ORDER BY case_id, id', [rows.map((r) => r.id)]);
    const byCase = new Map<string, AuditEntry[]>();
    for (const auditRow of audit.rows) {
      const entries = byCase.get(auditRow.case_id) ?? [];
      entries.push(pgRowToAuditEntry(auditRow));
      byCase.set(auditRow.case_id, entries);
    }
    return rows.map((row) => pgRowToCase(row, byCase.get(row.id) ?? []));
  }

  private async sweepClaims(now: Date): Promise<void> {
    if (now.getTime() - this.lastClaimSweep < CLAIM_SWEEP_INTERVAL_MS && now.getTime() >= this.lastClaimSweep) return;
    this.lastClaimSweep = now.getTime();
    await this.pool.query('DELETE FROM dedup_claims WHERE expires_at <= $1', [now]);
  }

  private checkedNow(): Date {
    const now = this.now();
    assertValidDate(now);
    return now;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // A connection lost mid-transaction also emits 'error' on the client; unheard, that would
    // crash the process. The query in flight rejects anyway and is reported from there.
    const lost = (): void => {
      broken = true;
    };
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off('error', lost);
      // A connection that is lost or cannot even roll back is destroyed rather than reused.
      client.release(broken);
    }
  }

  /** Every public method goes through here: one place turns database failures into typed errors. */
  private async run<T>(operation: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('closed', `${operation} failed: the store is closed`);
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }
}

/** Thrown inside createCase's transaction to roll it back when the idempotency key was taken meanwhile. */
class LostCreateRace extends Error {}

/** true when the key was free or its claim had expired. */
async function insertClaim(client: Queryable, key: string, now: Date, ttlMs: number): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO dedup_claims (key, expires_at) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE dedup_claims.expires_at <= $3
     RETURNING 1`,
    [key, new Date(now.getTime() + ttlMs), now],
  );
  return rowCount === 1;
}

async function upsertState(client: Queryable, key: string, json: string, now: Date): Promise<void> {
  await client.query(
    `INSERT INTO conversation_state (key, value, updated_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [key, json, now],
  );
}

interface TenantRow {
  tenant_id: string;
  plan: string | null;
  updated_at: Date;
}

type TurnRow = { claimed: boolean; state: [unknown] | null } & (TenantRow | { tenant_id: null; plan: null; updated_at: null });

function rowToTenantSettings(row: TenantRow): TenantSettings {
  const settings = { tenantId: row.tenant_id, updatedAt: row.updated_at };
  return row.plan === null ? settings : { ...settings, plan: row.plan };
}
