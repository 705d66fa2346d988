/** The Teams channel: CloudAdapter, the thin bot, and the Adaptive Card renderer. */
export { createTeamsAdapter, createBotFrameworkAuth, botFrameworkOptions, type BotFrameworkEndpoints, type TeamsCredentials } from './adapter.js';
export { createRequestAuthenticator, type AuthCheck, type RequestAuthenticator } from './request-auth.js';
export { createTeamsBot, MESSAGE_RESPONSE_TYPE, type TeamsBotDeps, type TeamsBotLogic, type ExecuteResponseBody } from './bot.js';
export { activityToTurn, EMULATOR_TENANT, NO_TENANT, WELCOME_TEXT, type InboundTurn, type InboundKind } from './activity.js';
export {
  ADAPTIVE_CARD_CONTENT_TYPE,
  CARD_VERSION,
  CardTemplateError,
  cardData,
  createCardRenderer,
  DEFAULT_CARDS_DIR,
  loadCardTemplates,
  REPLY_KINDS,
  type CardJson,
  type CardRenderer,
  type CardTemplates,
} from './renderer.js';
export { escapeCardMarkdown, markdownLink, plainTextToCard } from './markdown.js';
