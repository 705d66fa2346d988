/**
 * How long the store keeps what it does not need for ever, and how often it looks. A zod shape
 * of its own (composed into the application's one schema) plus a reader with errors that name
 * the variable and the fix.
 */
import { z } from 'zod';
import { parseEnv, type Env } from '../env/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const wholeNumber = (name: string, fallback: string, min: number, max: number, meaning: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : value))
    .pipe(z.string().regex(/^\d+$/, `must be a whole number from ${min} to ${max} (${meaning}; ${fallback} by default)`))
    .transform(Number)
    .pipe(z.number().int().min(min, `must be from ${min} to ${max} (${meaning})`).max(max, `must be from ${min} to ${max} (${meaning})`))
    .describe(name);

export const retentionShape = {
  CONVERSATION_STATE_DAYS: wholeNumber('CONVERSATION_STATE_DAYS', '30', 1, 3650, 'days a conversation may stay idle before its state is deleted'),
  RETENTION_INTERVAL_MINUTES: wholeNumber('RETENTION_INTERVAL_MINUTES', '60', 1, 1440, 'minutes between two retention passes'),
};

export interface RetentionConfig {
  readonly conversationIdleMs: number;
  readonly intervalMs: number;
}

/** The part's schema for the application's one configuration (src/app/config.ts). */
export const retentionConfigSchema = z
  .object(retentionShape)
  .transform((vars): RetentionConfig => ({ conversationIdleMs: vars.CONVERSATION_STATE_DAYS * DAY_MS, intervalMs: vars.RETENTION_INTERVAL_MINUTES * 60_000 }));

export class RetentionConfigError extends Error {
  override name = 'RetentionConfigError';
}

export function retentionConfigFromEnv(env: Env): RetentionConfig {
  return parseEnv(retentionConfigSchema, env, (problems) => new RetentionConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`));
}
