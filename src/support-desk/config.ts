/**
 * The support desk's settings, from the environment:
 *
 * - SUPPORT_TEAMS_CHANNEL: the Teams channel id (19:...@thread.tacv2) where case cards go.
 * - SUPPORT_SLACK_CHANNEL: the Slack channel id (C...) where case cards go.
 * - SUPPORT_ENGINEERS: comma-separated ids (AAD object ids, Slack user ids) or emails of the
 *   engineers; members of the support channel may act too.
 * - SLA_CHECK_INTERVAL_SECONDS: how often the SLA watch looks at open cases (default 60).
 */
export interface SupportDeskConfig {
  readonly teamsChannel?: string;
  readonly slackChannel?: string;
  /** Lower-cased ids and emails. */
  readonly engineers: readonly string[];
  readonly slaCheckIntervalMs: number;
}

export const DEFAULT_SLA_CHECK_INTERVAL_SECONDS = 60;

export class SupportDeskConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SupportDeskConfigError';
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function loadSupportDeskConfig(env: Readonly<Record<string, string | undefined>>): SupportDeskConfig {
  const teamsChannel = nonEmpty(env.SUPPORT_TEAMS_CHANNEL);
  const slackChannel = nonEmpty(env.SUPPORT_SLACK_CHANNEL);
  const engineers = (env.SUPPORT_ENGINEERS ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  const rawInterval = nonEmpty(env.SLA_CHECK_INTERVAL_SECONDS);
  const seconds = rawInterval === undefined ? DEFAULT_SLA_CHECK_INTERVAL_SECONDS : Number(rawInterval);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400) {
    throw new SupportDeskConfigError(`SLA_CHECK_INTERVAL_SECONDS must be a number of seconds between 1 and 86400, got "${rawInterval}"`);
  }
  if (slackChannel && !/^[CG][A-Z0-9]+$/.test(slackChannel)) {
    throw new SupportDeskConfigError(`SUPPORT_SLACK_CHANNEL must be a Slack channel id (C... or G...), got "${slackChannel}"`);
  }
  return {
    ...(teamsChannel ? { teamsChannel } : {}),
    ...(slackChannel ? { slackChannel } : {}),
    engineers,
    slaCheckIntervalMs: Math.round(seconds * 1000),
  };
}
