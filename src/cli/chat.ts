/**
 * `npm run chat`: talk to the bot in the terminal, against the same conversation core the
 * channels use. Replies print as text; buttons become numbered choices (type the number);
 * a case form is filled field by field (Enter keeps the value shown). Piped input works too:
 *   printf 'outlook cannot send for anyone\n1\n\n...' | npm run --silent chat
 * Data goes to DATA_DIR (default ./data), like the server; `--memory` keeps nothing.
 */
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { loadCoreConfig, ConfigError } from '../conversation/config.js';
import { CASE_FORM_FIELDS } from '../conversation/case-form.js';
import { createConversationCore } from '../conversation/core.js';
import type { CaseFormReply, Reply, Turn, TurnAction } from '../conversation/types.js';
import { openSqliteStore } from '../store/index.js';
import { loadDefaultRules, RulesInvalidError } from '../triage/index.js';
import { renderForTerminal } from '../channels/terminal/render.js';

async function main(): Promise<void> {
  let config;
  let engine;
  try {
    config = loadCoreConfig(process.env);
    engine = loadDefaultRules();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RulesInvalidError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const store = await openSqliteStore({ dataDir: process.argv.includes('--memory') ? ':memory:' : (process.env.DATA_DIR ?? './data') });
  const core = createConversationCore({ engine, store, config, logger: pino({ level: 'silent' }) });
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
      process.stdout.write(`${rendered.text}\n`);
      if (rendered.choices.length > 0) choices = rendered.choices;
      if (reply.kind === 'case-form') {
        const submitted = await fillForm(reply, ask);
        if (submitted === undefined) return;
        await show(await core.handle({ ...turnBase, action: submitted }));
        return;
      }
    }
  };

  process.stdout.write('Support Triage Bot (terminal). Describe a problem, type "help", or Ctrl+D to quit.\n');
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
  await store.close();
}

/** Walks the form's fields; errored fields first. Returns the submit action, or undefined at end of input. */
async function fillForm(form: CaseFormReply, ask: (prompt: string) => Promise<string | undefined>): Promise<TurnAction | undefined> {
  const values: Record<string, string> = { ...form.values };
  const errored = CASE_FORM_FIELDS.filter((field) => form.errors[field]);
  const fields = errored.length > 0 ? errored : CASE_FORM_FIELDS.filter((field) => field !== 'severity' || form.severityEditable);
  for (const field of fields) {
    const answer = await ask(`${field} [${values[field] ?? ''}]: `);
    if (answer === undefined) return undefined;
    if (answer.trim()) values[field] = answer.trim();
  }
  return { verb: 'submitCase', data: { ...values, formId: form.formId } };
}

await main();
