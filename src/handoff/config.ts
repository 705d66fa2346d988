/**
 * The outbox relay's part of the configuration (OUTBOX_LEASE_SECONDS, OUTBOX_POLL_SECONDS). The defaults suit production; tests shorten
 * the lease so a row claimed by a killed process is replayed quickly.
 */
import { z } from 'zod';
import { parseEnv, wholeNumber, type Env } from '../env/index.js';
import { StoreConfigError } from '../store/index.js';

export interface OutboxConfig {
  readonly leaseMs: number;
  readonly pollIntervalMs: number;
}

const seconds = (fallback: number, max: number) => wholeNumber(fallback, 1, max, `seconds; default ${fallback}`);

export const outboxConfigSchema = z
  .object({
    OUTBOX_LEASE_SECONDS: seconds(60, 3_600),
    OUTBOX_POLL_SECONDS: seconds(5, 3_600),
  })
  .transform((env): OutboxConfig => ({ leaseMs: env.OUTBOX_LEASE_SECONDS * 1_000, pollIntervalMs: env.OUTBOX_POLL_SECONDS * 1_000 }));

/** This part alone (tests); throws StoreConfigError naming every bad variable. */
export function outboxConfigFromEnv(env: Env): OutboxConfig {
  return parseEnv(outboxConfigSchema, env, (problems) => new StoreConfigError(problems));
}
