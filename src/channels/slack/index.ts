/** The Slack channel (Bolt + Block Kit): the admin's conversation and the support desk's Slack side. */
export { mountSlack, SLACK_EVENTS_PATH, type SlackChannel, type SlackChannelDeps } from './mount.js';
export { SLACK_COMMAND } from './inbound.js';
export { changesCases } from './exchange.js';
export { memoryPendingState, PENDING_TTL_MS, type PendingKind, type SlackPendingState } from './pending.js';
export { storePendingState } from './pending-store.js';
export type { RetryConfig } from '../../http/retry.js';
export { slackConfigFromEnv, type SlackConfig, type SlackEnvResult } from './config.js';
export { escapeMrkdwn, slackTextToPlain } from './mrkdwn.js';
export { renderReply, renderCaseFormModal, renderHome, modalErrors, formDataFromView, type SlackMessage } from './render.js';
export { SCOPE_USAGE } from './scopes.js';
export { attachSlackSupport, type SlackSupportOptions } from './desk.js';
export { renderSupportCaseBlocks, renderRequesterNoticeBlocks } from './desk-render.js';
