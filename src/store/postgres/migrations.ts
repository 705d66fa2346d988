/**
 * The PostgreSQL schema, versioned like the SQLite one: `schema_migrations` records how many
 * entries of `MIGRATIONS` were applied. Instances starting together serialize on a session
 * advisory lock, and each migration commits with its version row, so it runs exactly once.
 *
 * Append only. Timestamps are `timestamptz`; opaque values are `jsonb`; ids are identities.
 */
import type { PoolClient } from 'pg';
import { StoreSchemaError } from '../errors.js';

/** pg_advisory_lock key: any constant unique to this application's migrations. */
const MIGRATION_LOCK_KEY = 7_219_461_019;

export const MIGRATIONS: readonly string[] = [
  /* 1: the same tables as SQLite's first migration */ `
  CREATE TABLE cases (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number                 text        NOT NULL UNIQUE,
    tenant_id              text        NOT NULL,
    idempotency_key        text        NOT NULL,
    requester_channel      text        NOT NULL,
    requester_user_id      text        NOT NULL,
    requester_name         text        NOT NULL,
    category               text        NOT NULL,
    severity               text        NOT NULL CHECK (severity IN ('A', 'B', 'C')),
    plan_family            text        NOT NULL,
    title                  text        NOT NULL,
    description            text        NOT NULL,
    contact_method         text        NOT NULL CHECK (contact_method IN ('email', 'phone', 'chat')),
    contact_email          text,
    contact_phone          text,
    contact_language       text        NOT NULL,
    contact_time_zone      text        NOT NULL,
    affected_users         jsonb       NOT NULL,
    status                 text        NOT NULL CHECK (status IN ('open', 'closed')),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    closed_at              timestamptz,
    respond_by             timestamptz,
    owner                  text,
    conversation_reference jsonb       NOT NULL,
    extra                  jsonb       NOT NULL DEFAULT '{}',
    UNIQUE (tenant_id, idempotency_key),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
  );
  CREATE INDEX cases_by_tenant_created ON cases (tenant_id, created_at);
  CREATE INDEX cases_by_tenant_requester ON cases (tenant_id, requester_user_id);
  CREATE INDEX cases_by_tenant_closed ON cases (tenant_id, closed_at) WHERE closed_at IS NOT NULL;
  CREATE INDEX cases_open ON cases (created_at) WHERE status = 'open';

  CREATE TABLE case_audit (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id  bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at       timestamptz NOT NULL,
    actor    text        NOT NULL,
    action   text        NOT NULL,
    detail   text,
    changes  jsonb
  );
  CREATE INDEX case_audit_by_case ON case_audit (case_id, id);

  CREATE TABLE case_number_sequences (
    utc_day       text    PRIMARY KEY,
    last_sequence integer NOT NULL
  );

  CREATE TABLE tenant_settings (
    tenant_id  text        PRIMARY KEY,
    plan       text,
    updated_at timestamptz NOT NULL
  );

  CREATE TABLE conversation_state (
    key        text        PRIMARY KEY,
    value      jsonb       NOT NULL,
    updated_at timestamptz NOT NULL
  );

  CREATE TABLE dedup_claims (
    key        text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX dedup_claims_by_expiry ON dedup_claims (expires_at);
  `,
  /* 2: the outbox of case announcements (see store.ts, claimOutbox) */ `
  CREATE TABLE case_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id         bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    target          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease           text,
    lease_until     timestamptz,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    last_error      text,
    UNIQUE (case_id, target)
  );
  CREATE INDEX case_outbox_pending ON case_outbox (next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
  `,
  /* 3: when the SLA check must next look at an open case (NULL: not until it changes) */ `
  ALTER TABLE cases ADD COLUMN next_reminder_at timestamptz;
  UPDATE cases SET next_reminder_at = created_at WHERE status = 'open';
  CREATE INDEX cases_reminder_due ON cases (next_reminder_at) WHERE next_reminder_at IS NOT NULL;
  `,
  /* 4: `my cases` pages a tenant's cases by status, newest first */ `
  CREATE INDEX cases_by_tenant_status_created ON cases (tenant_id, status, created_at, id);
  `,
  /* 5: state shared by instances, fixed-window counters, and what the retention pass reads */ `
  CREATE TABLE shared_values (
    key        text        PRIMARY KEY,
    value      jsonb       NOT NULL,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX shared_values_by_expiry ON shared_values (expires_at);
  CREATE TABLE hit_counters (
    key          text        PRIMARY KEY,
    window_start bigint      NOT NULL,
    hits         integer     NOT NULL,
    expires_at   timestamptz NOT NULL
  );
  CREATE INDEX hit_counters_by_expiry ON hit_counters (expires_at);
  CREATE INDEX conversation_state_by_updated ON conversation_state (updated_at);
  -- Prefix searches (LIKE 'sla:T:N:%') use an index whatever the database's collation.
  CREATE INDEX dedup_claims_by_prefix ON dedup_claims (key text_pattern_ops);
  -- When the retention pass removed a closed case's reminder claims; any change clears it.
  ALTER TABLE cases ADD COLUMN claims_swept_at timestamptz;
  CREATE INDEX cases_closed_unswept ON cases (closed_at) WHERE closed_at IS NOT NULL AND claims_swept_at IS NULL;
  `,
  /* 6: the open cases of every tenant by age served the SLA check before next_reminder_at; PostgreSQL's
        planner took it for a tenant's \`my cases\` (scanning every open case of every tenant) */ `
  DROP INDEX cases_open;
  `,
];

/** Applies what is missing under the advisory lock; returns the resulting version. */
export async function applyMigrations(client: PoolClient, migrations: readonly string[] = MIGRATIONS): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    let version = await schemaVersion(client);
    // Running older code on a newer schema could silently drop what the newer code relies on.
    if (version > migrations.length) {
      throw new StoreSchemaError(`database schema ${version} is newer than this build knows (${migrations.length})`);
    }
    for (; version < migrations.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(migrations[version]!);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return version;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}

export async function schemaVersion(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}
