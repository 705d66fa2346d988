/**
 * The Bot Connector the bot replies to (`serviceUrl` = this server on loopback):
 * `POST /v3/conversations/:id/activities[/:replyToId]`, `PUT`/`DELETE .../:activityId`, which
 * append the bot's activities (Adaptive Cards included) to the conversation's history, where
 * the page's Direct Line polling picks them up.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { ChatConversations } from './conversations.js';
import { fail, isRecord, jsonErrors, LOOPBACK, pick, type Json } from './http.js';
import { LOCAL_BOT, LOCAL_CHANNEL } from './identity.js';

export const CONNECTOR_PATH = '/v3/conversations';

/** Fields of a bot reply kept in the history. */
const BOT_FIELDS = [
  'type', 'text', 'textFormat', 'speak', 'inputHint', 'attachments', 'attachmentLayout', 'suggestedActions',
  'entities', 'channelData', 'value', 'name', 'locale', 'replyToId', 'summary', 'importance', 'deliveryMode',
] as const;

/** Why a bot activity cannot be stored, or undefined. */
export function botActivityProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'the body must be a JSON object (an activity)';
  if (typeof body.type !== 'string' || body.type.trim() === '') return 'activity.type is required';
  if (body.attachments !== undefined && !Array.isArray(body.attachments)) return 'activity.attachments must be an array';
  return undefined;
}

export function connectorRouter(conversations: ChatConversations, json: RequestHandler): Router {
  const connector = express.Router();
  connector.use((req, res, next) => {
    // Only the bot itself (this process, on loopback) posts replies here.
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      fail(res, 403, 'Forbidden', 'The local Bot Connector only accepts the bot on loopback');
      return;
    }
    next();
  });
  connector.use(json);

  const storeReply = (req: Request, res: Response, replace: boolean): void => {
    const id = String(req.params.id ?? '');
    if (!conversations.get(id)) {
      fail(res, 404, 'BadArgument', 'Conversation not found (unknown or expired)');
      return;
    }
    const problem = botActivityProblem(req.body);
    if (problem) {
      fail(res, 400, 'BadArgument', problem);
      return;
    }
    const body = req.body as Json;
    const activity: Json & { type: string } = {
      ...pick(body, BOT_FIELDS),
      type: String(body.type),
      from: LOCAL_BOT,
      conversation: { id },
      channelId: LOCAL_CHANNEL,
      timestamp: new Date().toISOString(),
      ...(!replace && req.params.activityId ? { replyToId: String(req.params.activityId) } : {}),
    };
    // Web Chat may hold back a reply whose replyToId it never receives (the welcome answers a
    // conversationUpdate that is not in the history): keep replyToId only when it points at one.
    if (typeof activity.replyToId !== 'string' || !conversations.has(id, activity.replyToId)) delete activity.replyToId;
    const stored = replace ? conversations.replace(id, String(req.params.activityId), activity) : conversations.append(id, activity);
    if (!stored) {
      fail(res, 404, 'BadArgument', 'Activity not found');
      return;
    }
    res.status(200).json({ id: stored.id });
  };

  connector.post('/:id/activities', (req, res) => storeReply(req, res, false));
  connector.post('/:id/activities/:activityId', (req, res) => storeReply(req, res, false));
  connector.put('/:id/activities/:activityId', (req, res) => storeReply(req, res, true));
  connector.delete('/:id/activities/:activityId', (req, res) => {
    // Direct Line cannot take back what a client already polled; deleting is acknowledged only.
    if (!conversations.get(String(req.params.id ?? ''))) {
      fail(res, 404, 'BadArgument', 'Conversation not found (unknown or expired)');
      return;
    }
    res.status(200).json({});
  });
  connector.use(jsonErrors);
  return connector;
}
