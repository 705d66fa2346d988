/**
 * The conversation core's part of the configuration (DEFAULT_PLAN, ADMIN_USERS, BUSINESS_HOURS,
 * DEFAULT_TIME_ZONE, RATE_LIMIT_PER_MINUTE, RATE_LIMIT_CASES_PER_HOUR, and whether channel
 * credentials are set), as a zod schema `src/app/config.ts` composes with the other parts.
 */
import { z } from 'zod';
import { parseBusinessHours, isValidTimeZone, type BusinessHours } from '../domain/business-hours.js';
import { resolvePlan } from '../domain/plans.js';
import { credentialsIn, optionalText, parseEnv, wholeNumber, type Env } from '../env/index.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rate-limit.js';

export interface CoreConfig {
  /** Plan used for every tenant that has not named its own (a family id or a plan name). */
  readonly defaultPlan?: string;
  /** User ids, emails or UPNs allowed to open and manage cases; '*' for everyone; unset: see admin-policy.ts. */
  readonly adminUsers?: string[] | '*' | undefined;
  /** True when any channel credentials are set (MicrosoftAppId, SLACK_SIGNING_SECRET or SLACK_BOT_TOKEN). */
  readonly credentialsConfigured: boolean;
  readonly businessHours?: BusinessHours;
  /** IANA zone used when the channel gives none for the user; UTC otherwise. */
  readonly defaultTimeZone?: string;
  /** Per-user limits (RATE_LIMIT_PER_MINUTE, RATE_LIMIT_CASES_PER_HOUR); unset: no limit (tests). */
  readonly rateLimits?: RateLimitConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const limit = (fallback: number) => wholeNumber(fallback, 0, 1_000_000, '0 turns the limit off');

const PLAN_HINT = 'is not a known Office 365 plan; use a plan name ("Office 365 E3", "Business Premium") or a family (business, enterprise, firstline, elevated)';

export const coreConfigSchema = z
  .object({
    DEFAULT_PLAN: optionalText.refine((plan) => plan === undefined || resolvePlan(plan) !== undefined, PLAN_HINT),
    ADMIN_USERS: optionalText,
    BUSINESS_HOURS: optionalText.transform((hours, ctx) => {
      if (hours === undefined) return undefined;
      const parsed = parseBusinessHours(hours);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
    DEFAULT_TIME_ZONE: optionalText.refine(
      (zone) => zone === undefined || isValidTimeZone(zone),
      'is not an IANA time zone such as "Europe/London" or "Asia/Taipei"',
    ),
    RATE_LIMIT_PER_MINUTE: limit(DEFAULT_RATE_LIMITS.turnsPerMinute),
    RATE_LIMIT_CASES_PER_HOUR: limit(DEFAULT_RATE_LIMITS.casesPerHour),
    MicrosoftAppId: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: optionalText,
  })
  .transform((env): CoreConfig => {
    const admins = env.ADMIN_USERS?.split(',').map((a) => a.trim()).filter(Boolean);
    return {
      credentialsConfigured: credentialsIn({ MicrosoftAppId: env.MicrosoftAppId, SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN }),
      rateLimits: { turnsPerMinute: env.RATE_LIMIT_PER_MINUTE, casesPerHour: env.RATE_LIMIT_CASES_PER_HOUR },
      ...(env.DEFAULT_PLAN ? { defaultPlan: env.DEFAULT_PLAN } : {}),
      ...(admins && admins.length > 0 ? { adminUsers: admins.includes('*') ? ('*' as const) : admins } : {}),
      ...(env.BUSINESS_HOURS ? { businessHours: env.BUSINESS_HOURS } : {}),
      ...(env.DEFAULT_TIME_ZONE ? { defaultTimeZone: env.DEFAULT_TIME_ZONE } : {}),
    };
  });

/** This part alone (tests, `npm run chat`); throws ConfigError naming every bad variable. */
export function loadCoreConfig(env: Env): CoreConfig {
  return parseEnv(coreConfigSchema, env, (problems) => new ConfigError(problems));
}
