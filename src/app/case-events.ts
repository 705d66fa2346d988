/**
 * How a new case is announced, whichever process created it (the server or `npm run chat`).
 * `createCase` writes one outbox row per target in the case's own transaction; the relay here
 * delivers them to the support desk and to the signed webhook, now (`kick`) and after a restart
 * (the relay's start-up replay and polling), so an acknowledged case is never lost.
 */
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';
import type { CoreDeps } from '../conversation/core.js';
import type { OutboxConfig } from '../handoff/config.js';
import { SUPPORT_DESK_TARGET, supportDeskTarget } from '../handoff/desk-target.js';
import { OutboxRelay } from '../handoff/outbox-relay.js';
import type { AnnouncementTarget } from '../handoff/target.js';
import { createWebhookTarget } from '../handoff/webhook.js';
import type { CaseStore } from '../store/index.js';
import type { SupportDeskRuntime } from './support-desk.js';

/** The targets configured for this deployment; their names go to the store before it opens. */
export interface AnnouncementPlan {
  readonly webhook?: AnnouncementTarget;
  /** Every target a new case gets an outbox row for. */
  readonly names: readonly string[];
}

export function planAnnouncements(config: Pick<AppConfig, 'HANDOFF_WEBHOOK_URL' | 'HANDOFF_WEBHOOK_SECRET'>, logger: Logger): AnnouncementPlan {
  const webhook =
    config.HANDOFF_WEBHOOK_URL && config.HANDOFF_WEBHOOK_SECRET
      ? createWebhookTarget({ url: config.HANDOFF_WEBHOOK_URL, secret: config.HANDOFF_WEBHOOK_SECRET, logger: logger.child({ module: 'handoff' }) })
      : undefined;
  return { webhook, names: [SUPPORT_DESK_TARGET, ...(webhook ? [webhook.name] : [])] };
}

export interface CaseEvents {
  readonly onCaseCreated: NonNullable<CoreDeps['onCaseCreated']>;
  readonly onCaseChanged: NonNullable<CoreDeps['onCaseChanged']>;
  /** Delivers the outbox's rows that are due now: a short-lived process calls it before exiting. */
  settled(): Promise<void>;
  /** Replays what an earlier run committed but did not announce, then keeps polling. */
  start(): void;
  stop(): Promise<void>;
}

export function createCaseEvents(deps: {
  readonly plan: AnnouncementPlan;
  readonly store: CaseStore;
  readonly support: SupportDeskRuntime;
  readonly logger: Logger;
  readonly outbox?: Partial<OutboxConfig>;
}): CaseEvents {
  const { plan, store, support, logger } = deps;
  const targets = [supportDeskTarget(support.desk), ...(plan.webhook ? [plan.webhook] : [])];
  const relay = new OutboxRelay({ store, targets, logger: logger.child({ module: 'outbox' }), ...deps.outbox });
  return {
    onCaseCreated: (c) => {
      logger.info({ case: c.number, tenant: c.tenantId, severity: c.severity, category: c.category }, 'case created');
      relay.kick();
    },
    onCaseChanged: support.caseChanged,
    settled: async () => {
      await relay.flush();
    },
    start: () => relay.start(),
    stop: () => relay.stop(),
  };
}
