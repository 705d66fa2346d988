/** What the start reads before it opens anything: the `.env` file, the one configuration, the intent rules and the card templates; each stops the start with a message naming the problem. */
import { CardTemplateError, loadCardTemplates, type CardTemplates } from '../channels/teams/index.js';
import { EnvFileError, loadEnvFile } from '../env-file.js';
import { loadDefaultRules, RulesInvalidError, type TriageEngine } from '../triage/index.js';
import { AppConfigError, loadAppConfig, type AppParts } from './config.js';
import { fail } from './lifecycle.js';

export interface Startup {
  readonly envFile: string | undefined;
  readonly config: AppParts;
  readonly engine: TriageEngine;
  readonly templates: CardTemplates;
}

function orFail<T>(read: () => T, expected: (error: unknown) => string | undefined): T {
  try {
    return read();
  } catch (error) {
    const message = expected(error);
    if (message !== undefined) fail(message);
    throw error;
  }
}

export function readStartup(): Startup {
  const envFile = orFail(loadEnvFile, (error) => (error instanceof EnvFileError ? error.message : undefined));
  const config = orFail(() => loadAppConfig(process.env), (error) => (error instanceof AppConfigError ? error.message : undefined));
  const engine = orFail(loadDefaultRules, (error) =>
    error instanceof RulesInvalidError ? `The intent rules are invalid; the bot will not start until they are fixed:\n- ${error.problems.join('\n- ')}` : undefined,
  );
  const templates = orFail(loadCardTemplates, (error) => (error instanceof CardTemplateError ? error.message : undefined));
  return { envFile, config, engine, templates };
}
