/**
 * Which database holds the cases: SQLite in DATA_DIR with no configuration, PostgreSQL when
 * DATABASE_URL is set (required to run several instances). Validated at start-up; errors name
 * the variable and the fix, and never print the URL's password.
 */
import { z } from 'zod';
import { parseEnv, type Env } from '../env/index.js';

export const STORE_VARIABLES = ['DATABASE_URL', 'DATABASE_POOL_SIZE'] as const;

export type StoreChoice =
  | { readonly kind: 'sqlite' }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly poolSize: number; readonly where: string };

export class StoreConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'StoreConfigError';
  }
}

const POSTGRES_URL = /^postgres(ql)?:$/;

export const storeConfigSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value === '' ? undefined : value))
      .refine((value) => value === undefined || (URL.canParse(value) && POSTGRES_URL.test(new URL(value).protocol) && new URL(value).hostname !== ''), {
        message: 'must be a PostgreSQL URL such as postgres://bot:PASSWORD@db.internal:5432/support_bot (or leave it unset to use SQLite in DATA_DIR)',
      }),
    DATABASE_POOL_SIZE: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value === undefined || value === '' ? '10' : value))
      .pipe(z.string().regex(/^\d+$/, 'must be a whole number from 1 to 100 (connections per instance; 10 by default)'))
      .transform(Number)
      .pipe(z.number().int().min(1, 'must be from 1 to 100').max(100, 'must be from 1 to 100')),
  })
  .transform(({ DATABASE_URL: url, DATABASE_POOL_SIZE: poolSize }): StoreChoice => {
    if (url === undefined) return { kind: 'sqlite' };
    const parsed = new URL(url);
    return { kind: 'postgres', connectionString: url, poolSize, where: `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}` };
  });

/** This part alone (tests); throws StoreConfigError naming every bad variable. */
export function storeChoiceFromEnv(env: Env): StoreChoice {
  return parseEnv(storeConfigSchema, env, (problems) => new StoreConfigError(problems));
}
