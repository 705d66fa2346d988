/** The Teams channel (Bot Framework): mount → inbound → bot → render → context.sendActivities, and its support-desk side. */
export { mountTeams, MESSAGES_PATH, MAX_ACTIVITY_BYTES, type TeamsJsonRoute, type TeamsMount, type TeamsMountDeps } from './mount.js';
export { createTeamsAdapter, createBotFrameworkAuth, botFrameworkOptions, type BotFrameworkEndpoints, type TeamsCredentials } from './adapter.js';
export { createRequestAuthenticator, type AuthCheck, type RequestAuthenticator } from './request-auth.js';
export { confineToEmulatorTenant, createEndpointGate, isLoopbackUrl, rateLimitedWarn, type BotEndpoint } from './endpoint-gate.js';
export { activityProblem } from './request-check.js';
export { createTeamsBot, MESSAGE_RESPONSE_TYPE, type TeamsBotDeps, type TeamsBotLogic, type TeamsDeskSide, type ExecuteResponseBody } from './bot.js';
export {
  activityToTurn,
  inboundOf,
  EMULATOR_TENANT,
  NO_TENANT,
  WELCOME_TEXT,
  type DeskCardAction,
  type Inbound,
  type InboundTurn,
  type InboundKind,
} from './inbound.js';
export { ADAPTIVE_CARD_CONTENT_TYPE, CARD_VERSION, CardTemplateError, cardTemplate, DEFAULT_CARDS_DIR, type CardJson, type CardTemplate } from './card-template.js';
export { cardData, createCardRenderer, loadCardTemplates, REPLY_KINDS, type CardRenderer, type CardTemplates } from './render.js';
export { escapeCardMarkdown, markdownLink, plainTextToCard, inlineCardText } from './markdown.js';
export { createTeamsSupport, teamsChannelIdOf, BOT_FRAMEWORK_CHANNELS, TEAMS_CHANNEL_REF_KEY, type TeamsSupport, type TeamsSupportOptions } from './desk.js';
export {
  compactCaseCard,
  loadSupportCardTemplates,
  renderRequesterNoticeCard,
  renderSupportCaseCard,
  SUPPORT_CARD_LABELS,
  type SupportCardTemplates,
} from './desk-render.js';
