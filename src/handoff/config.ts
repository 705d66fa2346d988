/**
 * The outbox relay's timing, from the environment. The defaults suit production; tests shorten
 * the lease so a row claimed by a killed process is replayed quickly.
 */
import { z } from 'zod';
import { StoreConfigError } from '../store/index.js';

export interface OutboxConfig {
  readonly leaseMs: number;
  readonly pollIntervalMs: number;
}

const seconds = (fallback: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(fallback) : value))
    .pipe(z.string().regex(/^\d+$/, `must be a whole number of seconds from 1 to ${max} (default ${fallback})`))
    .transform(Number)
    .pipe(z.number().int().min(1, `must be from 1 to ${max}`).max(max, `must be from 1 to ${max}`));

const schema = z.object({
  OUTBOX_LEASE_SECONDS: seconds(60, 3_600),
  OUTBOX_POLL_SECONDS: seconds(5, 3_600),
});

/** Throws StoreConfigError naming the variable. */
export function outboxConfigFromEnv(env: Readonly<Record<string, string | undefined>>): OutboxConfig {
  const result = schema.safeParse({ OUTBOX_LEASE_SECONDS: env.OUTBOX_LEASE_SECONDS, OUTBOX_POLL_SECONDS: env.OUTBOX_POLL_SECONDS });
  if (!result.success) throw new StoreConfigError(result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return { leaseMs: result.data.OUTBOX_LEASE_SECONDS * 1_000, pollIntervalMs: result.data.OUTBOX_POLL_SECONDS * 1_000 };
}
