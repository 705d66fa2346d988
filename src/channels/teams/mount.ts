/**
 * Wires the Teams channel (Bot Framework: Teams, the Emulator) into the HTTP app: `POST
 * /api/messages` → JSON body → activity shape check → endpoint gate (token, or the Emulator's
 * loopback-only door) → CloudAdapter → the Teams bot (bot.ts). Returns the adapter, which the
 * support desk uses for proactive messages.
 */
import type { CloudAdapter } from 'botbuilder';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ConversationCore } from '../../conversation/types.js';
import { createBotFrameworkAuth, createTeamsAdapter, type BotFrameworkEndpoints, type TeamsCredentials } from './adapter.js';
import { createTeamsBot, type TeamsBotLogic, type TeamsDeskSide } from './bot.js';
import { createEndpointGate, type BotEndpoint } from './endpoint-gate.js';
import type { CardRenderer } from './render.js';
import { createRequestAuthenticator } from './request-auth.js';
import { requireActivity } from './request-check.js';

export const MESSAGES_PATH = '/api/messages';
export const MAX_ACTIVITY_BYTES = '1mb';

/** The JSON body handling the HTTP server gives a route (its depth guard and 4xx answers). */
export interface TeamsJsonRoute {
  readonly parse: RequestHandler;
  readonly errors: ErrorRequestHandler;
}

export interface TeamsMountDeps {
  readonly credentials: TeamsCredentials;
  /**
   * `off` refuses every /api/messages request (channel credentials without MicrosoftAppId and
   * EMULATOR not on). Unset: tokens are checked when MicrosoftAppId is set, otherwise it is the
   * Emulator's loopback-only, one-tenant door.
   */
  readonly botEndpoint?: 'off';
  /** Token metadata and reply signing other than Microsoft's public cloud (private clouds, tests). */
  readonly botFrameworkEndpoints?: BotFrameworkEndpoints;
  readonly core: ConversationCore;
  readonly renderer: CardRenderer;
  /** The support desk's side: it sees every activity and answers desk card actions. */
  readonly desk?: TeamsDeskSide & { attach(adapter: CloudAdapter): void };
  readonly json: (options: { limit: string; what: string }) => TeamsJsonRoute;
  readonly logger?: Logger;
}

export interface TeamsMount {
  readonly adapter: CloudAdapter;
  readonly bot: TeamsBotLogic;
}

function endpointOf(deps: TeamsMountDeps, auth: ReturnType<typeof createBotFrameworkAuth>): BotEndpoint {
  if (deps.botEndpoint === 'off') return { mode: 'off' };
  return deps.credentials.MicrosoftAppId ? { mode: 'bot-framework', authenticate: createRequestAuthenticator(auth) } : { mode: 'emulator' };
}

export function mountTeams(app: Express, deps: TeamsMountDeps): TeamsMount {
  const { logger } = deps;
  const auth = createBotFrameworkAuth(deps.credentials, deps.botFrameworkEndpoints);
  const adapter = createTeamsAdapter(auth, logger);
  deps.desk?.attach(adapter);
  const bot = createTeamsBot({ core: deps.core, renderer: deps.renderer, ...(logger ? { logger } : {}), ...(deps.desk ? { desk: deps.desk } : {}) });
  const gate = createEndpointGate(endpointOf(deps, auth), logger);
  const json = deps.json({ limit: MAX_ACTIVITY_BYTES, what: 'an activity' });
  const processActivity: RequestHandler = async (req, res) => {
    if (!(await gate(req, res))) return;
    await adapter.process(req, res, bot);
  };
  app.post(MESSAGES_PATH, json.parse, requireActivity(logger), processActivity, json.errors);
  return { adapter, bot };
}
