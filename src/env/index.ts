/** Reading environment variables with zod: the pieces every part's configuration schema is built from, and one way to report problems. */
import { z } from 'zod';

export type Env = Readonly<Record<string, string | undefined>>;

/** The variables whose presence means "this server serves a real channel". */
export const CHANNEL_CREDENTIAL_VARIABLES = ['MicrosoftAppId', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'] as const;

/** Whether any channel credential is set (blank counts as unset). */
export function credentialsIn(env: Env): boolean {
  return CHANNEL_CREDENTIAL_VARIABLES.some((variable) => Boolean(env[variable]?.trim()));
}

/** Trimmed text; empty counts as unset (a `.env` line `MicrosoftAppId=` means "not set"). */
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value));

/** A whole number from `min` to `max`, `fallback` when unset; `hint` says what it is for. */
export function wholeNumber(fallback: number, min: number, max: number, hint: string) {
  return optionalText
    .transform((value) => value ?? String(fallback))
    .pipe(z.string().regex(/^\d+$/, `must be a whole number from ${min} to ${max} (${hint})`))
    .transform(Number)
    .pipe(z.number().int().min(min, `must be from ${min} to ${max} (${hint})`).max(max, `must be from ${min} to ${max} (${hint})`));
}

/** One line per problem: the variable, what is wrong and the fix, with the value given unless it is a secret. */
export function envProblems(error: z.ZodError, env: Env, skip = 0): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.slice(skip);
    const name = path.length > 0 ? path.join('.') : 'environment';
    const value = typeof path[0] === 'string' ? env[path[0]] : undefined;
    const shown = value === undefined || value.trim() === '' || /password|secret|token|url/i.test(name) ? '' : ` (got "${value}")`;
    return `${name} ${issue.message}${shown}`;
  });
}

/** Parses one part's variables; throws what `fail` builds from the problem lines. */
export function parseEnv<T>(schema: z.ZodType<T>, env: Env, fail: (problems: string[]) => Error): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw fail(envProblems(result.error, env));
}
