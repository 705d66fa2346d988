/**
 * Direct Line 3.0, the polling part Web Chat uses (`webSocket: false`), under `/v3/directline`:
 * start a conversation, post an activity, poll with a watermark, get a conversation, refresh a
 * token. A token belongs to one conversation; using it for another is 403. A refresh revokes the
 * conversation's older tokens. When every kept conversation is in use, a new one is 503.
 *
 * A posted user activity is stored (echoed back with its `channelData.clientActivityID`, or Web
 * Chat shows it as "sending" forever), then given to the bot through botbuilder's CloudAdapter
 * (`processActivityDirect`), exactly the path a Teams activity takes after authentication.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { ConversationsFullError, type ChatConversation, type ChatConversations } from './conversations.js';
import { bearer, browserLocale, fail, isRecord, jsonErrors, serviceUrlOf, type Json } from './http.js';
import { identityFor } from './identity.js';
import { botFields, clientActivity, clientActivityProblem, welcomeActivity } from './inbound.js';
import type { LocalSupportHooks } from './support-hooks.js';

export const DIRECT_LINE_PATH = '/v3/directline';

/** The part of botbuilder's CloudAdapter the local chat uses (a fake in tests). */
export interface DirectActivityProcessor {
  processActivityDirect(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface DirectLineDeps {
  readonly conversations: ChatConversations;
  readonly adapter: DirectActivityProcessor;
  /** Every activity's bot logic (inbound.ts `localBotLogic`). */
  readonly bot: (context: TurnContext) => Promise<void>;
  readonly json: RequestHandler;
  /** Send the bot's welcome when a conversation starts (as Direct Line's conversationUpdate). */
  readonly welcome?: boolean | undefined;
  readonly logger?: Logger | undefined;
  /** Absent: `?as=engineer` conversations are 404. */
  readonly support?: LocalSupportHooks | undefined;
}

const conversationBody = (conversation: ChatConversation, token: string, expiresIn: number): Json => ({
  conversationId: conversation.id,
  token,
  expires_in: expiresIn,
});

export function directLineRouter(deps: DirectLineDeps): Router {
  const { conversations, logger } = deps;
  const router = express.Router();
  router.use(deps.json);

  /** One activity through the CloudAdapter, after the conversation's earlier turns. Never throws. */
  const runTurn = async (serviceUrl: string, conversation: ChatConversation, activity: Json): Promise<void> => {
    const full = { ...activity, ...botFields(conversation, serviceUrl) } as unknown as Activity;
    try {
      await conversations.enqueue(conversation.id, () => deps.adapter.processActivityDirect('', full, deps.bot));
    } catch (error) {
      logger?.error({ err: error, conversation: conversation.id }, 'local chat turn failed');
    }
  };

  /** The conversation named in the path, if the bearer token belongs to it; answers otherwise. */
  const authorize = (req: Request, res: Response): ChatConversation | undefined => {
    const conversation = conversations.get(String(req.params.id ?? ''));
    if (!conversation) return void fail(res, 404, 'BadArgument', 'Conversation not found (unknown or expired)');
    const token = bearer(req);
    if (!token) return void fail(res, 401, 'Unauthorized', 'Missing "Authorization: Bearer <token>"');
    if (conversations.conversationOfToken(token)?.id !== conversation.id) {
      return void fail(res, 403, 'Forbidden', 'This token does not belong to this conversation (or has expired)');
    }
    return conversation;
  };

  /** A new conversation for the page's identity; answers 404/503 itself and returns undefined. */
  const start = (req: Request, res: Response): ReturnType<ChatConversations['create']> | undefined => {
    const identity = identityFor(req.query.as ?? (isRecord(req.body) ? req.body.as : undefined));
    if (identity.as === 'engineer' && !deps.support) return void fail(res, 404, 'BadArgument', 'The local support channel is not available');
    try {
      return conversations.create(identity);
    } catch (error) {
      if (!(error instanceof ConversationsFullError)) throw error;
      // Never at the expense of a page someone has open: the newcomer waits instead.
      const seconds = Math.ceil(error.retryAfterMs / 1000);
      logger?.warn({ max: error.maxConversations, retryAfterSeconds: seconds }, 'local chat full: new conversation refused');
      res.set('retry-after', String(seconds));
      return void fail(res, 503, 'ServiceUnavailable', `The local chat is serving its maximum of ${error.maxConversations} open conversations; try again in ${seconds} seconds.`);
    }
  };

  router.post('/conversations', async (req, res) => {
    const token = bearer(req);
    if (token) {
      // Web Chat starts "its" conversation with the token the page got: the same conversation.
      const existing = conversations.conversationOfToken(token);
      if (!existing) return fail(res, 403, 'Forbidden', 'Unknown or expired token');
      res.status(200).json(conversationBody(existing, token, conversations.tokenExpiresIn(token)));
      return;
    }
    const started = start(req, res);
    if (!started) return;
    const { conversation, token: issued } = started;
    logger?.debug({ conversation: conversation.id, user: conversation.identity.id }, 'local chat conversation started');
    if (conversation.identity.as === 'engineer') await deps.support?.supportStarted(conversation);
    else if (deps.welcome !== false) await runTurn(serviceUrlOf(req), conversation, welcomeActivity(conversation, browserLocale(req)));
    res.status(201).json(conversationBody(conversation, issued.token, issued.expiresIn));
  });

  router.get('/conversations/:id', (req, res) => {
    const conversation = authorize(req, res);
    if (!conversation) return;
    const token = bearer(req) ?? '';
    res.json(conversationBody(conversation, token, conversations.tokenExpiresIn(token)));
  });

  router.post('/tokens/refresh', (req, res) => {
    const token = bearer(req);
    const refreshed = token ? conversations.refreshToken(token) : undefined;
    if (!refreshed) return fail(res, token ? 403 : 401, token ? 'Forbidden' : 'Unauthorized', 'A valid token is required to refresh it');
    res.json(conversationBody(refreshed.conversation, refreshed.token.token, refreshed.token.expiresIn));
  });

  router.get('/conversations/:id/activities', (req, res) => {
    const conversation = authorize(req, res);
    if (!conversation) return;
    const raw = req.query.watermark;
    if (raw !== undefined && (typeof raw !== 'string' || !/^\d*$/.test(raw))) return fail(res, 400, 'BadArgument', 'watermark must be a whole number');
    const history = conversations.since(conversation.id, raw ? Number(raw) : undefined);
    if (!history) return fail(res, 404, 'BadArgument', 'Conversation not found (unknown or expired)');
    res.set('cache-control', 'no-store').json({ activities: history.activities, watermark: String(history.watermark) });
  });

  router.post('/conversations/:id/activities', async (req, res) => {
    const conversation = authorize(req, res);
    if (!conversation) return;
    const problem = clientActivityProblem(req.body);
    if (problem) return fail(res, 400, 'BadArgument', problem);
    const stored = conversations.append(conversation.id, clientActivity(conversation, req.body as Json));
    if (!stored) return fail(res, 404, 'BadArgument', 'Conversation not found (unknown or expired)');
    if (stored.type !== 'typing') await runTurn(serviceUrlOf(req), conversation, stored);
    res.status(200).json({ id: stored.id });
  });

  router.use(jsonErrors);
  return router;
}
