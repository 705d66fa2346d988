/** The bare botbuilder echo bot the Teams figures compare against, as plain bots are written: CloudAdapter, JSON body, sendActivity. */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { createServer, type BotServer } from '../../src/server/index.js';

export function createTeamsEchoServer(logger: Logger): BotServer {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const echo = async (context: TurnContext) => {
    if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  };
  return createServer({
    health: { ok: () => true },
    logger,
    extend: (app, parts) => {
      const json = parts.json({ limit: '1mb', what: 'an activity' });
      const handle: RequestHandler = (req, res) => adapter.process(req, res, echo);
      app.post('/api/messages', json.parse, handle, json.errors);
    },
  });
}
