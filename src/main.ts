/**
 * `npm start`: configuration, logger, store, rules, card templates, conversation core and the
 * HTTP server; one log line with the URL; SIGTERM/SIGINT stop accepting, close the server and
 * then the store. A bad setting, invalid rules or a broken card template stop the start with a
 * message that names the problem (exit code 1).
 */
import { pino } from 'pino';
import { ConfigError, loadConfig, botAuthEnabled, localChatEnabled, type AppConfig } from './config.js';
import { CardTemplateError, loadCardTemplates } from './channels/teams/index.js';
import { ChatConversations, createLocalChat, bundlePresent, DEFAULT_BUNDLE_DIR, FETCH_COMMAND } from './channels/webchat/index.js';
import { mountSlack, slackConfigFromEnv, type SlackChannel } from './channels/slack/index.js';
import { createConversationCore } from './conversation/core.js';
import { ConfigError as CoreConfigError, loadCoreConfig, type CoreConfig } from './conversation/config.js';
import { createWebhookTarget } from './handoff/webhook.js';
import { SUPPORT_DESK_TARGET, supportDeskTarget } from './handoff/desk-target.js';
import { OutboxRelay } from './handoff/outbox-relay.js';
import { outboxConfigFromEnv, type OutboxConfig } from './handoff/config.js';
import { createBotServer, MESSAGES_PATH } from './server/index.js';
import { openStore, storeChoiceFromEnv, StoreConfigError, StoreUnavailableError, type StoreChoice, type SupportCase } from './store/index.js';
import { createSupportDeskRuntime, SupportDeskConfigError, type SupportDeskRuntime } from './support-desk/index.js';
import { loadDefaultRules, RulesInvalidError, type TriageEngine } from './triage/index.js';

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

async function main(): Promise<void> {
  const { config, coreConfig } = readConfig();
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
  const webhook = config.HANDOFF_WEBHOOK_URL && config.HANDOFF_WEBHOOK_SECRET
    ? createWebhookTarget({ url: config.HANDOFF_WEBHOOK_URL, secret: config.HANDOFF_WEBHOOK_SECRET, logger: logger.child({ module: 'handoff' }) })
    : undefined;
  const outboxTargets = [SUPPORT_DESK_TARGET, ...(webhook ? [webhook.name] : [])];
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

  const targets = [supportDeskTarget(support.desk), ...(webhook ? [webhook] : [])];
  const outbox = new OutboxRelay({ store, targets, logger: logger.child({ module: 'outbox' }), ...outboxConfig });
  const caseEvents = {
    onCaseCreated: (c: SupportCase) => {
      logger.info({ case: c.number, tenant: c.tenantId, severity: c.severity, category: c.category }, 'case created');
      outbox.kick();
    },
    onCaseChanged: support.caseChanged,
  };
  const core = createConversationCore({ engine, store, config: coreConfig, logger: logger.child({ module: 'core' }), ...caseEvents });
  // The local chat's cases reach the desk too; its /support page is the local support channel.
  const localConversations = localChatEnabled(config) ? new ChatConversations() : undefined;
  const localChat = localConversations
    ? createLocalChat({ engine, store, coreConfig, templates, logger, conversations: localConversations, support: support.attachLocalChat(localConversations), ...caseEvents })
    : undefined;
  const slackEnv = slackConfigFromEnv(process.env);
  let slack: SlackChannel | undefined;
  const server = createBotServer({
    credentials: config,
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
  const running = await server.listen(config.PORT);
  support.start();
  // Replays what a previous run committed but did not announce, then keeps polling.
  outbox.start();
  logger.info(
    { port: running.port, auth: botAuthEnabled(config) ? 'bot-framework' : 'none (emulator mode)', dataDir: config.DATA_DIR },
    `Support Triage Bot listening on ${running.url}${MESSAGES_PATH}`,
  );
  logger.info(slackEnv.config ? `Slack events at ${running.url}/slack/events` : slackEnv.reason);
  if (localChat) {
    // With credentials (LOCAL_CHAT=on), anyone who reaches this server chats as local-admin (tenant "local").
    logger[botAuthEnabled(config) ? 'warn' : 'info'](
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
      await outbox.stop();
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
