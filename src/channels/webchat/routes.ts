/**
 * The HTTP side of the local chat, mounted on the bot's express app through `createServer`'s
 * `extend` hook:
 *
 * - `GET /` and `/index.html`: the chat page; `GET /webchat/webchat.js`: the cached bundle.
 * - Direct Line 3.0, the polling part Web Chat uses (`webSocket: false`), under `/v3/directline`:
 *   start a conversation, post an activity, poll with a watermark, get a conversation, refresh a
 *   token. A token belongs to one conversation; using it for another is 403. A refresh revokes the
 *   conversation's older tokens. When every kept conversation is in use, a new one is 503.
 * - The Bot Connector the bot replies to (`serviceUrl` = this server on loopback):
 *   `POST /v3/conversations/:id/activities[/:replyToId]`, `PUT`/`DELETE .../:activityId`, which
 *   append the bot's activities (Adaptive Cards included) to the conversation's history.
 *
 * A posted user activity is stored (echoed back with its `channelData.clientActivityID`, or Web
 * Chat shows it as "sending" forever), then given to the bot through botbuilder's CloudAdapter
 * (`processActivityDirect`), exactly the path a Teams activity takes after authentication.
 * JSON bodies are parsed on these routes only (Slack's receiver needs raw bodies elsewhere).
 */
import { readFileSync } from 'node:fs';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { CoreConfig } from '../../conversation/config.js';
import { languageOfAction } from '../../conversation/language.js';
import type { Lang } from '../../domain/taxonomy.js';
import { projectPath } from '../../paths.js';
import { JsonTooDeepError, verifyJsonDepth } from '../../server/json-depth.js';
import { bundlePath, bundlePresent, FETCH_COMMAND, WEBCHAT_VERSION } from './bundle.js';
import { ConversationsFullError, type ChatConversation, type ChatConversations } from './conversations.js';
import type { LocalSupportHooks } from './support-hooks.js';
import { identityFor, isLocalAdmin, LOCAL_CHANNEL, LOCAL_IDENTITIES, LOCAL_TENANT, type LocalIdentity } from './identity.js';

export const DIRECT_LINE_PATH = '/v3/directline';
export const CONNECTOR_PATH = '/v3/conversations';
export const BUNDLE_URL = '/webchat/webchat.js';
export const MAX_CHAT_ACTIVITY_BYTES = '256kb';
export const LOCAL_BOT = { id: 'support-triage-bot', name: 'Support Triage Bot', role: 'bot' } as const;

/** Activity types a Web Chat client may post (an invoke would need an invoke response). */
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);
/** Fields of a client activity kept in the history and passed to the bot. */
const CLIENT_FIELDS = ['type', 'text', 'textFormat', 'value', 'name', 'locale', 'localTimestamp', 'localTimezone', 'attachments', 'entities', 'channelData'] as const;
/** Fields of a bot reply kept in the history. */
const BOT_FIELDS = [
  'type', 'text', 'textFormat', 'speak', 'inputHint', 'attachments', 'attachmentLayout', 'suggestedActions',
  'entities', 'channelData', 'value', 'name', 'locale', 'replyToId', 'summary', 'importance', 'deliveryMode',
] as const;

/** The part of botbuilder's CloudAdapter the local chat uses (a fake in tests). */
export interface DirectActivityProcessor {
  processActivityDirect(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface LocalChatRoutesDeps {
  readonly conversations: ChatConversations;
  readonly adapter: DirectActivityProcessor;
  readonly bot: (context: TurnContext) => Promise<void>;
  /** The local chat core's settings (decides whether the page says "admin"). */
  readonly coreConfig: CoreConfig;
  readonly bundleDir: string;
  /** Send the bot's welcome when a conversation starts (as Direct Line's conversationUpdate). */
  readonly welcome?: boolean;
  readonly logger?: Logger;
  /** The support desk's local side: serves `/support` and starts the engineer's conversation (absent: 404). */
  readonly support?: LocalSupportHooks;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Direct Line's error shape: `{ error: { code, message } }`. */
function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

function pick(source: Json, fields: readonly string[]): Json {
  return Object.fromEntries(fields.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]));
}

/** Why a client activity cannot be accepted, or undefined. */
export function clientActivityProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'the body must be a JSON object (an activity)';
  if (typeof body.type !== 'string' || !CLIENT_TYPES.has(body.type)) return `activity.type must be one of ${[...CLIENT_TYPES].join(', ')}`;
  if (body.text !== undefined && typeof body.text !== 'string') return 'activity.text must be a string';
  if (body.channelData !== undefined && !isRecord(body.channelData)) return 'activity.channelData must be an object';
  if (body.attachments !== undefined && !Array.isArray(body.attachments)) return 'activity.attachments must be an array';
  if (body.entities !== undefined && !Array.isArray(body.entities)) return 'activity.entities must be an array';
  for (const field of ['locale', 'localTimezone', 'localTimestamp', 'textFormat', 'name'] as const) {
    if (body[field] !== undefined && typeof body[field] !== 'string') return `activity.${field} must be a string`;
  }
  if (body.type === 'message' && body.text === undefined && body.value === undefined && body.attachments === undefined) {
    return 'a message needs text, value or attachments';
  }
  return undefined;
}

/** Why a bot activity cannot be stored, or undefined. */
export function botActivityProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'the body must be a JSON object (an activity)';
  if (typeof body.type !== 'string' || body.type.trim() === '') return 'activity.type is required';
  if (body.attachments !== undefined && !Array.isArray(body.attachments)) return 'activity.attachments must be an array';
  return undefined;
}

function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** This server as the bot sees it: loopback on the port the request came in on. */
function serviceUrlOf(req: Request): string {
  const host = req.socket.localAddress === '::1' ? '[::1]' : '127.0.0.1';
  return `http://${host}:${req.socket.localPort}/`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

// From src/ also when running compiled from dist/: tsc does not copy the page.
const PAGE_TEMPLATE = readFileSync(projectPath('src/channels/webchat/page.html'), 'utf8');

/** The Web Chat script tag, or how to fetch the bundle when it is missing. */
function bundleBlockOf(bundle: boolean): string {
  return bundle
    ? `<script src="${BUNDLE_URL}?v=${WEBCHAT_VERSION}"></script>`
    : `<div id="missing" role="alert"><strong>The Web Chat bundle is missing.</strong> This page serves Web Chat
    ${WEBCHAT_VERSION} from this server (no CDN). Fetch it once with <code>${FETCH_COMMAND}</code> (it runs
    <code>npm pack botframework-webchat@${WEBCHAT_VERSION}</code> and caches the bundle in
    <code>.cache/webchat/</code>), then reload this page. Meanwhile, <code>npm run chat</code> talks to the same bot in a terminal.</div>`;
}

/** The browser's first preferred language (Accept-Language), e.g. "zh-TW"; a preference, never an identity. */
function browserLocale(req: Request): string | undefined {
  const first = req.get('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  return first && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(first) ? first : undefined;
}

const CHAT_HINT =
  'Describe a problem the way an admin would, for example <q>outlook can\'t send for the whole sales floor since 9am</q>; ' +
  'type <code>my cases</code> to list your cases, or <code>help</code> for everything the bot understands.';

const CHAT_HINT_ZH =
  '請像系統管理員一樣描述問題，例如<q>整個業務樓層從早上九點起都無法從 Outlook 寄信</q>；' +
  '輸入 <code>我的案件</code> 可列出您的案件，輸入 <code>說明</code> 可查看機器人能做的所有事。';

const SUPPORT_HINT =
  'This page stands in for the Teams/Slack support channel. Each case opened in the local chat (or anywhere else, while ' +
  'this page is open) appears here as a case card; <strong>Claim</strong>, <strong>Reply</strong>, <strong>Ask for ' +
  'information</strong>, <strong>Change severity</strong>, <strong>Assign</strong> and <strong>Resolve</strong> update the ' +
  'card in place and notify the admin in their chat. Open cases of tenant <code>local</code> are shown when the page opens.';

interface PageView {
  readonly identity: LocalIdentity;
  readonly title: string;
  readonly subtitle: string;
  readonly roleClass: string;
  readonly roleLabel: string;
  readonly switchHref: string;
  readonly switchLabel: string;
  readonly switchInNewTab: boolean;
  readonly hint: string;
  readonly ariaLabel: string;
  readonly initials: string;
  readonly admin?: boolean;
}

/** Fills the one page template (src/channels/webchat/page.html); the hints are trusted constants. */
function fillPage(view: PageView, bundle: boolean): string {
  const { identity } = view;
  const values: Record<string, string> = {
    title: escapeHtml(view.title),
    subtitle: view.subtitle,
    userName: escapeHtml(identity.name),
    userId: escapeHtml(identity.id),
    roleClass: view.roleClass,
    roleLabel: escapeHtml(view.roleLabel),
    switchHref: view.switchHref,
    switchAttributes: view.switchInNewTab ? ' target="_blank" rel="noopener"' : '',
    switchLabel: escapeHtml(view.switchLabel),
    hint: view.hint,
    ariaLabel: escapeHtml(view.ariaLabel),
    bundleBlock: bundleBlockOf(bundle),
    configJson: JSON.stringify({
      as: identity.as,
      userId: identity.id,
      userName: identity.name,
      initials: view.initials,
      ...(view.admin === undefined ? {} : { admin: view.admin }),
      bundle,
    }).replace(/</g, '\\u003c'),
  };
  return PAGE_TEMPLATE.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The local support channel's page (`/support`): Web Chat as the local engineer. */
export function renderSupportPage(bundle: boolean): string {
  return fillPage(
    {
      identity: LOCAL_IDENTITIES.engineer,
      title: 'local support channel',
      subtitle: 'local support channel',
      roleClass: 'engineer',
      roleLabel: 'support engineer',
      switchHref: '/',
      switchLabel: "Open the admin's chat",
      switchInNewTab: true,
      hint: SUPPORT_HINT,
      ariaLabel: 'The local support channel',
      initials: 'LE',
    },
    bundle,
  );
}

/** The chat page for an identity; says how to fetch the bundle when it is missing. */
export function renderPage(identity: LocalIdentity, admin: boolean, bundle: boolean, lang: Lang = 'en'): string {
  const other = identity.as === 'admin' ? LOCAL_IDENTITIES.user : LOCAL_IDENTITIES.admin;
  return fillPage(chatPageView(identity, other, admin, lang), bundle);
}

function chatHint(admin: boolean, lang: Lang): string {
  if (lang === 'zh-TW') {
    return `${CHAT_HINT_ZH}${admin ? '在分流卡片上按<em>提出案件</em>即可開啟案件表單。' : '非系統管理員會收到分流結果與要轉給系統管理員的文字，但無法提出案件。'}`;
  }
  const roleHint = admin
    ? 'Press <em>Open a case</em> on a triage card to get the case form.'
    : 'As a non-admin you get the triage and the text to forward to your admin, but no cases.';
  return `${CHAT_HINT} ${roleHint}`;
}

function chatPageView(identity: LocalIdentity, other: LocalIdentity, admin: boolean, lang: Lang): PageView {
  return {
      identity,
      title: 'local chat',
      subtitle: 'local chat · tenant <code>local</code>',
      roleClass: admin ? 'admin' : 'user',
      roleLabel: admin ? 'admin: may open and manage cases' : 'not an admin: cases are refused',
      switchHref: `/?as=${other.as}`,
      switchLabel: other.as === 'user' ? 'Switch to a non-admin user' : 'Switch back to the admin',
      switchInNewTab: false,
      hint: chatHint(admin, lang),
      ariaLabel: 'Chat with the Support Triage Bot',
      initials: identity.as === 'user' ? 'LU' : 'LA',
      admin,
  };
}

export function mountLocalChat(app: Express, deps: LocalChatRoutesDeps): void {
  const { conversations, adapter, bot, logger } = deps;
  const json = express.json({
    limit: MAX_CHAT_ACTIVITY_BYTES,
    verify: verifyJsonDepth,
  });

  // ---- the page and the bundle -------------------------------------------------------------
  const page = (req: Request, res: Response): void => {
    const identity = identityFor(req.query.as);
    if (identity.as === 'engineer') {
      res.redirect(303, '/support');
      return;
    }
    const bundle = bundlePresent(deps.bundleDir);
    res
      .status(200)
      .type('html')
      .set('cache-control', 'no-store')
      .send(renderPage(identity, isLocalAdmin(identity, deps.coreConfig), bundle, languageOfAction(undefined, browserLocale(req))));
  };
  app.get('/', page);
  app.get('/index.html', page);
  app.get('/support', (_req, res) => {
    if (!deps.support) {
      res.status(404).type('text').send('The local support channel is not available.');
      return;
    }
    res.status(200).type('html').set('cache-control', 'no-store').send(renderSupportPage(bundlePresent(deps.bundleDir)));
  });

  app.get(['/webchat/webchat.js', '/webchat/webchat-minimal.js'], (req, res) => {
    const file = req.path.endsWith('minimal.js') ? 'webchat-minimal.js' : 'webchat.js';
    if (!bundlePresent(deps.bundleDir)) {
      res.status(404).type('application/javascript').send(`/* Web Chat bundle missing: run "${FETCH_COMMAND}" */\n`);
      return;
    }
    res.sendFile(bundlePath(deps.bundleDir, file), { dotfiles: 'allow', maxAge: '1d', headers: { 'content-type': 'application/javascript; charset=utf-8' } });
  });

  // ---- Direct Line 3.0 (polling) -----------------------------------------------------------
  const directLine = express.Router();
  directLine.use(json);

  /** The conversation named in the path, if the bearer token belongs to it; answers otherwise. */
  const authorize = (req: Request, res: Response): ChatConversation | undefined => {
    const id = String(req.params.id ?? '');
    const conversation = conversations.get(id);
    if (!conversation) {
      fail(res, 404, 'BadArgument', 'Conversation not found (unknown or expired)');
      return undefined;
    }
    const token = bearer(req);
    if (!token) {
      fail(res, 401, 'Unauthorized', 'Missing "Authorization: Bearer <token>"');
      return undefined;
    }
    if (conversations.conversationOfToken(token)?.id !== conversation.id) {
      fail(res, 403, 'Forbidden', 'This token does not belong to this conversation (or has expired)');
      return undefined;
    }
    return conversation;
  };

  const conversationBody = (conversation: ChatConversation, token: string, expiresIn: number): Json => ({
    conversationId: conversation.id,
    token,
    expires_in: expiresIn,
  });

  directLine.post('/conversations', async (req, res) => {
    const token = bearer(req);
    if (token) {
      // Web Chat starts "its" conversation with the token the page got: the same conversation.
      const existing = conversations.conversationOfToken(token);
      if (!existing) {
        fail(res, 403, 'Forbidden', 'Unknown or expired token');
        return;
      }
      res.status(200).json(conversationBody(existing, token, conversations.tokenExpiresIn(token)));
      return;
    }
    const identity = identityFor(req.query.as ?? (isRecord(req.body) ? req.body.as : undefined));
    if (identity.as === 'engineer' && !deps.support) {
      fail(res, 404, 'BadArgument', 'The local support channel is not available');
      return;
    }
    let started: ReturnType<ChatConversations['create']>;
    try {
      started = conversations.create(identity);
    } catch (error) {
      if (!(error instanceof ConversationsFullError)) throw error;
      // Never at the expense of a page someone has open: the newcomer waits instead.
      const seconds = Math.ceil(error.retryAfterMs / 1000);
      logger?.warn({ max: error.maxConversations, retryAfterSeconds: seconds }, 'local chat full: new conversation refused');
      res.set('retry-after', String(seconds));
      fail(res, 503, 'ServiceUnavailable', `The local chat is serving its maximum of ${error.maxConversations} open conversations; try again in ${seconds} seconds.`);
      return;
    }
    const { conversation, token: issued } = started;
    logger?.debug({ conversation: conversation.id, user: identity.id }, 'local chat conversation started');
    if (identity.as === 'engineer') await deps.support?.supportStarted(conversation);
    else if (deps.welcome !== false) await runTurn(serviceUrlOf(req), conversation, welcomeActivity(conversation, browserLocale(req)));
    res.status(201).json(conversationBody(conversation, issued.token, issued.expiresIn));
  });

  directLine.get('/conversations/:id', (req, res) => {
    const conversation = authorize(req, res);
    if (!conversation) return;
    const token = bearer(req) ?? '';
    res.json(conversationBody(conversation, token, conversations.tokenExpiresIn(token)));
  });

  directLine.post('/tokens/refresh', (req, res) => {
    const token = bearer(req);
    const refreshed = token ? conversations.refreshToken(token) : undefined;
    if (!refreshed) {
      fail(res, token ? 403 : 401, token ? 'Forbidden' : 'Unauthorized', 'A valid token is required to refresh it');
      return;
    }
    res.json(conversationBody(refreshed.conversation, refreshed.token.token, refreshed.token.expiresIn));
  });

  directLine.get('/conversations/:id/activities', (req, res) => {
    const conversation = authorize(req, res);
    if (!conversation) return;
    const raw = req.query.watermark;
    if (raw !== undefined && (typeof raw !== 'string' || !/^\d*$/.test(raw))) {
      fail(res, 400, 'BadArgument', 'watermark must be a whole number');
      return;
    }
    const history = conversations.since(conversation.id, raw ? Number(raw) : undefined);
    if (!history) {
      fail(res, 404, 'BadArgument', 'Conversation not found (unknown or expired)');
      return;
    }
    res.set('cache-control', 'no-store').json({ activities: history.activities, watermark: String(history.watermark) });
  });

  directLine.post('/conversations/:id/activities', async (req, res) => {
    const conversation = authorize(req, res);
    if (!conversation) return;
    const problem = clientActivityProblem(req.body);
    if (problem) {
      fail(res, 400, 'BadArgument', problem);
      return;
    }
    const body = req.body as Json;
    const from = { id: conversation.identity.id, name: conversation.identity.name, role: 'user' };
    const stored = conversations.append(conversation.id, {
      ...pick(body, CLIENT_FIELDS),
      type: String(body.type),
      from,
      conversation: { id: conversation.id },
      channelId: LOCAL_CHANNEL,
      timestamp: new Date().toISOString(),
    });
    if (!stored) {
      fail(res, 404, 'BadArgument', 'Conversation not found (unknown or expired)');
      return;
    }
    if (stored.type !== 'typing') await runTurn(serviceUrlOf(req), conversation, stored);
    res.status(200).json({ id: stored.id });
  });

  directLine.use(jsonErrors);
  app.use(DIRECT_LINE_PATH, directLine);

  // ---- the Bot Connector the bot replies to -------------------------------------------------
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
  app.use(CONNECTOR_PATH, connector);

  // ---- turns --------------------------------------------------------------------------------
  function botFields(conversation: ChatConversation, serviceUrl: string): Json {
    return {
      channelId: LOCAL_CHANNEL,
      serviceUrl,
      from: { id: conversation.identity.id, name: conversation.identity.name, role: 'user' },
      recipient: LOCAL_BOT,
      conversation: { id: conversation.id, tenantId: LOCAL_TENANT, conversationType: 'personal', isGroup: false },
    };
  }

  /** The welcome speaks the browser's language until the admin writes (Web Chat sends `locale` with each message). */
  function welcomeActivity(conversation: ChatConversation, locale: string | undefined): Json {
    return {
      type: 'conversationUpdate',
      ...(locale ? { locale } : {}),
      id: `${conversation.id}|welcome`,
      timestamp: new Date().toISOString(),
      membersAdded: [LOCAL_BOT, { id: conversation.identity.id, name: conversation.identity.name }],
    };
  }

  /** One activity through the CloudAdapter, after the conversation's earlier turns. Never throws. */
  async function runTurn(serviceUrl: string, conversation: ChatConversation, activity: Json): Promise<void> {
    const full = { ...activity, ...botFields(conversation, serviceUrl) } as unknown as Activity;
    try {
      await conversations.enqueue(conversation.id, () => adapter.processActivityDirect('', full, bot));
    } catch (error) {
      logger?.error({ err: error, conversation: conversation.id }, 'local chat turn failed');
    }
  }
}

/** Malformed JSON, too large, wrong charset: Direct Line-style 400/413 instead of the server's 500. */
const jsonErrors: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error.type === 'entity.parse.failed') return fail(res, 400, 'BadArgument', 'the body is not valid JSON');
  if (error.type === 'entity.too.deep' || error instanceof JsonTooDeepError) return fail(res, 400, 'BadArgument', error.message ?? 'the JSON nests too deeply');
  if (error.type === 'entity.too.large') return fail(res, 413, 'MessageSizeTooBig', `an activity may be at most ${MAX_CHAT_ACTIVITY_BYTES}`);
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return fail(res, error.status, 'BadArgument', error.message ?? 'bad request');
  }
  next(error);
};
