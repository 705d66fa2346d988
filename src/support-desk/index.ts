/**
 * The support desk: engineers work cases from a Teams channel and a Slack channel, requesters
 * hear about every change where they opened the case, and the SLA watch nags about unclaimed
 * cases. `createSupportDeskRuntime` is what `src/main.ts` wires in.
 */
import { attachSlackSupport, type SlackChannel } from '../channels/slack/index.js';
import type { Logger } from 'pino';
import type { ChatConversations } from '../channels/webchat/conversations.js';
import type { LocalSupportHooks } from '../channels/webchat/support-hooks.js';
import type { CaseChangeNotice } from '../conversation/context.js';
import type { BusinessHours } from '../domain/business-hours.js';
import type { CaseStore, SupportCase } from '../store/index.js';
import type { TriageEngine } from '../triage/index.js';
import { loadSupportDeskConfig, type SupportDeskConfig } from './config.js';
import { SupportDesk } from './desk.js';
import { createLocalSupport } from './local.js';
import { SlaWatch } from './sla-watch.js';
import { createTeamsSupport, loadSupportCardTemplates, type TeamsSupport } from '../channels/teams/index.js';

export { loadSupportDeskConfig, SupportDeskConfigError, DEFAULT_SLA_CHECK_INTERVAL_SECONDS, type SupportDeskConfig } from './config.js';
export { SupportDesk, isOnlyThanks, type SupportDeskDeps } from './desk.js';
export { SlaWatch, reminderKey, DUE_PAGE_SIZE, type SentReminder, type ReminderLevel } from './sla-watch.js';
export { slaClock, timeLeftText, WARNING_FRACTION } from './sla.js';
export { supportCaseView } from './view.js';
export { createLocalSupport, type LocalSupport, type LocalSupportOptions } from './local.js';
export { createTeamsSupport, TEAMS_CHANNEL_REF_KEY, type TeamsSupport, type TeamsSupportOptions } from '../channels/teams/index.js';
export { renderSupportCaseCard, renderRequesterNoticeCard, loadSupportCardTemplates } from '../channels/teams/index.js';
export * from './types.js';

export interface SupportDeskRuntimeDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly store: CaseStore;
  readonly engine?: TriageEngine;
  readonly logger: Logger;
  readonly businessHours?: BusinessHours | undefined;
  /** MicrosoftAppId (empty in Emulator mode). */
  readonly appId?: string | undefined;
  readonly now?: () => Date;
}

export interface SupportDeskRuntime {
  readonly config: SupportDeskConfig;
  readonly desk: SupportDesk;
  readonly teams: TeamsSupport;
  readonly sla: SlaWatch;
  /** For CoreDeps.onCaseCreated: posts the card; never throws. */
  caseCreated(c: SupportCase): void;
  /** For CoreDeps.onCaseChanged (the requester's `close`/`reopen SR-…`): updates the card, notes it; never throws. */
  caseChanged(c: SupportCase, change: CaseChangeNotice): void;
  /** With the local chat on: the `/support` page's desk side (a Notifier is registered). */
  attachLocalChat(conversations: ChatConversations): LocalSupportHooks;
  /** After mountSlack: routes desk buttons and delivers to Slack. */
  attachSlack(slack: Pick<SlackChannel, 'api' | 'onDeskClick'>): void;
  start(): void;
  stop(): Promise<void>;
}

/** Throws SupportDeskConfigError on a bad setting. */
export function createSupportDeskRuntime(deps: SupportDeskRuntimeDeps): SupportDeskRuntime {
  const config = loadSupportDeskConfig(deps.env);
  const logger = deps.logger.child({ module: 'support-desk' });
  const { engine } = deps;
  const desk = new SupportDesk({
    store: deps.store,
    config,
    logger,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.businessHours ? { businessHours: deps.businessHours } : {}),
    ...(engine
      ? {
          reasonsOf: (c: SupportCase) => {
            const triage = c.extra.triage as { triagedText?: unknown } | null | undefined;
            const text = typeof triage?.triagedText === 'string' ? triage.triagedText : `${c.title}\n${c.description}`;
            return engine.triage(text).reasons;
          },
        }
      : {}),
  });
  // The support card templates are read once and shared by the Teams and local notifiers.
  const templates = loadSupportCardTemplates();
  const teams = createTeamsSupport({ desk, store: deps.store, channelId: config.teamsChannel, appId: deps.appId, logger, templates });
  desk.addNotifier(teams.notifier);
  const sla = new SlaWatch({ store: deps.store, desk, logger, ...(deps.now ? { now: deps.now } : {}), ...(deps.businessHours ? { businessHours: deps.businessHours } : {}) });
  return {
    config,
    desk,
    teams,
    sla,
    caseCreated: (c) => void desk.caseOpened(c).catch((error: unknown) => logger.error({ err: error, case: c.number }, 'posting the case card failed')),
    caseChanged: (c, change) => void desk.requesterChanged(c, change),
    attachLocalChat: (conversations) => {
      const local = createLocalSupport({ desk, store: deps.store, conversations, logger: logger.child({ channel: 'webchat' }), templates });
      desk.addNotifier(local.notifier);
      return local;
    },
    attachSlack: (slack) => desk.addNotifier(attachSlackSupport({ slack, desk, store: deps.store, channelId: config.slackChannel, logger })),
    start: () => sla.start(config.slaCheckIntervalMs),
    stop: () => sla.stop(),
  };
}
