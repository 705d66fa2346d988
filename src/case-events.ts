/**
 * What happens when a case is created or changed, whichever process created it (the server or
 * `npm run chat`): a log line, the signed webhook, and the support desk's card.
 */
import type { Logger } from 'pino';
import type { AppConfig } from './config.js';
import type { CoreDeps } from './conversation/core.js';
import { createWebhookHandoff } from './handoff/webhook.js';
import type { SupportDeskRuntime } from './support-desk/index.js';

export interface CaseEvents {
  readonly onCaseCreated: NonNullable<CoreDeps['onCaseCreated']>;
  readonly onCaseChanged: NonNullable<CoreDeps['onCaseChanged']>;
  /** Resolves once every webhook delivery and case card started so far has ended. */
  settled(): Promise<void>;
}

export function createCaseEvents(deps: {
  readonly config: Pick<AppConfig, 'HANDOFF_WEBHOOK_URL' | 'HANDOFF_WEBHOOK_SECRET'>;
  readonly logger: Logger;
  readonly support: SupportDeskRuntime;
}): CaseEvents {
  const { config, logger, support } = deps;
  const handoff =
    config.HANDOFF_WEBHOOK_URL && config.HANDOFF_WEBHOOK_SECRET
      ? createWebhookHandoff({
          url: config.HANDOFF_WEBHOOK_URL,
          secret: config.HANDOFF_WEBHOOK_SECRET,
          logger: logger.child({ module: 'handoff' }),
          retry: { attempts: 5, baseDelayMs: 1000 },
        })
      : undefined;
  const cards = new Set<Promise<void>>();
  return {
    onCaseCreated: (c) => {
      logger.info({ case: c.number, tenant: c.tenantId, severity: c.severity, category: c.category }, 'case created');
      handoff?.(c);
      const card = support.desk.caseOpened(c).catch((error: unknown) => logger.error({ err: error, case: c.number }, 'posting the case card failed'));
      cards.add(card);
      void card.finally(() => cards.delete(card));
    },
    onCaseChanged: support.caseChanged,
    settled: async () => {
      await Promise.all([handoff?.settled(), ...cards]);
    },
  };
}
