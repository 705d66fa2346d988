/**
 * Slack on the bot's express app: `mountSlack(app, deps)` adds Bolt's ExpressReceiver at
 * `POST /slack/events` (events, interactivity and the `/support` slash command share the URL)
 * and turns each Slack request into a `Turn` for the conversation core:
 *
 * - DMs (`message` in im channels; bot messages and subtypes such as message_changed ignored)
 *   are answered in the DM; `app_mention` in a channel is answered in the mention's thread;
 *   `/support <text>` is answered ephemerally with a "Share in channel" button.
 * - Buttons (block_actions) are acked at once; the core's verb is the action id. A `case-form`
 *   reply opens a modal (views.open with the click's trigger_id); its submit goes back to the core
 *   as `submitCase`, field errors are shown with `response_action: 'errors'`, and the
 *   confirmation is posted where the admin asked. App Home lists the admin's cases.
 *
 * Signature checks are Bolt's (401 on a bad or missing signature or a timestamp older than five
 * minutes); a timestamp more than five minutes ahead is refused before Bolt (request-clock.ts).
 * Retried events are dropped by event_id. Outgoing calls go through a bounded queue
 * (`limiter.ts`) and never throw (`api.ts`).
 */
import { randomBytes } from 'node:crypto';
import { App, ErrorCode, ExpressReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type express from 'express';
import type { Logger } from 'pino';
import { parseCommand } from '../../conversation/commands.js';
import { turnAction, type CaseFormReply, type ConversationCore, type Reply, type Turn, type TurnAction } from '../../conversation/types.js';
import type { Lang } from '../../domain/taxonomy.js';
import { DEFAULT_RETRY_CONFIG, type RetryConfig } from '../../http/retry.js';
import type { CaseStore } from '../../store/index.js';
import { createSlackApi, type SlackApi } from './api.js';
import { slackBodyGuard } from './body-guard.js';
import { slackRequestClock } from './request-clock.js';
import { claimOnceFor, TtlCache, type ClaimOnce } from './dedup.js';
import { createIdentityResolver, tenantOf } from './identity.js';
import { createJsonCaller } from './json-calls.js';
import { labelsFor } from './labels.js';
import { createCallLimiter, type LimiterStats } from './limiter.js';
import { slackTextToPlain } from './mrkdwn.js';
import {
  CASE_FORM_CALLBACK,
  decodeActionValue,
  formDataFromView,
  hasFormErrors,
  LINK_ACTION_PREFIX,
  modalErrors,
  renderCaseFormModal,
  renderHome,
  renderReply,
  SHARE_ACTION,
  shareBlock,
  verbOfActionId,
  type SlackMessage,
} from './render.js';
import { conversationIdOf, decodeModalMetadata, encodeModalMetadata, isDirectMessageChannel, lasting, type SlackWhere } from './where.js';

export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_COMMAND = '/support';
/** How long an event id is remembered, to answer a retried event once. */
export const EVENT_DEDUP_MS = 60 * 60 * 1000;
/** Slack closes a modal submit after 3 s; the core gets this long before the modal is acked anyway. */
export const SUBMIT_BUDGET_MS = 2_500;

export interface SlackChannelDeps {
  readonly core: ConversationCore;
  readonly signingSecret: string;
  readonly botToken: string;
  /** SLACK_API_URL: the Web API base for Bolt's WebClient (read methods) and the JSON caller (chat.*, views.*). */
  readonly apiUrl?: string | undefined;
  /** Slack user ids or emails treated as admins besides workspace admins and owners ('*': everyone). ADMIN_USERS is applied by the core anyway. */
  readonly adminUsers?: readonly string[] | '*' | undefined;
  readonly logger: Logger;
  /** For event dedup (claimOnce) shared across instances; an in-memory map otherwise. */
  readonly store?: CaseStore | undefined;
  /** Outgoing calls: at most this many at once (default 8) and this many waiting (default 400). */
  readonly maxConcurrentCalls?: number;
  readonly maxQueuedCalls?: number;
  /** Requests whose listener is still running before new ones get 503 (default 256). */
  readonly maxActiveEvents?: number;
  /** Retries of outgoing calls (network errors, 5xx, rate limits); default 3 retries within ~10 s. */
  readonly retryConfig?: RetryConfig;
  readonly userCacheMs?: number;
  readonly submitBudgetMs?: number;
}

export interface SlackChannel {
  readonly app: App;
  /** Outgoing Slack calls through the channel's bounded queue (for the support desk too). */
  readonly api: SlackApi;
  /** Resolves true once auth.test succeeded (false if it failed; it is retried every 30 s). */
  readonly ready: Promise<boolean>;
  stats(): LimiterStats & { readonly activeEvents: number };
  /** Stops the init retry timer. */
  close(): void;
}


function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]): string => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  // Bolt and the WebClient log several debug lines per request, some holding whole request
  // bodies: the line is only built when pino would write it.
  const at = (name: 'debug' | 'info' | 'warn' | 'error') => (...m: unknown[]) => {
    if (logger.isLevelEnabled(name)) logger[name](line(m));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

// Loose views of Slack payloads: only the fields read here.
interface EventBody {
  readonly event_id?: string;
  readonly team_id?: string;
  readonly enterprise_id?: string | null;
  readonly authorizations?: readonly { readonly enterprise_id?: string | null; readonly team_id?: string | null }[];
}
interface MessageEvent {
  readonly type: string;
  readonly subtype?: string;
  readonly channel?: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly text?: string;
  readonly ts?: string;
  readonly thread_ts?: string;
  readonly bot_id?: string;
  readonly tab?: string;
}
/** The Events API events the app listens to (the manifest subscribes to these). */
export const SLACK_EVENT_TYPES = ['message', 'app_mention', 'app_home_opened'] as const;
type SlackEventType = (typeof SLACK_EVENT_TYPES)[number];

interface EventArgs {
  readonly event: unknown;
  readonly body: unknown;
  readonly context: { readonly botUserId?: string | undefined };
}
interface InteractionBody {
  readonly type: string;
  readonly trigger_id?: string;
  readonly response_url?: string;
  readonly user: { readonly id: string; readonly team_id?: string };
  readonly team?: { readonly id?: string } | null;
  readonly enterprise?: { readonly id?: string } | null;
  readonly channel?: { readonly id?: string };
  readonly container?: { readonly type?: string; readonly is_ephemeral?: boolean; readonly channel_id?: string };
  readonly message?: { readonly ts?: string; readonly thread_ts?: string };
  readonly view?: { readonly type?: string; readonly private_metadata?: string; readonly state?: { readonly values?: Record<string, Record<string, never>> } };
  readonly actions?: readonly { readonly action_id?: string; readonly value?: string; readonly url?: string; readonly selected_option?: { readonly value?: string } }[];
}

function shortId(): string {
  return randomBytes(9).toString('base64url');
}

function eventTenant(body: EventBody): string {
  const auth = body.authorizations?.[0];
  return tenantOf({ enterpriseId: body.enterprise_id ?? auth?.enterprise_id, teamId: body.team_id ?? auth?.team_id });
}

function interactionTenant(body: InteractionBody): string {
  return tenantOf({ enterpriseId: body.enterprise?.id, teamId: body.team?.id ?? body.user.team_id });
}

function sleep(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

/** True when the turn may have created, closed or reopened a case: the App Home is refreshed. */
export function changesCases(turn: Turn, replies: readonly Reply[]): boolean {
  if (replies.some((r) => r.kind === 'case-created')) return true;
  const verb = turn.action?.verb;
  if (verb === 'closeCase' || verb === 'reopenCase') return true;
  if (typeof turn.text === 'string') {
    const command = parseCommand(turn.text);
    return command?.kind === 'closeCase' || command?.kind === 'reopenCase';
  }
  return false;
}

export function mountSlack(app: express.Express, deps: SlackChannelDeps): SlackChannel {
  const logger = deps.logger.child({ channel: 'slack' });
  let initialized = false;

  // Until auth.test has answered, Bolt cannot authorize requests; 503 makes Slack retry later.
  app.use(SLACK_EVENTS_PATH, (_req, res, next) => {
    if (initialized) {
      next();
      return;
    }
    res.status(503).set('Retry-After', '5').json({ error: 'starting', message: 'the Slack channel is starting; retry shortly' });
  });
  // Load shedding: Bolt acks before the listener runs, so without a bound every accepted event
  // adds work (core turn, Web API calls) faster than it can finish, and the Web API queue then
  // drops replies of turns already done. Past `maxActiveEvents` listeners in progress, new
  // requests get 503 + Retry-After (Slack retries events) before any work is done.
  let active = 0;
  let sheddingSince: number | undefined;
  // 256: a few hundred conversations at once are served, not shed, while Slack answers in
  // time; the call queue (400) is larger, so events alone never overflow it.
  const maxActive = deps.maxActiveEvents ?? 256;
  app.post(SLACK_EVENTS_PATH, (_req, res, next) => {
    if (active < maxActive) {
      if (sheddingSince !== undefined) {
        logger.info({ shedForMs: Date.now() - sheddingSince }, 'Slack load shedding over');
        sheddingSince = undefined;
      }
      next();
      return;
    }
    if (sheddingSince === undefined) {
      sheddingSince = Date.now();
      logger.warn({ active, maxActive }, 'Slack overloaded: answering 503 until work in progress drains');
    }
    res.status(503).set('Retry-After', '5').json({ error: 'busy', message: 'too many Slack requests in progress; retry shortly' });
  });
  // 1 MB and nesting limits before Bolt reads the body (body-guard.ts).
  app.post(SLACK_EVENTS_PATH, ...slackBodyGuard([CASE_FORM_CALLBACK]));
  // Bolt refuses only stale timestamps; future ones too (request-clock.ts).
  app.post(SLACK_EVENTS_PATH, slackRequestClock(logger));

  // One adapter for the receiver and the app, so Bolt's setLevel applies to both.
  const boltLog = boltLogger(logger);
  const receiver = new ExpressReceiver({
    signingSecret: deps.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    app,
    logger: boltLog,
    // Bolt answers 500 when it cannot route a payload (a signed but malformed interaction).
    // That is the sender's mistake: 400, logged with the reason. Listeners ack before any work
    // of ours, so our own failures never reach this handler.
    processEventErrorHandler: async ({ error, response }) => {
      if (response.headersSent) {
        logger.error({ err: error }, 'Slack event failed after it was acknowledged');
        return false;
      }
      if ((error as { code?: unknown }).code === ErrorCode.AuthorizationError) {
        response.writeHead(401).end();
        return true;
      }
      logger.warn({ err: error }, 'Slack request could not be processed; answered 400');
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unprocessable_payload' }));
      return true;
    },
  });
  const apiUrl = deps.apiUrl ? (deps.apiUrl.endsWith('/') ? deps.apiUrl : `${deps.apiUrl}/`) : undefined;
  const maxConcurrent = deps.maxConcurrentCalls ?? 8;
  const bolt = new App({
    receiver,
    token: deps.botToken,
    deferInitialization: true,
    logger: boltLog,
    // Bolt's in-memory conversation context is unused (conversation state lives in our store);
    // by default it costs a thrown-and-caught Error per event.
    convoStore: false,
    clientOptions: {
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
      rejectRateLimitedCalls: false,
      retryConfig: { ...(deps.retryConfig ?? DEFAULT_RETRY_CONFIG) },
      // Our limiter bounds concurrency; the WebClient's queue never holds more than that.
      maxRequestConcurrency: maxConcurrent,
      timeout: 10_000,
    },
  });

  const limiter = createCallLimiter({ maxConcurrent, maxQueued: deps.maxQueuedCalls ?? 400, logger });
  const json = createJsonCaller({ token: deps.botToken, apiUrl, retryConfig: deps.retryConfig, connections: maxConcurrent });
  const api: SlackApi = createSlackApi({ client: bolt.client, json, limiter, logger });
  const identity = createIdentityResolver({ api, adminUsers: deps.adminUsers, ...(deps.userCacheMs !== undefined ? { cacheMs: deps.userCacheMs } : {}) });
  const claim: ClaimOnce = claimOnceFor(deps.store);
  const shares = new TtlCache<SlackMessage>(60 * 60 * 1000, 1_000);
  const forms = new TtlCache<{ form: CaseFormReply; where: SlackWhere }>(60 * 60 * 1000, 1_000);
  const confirmed = new TtlCache<true>(60 * 60 * 1000, 5_000);
  const { core } = deps;

  // ---- init (auth.test), retried in the background -----------------------------------------
  let retryTimer: NodeJS.Timeout | undefined;
  const init = async (): Promise<boolean> => {
    try {
      await bolt.init();
      initialized = true;
      logger.info('Slack channel ready (auth.test ok)');
      return true;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      logger.error({ slackError: code }, `Slack auth.test failed (${code}); check SLACK_BOT_TOKEN. Retrying in 30 s`);
      return false;
    }
  };
  const ready = init().then((ok) => {
    if (!ok) {
      const retry = (): void => {
        retryTimer = setTimeout(() => void init().then((again) => (again ? undefined : retry())), 30_000);
        retryTimer.unref();
      };
      retry();
    }
    return ok;
  });

  // Counts every request from routing to the end of its listener (listeners await their work).
  bolt.use(async ({ next }) => {
    active += 1;
    try {
      await next();
    } finally {
      active -= 1;
    }
  });

  bolt.error(async (error) => {
    logger.error({ err: error }, 'Slack listener error');
  });

  // ---- helpers ----------------------------------------------------------------------------------
  const safely = async (label: string, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      logger.error({ err: error, during: label }, 'Slack handling failed');
    }
  };

  const firstDelivery = async (eventId: string | undefined): Promise<boolean> => {
    if (!eventId) return true;
    try {
      const first = await claim(`slack:event:${eventId}`, EVENT_DEDUP_MS);
      if (!first) logger.info({ eventId }, 'repeated Slack event ignored');
      return first;
    } catch (error) {
      logger.warn({ err: error, eventId }, 'event dedup unavailable; answering anyway');
      return true;
    }
  };

  const post = async (where: SlackWhere, message: SlackMessage, reply: Reply): Promise<void> => {
    switch (where.kind) {
      case 'im':
        await api.call('chat.postMessage', { channel: where.channel, text: message.text, blocks: message.blocks });
        return;
      case 'thread':
        await api.call('chat.postMessage', { channel: where.channel, thread_ts: where.threadTs, text: message.text, blocks: message.blocks });
        return;
      case 'home':
        await api.call('chat.postMessage', { channel: where.user, text: message.text, blocks: message.blocks });
        return;
      case 'ephemeral': {
        let blocks = message.blocks;
        if (reply.kind !== 'case-form') {
          const id = shortId();
          shares.set(id, message);
          blocks = [...message.blocks.slice(0, 49), shareBlock(id, reply.lang)];
        }
        const sent = where.responseUrl
          ? await api.respond(where.responseUrl, { response_type: 'ephemeral', replace_original: false, text: message.text, blocks })
          : false;
        if (!sent) await api.call('chat.postEphemeral', { channel: where.channel, user: where.user, text: message.text, blocks });
        return;
      }
    }
  };

  const deliver = async (where: SlackWhere, replies: readonly Reply[]): Promise<void> => {
    for (const reply of replies) {
      if (reply.kind === 'case-form') forms.set(reply.formId, { form: reply, where });
      await post(where, renderReply(reply), reply);
    }
  };

  const openModal = async (form: CaseFormReply, where: SlackWhere, triggerId: string): Promise<boolean> => {
    forms.set(form.formId, { form, where });
    const view = renderCaseFormModal(form, encodeModalMetadata({ formId: form.formId, where }));
    const opened = await api.call('views.open', { trigger_id: triggerId, view });
    return opened?.ok === true;
  };

  const buildTurn = async (tenantId: string, where: SlackWhere, userId: string, input: { text?: string; action?: TurnAction; deliveryId?: string }): Promise<Turn> => {
    const user = await identity.user(userId);
    return {
      channel: 'slack',
      tenantId,
      conversationId: conversationIdOf(where),
      user,
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.action ? { action: input.action } : {}),
      conversationReference: { channel: 'slack', tenantId, where: lasting(where) },
      ...(input.deliveryId ? { deliveryId: input.deliveryId } : {}),
    };
  };

  const publishHome = async (tenantId: string, userId: string): Promise<void> => {
    const turn = await buildTurn(tenantId, { kind: 'home', user: userId }, userId, { text: 'my cases' });
    const replies = await core.handle(turn);
    const lang: Lang = replies[0]?.lang ?? 'en';
    await api.call('views.publish', { user_id: userId, view: renderHome(replies, lang) });
  };

  /** One exchange: the turn to the core, a case form to a modal when there is a trigger, the rest posted. */
  const converse = async (tenantId: string, where: SlackWhere, userId: string, input: { text?: string; action?: TurnAction; deliveryId?: string; triggerId?: string }): Promise<void> => {
    const turn = await buildTurn(tenantId, where, userId, input);
    const replies = await core.handle(turn);
    logger.debug({ conversation: turn.conversationId, replies: replies.map((r) => r.kind) }, 'slack turn');
    let rest: readonly Reply[] = replies;
    const form = replies.find((r): r is CaseFormReply => r.kind === 'case-form');
    if (form && input.triggerId && (await openModal(form, where, input.triggerId))) rest = replies.filter((r) => r !== form);
    await deliver(where, rest);
    if (changesCases(turn, replies)) await publishHome(tenantId, userId);
  };

  // ---- events -------------------------------------------------------------------------------------
  const onMessage = async ({ event, body }: EventArgs): Promise<void> => {
    const message = event as unknown as MessageEvent;
    const eventBody = body as unknown as EventBody;
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined) return;
    if (!message.user || !message.channel || typeof message.text !== 'string') return;
    // No firstDelivery here: the turn carries the event id as its deliveryId, and the core
    // answers a delivery once, claiming it in the same write as the turn's state.
    const { user, channel, text } = message;
    await safely('message.im', () =>
      converse(eventTenant(eventBody), { kind: 'im', channel }, user, { text: slackTextToPlain(text), ...(eventBody.event_id ? { deliveryId: eventBody.event_id } : {}) }),
    );
  };

  const onMention = async ({ event, body, context }: EventArgs): Promise<void> => {
    const mention = event as unknown as MessageEvent;
    const eventBody = body as unknown as EventBody;
    if (!mention.user || !mention.channel || !mention.ts || mention.bot_id !== undefined) return;
    if (isDirectMessageChannel(mention.channel)) return; // DMs arrive as message.im
    // Deduplicated by the core through the turn's deliveryId, as for messages.
    const botUserId = context.botUserId;
    const withoutMention = botUserId
      ? (mention.text ?? '').replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ')
      : (mention.text ?? '').replace(/^\s*<@[^>]+>/, ' ');
    const where: SlackWhere = { kind: 'thread', channel: mention.channel, threadTs: mention.thread_ts ?? mention.ts };
    const { user } = mention;
    await safely('app_mention', () =>
      converse(eventTenant(eventBody), where, user, { text: slackTextToPlain(withoutMention).trim(), ...(eventBody.event_id ? { deliveryId: eventBody.event_id } : {}) }),
    );
  };

  const onHomeOpened = async ({ event, body }: EventArgs): Promise<void> => {
    const opened = event as unknown as MessageEvent;
    const eventBody = body as unknown as EventBody;
    if (opened.tab !== 'home' || !opened.user) return;
    if (!(await firstDelivery(eventBody.event_id))) return;
    const { user } = opened;
    await safely('app_home_opened', () => publishHome(eventTenant(eventBody), user));
  };

  // One listener for the three events: Bolt runs the middleware chain of every listener for
  // every request (copying its arguments at each step), so each listener costs every event.
  const onEvent: Record<SlackEventType, (args: EventArgs) => Promise<void>> = { message: onMessage, app_mention: onMention, app_home_opened: onHomeOpened };
  bolt.event(new RegExp(`^(${SLACK_EVENT_TYPES.join('|')})$`), async ({ event, body, context }) => {
    await onEvent[event.type as SlackEventType]?.({ event, body, context });
  });

  // ---- /support ---------------------------------------------------------------------------------
  bolt.command(SLACK_COMMAND, async ({ command, ack }) => {
    await ack();
    const where: SlackWhere = { kind: 'ephemeral', channel: command.channel_id, user: command.user_id, responseUrl: command.response_url };
    const text = slackTextToPlain(command.text ?? '').trim() || 'help';
    const tenantId = tenantOf({ enterpriseId: command.enterprise_id, teamId: command.team_id });
    await safely('/support', () => converse(tenantId, where, command.user_id, { text, ...(command.trigger_id ? { triggerId: command.trigger_id } : {}) }));
  });

  // ---- buttons and menus --------------------------------------------------------------------------
  bolt.action({ type: 'block_actions' }, async ({ ack, body }) => {
    await ack();
    const payload = body as unknown as InteractionBody;
    const action = payload.actions?.[0];
    const actionId = action?.action_id ?? '';
    if (!action || actionId.startsWith(`${LINK_ACTION_PREFIX}#`) || action.url !== undefined) return; // link buttons open in the browser
    if (actionId.startsWith('desk.')) return; // the support desk's own listener (src/support-desk/slack.ts)
    const userId = payload.user.id;
    const tenantId = interactionTenant(payload);
    const where = whereOfInteraction(payload);
    if (!where) {
      logger.warn({ actionId }, 'block action without a channel or view; ignored');
      return;
    }
    await safely(`action ${actionId}`, async () => {
      const data = decodeActionValue(action.selected_option?.value ?? action.value);
      if (actionId === SHARE_ACTION) {
        await share(payload, data, where);
        return;
      }
      const verb = verbOfActionId(actionId);
      if (verb === 'openCase' && typeof data.formId === 'string' && payload.trigger_id) {
        const stashed = forms.get(data.formId);
        if (stashed && (await openModal(stashed.form, stashed.where, payload.trigger_id))) return;
      }
      await converse(tenantId, where, userId, { action: turnAction(verb, data), ...(payload.trigger_id ? { triggerId: payload.trigger_id } : {}) });
    });
  });

  const share = async (payload: InteractionBody, data: Record<string, unknown>, where: SlackWhere): Promise<void> => {
    const message = typeof data.id === 'string' ? shares.get(data.id) : undefined;
    if (!message) {
      const text = labelsFor('en').shareExpired;
      if (payload.response_url) await api.respond(payload.response_url, { response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    if (payload.response_url) {
      await api.respond(payload.response_url, { response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
    } else if (where.kind === 'ephemeral') {
      await api.call('chat.postMessage', { channel: where.channel, text: message.text, blocks: message.blocks });
    }
  };

  // ---- the case form modal --------------------------------------------------------------------------
  bolt.view(CASE_FORM_CALLBACK, async ({ ack, body, view }) => {
    const payload = body as unknown as InteractionBody;
    const meta = decodeModalMetadata(view.private_metadata);
    if (!meta) {
      logger.warn('case form submitted without valid private_metadata; closed');
      await ack();
      return;
    }
    const userId = payload.user.id;
    const tenantId = interactionTenant(payload);
    const data = { ...formDataFromView(view.state.values as never), formId: meta.formId };
    let turn: Turn;
    let handled: Promise<Reply[]>;
    try {
      turn = await buildTurn(tenantId, meta.where, userId, { action: { verb: 'submitCase', data } });
      handled = core.handle(turn);
    } catch (error) {
      logger.error({ err: error }, 'case form submit failed');
      await ack();
      return;
    }
    const first = await Promise.race([handled, sleep(deps.submitBudgetMs ?? SUBMIT_BUDGET_MS)]);
    const form = first === 'timeout' ? undefined : first.find((r): r is CaseFormReply => r.kind === 'case-form' && hasFormErrors(r));
    if (form) {
      await ack({ response_action: 'errors', errors: modalErrors(form) });
      return;
    }
    await ack();
    await safely('view_submission', async () => {
      const replies = first === 'timeout' ? await handled : first;
      const created = replies.find((r) => r.kind === 'case-created');
      if (created && created.kind === 'case-created') {
        if (confirmed.get(meta.formId)) {
          logger.info({ formId: meta.formId, case: created.case.number }, 'case form submitted again; confirmation already posted');
          return;
        }
        confirmed.set(meta.formId, true);
      }
      await deliver(meta.where, replies);
      if (changesCases(turn, replies)) await publishHome(tenantId, userId);
    });
  });

  return {
    app: bolt,
    api,
    ready,
    stats: () => ({ ...limiter.stats(), activeEvents: active }),
    close: () => {
      clearTimeout(retryTimer);
      void json.close();
    },
  };
}

/** Where the answers to a click go: the DM, the thread, the ephemeral answer's user, or the App Home's DM. */
function whereOfInteraction(payload: InteractionBody): SlackWhere | undefined {
  const userId = payload.user.id;
  if (payload.container?.type === 'view' || (payload.view && !payload.channel?.id)) {
    return payload.view?.type === 'home' ? { kind: 'home', user: userId } : undefined;
  }
  const channel = payload.channel?.id ?? payload.container?.channel_id;
  if (!channel) return undefined;
  if (payload.container?.is_ephemeral) {
    return { kind: 'ephemeral', channel, user: userId, ...(payload.response_url ? { responseUrl: payload.response_url } : {}) };
  }
  if (isDirectMessageChannel(channel)) return { kind: 'im', channel };
  const threadTs = payload.message?.thread_ts ?? payload.message?.ts;
  return threadTs ? { kind: 'thread', channel, threadTs } : { kind: 'im', channel };
}
