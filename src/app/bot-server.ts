/**
 * The bot's HTTP server as `src/app/main.ts` and the HTTP tests build it: the generic server with its
 * `/healthz` liveness checks (rules and card templates loaded) and the Teams channel mounted on it, in front
 * of a conversation core. More routes (the local chat, Slack) come through `extend`.
 */
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createCardRenderer, mountTeams, type BotFrameworkEndpoints, type CardTemplates, type TeamsCredentials, type TeamsSupport } from '../channels/teams/index.js';
import type { ConversationCore } from '../conversation/types.js';
import { createServer, type BotServer, type HttpParts } from '../server/index.js';
import type { TriageEngine } from '../triage/index.js';

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
  readonly logger?: Logger;
  /** More routes (the local chat, Slack), mounted after /api/messages. */
  readonly extend?: (app: Express, parts: HttpParts) => void;
  /** The support desk's Teams side (createTeamsSupport): desk card actions, the support channel. */
  readonly teamsSupport?: Pick<TeamsSupport, 'attach' | 'observe' | 'act'>;
}

export function createBotServer(deps: BotServerDeps): BotServer {
  const { logger } = deps;
  return createServer({
    // Liveness only: the store is readiness (`/readyz`, src/observability), so a database blip
    // takes instances out of a load balancer's rotation instead of getting them restarted.
    health: {
      rules: () => deps.engine !== undefined,
      cards: () => Object.keys(deps.templates).length > 0,
    },
    ...(logger ? { logger } : {}),
    extend: (app, parts) => {
      mountTeams(app, {
        credentials: deps.credentials,
        ...(deps.botEndpoint ? { botEndpoint: deps.botEndpoint } : {}),
        ...(deps.botFrameworkEndpoints ? { botFrameworkEndpoints: deps.botFrameworkEndpoints } : {}),
        core: deps.core,
        renderer: createCardRenderer(deps.templates),
        ...(deps.teamsSupport ? { desk: deps.teamsSupport } : {}),
        json: parts.json,
        ...(logger ? { logger } : {}),
      });
      deps.extend?.(app, parts);
    },
  });
}
