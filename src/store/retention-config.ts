/**
 * How long the store keeps what it does not need for ever, and how often it looks. A zod shape
 * of its own (composed into the application's one schema) plus a reader with errors that name
 * the variable and the fix.
 */
import { z } from 'zod';
import { parseEnv, wholeNumber, type Env } from '../env/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const retentionShape = {
  CONVERSATION_STATE_DAYS: wholeNumber(30, 1, 3650, 'days a conversation may stay idle before its state is deleted; 30 by default'),
  RETENTION_INTERVAL_MINUTES: wholeNumber(60, 1, 1440, 'minutes between two retention passes; 60 by default'),
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
