/**
 * The support desk as this process runs it: the channel-neutral desk and SLA watch, with each
 * channel's desk side (its Notifier and its buttons) attached: Teams always, the local
 * `/support` page when the local chat is on, Slack once it is mounted.
 */
import type { Logger } from 'pino';
import { attachSlackSupport, type SlackChannel } from '../channels/slack/index.js';
import { createTeamsSupport, loadSupportCardTemplates, type TeamsSupport } from '../channels/teams/index.js';
import { createLocalSupport, type ChatConversations, type LocalSupportHooks } from '../channels/webchat/index.js';
import type { CaseChangeNotice } from '../conversation/context.js';
import type { BusinessHours } from '../domain/business-hours.js';
import type { CaseStore, SupportCase } from '../store/index.js';
import { SlaWatch, SupportDesk, type SupportDeskConfig } from '../support-desk/index.js';
import type { TriageEngine } from '../triage/index.js';

export interface SupportDeskRuntimeDeps {
  readonly config: SupportDeskConfig;
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

/** The reasons a case's card shows: the triage of the text the admin wrote, again. */
function reasonsOf(engine: TriageEngine) {
  return (c: SupportCase) => {
    const triage = c.extra.triage as { triagedText?: unknown } | null | undefined;
    const text = typeof triage?.triagedText === 'string' ? triage.triagedText : `${c.title}\n${c.description}`;
    return engine.triage(text).reasons;
  };
}

export function createSupportDeskRuntime(deps: SupportDeskRuntimeDeps): SupportDeskRuntime {
  const { config } = deps;
  const logger = deps.logger.child({ module: 'support-desk' });
  const clock = deps.now ? { now: deps.now } : {};
  const hours = deps.businessHours ? { businessHours: deps.businessHours } : {};
  const desk = new SupportDesk({ store: deps.store, config, logger, ...clock, ...hours, ...(deps.engine ? { reasonsOf: reasonsOf(deps.engine) } : {}) });
  // The support card templates are read once and shared by the Teams and local notifiers.
  const templates = loadSupportCardTemplates();
  const teams = createTeamsSupport({ desk, store: deps.store, channelId: config.teamsChannel, appId: deps.appId, logger, templates });
  desk.addNotifier(teams.notifier);
  const sla = new SlaWatch({ store: deps.store, desk, logger, ...clock, ...hours });
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
