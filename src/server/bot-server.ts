/**
 * Wires the Teams channel into the HTTP server: CloudAdapter + thin bot + card renderer in front
 * of a conversation core, with `/healthz` checks for the rules, the card templates and the
 * store. `src/main.ts` calls it with real resources; the HTTP tests call it with an in-memory
 * store and a fake Bot Connector.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createCardRenderer, createTeamsAdapter, createTeamsBot, type CardTemplates, type TeamsBotLogic, type TeamsCredentials } from '../channels/teams/index.js';
import type { ConversationCore } from '../conversation/types.js';
import type { CaseStore } from '../store/index.js';
import type { TriageEngine } from '../triage/index.js';
import { createServer, type BotServer } from './app.js';

export interface BotServerDeps {
  readonly credentials: TeamsCredentials;
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
  const adapter = createTeamsAdapter(deps.credentials, deps.logger);
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
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.extend ? { extend: deps.extend } : {}),
  });
}
