/**
 * The support desk's part of the configuration, as a zod schema `src/app/config.ts` composes:
 *
 * - SUPPORT_TEAMS_CHANNEL: the Teams channel id (19:...@thread.tacv2) where case cards go.
 * - SUPPORT_SLACK_CHANNEL: the Slack channel id (C...) where case cards go.
 * - SUPPORT_ENGINEERS: comma-separated ids (AAD object ids, Slack user ids) or emails of the
 *   engineers; members of the support channel may act too.
 * - SLA_CHECK_INTERVAL_SECONDS: how often the SLA watch looks at open cases (default 60).
 */
import { z } from 'zod';
import { optionalText, parseEnv, wholeNumber, type Env } from '../env/index.js';

export interface SupportDeskConfig {
  readonly teamsChannel?: string;
  readonly slackChannel?: string;
  /** Lower-cased ids and emails. */
  readonly engineers: readonly string[];
  readonly slaCheckIntervalMs: number;
}

export const DEFAULT_SLA_CHECK_INTERVAL_SECONDS = 60;

export class SupportDeskConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'SupportDeskConfigError';
  }
}

export const supportDeskConfigSchema = z
  .object({
    SUPPORT_TEAMS_CHANNEL: optionalText,
    SUPPORT_SLACK_CHANNEL: optionalText.refine(
      (channel) => channel === undefined || /^[CG][A-Z0-9]+$/.test(channel),
      'must be a Slack channel id (C... or G...), not its name: open the channel details in Slack, the id is at the bottom',
    ),
    SUPPORT_ENGINEERS: optionalText,
    SLA_CHECK_INTERVAL_SECONDS: wholeNumber(DEFAULT_SLA_CHECK_INTERVAL_SECONDS, 1, 86_400, `seconds between two SLA checks; default ${DEFAULT_SLA_CHECK_INTERVAL_SECONDS}`),
  })
  .transform((env): SupportDeskConfig => ({
    ...(env.SUPPORT_TEAMS_CHANNEL ? { teamsChannel: env.SUPPORT_TEAMS_CHANNEL } : {}),
    ...(env.SUPPORT_SLACK_CHANNEL ? { slackChannel: env.SUPPORT_SLACK_CHANNEL } : {}),
    engineers: (env.SUPPORT_ENGINEERS ?? '')
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry !== ''),
    slaCheckIntervalMs: env.SLA_CHECK_INTERVAL_SECONDS * 1000,
  }));

/** This part alone (tests); throws SupportDeskConfigError naming every bad variable. */
export function loadSupportDeskConfig(env: Env): SupportDeskConfig {
  return parseEnv(supportDeskConfigSchema, env, (problems) => new SupportDeskConfigError(problems));
}
