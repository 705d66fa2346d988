/**
 * `npm start`: the composition root. Reads the one configuration, the rules and the card
 * templates (startup.ts), opens the store, builds the one conversation core, the support desk
 * (support-desk.ts) and the channels (Teams through the bot server, Slack, the local chat), and
 * serves them on one HTTP server; SIGTERM/SIGINT stop it in order (lifecycle.ts). Anything that
 * prevents the start is one message naming the problem, exit code 1.
 */
import { pino } from 'pino';
import { mountSlack, storePendingState, type SlackChannel } from '../channels/slack/index.js';
import { MESSAGES_PATH } from '../channels/teams/index.js';
import { ChatConversations, createLocalChat } from '../channels/webchat/index.js';
import { botEndpointMode, listenHost } from '../config.js';
import { createConversationCore } from '../conversation/core.js';
import { createStoreRateLimiter } from '../conversation/rate-limit.js';
import { createObservability } from '../observability/index.js';
import { startRetention } from '../store/retention.js';
import { openStore, StoreUnavailableError } from '../store/index.js';
import { createBotServer } from './bot-server.js';
import { createCaseEvents, planAnnouncements } from './case-events.js';
import { localChatServed, logDoors, logLocalChatWithSharedStore, logLocalPages } from './doors.js';
import { fail, listenFailure, stopOnSignals } from './lifecycle.js';
import { readStartup } from './startup.js';
import { createSupportDeskRuntime } from './support-desk.js';

async function main(): Promise<void> {
  const { envFile, config, engine: rules, templates } = readStartup();
  const { process: settings, core: coreConfig, store: storeChoice } = config;
  const logger = pino({ level: settings.LOG_LEVEL });
  // METRICS=on: the core, the engine and the store are measured through wrappers of the same type.
  const observability = createObservability(config.observability);
  const engine = observability.engine(rules);

  // Every new case is announced from the outbox: to the support desk, and to the webhook if set.
  const announcements = planAnnouncements(settings, logger);
  const where = storeChoice.kind === 'postgres' ? `postgres ${storeChoice.where}` : `sqlite ${settings.DATA_DIR}`;
  const rawStore = await openStore({ choice: storeChoice, dataDir: settings.DATA_DIR, outboxTargets: [...announcements.names] }).catch((error: unknown) => {
    if (error instanceof StoreUnavailableError) fail(`The case store could not be opened (${storeChoice.kind === 'postgres' ? `DATABASE_URL, ${storeChoice.where}` : `DATA_DIR ${settings.DATA_DIR}`}): ${error.message}`);
    throw error;
  });
  const store = observability.store(rawStore);
  logger.info({ store: where, outboxTargets: announcements.names }, 'case store opened');

  const support = createSupportDeskRuntime({ config: config.desk, store, engine, logger, businessHours: coreConfig.businessHours, appId: settings.MicrosoftAppId });
  const caseEvents = createCaseEvents({ plan: announcements, store, support, logger, outbox: config.outbox });
  // Several instances share one PostgreSQL: their rate limits are counted there, once for all.
  const rateLimiter = storeChoice.kind === 'postgres' ? createStoreRateLimiter(store, coreConfig.rateLimits) : undefined;
  // Microsoft Graph (issue 18): off unless GRAPH_TENANTS is set; MSAL (~0.5 s, ~17 MB) is loaded only then.
  const directory = config.graph ? (await import('../graph/directory.js')).createGraphDirectory({ config: config.graph, logger: logger.child({ module: 'graph' }) }) : undefined;
  const coreDeps = { engine, store, config: coreConfig, rateLimiter, logger: logger.child({ module: 'core' }), onCaseCreated: caseEvents.onCaseCreated, onCaseChanged: caseEvents.onCaseChanged };
  const core = observability.core(createConversationCore({ ...coreDeps, ...(directory ? { directory } : {}) }));
  // The local chat uses the same core (tenant "local"); its /support page is the local support channel.
  const sharedStore = storeChoice.kind === 'postgres';
  logLocalChatWithSharedStore(logger, settings, sharedStore);
  const conversations = localChatServed(settings, sharedStore) ? new ChatConversations() : undefined;
  const localChat = conversations ? createLocalChat({ core, coreConfig, templates, logger, conversations, support: support.attachLocalChat(conversations) }) : undefined;
  let slack: SlackChannel | undefined;
  const server = createBotServer({
    credentials: settings,
    ...(botEndpointMode(settings) === 'off' ? { botEndpoint: 'off' as const } : {}),
    core,
    engine,
    templates,
    logger,
    teamsSupport: support.teams,
    extend: (app) => {
      // Slack first: its events are the busiest route after /api/messages, and express walks every
      // router mounted before a route (readiness, metrics, the local chat) for each request.
      if (config.slack.config) slack = mountSlack(app, { core, ...config.slack.config, logger: logger.child({ module: 'slack' }), store, pending: storeChoice.kind === 'postgres' ? storePendingState(store) : undefined });
      if (slack) support.attachSlack(slack);
      observability.mount(app, store);
      localChat?.extend(app);
    },
  });
  const running = await server.listen(settings.PORT, listenHost(settings)).catch(async (error: unknown) => {
    const message = listenFailure(error, settings.PORT);
    if (!message) throw error;
    await store.close();
    return fail(message);
  });
  support.start();
  // Replays what a previous run committed but did not announce, then keeps polling.
  caseEvents.start();
  const retention = startRetention(store, config.retention, logger.child({ module: 'retention' }));
  logger.info(
    { port: running.port, address: running.host, botEndpoint: botEndpointMode(settings), envFile: envFile ?? 'none', dataDir: settings.DATA_DIR },
    `Support Triage Bot listening on ${running.url}${MESSAGES_PATH} (address ${running.host})`,
  );
  logger.info(config.slack.config ? `Slack events at ${running.url}/slack/events` : config.slack.reason);
  logDoors(logger, settings, running.host, sharedStore);
  if (localChat) logLocalPages(logger, settings, config.desk, running.url);

  stopOnSignals(logger, async () => {
    await running.close();
    localChat?.close();
    slack?.close();
    await support.stop();
    await caseEvents.stop();
    await retention.stop();
    await store.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`The bot could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
