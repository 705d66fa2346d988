/** The conversation core's settings, read once from the environment. */
import { parseBusinessHours, isValidTimeZone, type BusinessHours } from '../domain/business-hours.js';
import { resolvePlan } from '../domain/plans.js';
import { CHANNEL_CREDENTIAL_VARIABLES } from '../config.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig, type TurnLimitScope } from './rate-limit.js';

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
  /**
   * Whose budget a turn is counted against: the user's (default) or, where the user id is not
   * authenticated and shared by everyone (the local chat's `local-admin`), each conversation's.
   */
  readonly turnLimitPer?: TurnLimitScope;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

function wholeNumber(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(variable, `"${raw}" must be a whole number (0 turns the limit off)`);
  }
  return Number(raw);
}

/**
 * Reads DEFAULT_PLAN, ADMIN_USERS, BUSINESS_HOURS, DEFAULT_TIME_ZONE, RATE_LIMIT_PER_MINUTE,
 * RATE_LIMIT_CASES_PER_HOUR and whether channel credentials are set; throws ConfigError naming the variable.
 */
export function loadCoreConfig(env: NodeJS.ProcessEnv): CoreConfig {
  const config: { -readonly [K in keyof CoreConfig]: CoreConfig[K] } = {
    credentialsConfigured: CHANNEL_CREDENTIAL_VARIABLES.some((variable) => Boolean(env[variable]?.trim())),
    rateLimits: {
      turnsPerMinute: wholeNumber(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMITS.turnsPerMinute),
      casesPerHour: wholeNumber(env, 'RATE_LIMIT_CASES_PER_HOUR', DEFAULT_RATE_LIMITS.casesPerHour),
    },
  };

  const plan = env.DEFAULT_PLAN?.trim();
  if (plan) {
    if (!resolvePlan(plan)) {
      throw new ConfigError(
        'DEFAULT_PLAN',
        `"${plan}" is not a known Office 365 plan; use a plan name ("Office 365 E3", "Business Premium") or a family (business, enterprise, firstline, elevated)`,
      );
    }
    config.defaultPlan = plan;
  }

  const admins = env.ADMIN_USERS?.trim();
  if (admins) {
    const list = admins.split(',').map((a) => a.trim()).filter(Boolean);
    config.adminUsers = list.includes('*') ? '*' : list;
  }

  const hours = env.BUSINESS_HOURS?.trim();
  if (hours) {
    const parsed = parseBusinessHours(hours);
    if (!parsed.ok) throw new ConfigError('BUSINESS_HOURS', parsed.error);
    config.businessHours = parsed.value;
  }

  const zone = env.DEFAULT_TIME_ZONE?.trim();
  if (zone) {
    if (!isValidTimeZone(zone)) {
      throw new ConfigError('DEFAULT_TIME_ZONE', `"${zone}" is not an IANA time zone such as "Europe/London" or "Asia/Taipei"`);
    }
    config.defaultTimeZone = zone;
  }
  return config;
}
