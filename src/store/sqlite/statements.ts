/**
 * Every SQL statement of the SQLite store, prepared once per connection. Values are always
 * bound parameters; the only interpolation is the constant column list below.
 */
import type Database from 'better-sqlite3';

const CASE_COLUMNS_SET = `
  requester_channel = @requester_channel, requester_user_id = @requester_user_id,
  requester_name = @requester_name, category = @category, severity = @severity,
  plan_family = @plan_family, title = @title, description = @description,
  contact_method = @contact_method, contact_email = @contact_email, contact_phone = @contact_phone,
  contact_language = @contact_language, contact_time_zone = @contact_time_zone,
  affected_users_json = @affected_users_json, status = @status, updated_at = @updated_at,
  closed_at = @closed_at, respond_by = @respond_by, owner = @owner,
  conversation_reference_json = @conversation_reference_json, extra_json = @extra_json,
  next_reminder_at = CASE WHEN @status = 'open' THEN @updated_at END, claims_swept_at = NULL`;

export type Statements = ReturnType<typeof prepareStatements>;

/** Typed as prepared; rows are cast where they are read. */
export function prepareStatements(db: Database.Database) {
  return {
    ...prepareCaseStatements(db),
    ...prepareAuditStatements(db),
    ...prepareTurnStatements(db),
    ...prepareOutboxStatements(db),
    ...prepareSharedStatements(db),
  };
}

/** Cases: lookups, numbering, writes and reminders. */
function prepareCaseStatements(db: Database.Database) {
  return {
    selectCase: db.prepare('SELECT * FROM cases WHERE tenant_id = ? AND number = ?'),
    selectCaseById: db.prepare('SELECT * FROM cases WHERE id = ?'),
    selectCaseByIdempotencyKey: db.prepare('SELECT * FROM cases WHERE tenant_id = ? AND idempotency_key = ?'),
    listCases: db.prepare(`
      SELECT * FROM cases
      WHERE tenant_id = @tenant
        AND (@requester IS NULL OR requester_user_id = @requester)
        AND (@status IS NULL OR status = @status)
        AND (@closedSince IS NULL OR closed_at >= @closedSince)
      ORDER BY created_at DESC, id DESC
      LIMIT @limit`),
    listOpenCases: db.prepare(`SELECT * FROM cases WHERE status = 'open' ORDER BY created_at, id`),
    nextSequence: db.prepare(`
      INSERT INTO case_number_sequences (utc_day, last_sequence) VALUES (?, 1)
      ON CONFLICT (utc_day) DO UPDATE SET last_sequence = last_sequence + 1
      RETURNING last_sequence`),
    insertCase: db.prepare(`
      INSERT INTO cases (
        number, tenant_id, idempotency_key, created_at, requester_channel, requester_user_id,
        requester_name, category, severity, plan_family, title, description, contact_method,
        contact_email, contact_phone, contact_language, contact_time_zone, affected_users_json,
        status, updated_at, closed_at, respond_by, owner, conversation_reference_json, extra_json,
        next_reminder_at
      ) VALUES (
        @number, @tenant_id, @idempotency_key, @created_at, @requester_channel, @requester_user_id,
        @requester_name, @category, @severity, @plan_family, @title, @description, @contact_method,
        @contact_email, @contact_phone, @contact_language, @contact_time_zone, @affected_users_json,
        @status, @updated_at, @closed_at, @respond_by, @owner, @conversation_reference_json, @extra_json,
        @created_at
      )`),
    listDueForReminder: db.prepare(`
      SELECT * FROM cases
      WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= ? AND status = 'open'
      ORDER BY next_reminder_at, id
      LIMIT ?`),
    scheduleReminder: db.prepare(`
      UPDATE cases SET next_reminder_at = ?
      WHERE tenant_id = ? AND number = ? AND updated_at = ? AND status = 'open'`),
    selectCasesByIds: db.prepare('SELECT * FROM cases WHERE id IN (SELECT value FROM json_each(?))'),
    updateCase: db.prepare(`UPDATE cases SET ${CASE_COLUMNS_SET} WHERE id = @id`),
  };
}

/** The audit trail of each case. */
function prepareAuditStatements(db: Database.Database) {
  return {
    insertAudit: db.prepare(
      'INSERT INTO case_audit (case_id, at, actor, action, detail, changes_json) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    selectAudit: db.prepare('SELECT * FROM case_audit WHERE case_id = ? ORDER BY id'),
    selectAuditById: db.prepare('SELECT * FROM case_audit WHERE id = ?'),
    selectAuditOfCases: db.prepare(
      'SELECT * FROM case_audit WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, id',
    ),
  };
}

/** What one conversation turn reads and writes: tenant plan, conversation state, dedup claims. */
function prepareTurnStatements(db: Database.Database) {
  return {
    selectTenant: db.prepare('SELECT * FROM tenant_settings WHERE tenant_id = ?'),
    upsertTenantPlan: db.prepare(`
      INSERT INTO tenant_settings (tenant_id, plan, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (tenant_id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at
      RETURNING *`),
    selectState: db.prepare('SELECT value_json FROM conversation_state WHERE key = ?'),
    upsertState: db.prepare(`
      INSERT INTO conversation_state (key, value_json, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`),
    deleteState: db.prepare('DELETE FROM conversation_state WHERE key = ?'),
    deleteExpiredClaims: db.prepare('DELETE FROM dedup_claims WHERE expires_at <= ?'),
    insertClaim: db.prepare('INSERT INTO dedup_claims (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    deleteClaim: db.prepare('DELETE FROM dedup_claims WHERE key = ?'),
    selectLiveClaim: db.prepare('SELECT 1 FROM dedup_claims WHERE key = ? AND expires_at > ?'),
    // One row always (the LEFT JOIN on a one-row table): claim, state and tenant, or nulls.
    selectTurn: db.prepare(`
      SELECT
        EXISTS (SELECT 1 FROM dedup_claims WHERE key = @claimKey AND expires_at > @now) AS claimed,
        (SELECT value_json FROM conversation_state WHERE key = @stateKey) AS state_json,
        t.tenant_id, t.plan, t.updated_at
      FROM (SELECT 1) LEFT JOIN tenant_settings t ON t.tenant_id = @tenantId`),
  };
}

/** The outbox of case notifications, leased by one instance at a time. */
function prepareOutboxStatements(db: Database.Database) {
  return {
    insertOutbox: db.prepare('INSERT INTO case_outbox (case_id, target, created_at, next_attempt_at) VALUES (?, ?, ?, ?)'),
    claimOutbox: db.prepare(`
      UPDATE case_outbox SET lease = @lease, lease_until = @leaseUntil, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM case_outbox
        WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now
          AND (lease_until IS NULL OR lease_until <= @now)
        ORDER BY next_attempt_at, id
        LIMIT @limit)
      RETURNING id, target, attempts,
        (SELECT tenant_id FROM cases WHERE cases.id = case_id) AS tenant_id,
        (SELECT number FROM cases WHERE cases.id = case_id) AS number`),
    settleOutboxDelivered: db.prepare(`
      UPDATE case_outbox SET delivered_at = @now, last_error = NULL, lease = NULL, lease_until = NULL
      WHERE id = @id AND lease = @lease AND delivered_at IS NULL AND failed_at IS NULL`),
    settleOutboxRetry: db.prepare(`
      UPDATE case_outbox SET next_attempt_at = @retryAt, last_error = @error, lease = NULL, lease_until = NULL
      WHERE id = @id AND lease = @lease AND delivered_at IS NULL AND failed_at IS NULL`),
    settleOutboxFailed: db.prepare(`
      UPDATE case_outbox SET failed_at = @now, last_error = @error, lease = NULL, lease_until = NULL
      WHERE id = @id AND lease = @lease AND delivered_at IS NULL AND failed_at IS NULL`),
    outboxStatus: db.prepare(`
      SELECT count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL) AS pending,
             count(delivered_at) AS delivered, count(failed_at) AS failed
      FROM case_outbox`),
    outboxBacklog: db.prepare('SELECT count(*) AS pending FROM case_outbox WHERE delivered_at IS NULL AND failed_at IS NULL'),
  };
}

/** Values and counters every instance shares (one-shot tokens, rate limits). */
function prepareSharedStatements(db: Database.Database) {
  return {
    upsertShared: db.prepare(`
      INSERT INTO shared_values (key, value_json, expires_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, expires_at = excluded.expires_at`),
    deleteExpiredShared: db.prepare('DELETE FROM shared_values WHERE key IN (SELECT key FROM shared_values WHERE expires_at <= ? ORDER BY expires_at LIMIT 20)'),
    selectShared: db.prepare('SELECT value_json FROM shared_values WHERE key = ? AND expires_at > ?'),
    takeShared: db.prepare('DELETE FROM shared_values WHERE key = ? RETURNING value_json, expires_at'),
    // A hit stamped in a window older than the stored one (another instance's clock a little
    // ahead) counts in the newer window rather than resetting it.
    countHit: db.prepare(`
      INSERT INTO hit_counters (key, window_start, hits, expires_at) VALUES (@key, @start, 1, @end)
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN hit_counters.window_start >= excluded.window_start THEN hit_counters.hits + 1 ELSE 1 END,
        window_start = max(hit_counters.window_start, excluded.window_start),
        expires_at = max(hit_counters.expires_at, excluded.expires_at)
      RETURNING hits`),
    peekCount: db.prepare('SELECT hits FROM hit_counters WHERE key = ? AND window_start >= ?'),
  };
}
