/**
 * Wires the Teams channel into the HTTP server: CloudAdapter + thin bot + card renderer in front
 * of a conversation core, with `/healthz` checks for the rules, the card templates and the
 * store. `src/main.ts` calls it with real resources; the HTTP tests call it with an in-memory
 * store and a fake Bot Connector.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Express } from 'express';
import type { Logger } from 'pino';
import {
  createBotFrameworkAuth,
  createCardRenderer,
  createRequestAuthenticator,
  createTeamsAdapter,
  createTeamsBot,
  type BotFrameworkEndpoints,
  type CardTemplates,
  type TeamsBotLogic,
  type TeamsCredentials,
} from '../channels/teams/index.js';
import type { ConversationCore } from '../conversation/types.js';
import type { CaseStore } from '../store/index.js';
import type { TriageEngine } from '../triage/index.js';
import { createServer, type BotServer } from './app.js';
import type { BotEndpoint } from './bot-endpoint.js';

export interface BotServerDeps {
  readonly credentials: TeamsCredentials;
  /**
   * `off` refuses every /api/messages request (channel credentials without MicrosoftAppId and
   * EMULATOR not on; see botEndpointMode in src/config.ts). Unset: tokens are checked when
   * MicrosoftAppId is set, otherwise it is the Emulator's loopback-only, one-tenant door.
   */
  readonly botEndpoint?: 'off';
  /** Token metadata and reply signing other than Microsoft's public cloud (private clouds, tests). */
  readonly botFrameworkEndpoints?: BotFrameworkEndpoints;
  readonly core: ConversationCore;
  readonly engine: TriageEngine;
  readonly templates: CardTemplates;
  readonly store: CaseStore;
  readonly logger?: Logger;
  /** More routes (the local chat, Slack), mounted through `createServer`'s `extend` hook. */
  readonly extend?: (app: Express) => void;
  /** Puts a layer in front of the Teams bot that can also use the adapter (the support desk). */
  readonly wrapTeamsBot?: (bot: TeamsBotLogic, adapter: CloudAdapter) => TeamsBotLogic;
}

/** A read that touches the database: rejects once the store is closed or unreachable. */
const STORE_PROBE_TENANT = '__healthz__';

export function createBotServer(deps: BotServerDeps): BotServer {
  const renderer = createCardRenderer(deps.templates);
  const auth = createBotFrameworkAuth(deps.credentials, deps.botFrameworkEndpoints);
  const adapter = createTeamsAdapter(auth, deps.logger);
  const endpoint: BotEndpoint =
    deps.botEndpoint === 'off'
      ? { mode: 'off' }
      : deps.credentials.MicrosoftAppId
        ? { mode: 'bot-framework', authenticate: createRequestAuthenticator(auth) }
        : { mode: 'emulator' };
  const coreBot = createTeamsBot({ core: deps.core, renderer, ...(deps.logger ? { logger: deps.logger } : {}) });
  const bot = deps.wrapTeamsBot ? deps.wrapTeamsBot(coreBot, adapter) : coreBot;
  return createServer({
    adapter,
    bot,
    health: {
      rules: () => deps.engine !== undefined,
      cards: () => Object.keys(deps.templates).length > 0,
      store: async () => {
        await deps.store.getTenantSettings(STORE_PROBE_TENANT);
        return true;
      },
    },
    endpoint,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.extend ? { extend: deps.extend } : {}),
  });
}
