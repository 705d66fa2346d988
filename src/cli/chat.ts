/**
 * `npm run chat`: talk to the bot in the terminal, against the same conversation core the
 * channels use. Replies print as text; buttons become numbered choices (type the number);
 * a case form is filled field by field (Enter keeps the value shown). Piped input works too:
 *   printf 'outlook cannot send for anyone\n1\n\n...' | npm run --silent chat
 * Data goes to DATA_DIR (default ./data), like the server; `--memory` keeps nothing. Cases reach
 * the webhook and the support desk as the server's do (`createCaseEvents`).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createCaseEvents, planAnnouncements } from '../app/case-events.js';
import { AppConfigError, loadAppConfig } from '../app/config.js';
import { createSupportDeskRuntime } from '../app/support-desk.js';
import { botAuthEnabled } from '../config.js';
import { createTeamsAdapter } from '../channels/teams/index.js';
import type { CoreConfig } from '../conversation/config.js';
import { createConversationCore } from '../conversation/core.js';
import type { Reply, Turn, TurnAction } from '../conversation/types.js';
import { EnvFileError, loadEnvFile } from '../env-file.js';
import { openSqliteStore } from '../store/index.js';
import { loadDefaultRules, RulesInvalidError } from '../triage/index.js';
import { renderForTerminal } from '../channels/terminal/render.js';
import { fillCaseForm } from '../channels/terminal/case-form.js';

const USAGE = `Usage: npm run chat [-- --memory]
  Talk to the bot in the terminal; type "help" in the chat for what it can do.
  --memory   keep nothing (an in-memory store instead of DATA_DIR)
  --help     show this message`;

/** The flags; an unknown one is one line on stderr and exit code 2, not a stack trace. */
function options(): { memory: boolean } {
  try {
    const { values } = parseArgs({ options: { memory: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    return { memory: values.memory === true };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}. Run "npm run chat -- --help" for the options.\n`);
    process.exit(2);
  }
}

function settings() {
  try {
    loadEnvFile();
    const config = loadAppConfig(process.env);
    const { process: app, core } = config;
    // One person at a keyboard, or a script piping a conversation: the per-minute limit is meant
    // for shared channels and would silently drop piped lines after the 30th. Cases stay limited.
    const terminal: CoreConfig = { ...core, rateLimits: { turnsPerMinute: 0, casesPerHour: core.rateLimits?.casesPerHour ?? 0 } };
    return { app, core: terminal, desk: config.desk, engine: loadDefaultRules() };
  } catch (error) {
    if (error instanceof AppConfigError || error instanceof RulesInvalidError || error instanceof EnvFileError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const flags = options();
  const { app, core: coreConfig, desk, engine } = settings();
  // Logs go to stderr, so the conversation on stdout stays readable and scriptable.
  const logger = pino({ level: process.env.LOG_LEVEL ? app.LOG_LEVEL : 'warn' }, pino.destination(2));
  // Cases opened here are announced like the server's: from the outbox, to the desk and the webhook.
  const announcements = planAnnouncements(app, logger);
  const store = await openSqliteStore({ dataDir: flags.memory ? ':memory:' : app.DATA_DIR, outboxTargets: announcements.names });
  const support = createSupportDeskRuntime({ config: desk, store, engine, logger, businessHours: coreConfig.businessHours, appId: app.MicrosoftAppId });
  // With bot credentials, case cards reach the Teams support channel the server learned; this
  // process receives no Teams activity, so the bot logic behind the adapter is never called.
  if (botAuthEnabled(app) && support.config.teamsChannel) support.teams.attach(createTeamsAdapter(app, logger));
  const events = createCaseEvents({ plan: announcements, store, support, logger });
  const core = createConversationCore({ engine, store, config: coreConfig, logger, onCaseCreated: events.onCaseCreated, onCaseChanged: events.onCaseChanged });

  const interactive = process.stdin.isTTY === true;
  const lines = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  const input = lines[Symbol.asyncIterator]();
  const user = {
    id: process.env.CHAT_USER_ID ?? 'local-admin',
    name: process.env.CHAT_USER_NAME ?? 'Local Admin',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(process.env.LANG?.startsWith('zh') ? { locale: 'zh-TW' } : {}),
  };
  const turnBase = { channel: 'terminal', tenantId: 'local', conversationId: 'terminal', user } as const;
  const print = (line: string) => void process.stdout.write(`${line}\n`);
  const ask = async (prompt: string): Promise<string | undefined> => {
    if (interactive) process.stdout.write(prompt);
    const next = await input.next();
    return next.done ? undefined : next.value;
  };

  let choices: readonly TurnAction[] = [];
  const show = async (replies: readonly Reply[]): Promise<void> => {
    choices = [];
    for (const reply of replies) {
      const rendered = renderForTerminal(reply);
      print(rendered.text);
      if (rendered.choices.length > 0) choices = rendered.choices;
      if (reply.kind === 'case-form') {
        const submitted = await fillCaseForm(reply, ask, print);
        if (submitted === undefined) return;
        await show(await core.handle({ ...turnBase, action: submitted }));
        return;
      }
    }
  };

  print('Support Triage Bot (terminal). Describe a problem, type "help", or Ctrl+D to quit.');
  for (;;) {
    const line = await ask('\n> ');
    if (line === undefined) break;
    const text = line.trim();
    if (!text) continue;
    const choice = /^\d+$/.test(text) ? choices[Number(text) - 1] : undefined;
    const turn: Turn = choice ? { ...turnBase, action: choice } : { ...turnBase, text };
    await show(await core.handle(turn));
  }
  lines.close();
  await events.settled();
  await store.close();
}

await main();
