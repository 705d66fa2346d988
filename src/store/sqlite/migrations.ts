/**
 * Versioned schema. `PRAGMA user_version` holds how many entries of `MIGRATIONS` were applied;
 * each migration runs with its version bump in one IMMEDIATE transaction, so two processes
 * starting together cannot both apply it and a failing migration leaves nothing behind.
 *
 * Append only: never edit a migration that has shipped, add a new one.
 * Timestamps are INTEGER epoch milliseconds (UTC by construction, compared as numbers).
 * Tables are STRICT so a wrongly typed value fails loudly instead of being stored as text.
 */
import type Database from 'better-sqlite3';
import { StoreSchemaError } from '../errors.js';

export const MIGRATIONS: readonly string[] = [
  /* 1: cases, audit trail, daily case-number sequence, tenant settings, conversation state, dedup */ `
  CREATE TABLE cases (
    id                          INTEGER PRIMARY KEY,
    number                      TEXT    NOT NULL UNIQUE,
    tenant_id                   TEXT    NOT NULL,
    idempotency_key             TEXT    NOT NULL,
    requester_channel           TEXT    NOT NULL,
    requester_user_id           TEXT    NOT NULL,
    requester_name              TEXT    NOT NULL,
    category                    TEXT    NOT NULL,
    severity                    TEXT    NOT NULL CHECK (severity IN ('A', 'B', 'C')),
    plan_family                 TEXT    NOT NULL,
    title                       TEXT    NOT NULL,
    description                 TEXT    NOT NULL,
    contact_method              TEXT    NOT NULL CHECK (contact_method IN ('email', 'phone', 'chat')),
    contact_email               TEXT,
    contact_phone               TEXT,
    contact_language            TEXT    NOT NULL,
    contact_time_zone           TEXT    NOT NULL,
    affected_users_json         TEXT    NOT NULL,
    status                      TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
    created_at                  INTEGER NOT NULL,
    updated_at                  INTEGER NOT NULL,
    closed_at                   INTEGER,
    respond_by                  INTEGER,
    owner                       TEXT,
    conversation_reference_json TEXT    NOT NULL,
    extra_json                  TEXT    NOT NULL DEFAULT '{}',
    UNIQUE (tenant_id, idempotency_key),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
  ) STRICT;
  CREATE INDEX cases_by_tenant_created ON cases (tenant_id, created_at);
  CREATE INDEX cases_by_tenant_requester ON cases (tenant_id, requester_user_id);
  CREATE INDEX cases_by_tenant_closed ON cases (tenant_id, closed_at) WHERE closed_at IS NOT NULL;
  CREATE INDEX cases_open ON cases (created_at) WHERE status = 'open';

  CREATE TABLE case_audit (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at           INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    detail       TEXT,
    changes_json TEXT
  ) STRICT;
  CREATE INDEX case_audit_by_case ON case_audit (case_id, id);

  -- Keyed by the yymmdd printed in the number, so a unique sequence means a unique number.
  CREATE TABLE case_number_sequences (
    utc_day       TEXT    PRIMARY KEY,
    last_sequence INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE tenant_settings (
    tenant_id  TEXT    PRIMARY KEY,
    plan       TEXT,
    updated_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE conversation_state (
    key        TEXT    PRIMARY KEY,
    value_json TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE dedup_claims (
    key        TEXT    PRIMARY KEY,
    expires_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX dedup_claims_by_expiry ON dedup_claims (expires_at);
  `,
  /* 2: the outbox of case announcements, one row per case and target (see store.ts, claimOutbox) */ `
  CREATE TABLE case_outbox (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    target          TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease           TEXT,
    lease_until     INTEGER,
    delivered_at    INTEGER,
    failed_at       INTEGER,
    last_error      TEXT,
    UNIQUE (case_id, target)
  ) STRICT;
  CREATE INDEX case_outbox_pending ON case_outbox (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
  `,
  /* 3: when the SLA check must next look at an open case (NULL: not until it changes) */ `
  ALTER TABLE cases ADD COLUMN next_reminder_at INTEGER;
  UPDATE cases SET next_reminder_at = created_at WHERE status = 'open';
  CREATE INDEX cases_reminder_due ON cases (next_reminder_at) WHERE next_reminder_at IS NOT NULL;
  `,
  /* 4: `my cases` pages a tenant's cases by status, newest first */ `
  CREATE INDEX cases_by_tenant_status_created ON cases (tenant_id, status, created_at);
  `,
  /* 5: state shared by instances, fixed-window counters, and what the retention pass reads */ `
  CREATE TABLE shared_values (
    key        TEXT    PRIMARY KEY,
    value_json TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX shared_values_by_expiry ON shared_values (expires_at);
  CREATE TABLE hit_counters (
    key          TEXT    PRIMARY KEY,
    window_start INTEGER NOT NULL,
    hits         INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX hit_counters_by_expiry ON hit_counters (expires_at);
  CREATE INDEX conversation_state_by_updated ON conversation_state (updated_at);
  -- When the retention pass removed a closed case's reminder claims; any change clears it.
  ALTER TABLE cases ADD COLUMN claims_swept_at INTEGER;
  CREATE INDEX cases_closed_unswept ON cases (closed_at) WHERE closed_at IS NOT NULL AND claims_swept_at IS NULL;
  `,
  /* 6: the open cases of every tenant by age served the SLA check before next_reminder_at; PostgreSQL's
        planner took it for a tenant's \`my cases\` (scanning every open case of every tenant) */ `
  DROP INDEX cases_open;
  `,
];

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations not yet recorded; returns the resulting schema version. */
export function applyMigrations(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  assertNotNewer(schemaVersion(db), migrations.length);
  const applyOne = db.transaction((index: number) => {
    // Re-read under the write lock: another process may have migrated while we waited.
    if (schemaVersion(db) > index) return;
    db.exec(migrations[index]!);
    db.pragma(`user_version = ${index + 1}`);
  });
  for (let index = schemaVersion(db); index < migrations.length; index++) {
    applyOne.immediate(index);
  }
  return schemaVersion(db);
}

/** For a read-only store, which cannot migrate: the schema must already be current. */
export function assertSchemaCurrent(db: Database.Database, migrations: readonly string[] = MIGRATIONS): void {
  const version = schemaVersion(db);
  assertNotNewer(version, migrations.length);
  if (version < migrations.length) {
    throw new StoreSchemaError(`read-only database is at schema ${version}, this build needs ${migrations.length}`);
  }
}

function assertNotNewer(version: number, known: number): void {
  // Running older code on a newer schema could silently drop what the newer code relies on.
  if (version > known) {
    throw new StoreSchemaError(`database schema ${version} is newer than this build knows (${known})`);
  }
}
