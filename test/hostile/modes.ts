/**
 * The bot wired as `src/app/main.ts` wires it (config → desk runtime → core → local chat → Slack →
 * server), in one of the four modes, with a fake Slack Web API, a fake Bot Connector and a
 * Bot Framework token issuer on loopback, and helpers that open a case through each
 * authenticated channel's own path: a signed Slack DM + modal, a Teams chat with valid tokens.
 */
import type { Logger } from 'pino';
import { loadAppConfig } from '../../src/app/config.js';
import { localChatEnabled, botEndpointMode } from '../../src/config.js';
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { ChatConversations, createLocalChat } from '../../src/channels/webchat/index.js';
import { mountSlack, type SlackChannel } from '../../src/channels/slack/index.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type CaseStore } from '../../src/store/index.js';
import { createSupportDeskRuntime, type SupportDeskRuntime } from '../../src/app/support-desk.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { blockAction, blockText, buttonsOf, captureLogger, dmEvent, eventEnvelope, filledCaseForm, signatureHeaders, startFakeSlack, viewSubmission, BOT_TOKEN, SIGNING_SECRET, TEAM, type FakeSlack, type SlackCall } from '../slack/helpers.js';
import { until as waitUntil } from '../poll.js';
import { startTokenIssuer, type TokenIssuer } from '../teams/auth.js';
import { ALEX, botAddedToTeam, cardOf, cardText, inputs, post, startFakeConnector, submitActions, teamsMessage, TENANT, type ConnectorCall, type FakeConnector } from '../teams/helpers.js';

export type Mode = 'local' | 'slack' | 'teams' | 'both';

export const SLACK_SUPPORT = 'C0SUPPORT';
export const TEAMS_SUPPORT = '19:support-desk@thread.tacv2';
export const SLACK_ENGINEER = 'UEVE';
export const TEAMS_ENGINEER = { id: '29:eve-teams-id', name: 'Eve Engineer', aadObjectId: 'aad-eve' };

export interface OpenedCase {
  readonly tenantId: string;
  readonly number: string;
  /**
   * Words of the case a stranger cannot know and must never see (not the number: an attacker
   * types it, and "SR-… was not found" may repeat it).
   */
  readonly secrets: readonly string[];
}

export interface Bot {
  readonly url: string;
  readonly store: CaseStore;
  readonly slack: FakeSlack;
  readonly connector: FakeConnector;
  readonly issuer: TokenIssuer;
  readonly logs: string[];
  /** Opens a case as a Slack workspace admin (signed events and interactions); undefined without Slack. */
  openSlackCase(): Promise<OpenedCase>;
  /** Opens a case as a Teams admin (every activity with a valid token). */
  openTeamsCase(): Promise<OpenedCase>;
  /** A signed Slack DM; resolves when the bot's answer reached the fake Web API. */
  slackRoundTrip(): Promise<void>;
  /** An authenticated Teams message; resolves when the bot's answer reached the fake connector. */
  teamsRoundTrip(): Promise<void>;
  close(): Promise<void>;
}

function envOf(mode: Mode, slack: FakeSlack): Record<string, string> {
  const env: Record<string, string> = {
    DEFAULT_PLAN: 'Office 365 E3',
    ADMIN_USERS: ALEX.aadObjectId,
    SUPPORT_ENGINEERS: `${TEAMS_ENGINEER.aadObjectId},${SLACK_ENGINEER}`,
    LOG_LEVEL: 'debug',
  };
  if (mode === 'slack' || mode === 'both') {
    Object.assign(env, { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl, SUPPORT_SLACK_CHANNEL: SLACK_SUPPORT });
  }
  return env;
}

export async function startBot(mode: Mode): Promise<Bot> {
  const slack = await startFakeSlack();
  const connector = await startFakeConnector();
  const issuer = await startTokenIssuer();
  const env = envOf(mode, slack);
  if (mode === 'teams' || mode === 'both') Object.assign(env, issuer.credentials, { SUPPORT_TEAMS_CHANNEL: TEAMS_SUPPORT });
  const { logger, logs } = captureLogger();
  const parts = loadAppConfig(env);
  const { process: config, core: coreConfig } = parts;
  const store = await openSqliteStore({ dataDir: ':memory:' });
  const engine = loadDefaultRules();
  const templates = loadCardTemplates();
  const support: SupportDeskRuntime = createSupportDeskRuntime({ config: parts.desk, store, engine, logger, appId: config.MicrosoftAppId });
  const events = { onCaseCreated: support.caseCreated, onCaseChanged: support.caseChanged };
  const core = createConversationCore({ engine, store, config: coreConfig, logger: logger.child({ module: 'core' }) as Logger, ...events });
  const conversations = localChatEnabled(config) ? new ChatConversations() : undefined;
  const localChat = conversations
    ? createLocalChat({ core, coreConfig, templates, logger, conversations, support: support.attachLocalChat(conversations) })
    : undefined;
  const slackEnv = parts.slack;
  let channel: SlackChannel | undefined;
  const server = createBotServer({
    credentials: config,
    ...(botEndpointMode(config) === 'off' ? { botEndpoint: 'off' as const } : {}),
    ...(config.MicrosoftAppId ? { botFrameworkEndpoints: issuer.endpoints } : {}),
    core,
    engine,
    templates,
    logger,
    teamsSupport: support.teams,
    extend: (app) => {
      localChat?.extend(app);
      if (slackEnv.config) channel = mountSlack(app, { core, ...slackEnv.config, logger, store });
      if (channel) support.attachSlack(channel);
    },
  });
  const running: RunningServer = await server.listen(0, '127.0.0.1');
  if (channel) await channel.ready;
  slack.users.set('UADMIN', { real_name: 'Megan Bowen', is_admin: true, tz: 'Europe/London', email: 'megan@contoso.com' });
  slack.users.set(SLACK_ENGINEER, { real_name: 'Eve Engineer', email: 'eve@contoso.com' });
  slack.channelMembers.set(SLACK_SUPPORT, [SLACK_ENGINEER]);

  const slackPost = async (body: string, contentType: string): Promise<number> => {
    const response = await fetch(`${running.url}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...signatureHeaders(body) }, body });
    await response.text();
    return response.status;
  };
  const sendEvent = (event: Record<string, unknown>) => slackPost(JSON.stringify(eventEnvelope(event)), 'application/json');
  const sendInteraction = (payload: Record<string, unknown>) => slackPost(`payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded');
  const slackCall = (from: number, method: string, predicate: (c: SlackCall) => boolean) =>
    waitUntil(method, () => slack.calls.slice(from).find((c) => c.method === method && predicate(c)));

  const teamsSend = async (activity: Record<string, unknown>): Promise<void> => {
    const response = await post(running.url, activity, { authorization: issuer.authorization(String(activity.serviceUrl)) });
    if (response.status !== 200) throw new Error(`Teams activity answered ${response.status}: ${response.text}`);
  };
  const connectorCall = (from: number, predicate: (c: ConnectorCall) => boolean) => waitUntil('a connector call', () => connector.calls.slice(from).find(predicate));
  let teamsChannelKnown = false;

  return {
    url: running.url,
    store,
    slack,
    connector,
    issuer,
    logs,
    async openSlackCase() {
      let mark = slack.calls.length;
      await sendEvent(dmEvent('UADMIN', 'Outlook cannot send email for the whole sales floor since 9am, NDR 550 5.7.1'));
      const triage = await slackCall(mark, 'chat.postMessage', (c) => c.args.channel === 'D0ADMIN');
      const openCase = buttonsOf(triage.args.blocks).find((b) => b.action_id === 'openCase');
      mark = slack.calls.length;
      await sendInteraction(blockAction({ user: 'UADMIN', action: { action_id: 'openCase', value: openCase?.value ?? '' }, triggerId: 'trig-open' }));
      const opened = await slackCall(mark, 'views.open', () => true);
      mark = slack.calls.length;
      await sendInteraction(
        viewSubmission('UADMIN', opened.args.view as Record<string, unknown>, filledCaseForm({ title: 'Slack secret mailflow outage', description: 'Nobody at slack-contoso can send since 9am' })),
      );
      const card = await slackCall(mark, 'chat.postMessage', (c) => c.args.channel === SLACK_SUPPORT);
      // The admin's App Home lists the new case: the last thing opening a case sends.
      await slackCall(mark, 'views.publish', (c) => c.args.user_id === 'UADMIN' && JSON.stringify(c.args).includes('Slack secret mailflow outage'));
      const number = /SR-\d{6}-\d{4,}/.exec(blockText(card.args.blocks))![0];
      return { tenantId: TEAM, number, secrets: ['Slack secret mailflow outage', 'slack-contoso', 'megan@contoso.com'] };
    },
    async openTeamsCase() {
      if (!teamsChannelKnown) {
        await teamsSend(botAddedToTeam(connector.url, TEAMS_SUPPORT));
        teamsChannelKnown = true;
      }
      const slackMark = slack.calls.length;
      let mark = connector.calls.length;
      await teamsSend(teamsMessage({ serviceUrl: connector.url, text: 'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1' }));
      const triage = cardOf(await connectorCall(mark, () => true));
      const press = (card: Record<string, unknown>, verb: string) => submitActions(card).find((a) => a.data.verb === verb)!.data;
      mark = connector.calls.length;
      await teamsSend(teamsMessage({ serviceUrl: connector.url, value: press(triage, 'openCase') }));
      const form = cardOf(await connectorCall(mark, () => true));
      const values = Object.fromEntries([...inputs(form)].map(([id, input]) => [id, input.value ?? '']));
      mark = connector.calls.length;
      await teamsSend(
        teamsMessage({
          serviceUrl: connector.url,
          value: { ...values, title: 'Teams secret mailflow outage', description: 'Nobody at teams-fabrikam can send since 9am.', affectedUsers: '40', contactMethod: 'email', email: 'alex@fabrikam.com', ...press(form, 'submitCase') },
        }),
      );
      const posted = await connectorCall(mark, (c) => c.conversationId === TEAMS_SUPPORT && /SR-\d{6}-\d{4,}/.test(cardText(c.activity)));
      const number = /SR-\d{6}-\d{4,}/.exec(cardText(posted.activity))![0];
      // With Slack too, the card also goes to Slack's support channel: the last thing it sends.
      if (channel) await slackCall(slackMark, 'chat.postMessage', (c) => c.args.channel === SLACK_SUPPORT && JSON.stringify(c.args).includes(number));
      return { tenantId: TENANT, number, secrets: ['Teams secret mailflow outage', 'teams-fabrikam', 'alex@fabrikam.com'] };
    },
    async slackRoundTrip() {
      const mark = slack.calls.length;
      expect200(await sendEvent(dmEvent('UADMIN', 'help')));
      await slackCall(mark, 'chat.postMessage', (c) => c.args.channel === 'D0ADMIN');
    },
    async teamsRoundTrip() {
      const mark = connector.calls.length;
      await teamsSend(teamsMessage({ serviceUrl: connector.url, text: 'help', conversationId: 'a:marker-chat' }));
      await connectorCall(mark, (c) => c.conversationId === 'a:marker-chat');
    },
    async close() {
      channel?.close();
      localChat?.close();
      await running.close();
      await support.stop();
      await store.close();
      await Promise.all([slack.close(), connector.close(), issuer.close()]);
    },
  };
}

function expect200(status: number): void {
  if (status !== 200) throw new Error(`Slack answered ${status}`);
}
