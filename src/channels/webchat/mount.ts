/**
 * The local chat's wiring on the bot's express app (through the server's `extend` hook): the
 * pages (`/`, `/index.html`, `/support`), the cached Web Chat bundle, Direct Line
 * (direct-line.ts) and the Bot Connector the bot replies to (connector.ts). JSON bodies are
 * parsed on these routes only (Slack's receiver needs raw bodies elsewhere).
 */
import express, { type Express, type Request, type Response } from 'express';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { CoreConfig } from '../../conversation/config.js';
import { languageOfAction } from '../../conversation/language.js';
import { verifyJsonDepth } from '../../http/json-depth.js';
import { bundlePath, bundlePresent, FETCH_COMMAND } from './bundle.js';
import { connectorRouter, CONNECTOR_PATH } from './connector.js';
import type { ChatConversations } from './conversations.js';
import { DIRECT_LINE_PATH, directLineRouter, type DirectActivityProcessor } from './direct-line.js';
import { browserLocale, MAX_CHAT_ACTIVITY_BYTES } from './http.js';
import { identityFor, isLocalAdmin } from './identity.js';
import { renderPage, renderSupportPage } from './render.js';
import type { LocalSupportHooks } from './support-hooks.js';

export interface LocalChatRoutesDeps {
  readonly conversations: ChatConversations;
  readonly adapter: DirectActivityProcessor;
  /** Every activity's bot logic (inbound.ts `localBotLogic`). */
  readonly bot: (context: TurnContext) => Promise<void>;
  /** The core's settings (whether the page says "admin"). */
  readonly coreConfig: Pick<CoreConfig, 'adminUsers' | 'credentialsConfigured'>;
  readonly bundleDir: string;
  /** Send the bot's welcome when a conversation starts (as Direct Line's conversationUpdate). */
  readonly welcome?: boolean;
  readonly logger?: Logger;
  /** The support desk's local side: serves `/support` and starts the engineer's conversation (absent: 404). */
  readonly support?: LocalSupportHooks;
}

export function mountLocalChat(app: Express, deps: LocalChatRoutesDeps): void {
  const json = express.json({ limit: MAX_CHAT_ACTIVITY_BYTES, verify: verifyJsonDepth });
  const page = (req: Request, res: Response): void => {
    const identity = identityFor(req.query.as);
    if (identity.as === 'engineer') return res.redirect(303, '/support');
    const lang = languageOfAction(undefined, browserLocale(req));
    res.status(200).type('html').set('cache-control', 'no-store').send(renderPage(identity, isLocalAdmin(identity, deps.coreConfig), bundlePresent(deps.bundleDir), lang));
  };
  app.get('/', page);
  app.get('/index.html', page);
  app.get('/support', (_req, res) => {
    if (!deps.support) return void res.status(404).type('text').send('The local support channel is not available.');
    res.status(200).type('html').set('cache-control', 'no-store').send(renderSupportPage(bundlePresent(deps.bundleDir)));
  });
  app.get(['/webchat/webchat.js', '/webchat/webchat-minimal.js'], (req, res) => {
    const file = req.path.endsWith('minimal.js') ? 'webchat-minimal.js' : 'webchat.js';
    if (!bundlePresent(deps.bundleDir)) return void res.status(404).type('application/javascript').send(`/* Web Chat bundle missing: run "${FETCH_COMMAND}" */\n`);
    res.sendFile(bundlePath(deps.bundleDir, file), { dotfiles: 'allow', maxAge: '1d', headers: { 'content-type': 'application/javascript; charset=utf-8' } });
  });
  app.use(DIRECT_LINE_PATH, directLineRouter({ ...deps, json }));
  app.use(CONNECTOR_PATH, connectorRouter(deps.conversations, json));
}
