/**
 * The local chat: Web Chat in a browser at `/` (and the local support channel at `/support`),
 * talking Direct Line to this server. The path of a message: mount.ts (routes) -> direct-line.ts
 * -> inbound.ts (checked, routed: core or desk) -> the Teams bot logic and card renderer ->
 * conversation core -> connector.ts (the bot's replies, polled by the page); the desk side is
 * desk.ts (its Notifier) and desk-render.ts.
 *
 * It uses the process's one conversation core, in tenant `local`, telling it who is an admin from
 * the page's identity (see identity.ts). Its CloudAdapter is unauthenticated even when
 * MicrosoftAppId is set: the bot's replies go to this server on loopback, never to Microsoft's
 * connector.
 */
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createCardRenderer, createTeamsAdapter, createTeamsBot, type CardTemplates } from '../teams/index.js';
import type { CoreConfig } from '../../conversation/config.js';
import type { ConversationCore } from '../../conversation/types.js';
import { DEFAULT_BUNDLE_DIR } from './bundle.js';
import { ChatConversations, type ConversationLimits } from './conversations.js';
import { localBotLogic, localCore } from './inbound.js';
import { mountLocalChat } from './mount.js';
import type { LocalSupportHooks } from './support-hooks.js';

export { bundlePresent, DEFAULT_BUNDLE_DIR, FETCH_COMMAND, WEBCHAT_VERSION } from './bundle.js';
export { ChatConversations, ConversationsFullError, DEFAULT_LIMITS, type ConversationLimits, type StoredActivity } from './conversations.js';
export { identityFor, isLocalAdmin, LOCAL_BOT, LOCAL_IDENTITIES, LOCAL_TENANT, type LocalIdentity } from './identity.js';
export { mountLocalChat } from './mount.js';
export { DIRECT_LINE_PATH } from './direct-line.js';
export { CONNECTOR_PATH } from './connector.js';
export { renderPage, renderSupportPage } from './render.js';
export { createLocalSupport, type LocalSupport, type LocalSupportOptions } from './desk.js';
export type { LocalSupportHooks } from './support-hooks.js';

export interface LocalChatDeps {
  /** The process's one conversation core: the local chat hands it tenant `local`'s turns. */
  readonly core: ConversationCore;
  /** The core's settings (whether the page says "admin"). */
  readonly coreConfig: Pick<CoreConfig, 'adminUsers' | 'credentialsConfigured'>;
  readonly templates: CardTemplates;
  readonly logger?: Logger;
  readonly bundleDir?: string;
  readonly limits?: Partial<ConversationLimits>;
  /** Greet each new conversation with the bot's welcome card (default true). */
  readonly welcome?: boolean;
  /** Shared with the support desk's local notifier (built here when absent). */
  readonly conversations?: ChatConversations;
  /** The support desk's local side: `/support`, and desk.* card actions routed before the bot. */
  readonly support?: LocalSupportHooks;
}

export interface LocalChat {
  /** Pass to `createServer`/`createBotServer` as (part of) `extend`. */
  readonly extend: (app: Express) => void;
  readonly conversations: ChatConversations;
  /** Stops the idle sweep. */
  close(): void;
}

const SWEEP_MS = 5 * 60 * 1000;

export function createLocalChat(deps: LocalChatDeps): LocalChat {
  const logger = deps.logger?.child({ module: 'webchat' });
  const conversations = deps.conversations ?? new ChatConversations(deps.limits);
  const adapter = createTeamsAdapter({}, logger);
  const core = localCore(deps.core, conversations);
  const teamsBot = createTeamsBot({ core, renderer: createCardRenderer(deps.templates), ...(logger ? { logger } : {}) });
  const bot = localBotLogic({ conversations, bot: teamsBot, support: deps.support });
  const sweep = setInterval(() => conversations.sweep(), SWEEP_MS);
  sweep.unref();
  return {
    conversations,
    extend: (app) =>
      mountLocalChat(app, {
        conversations,
        adapter,
        bot,
        coreConfig: deps.coreConfig,
        bundleDir: deps.bundleDir ?? DEFAULT_BUNDLE_DIR,
        ...(deps.welcome !== undefined ? { welcome: deps.welcome } : {}),
        ...(logger ? { logger } : {}),
        ...(deps.support ? { support: deps.support } : {}),
      }),
    close: () => clearInterval(sweep),
  };
}
