/**
 * The one configuration of the process: every part's zod schema (each owned by its part, next to
 * its code) composed into one, read once at start-up. Every problem of every part is reported
 * at once, each naming its variable and the fix. A new part is one line in `parts`.
 */
import { z } from 'zod';
import { slackConfigSchema } from '../channels/slack/config.js';
import { processConfigSchema } from '../config.js';
import { coreConfigSchema } from '../conversation/config.js';
import { envProblems, type Env } from '../env/index.js';
import { graphConfigSchema } from '../graph/config.js';
import { outboxConfigSchema } from '../handoff/config.js';
import { observabilityConfigSchema } from '../observability/config.js';
import { storeConfigSchema } from '../store/config.js';
import { retentionConfigSchema } from '../store/retention-config.js';
import { supportDeskConfigSchema } from '../support-desk/config.js';

const parts = {
  process: processConfigSchema,
  core: coreConfigSchema,
  store: storeConfigSchema,
  outbox: outboxConfigSchema,
  desk: supportDeskConfigSchema,
  slack: slackConfigSchema,
  retention: retentionConfigSchema,
  observability: observabilityConfigSchema,
  graph: graphConfigSchema,
};

const appConfigSchema = z.object(parts);

/** Each part's typed configuration, under the part's name. */
export type AppParts = z.output<typeof appConfigSchema>;

export class AppConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n- ${problems.join('\n- ')}`);
    this.name = 'AppConfigError';
  }
}

/** Every part reads the same environment; throws AppConfigError listing every bad variable of every part. */
export function loadAppConfig(env: Env): AppParts {
  const input = Object.fromEntries(Object.keys(parts).map((part) => [part, env]));
  const result = appConfigSchema.safeParse(input);
  if (result.success) return result.data;
  // A variable read by two parts (the credentials) is reported once.
  throw new AppConfigError([...new Set(envProblems(result.error, env, 1))]);
}
