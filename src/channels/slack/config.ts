/** Slack's settings from the environment: enabled only when both secrets are set. */

export interface SlackConfig {
  readonly signingSecret: string;
  readonly botToken: string;
  /** SLACK_API_URL: the Web API base (a fake in tests); Slack's own when unset. */
  readonly apiUrl?: string;
}

export type SlackEnvResult =
  | { readonly config: SlackConfig; readonly reason?: undefined }
  | { readonly config: undefined; readonly reason: string };

/** The Slack config, or undefined with a one-line reason (for the start-up log). */
export function slackConfigFromEnv(env: Readonly<Record<string, string | undefined>>): SlackEnvResult {
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() ?? '';
  const botToken = env.SLACK_BOT_TOKEN?.trim() ?? '';
  const apiUrl = env.SLACK_API_URL?.trim() ?? '';
  const missing = [signingSecret === '' ? 'SLACK_SIGNING_SECRET' : '', botToken === '' ? 'SLACK_BOT_TOKEN' : ''].filter(Boolean);
  if (missing.length === 2) return { config: undefined, reason: 'Slack disabled: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set' };
  if (missing.length === 1) return { config: undefined, reason: `Slack disabled: ${missing[0]} is not set (both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are needed)` };
  if (apiUrl !== '' && !/^https?:\/\/\S+$/i.test(apiUrl)) {
    return { config: undefined, reason: `Slack disabled: SLACK_API_URL "${apiUrl}" is not an http(s) URL` };
  }
  return { config: { signingSecret, botToken, ...(apiUrl !== '' ? { apiUrl } : {}) } };
}
