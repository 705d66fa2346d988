/**
 * Slack's part of the configuration, as a zod schema `src/app/config.ts` composes: Slack is
 * enabled only when both secrets are set; a malformed SLACK_API_URL is a configuration error.
 */
import { z } from 'zod';
import { optionalText, parseEnv, type Env } from '../../env/index.js';

export interface SlackConfig {
  readonly signingSecret: string;
  readonly botToken: string;
  /** SLACK_API_URL: the Web API base (a fake in tests); Slack's own when unset. */
  readonly apiUrl?: string;
}

export type SlackEnvResult =
  | { readonly config: SlackConfig; readonly reason?: undefined }
  | { readonly config: undefined; readonly reason: string };

export const slackConfigSchema = z
  .object({
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: optionalText,
    SLACK_API_URL: optionalText.refine((url) => url === undefined || /^https?:\/\/\S+$/i.test(url), 'must be an http(s):// URL such as https://slack.com/api/ (or unset for Slack\'s own)'),
  })
  .transform(({ SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: botToken, SLACK_API_URL: apiUrl }): SlackEnvResult => {
    if (signingSecret && botToken) return { config: { signingSecret, botToken, ...(apiUrl ? { apiUrl } : {}) } };
    if (!signingSecret && !botToken) return { config: undefined, reason: 'Slack disabled: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set' };
    const missing = signingSecret ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET';
    return { config: undefined, reason: `Slack disabled: ${missing} is not set (both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are needed)` };
  });

/** This part alone (tests): the Slack config, or undefined with a one-line reason (a bad SLACK_API_URL included). */
export function slackConfigFromEnv(env: Env): SlackEnvResult {
  try {
    return parseEnv(slackConfigSchema, env, (problems) => new Error(problems.join('; ')));
  } catch (error) {
    return { config: undefined, reason: `Slack disabled: ${(error as Error).message}` };
  }
}
