/**
 * The observability variables: a zod shape (composed into the application's one schema) and a
 * reader whose errors name the variable and the fix.
 */
import { z } from 'zod';
import { parseEnv, type Env } from '../env/index.js';

export const observabilityShape = {
  METRICS: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => (value === undefined || value === '' ? 'off' : value))
    .pipe(z.enum(['on', 'off'], { message: 'must be on or off (on serves GET /metrics in Prometheus format; off by default)' })),
  METRICS_INSTANCE: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(z.string().regex(/^[\w.:-]{1,64}$/, 'must be 1-64 letters, digits, ".", ":", "_" or "-" (the bot_instance label; host:pid by default)').optional()),
};

export interface ObservabilityConfig {
  readonly metrics: boolean;
  /** The `bot_instance` label on every series; undefined: host:pid. */
  readonly instance: string | undefined;
}

/** The part's schema for the application's one configuration (src/app/config.ts). */
export const observabilityConfigSchema = z
  .object(observabilityShape)
  .transform((vars): ObservabilityConfig => ({ metrics: vars.METRICS === 'on', instance: vars.METRICS_INSTANCE }));

export class ObservabilityConfigError extends Error {
  override name = 'ObservabilityConfigError';
}

export function observabilityConfigFromEnv(env: Env): ObservabilityConfig {
  return parseEnv(observabilityConfigSchema, env, (problems) => new ObservabilityConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`));
}
