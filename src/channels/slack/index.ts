/** The Slack channel: what the server and main import. */
export { mountSlack, changesCases, SLACK_EVENTS_PATH, SLACK_COMMAND, type SlackChannel, type SlackChannelDeps } from './mount.js';
export type { RetryConfig } from '../../http/retry.js';
export { slackConfigFromEnv, type SlackConfig, type SlackEnvResult } from './config.js';
export { escapeMrkdwn, slackTextToPlain } from './mrkdwn.js';
export { renderReply, renderCaseFormModal, renderHome, modalErrors, formDataFromView, type SlackMessage } from './render.js';
export { SCOPE_USAGE } from './scopes.js';
