/**
 * One admin's whole Teams journey over HTTP, for load and fault tests: a complaint, "Open a
 * case" on the triage card, the form submitted. Each journey is its own user and conversation,
 * so the per-user rate limit and conversation state never mix journeys.
 */
import { loadCardTemplates } from '../../src/channels/teams/index.js';
import { loadCoreConfig } from '../../src/conversation/config.js';
import { createConversationCore } from '../../src/conversation/core.js';
import { createBotServer } from '../../src/app/bot-server.js';
import type { RunningServer } from '../../src/server/index.js';
import type { CaseStore } from '../../src/store/index.js';
import { loadDefaultRules } from '../../src/triage/index.js';
import { cardOf, cardText, inputs, post, submitActions, teamsMessage, type FakeConnector } from '../teams/helpers.js';

/** The real bot (rules, core, cards) on `store`, listening on loopback, with every user an admin. */
export function startJourneyBot(store: CaseStore): Promise<RunningServer> {
  const engine = loadDefaultRules();
  const core = createConversationCore({ engine, store, config: loadCoreConfig({ DEFAULT_PLAN: 'Office 365 E3', ADMIN_USERS: '*' }) });
  return createBotServer({ credentials: {}, core, engine, templates: loadCardTemplates() }).listen(0, '127.0.0.1');
}

export const COMPLAINT = 'outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1';

export interface JourneyUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

export function journeyUser(i: number, prefix = 'load'): JourneyUser {
  return { id: `29:${prefix}-${i}`, name: `Admin ${prefix} ${i}`, aadObjectId: `aad-${prefix}-${i}` };
}

/** Posts one activity; the cards the connector got in reply to it (replies are posted before the 200). */
export async function say(serverUrl: string, connector: FakeConnector, user: JourneyUser, body: { text?: string; value?: Record<string, unknown> }) {
  const activity = teamsMessage({ serviceUrl: connector.url, from: user, conversationId: `a:${user.id}`, ...body });
  const response = await post(serverUrl, activity);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.text}`);
  return connector.calls.filter((c) => c.replyToId === activity.id).map(cardOf);
}

export function press(card: Record<string, unknown> | undefined, verb: string): Record<string, unknown> {
  const action = submitActions(card).find((a) => a.data.verb === verb);
  if (!action) throw new Error(`no ${verb} button in ${cardText(card).slice(0, 300)}`);
  return action.data;
}

/** The filled form's submit data: prefilled inputs, a unique title, and the submit button's data (verb, formId). */
export function filledForm(form: Record<string, unknown>, title: string): Record<string, unknown> {
  const values = Object.fromEntries([...inputs(form)].map(([id, input]) => [id, input.value ?? '']));
  return {
    ...values,
    title,
    description: `${title}: nobody on the sales floor can send since 9am. NDR 550 5.7.1.`,
    affectedUsers: '40',
    contactMethod: 'email',
    email: 'admin@contoso.com',
    ...press(form, 'submitCase'),
  };
}

/** complaint → Open a case; returns the form submit data. */
export async function openForm(serverUrl: string, connector: FakeConnector, user: JourneyUser, title: string): Promise<Record<string, unknown>> {
  const [triage] = await say(serverUrl, connector, user, { text: COMPLAINT });
  const [form] = await say(serverUrl, connector, user, { value: press(triage, 'openCase') });
  if (!form || !inputs(form).has('title')) throw new Error(`no form: ${cardText(form).slice(0, 300)}`);
  return filledForm(form, title);
}

export const CASE_NUMBER = /SR-\d{6}-\d{4,}/;
