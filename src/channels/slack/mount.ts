/**
 * Slack on the bot's express app, wiring only: the gates in front of Bolt's ExpressReceiver at
 * `POST /slack/events` (events, interactivity and the `/support` command share the URL), the Bolt
 * app with its WebClient settings, one listener per interaction (`listeners/`), each turning its
 * payload into a route (`inbound.ts`) for the one dispatcher (`dispatch.ts`).
 *
 * Signature checks are Bolt's (401 on a bad or missing signature or a timestamp older than five
 * minutes); a timestamp more than five minutes ahead is refused before Bolt (request-clock.ts).
 * Outgoing calls go through a bounded queue (`limiter.ts`) and never throw (`api.ts`).
 */
import { App, ErrorCode, ExpressReceiver, type ExpressReceiverOptions } from '@slack/bolt';
import type express from 'express';
import type { Logger } from 'pino';
import type { ConversationCore } from '../../conversation/types.js';
import type { RetryConfig } from '../../http/retry.js';
import type { CaseStore } from '../../store/index.js';
import { createSlackApi, type SlackApi } from './api.js';
import { boltLogger } from './bolt-logger.js';
import { slackBodyGuard } from './body-guard.js';
import { claimOnceFor } from './dedup.js';
import { createDispatcher, type DeskClickHandler } from './dispatch.js';
import { createSlackExchange, type SlackExchange } from './exchange.js';
import { loadGate, startingGate } from './gates.js';
import { createIdentityResolver } from './identity.js';
import { createCallLimiter, type LimiterStats } from './limiter.js';
import { registerListeners } from './listeners/index.js';
import { memoryPendingState, type SlackPendingState } from './pending.js';
import { CASE_FORM_CALLBACK } from './render.js';
import { slackRequestClock } from './request-clock.js';
import { createSlackTransport, slackClientOptions } from './web-client.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** The Events API events the app listens to (the manifest subscribes to these). */
export const SLACK_EVENT_TYPES = ['message', 'app_mention', 'app_home_opened'] as const;

export interface SlackChannelDeps {
  readonly core: ConversationCore;
  readonly signingSecret: string;
  readonly botToken: string;
  /** SLACK_API_URL: the Web API base for Bolt's WebClient. */
  readonly apiUrl?: string | undefined;
  /** Slack user ids or emails treated as admins besides workspace admins and owners ('*': everyone). ADMIN_USERS is applied by the core anyway. */
  readonly adminUsers?: readonly string[] | '*' | undefined;
  readonly logger: Logger;
  /** For event dedup (claimOnce) shared across instances; an in-memory map otherwise. */
  readonly store?: CaseStore | undefined;
  /** Pending forms, shared answers, confirmed submits; in memory unless a shared one is given. */
  readonly pending?: SlackPendingState | undefined;
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
  /** The support desk's handler for its buttons (`desk.*`), acked by the channel's one listener. */
  onDeskClick(handler: DeskClickHandler): void;
  stats(): LimiterStats & { readonly activeEvents: number };
  /** Stops the init retry timer and closes the connections to Slack. */
  close(): void;
}

/**
 * Bolt answers 500 when it cannot route a payload (a signed but malformed interaction). That is
 * the sender's mistake: 400, logged with the reason. Listeners ack before any work of ours, so
 * our own failures never reach this handler.
 */
function processEventErrorHandler(logger: Logger): NonNullable<ExpressReceiverOptions['processEventErrorHandler']> {
  return async ({ error, response }) => {
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
  };
}

/** auth.test until it succeeds: at once, then every 30 s in the background. */
function initialize(bolt: App, logger: Logger, onReady: () => void): { ready: Promise<boolean>; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  const attempt = async (): Promise<boolean> => {
    try {
      await bolt.init();
      onReady();
      logger.info('Slack channel ready (auth.test ok)');
      return true;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      logger.error({ slackError: code }, `Slack auth.test failed (${code}); check SLACK_BOT_TOKEN. Retrying in 30 s`);
      return false;
    }
  };
  const retry = (): void => {
    timer = setTimeout(() => void attempt().then((ok) => (ok ? undefined : retry())), 30_000);
    timer.unref();
  };
  const ready = attempt().then((ok) => {
    if (!ok) retry();
    return ok;
  });
  return { ready, stop: () => clearTimeout(timer) };
}

export function mountSlack(app: express.Express, deps: SlackChannelDeps): SlackChannel {
  const logger = deps.logger.child({ channel: 'slack' });
  let initialized = false;
  // 256: a few hundred conversations at once are served, not shed, while Slack answers in
  // time; the call queue (400) is larger, so events alone never overflow it.
  const load = loadGate(deps.maxActiveEvents ?? 256, logger);
  // One route for the gates (a route or `app.use` per gate costs the router a path match, and
  // `use` a URL rewrite, per request).
  app.post(SLACK_EVENTS_PATH, startingGate(() => initialized), load.handler, ...slackBodyGuard([CASE_FORM_CALLBACK]), slackRequestClock(logger));

  // One adapter for the receiver and the app, so Bolt's setLevel applies to both.
  const log = boltLogger(logger);
  const receiver = new ExpressReceiver({ signingSecret: deps.signingSecret, endpoints: SLACK_EVENTS_PATH, app, logger: log, processEventErrorHandler: processEventErrorHandler(logger) });
  const maxConcurrent = deps.maxConcurrentCalls ?? 8;
  const transport = createSlackTransport({ connections: maxConcurrent * 2 });
  const bolt = new App({
    receiver,
    token: deps.botToken,
    deferInitialization: true,
    logger: log,
    // Bolt's in-memory conversation context is unused (conversation state lives in our store);
    // by default it costs a thrown-and-caught Error per event.
    convoStore: false,
    clientOptions: slackClientOptions({ apiUrl: deps.apiUrl, retryConfig: deps.retryConfig, maxConcurrent, transport }),
  });

  const limiter = createCallLimiter({ maxConcurrent, maxQueued: deps.maxQueuedCalls ?? 400, logger });
  const api = createSlackApi({ client: bolt.client, limiter, logger, transport });
  const identity = createIdentityResolver({ api, adminUsers: deps.adminUsers, ...(deps.userCacheMs !== undefined ? { cacheMs: deps.userCacheMs } : {}) });
  const exchange = createSlackExchange({ core: deps.core, api, identity, pending: deps.pending ?? memoryPendingState(), logger, submitBudgetMs: deps.submitBudgetMs });
  // The load gate counts each listener's work from where the listener hands it on (the dispatcher,
  // the case form's submit), not in a Bolt global middleware: that would add a middleware level
  // to every event (~2.5 kB of garbage per event, measured with bench/e2e/slack-inprocess.ts).
  const dispatcher = createDispatcher({ exchange, claim: claimOnceFor(deps.store), logger, track: load.track });
  const submitTracked: Pick<SlackExchange, 'submitCaseForm'> = { submitCaseForm: (...args) => load.track(() => exchange.submitCaseForm(...args)) };
  const init = initialize(bolt, logger, () => void (initialized = true));

  bolt.error(async (error) => void logger.error({ err: error }, 'Slack listener error'));
  registerListeners(bolt, dispatcher, submitTracked, logger);

  return {
    app: bolt,
    api,
    ready: init.ready,
    onDeskClick: (handler) => dispatcher.onDeskClick(handler),
    stats: () => ({ ...limiter.stats(), activeEvents: load.active() }),
    close: () => {
      init.stop();
      void transport.close();
    },
  };
}
