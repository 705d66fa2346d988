/**
 * `npm start`: configuration, logger, store, rules, card templates, conversation core and the
 * HTTP server; one log line with the URL; SIGTERM/SIGINT stop accepting, close the server and
 * then the store. A bad setting, invalid rules or a broken card template stop the start with a
 * message that names the problem (exit code 1).
 */
import { pino, type Logger } from 'pino';
import { ConfigError, loadConfig, botEndpointMode, channelCredentialsConfigured, listenHost, localChatEnabled, type AppConfig } from './config.js';
import { CardTemplateError, loadCardTemplates } from './channels/teams/index.js';
import { ChatConversations, createLocalChat, bundlePresent, DEFAULT_BUNDLE_DIR, FETCH_COMMAND } from './channels/webchat/index.js';
import { mountSlack, slackConfigFromEnv, type SlackChannel } from './channels/slack/index.js';
import { createConversationCore } from './conversation/core.js';
import { ConfigError as CoreConfigError, loadCoreConfig, type CoreConfig } from './conversation/config.js';
import { createCaseEvents, planAnnouncements } from './case-events.js';
import { EnvFileError, loadEnvFile } from './env-file.js';
import { outboxConfigFromEnv, type OutboxConfig } from './handoff/config.js';
import { createBotServer, MESSAGES_PATH } from './server/index.js';
import { openStore, storeChoiceFromEnv, StoreConfigError, StoreUnavailableError, type StoreChoice } from './store/index.js';
import { createSupportDeskRuntime, SupportDeskConfigError, type SupportDeskRuntime } from './support-desk/index.js';
import { loadDefaultRules, RulesInvalidError, type TriageEngine } from './triage/index.js';
import { GraphConfigError, loadGraphConfig, type GraphConfig } from './graph/config.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readConfig(): { config: AppConfig; coreConfig: CoreConfig } {
  try {
    return { config: loadConfig(process.env), coreConfig: loadCoreConfig(process.env) };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CoreConfigError) fail(error.message);
    throw error;
  }
}

function readStoreConfig(): { storeChoice: StoreChoice; outboxConfig: OutboxConfig } {
  try {
    return { storeChoice: storeChoiceFromEnv(process.env), outboxConfig: outboxConfigFromEnv(process.env) };
  } catch (error) {
    if (error instanceof StoreConfigError) fail(error.message);
    throw error;
  }
}

function readGraphConfig(): GraphConfig | undefined {
  try {
    return loadGraphConfig(process.env);
  } catch (error) {
    if (error instanceof GraphConfigError) fail(error.message);
    throw error;
  }
}

function readRules(): TriageEngine {
  try {
    return loadDefaultRules();
  } catch (error) {
    if (error instanceof RulesInvalidError) {
      fail(`The intent rules are invalid; the bot will not start until they are fixed:\n- ${error.problems.join('\n- ')}`);
    }
    throw error;
  }
}

/** Which unauthenticated doors are open or closed, at warn level whenever channel credentials are set. */
function logDoors(logger: Logger, config: AppConfig, address: string): void {
  const credentials = channelCredentialsConfigured(config);
  const mode = botEndpointMode(config);
  const doors = { emulator: mode === 'emulator' ? 'on' : 'off', localPages: localChatEnabled(config) ? 'on' : 'off', address };
  if (!credentials) {
    const emulator = mode === 'emulator' ? '/api/messages takes Emulator traffic for tenant "emulator" only, replies go to loopback only' : '/api/messages is off (EMULATOR=off)';
    logger.info(doors, `Local mode (no channel credentials): ${emulator}`);
    return;
  }
  if (mode === 'off') logger.warn(doors, 'Bot Framework endpoint /api/messages is off: channel credentials are set without MicrosoftAppId (EMULATOR=on opens it to the Emulator, tenant "emulator" only)');
  if (mode === 'emulator') logger.warn(doors, 'EMULATOR=on: /api/messages takes unauthenticated Emulator traffic (tenant "emulator" only, replies to loopback only)');
  if (!localChatEnabled(config)) logger.warn(doors, 'Local chat (/, Direct Line) and the /support page are off because channel credentials are set (LOCAL_CHAT=on turns them on)');
}

function readEnvFile(): string | undefined {
  try {
    return loadEnvFile();
  } catch (error) {
    if (error instanceof EnvFileError) fail(error.message);
    throw error;
  }
}

/** One clear line for what stops `listen`: a port in use or not allowed, instead of a stack trace. */
function listenFailure(error: unknown, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `PORT ${port} is already in use by another program (another bot still running?). Stop it, or start on another port: PORT=${port + 1} npm start`;
  if (code === 'EACCES') return `PORT ${port} may not be opened by this user (ports below 1024 need privileges). Use a port such as 3978: PORT=3978 npm start`;
  return undefined;
}

async function main(): Promise<void> {
  const envFile = readEnvFile();
  const { config, coreConfig } = readConfig();
  const graphConfig = readGraphConfig();
  const logger = pino({ level: config.LOG_LEVEL });

  const engine = readRules();
  let templates;
  try {
    templates = loadCardTemplates();
  } catch (error) {
    if (error instanceof CardTemplateError) fail(error.message);
    throw error;
  }
  const { storeChoice, outboxConfig } = readStoreConfig();
  // Every new case is announced from the outbox: to the support desk, and to the webhook if set.
  const announcements = planAnnouncements(config, logger);
  const outboxTargets = [...announcements.names];
  const store = await openStore({ choice: storeChoice, dataDir: config.DATA_DIR, outboxTargets }).catch((error: unknown) => {
    if (error instanceof StoreUnavailableError) fail(`The case store could not be opened (${storeChoice.kind === 'postgres' ? `DATABASE_URL, ${storeChoice.where}` : `DATA_DIR ${config.DATA_DIR}`}): ${error.message}`);
    throw error;
  });
  logger.info({ store: storeChoice.kind === 'postgres' ? `postgres ${storeChoice.where}` : `sqlite ${config.DATA_DIR}`, outboxTargets }, 'case store opened');
  let support: SupportDeskRuntime;
  try {
    support = createSupportDeskRuntime({ env: process.env, store, engine, logger, businessHours: coreConfig.businessHours, appId: config.MicrosoftAppId });
  } catch (error) {
    if (error instanceof SupportDeskConfigError) fail(error.message);
    throw error;
  }

  const caseEvents = createCaseEvents({ plan: announcements, store, support, logger, outbox: outboxConfig });
  // Microsoft Graph (issue 18): off unless GRAPH_TENANTS is set; MSAL (~0.5 s, ~17 MB) is loaded only then.
  const directory = graphConfig ? (await import('./graph/directory.js')).createGraphDirectory({ config: graphConfig, logger: logger.child({ module: 'graph' }) }) : undefined;
  const core = createConversationCore({ engine, store, config: coreConfig, logger: logger.child({ module: 'core' }), onCaseCreated: caseEvents.onCaseCreated, onCaseChanged: caseEvents.onCaseChanged, ...(directory ? { directory } : {}) });
  // The local chat's cases reach the desk too; its /support page is the local support channel.
  const localConversations = localChatEnabled(config) ? new ChatConversations() : undefined;
  const localChat = localConversations
    ? createLocalChat({ engine, store, coreConfig, templates, logger, conversations: localConversations, support: support.attachLocalChat(localConversations), onCaseCreated: caseEvents.onCaseCreated, onCaseChanged: caseEvents.onCaseChanged })
    : undefined;
  const slackEnv = slackConfigFromEnv(process.env);
  let slack: SlackChannel | undefined;
  const server = createBotServer({
    credentials: config,
    ...(botEndpointMode(config) === 'off' ? { botEndpoint: 'off' as const } : {}),
    core,
    engine,
    templates,
    store,
    logger,
    wrapTeamsBot: support.wrapTeamsBot,
    extend: (app) => {
      localChat?.extend(app);
      if (slackEnv.config) slack = mountSlack(app, { core, ...slackEnv.config, logger: logger.child({ module: 'slack' }), store });
      if (slack) support.attachSlack(slack);
    },
  });
  let running;
  try {
    running = await server.listen(config.PORT, listenHost(config));
  } catch (error) {
    const message = listenFailure(error, config.PORT);
    if (message) {
      await store.close();
      fail(message);
    }
    throw error;
  }
  support.start();
  // Replays what a previous run committed but did not announce, then keeps polling.
  caseEvents.start();
  logger.info(
    { port: running.port, address: running.host, botEndpoint: botEndpointMode(config), envFile: envFile ?? 'none', dataDir: config.DATA_DIR },
    `Support Triage Bot listening on ${running.url}${MESSAGES_PATH} (address ${running.host})`,
  );
  logger.info(slackEnv.config ? `Slack events at ${running.url}/slack/events` : slackEnv.reason);
  logDoors(logger, config, running.host);
  if (localChat) {
    // With credentials (LOCAL_CHAT=on), anyone who reaches this server chats as local-admin (tenant "local").
    logger[channelCredentialsConfigured(config) ? 'warn' : 'info'](
      { localChat: running.url, bundle: bundlePresent(DEFAULT_BUNDLE_DIR) ? 'ok' : `missing: run ${FETCH_COMMAND}` },
      `Local chat (Web Chat) at ${running.url}/ without sign-in (LOCAL_CHAT=off turns it off)`,
    );
    logger.info(
      { engineers: support.config.engineers.length > 0 ? 'SUPPORT_ENGINEERS' : 'local-engineer' },
      `Local support channel at ${running.url}/support (case cards, claim, reply, resolve)`,
    );
  }

  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const forced = setTimeout(() => {
      logger.error('requests still running after 10 s; exiting anyway');
      process.exit(1);
    }, 10_000);
    forced.unref();
    try {
      await running.close();
      localChat?.close();
      slack?.close();
      await support.stop();
      await caseEvents.stop();
      await store.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  process.stderr.write(`The bot could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
