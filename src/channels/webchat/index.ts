/**
 * The local chat: Web Chat in a browser, talking Direct Line to this server, which hands each
 * activity to the same CloudAdapter + bot + card renderer the Teams channel uses, and acts as the
 * Bot Connector for the replies. On by default without Bot Framework credentials (see
 * `localChatEnabled` in config.ts); `src/main.ts` mounts it through the server's `extend` hook.
 *
 * It runs its own conversation core (same engine and store, tenant `local`) whose admin list
 * always includes `local-admin`, so the page can show both the admin and the refusal path
 * (see identity.ts). Its CloudAdapter is unauthenticated even when MicrosoftAppId is set: the
 * bot's replies go to this server on loopback, never to Microsoft's connector.
 */
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createCardRenderer, createTeamsAdapter, createTeamsBot, type CardTemplates } from '../teams/index.js';
import type { CoreConfig } from '../../conversation/config.js';
import type { CoreDeps } from '../../conversation/context.js';
import { createConversationCore } from '../../conversation/core.js';
import type { ConversationCore } from '../../conversation/types.js';
import type { CaseStore } from '../../store/index.js';
import type { TriageEngine } from '../../triage/index.js';
import { DEFAULT_BUNDLE_DIR } from './bundle.js';
import { ChatConversations, type ConversationLimits } from './conversations.js';
import { localCoreConfig } from './identity.js';
import { mountLocalChat } from './routes.js';
import type { LocalSupportHooks } from './support-hooks.js';

export { bundlePresent, DEFAULT_BUNDLE_DIR, FETCH_COMMAND, WEBCHAT_VERSION } from './bundle.js';
export { ChatConversations, ConversationsFullError, DEFAULT_LIMITS, type ConversationLimits, type StoredActivity } from './conversations.js';
export { identityFor, LOCAL_IDENTITIES, LOCAL_TENANT, localCoreConfig, type LocalIdentity } from './identity.js';
export { CONNECTOR_PATH, DIRECT_LINE_PATH, LOCAL_BOT, mountLocalChat, renderPage, renderSupportPage } from './routes.js';
export type { LocalSupportHooks } from './support-hooks.js';

export interface LocalChatDeps {
  readonly engine: TriageEngine;
  readonly store: CaseStore;
  /** The process's core settings; the local chat adds `local-admin` to its admins. */
  readonly coreConfig: CoreConfig;
  readonly templates: CardTemplates;
  readonly logger?: Logger;
  readonly bundleDir?: string;
  readonly limits?: Partial<ConversationLimits>;
  /** Greet each new conversation with the bot's welcome card (default true). */
  readonly welcome?: boolean;
  /** Replaces the local core (tests). */
  readonly core?: ConversationCore;
  /** Passed to the local core: the support desk hears about local cases like any other. */
  readonly onCaseCreated?: CoreDeps['onCaseCreated'];
  readonly onCaseChanged?: CoreDeps['onCaseChanged'];
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
  const coreConfig = localCoreConfig(deps.coreConfig);
  const core =
    deps.core ??
    createConversationCore({
      engine: deps.engine,
      store: deps.store,
      config: coreConfig,
      ...(logger ? { logger: logger.child({ module: 'core' }) } : {}),
      ...(deps.onCaseCreated ? { onCaseCreated: deps.onCaseCreated } : {}),
      ...(deps.onCaseChanged ? { onCaseChanged: deps.onCaseChanged } : {}),
    });
  const conversations = deps.conversations ?? new ChatConversations(deps.limits);
  const adapter = createTeamsAdapter({}, logger);
  const teamsBot = createTeamsBot({ core, renderer: createCardRenderer(deps.templates), ...(logger ? { logger } : {}) });
  const bot = deps.support ? deps.support.wrap(teamsBot) : teamsBot;
  const sweep = setInterval(() => conversations.sweep(), SWEEP_MS);
  sweep.unref();
  return {
    conversations,
    extend: (app) =>
      mountLocalChat(app, {
        conversations,
        adapter,
        bot,
        coreConfig,
        bundleDir: deps.bundleDir ?? DEFAULT_BUNDLE_DIR,
        ...(deps.welcome !== undefined ? { welcome: deps.welcome } : {}),
        ...(logger ? { logger } : {}),
        ...(deps.support ? { support: deps.support } : {}),
      }),
    close: () => clearInterval(sweep),
  };
}
