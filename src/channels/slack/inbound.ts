/**
 * What a Slack request asks for, decided in one place from Bolt's typed payloads: a turn for the
 * conversation core, a support-desk click, a "Share in channel", an App Home to publish, or
 * nothing (bot messages, edits, link buttons). Pure functions: no calls, no state; the listeners
 * hand the result to `dispatch`.
 */
import type { AllMiddlewareArgs, BlockAction, BlockElementAction, SlackEventMiddlewareArgs, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import { turnAction, type TurnAction } from '../../conversation/types.js';
import { deskVerbOf, type DeskVerb, type RequesterVerb } from '../../support-desk/types.js';
import { DESK_INPUT_ACTION, DESK_INPUT_BLOCKS } from './desk-render.js';
import { tenantOf } from './identity.js';
import { slackTextToPlain } from './mrkdwn.js';
import { decodeActionValue, formDataFromView, LINK_ACTION_PREFIX, SHARE_ACTION, verbOfActionId } from './render.js';
import { decodeModalMetadata, isDirectMessageChannel, type SlackWhere } from './where.js';

export const SLACK_COMMAND = '/support';

/** A turn for the core, before the user is looked up (identity.ts). */
export interface SlackTurnRequest {
  readonly tenantId: string;
  readonly where: SlackWhere;
  readonly userId: string;
  readonly text?: string;
  readonly action?: TurnAction;
  /** The event id: the core answers a delivery once. */
  readonly deliveryId?: string;
  /** A click's or command's trigger_id: a case form can then open as a modal. */
  readonly triggerId?: string;
}

/** A press on a support-desk button (the card in the support channel, or a requester's notice). */
export interface SlackDeskClick {
  readonly verb: DeskVerb | RequesterVerb;
  /** The button's value: `{ number, tenant? }`. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly userId: string;
  /** The workspace (or Enterprise Grid) the click came from. */
  readonly tenantId: string;
  readonly channel?: string;
  readonly threadTs?: string;
  /** trigger_id + action_ts: the same for every delivery of one click. */
  readonly clickKey?: string;
  readonly inputs: Readonly<Partial<Record<keyof typeof DESK_INPUT_BLOCKS, string>>>;
}

export type SlackInbound =
  | { readonly to: 'core'; readonly turn: SlackTurnRequest }
  | { readonly to: 'desk'; readonly action: SlackDeskClick }
  | { readonly to: 'share'; readonly tenantId: string; readonly shareId: string | undefined; readonly where: SlackWhere; readonly responseUrl: string | undefined }
  | { readonly to: 'home'; readonly tenantId: string; readonly userId: string; readonly eventId: string | undefined }
  | { readonly to: 'none'; readonly why: string };

/** A case form submitted from its modal. */
export interface SlackFormSubmission {
  readonly formId: string;
  readonly turn: SlackTurnRequest;
}

const none = (why: string): SlackInbound => ({ to: 'none', why });

type EnvelopeOf<T extends string> = SlackEventMiddlewareArgs<T>['body'];

function eventTenant(body: EnvelopeOf<string>): string {
  const auth = body.authorizations?.[0];
  return tenantOf({ enterpriseId: body.enterprise_id ?? auth?.enterprise_id, teamId: body.team_id ?? auth?.team_id });
}

/** A DM to the bot. Channel messages arrive as app_mention; bot messages and edits are not turns. */
export function fromMessage({ event, body }: SlackEventMiddlewareArgs<'message'>): SlackInbound {
  if (event.subtype !== undefined) return none('message subtype');
  if (event.channel_type !== 'im' || event.bot_id !== undefined) return none('not a DM from a person');
  if (!event.user || typeof event.text !== 'string') return none('message without user or text');
  return { to: 'core', turn: { tenantId: eventTenant(body), where: { kind: 'im', channel: event.channel }, userId: event.user, text: slackTextToPlain(event.text), deliveryId: body.event_id } };
}

/** An @mention in a channel: answered in its thread, without the mention. */
export function fromMention({ event, body, context }: SlackEventMiddlewareArgs<'app_mention'> & Pick<AllMiddlewareArgs, 'context'>): SlackInbound {
  if (!event.user || event.bot_id !== undefined) return none('mention without a person');
  if (isDirectMessageChannel(event.channel)) return none('DMs arrive as message.im');
  const botUserId = context.botUserId;
  const withoutMention = botUserId ? event.text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ') : event.text.replace(/^\s*<@[^>]+>/, ' ');
  const where: SlackWhere = { kind: 'thread', channel: event.channel, threadTs: event.thread_ts ?? event.ts };
  return { to: 'core', turn: { tenantId: eventTenant(body), where, userId: event.user, text: slackTextToPlain(withoutMention).trim(), deliveryId: body.event_id } };
}

export function fromHomeOpened({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'>): SlackInbound {
  if (event.tab !== 'home') return none('messages tab');
  return { to: 'home', tenantId: eventTenant(body), userId: event.user, eventId: body.event_id };
}

/** `/support <text>`: answered ephemerally; an empty command is `help`. */
export function fromCommand(command: SlashCommand): SlackInbound {
  const where: SlackWhere = { kind: 'ephemeral', channel: command.channel_id, user: command.user_id, responseUrl: command.response_url };
  const text = slackTextToPlain(command.text ?? '').trim() || 'help';
  const tenantId = tenantOf({ enterpriseId: command.enterprise_id, teamId: command.team_id });
  return { to: 'core', turn: { tenantId, where, userId: command.user_id, text, ...(command.trigger_id ? { triggerId: command.trigger_id } : {}) } };
}

function interactionTenant(body: BlockAction | ViewSubmitAction): string {
  return tenantOf({ enterpriseId: body.enterprise?.id, teamId: body.team?.id ?? body.user.team_id });
}

function actionValue(action: BlockElementAction): string | undefined {
  if ('selected_option' in action && action.selected_option) return action.selected_option.value;
  return 'value' in action && typeof action.value === 'string' ? action.value : undefined;
}

/** Where the answers to a click go: the DM, the thread, the ephemeral answer's user, or the App Home's DM. */
export function whereOfClick(body: BlockAction): SlackWhere | undefined {
  const userId = body.user.id;
  const container = body.container as { type?: string; is_ephemeral?: boolean; channel_id?: string } | undefined;
  if (container?.type === 'view' || (body.view && !body.channel?.id)) return body.view?.type === 'home' ? { kind: 'home', user: userId } : undefined;
  const channel = body.channel?.id ?? container?.channel_id;
  if (!channel) return undefined;
  if (container?.is_ephemeral) return { kind: 'ephemeral', channel, user: userId, ...(body.response_url ? { responseUrl: body.response_url } : {}) };
  if (isDirectMessageChannel(channel)) return { kind: 'im', channel };
  const threadTs = (body.message?.thread_ts as string | undefined) ?? body.message?.ts;
  return threadTs ? { kind: 'thread', channel, threadTs } : { kind: 'im', channel };
}

function deskInput(body: BlockAction, block: string): string | undefined {
  const state = body.state?.values?.[block]?.[DESK_INPUT_ACTION];
  const value = state?.value ?? state?.selected_option?.value;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function deskClick(body: BlockAction, action: BlockElementAction, verb: DeskVerb | RequesterVerb): SlackInbound {
  let data: unknown;
  try {
    data = JSON.parse(actionValue(action) ?? '{}');
  } catch {
    return none('desk button with a value that is not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return none('desk button without data');
  const container = body.container as { channel_id?: string } | undefined;
  const channel = body.channel?.id ?? container?.channel_id;
  const threadTs = body.message?.thread_ts as string | undefined;
  const inputs: Partial<Record<keyof typeof DESK_INPUT_BLOCKS, string>> = {};
  for (const key of Object.keys(DESK_INPUT_BLOCKS) as (keyof typeof DESK_INPUT_BLOCKS)[]) {
    const value = deskInput(body, DESK_INPUT_BLOCKS[key]);
    if (value !== undefined) inputs[key] = value;
  }
  const clickKey = body.trigger_id && action.action_ts ? `delivery:slack-desk:${body.user.id}:${action.action_id}:${body.trigger_id}:${action.action_ts}` : undefined;
  return {
    to: 'desk',
    action: { verb, data: data as Record<string, unknown>, userId: body.user.id, tenantId: interactionTenant(body), inputs, ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}), ...(clickKey ? { clickKey } : {}) },
  };
}

/** A button or menu: the desk's own buttons go to the desk, "Share in channel" is answered here, the rest is a turn. */
export function fromBlockAction(body: BlockAction): SlackInbound {
  const action = body.actions[0];
  if (!action) return none('no action');
  const actionId = action.action_id ?? '';
  if (verbOfActionId(actionId) === LINK_ACTION_PREFIX || ('url' in action && action.url !== undefined)) return none('link buttons open in the browser');
  const deskVerb = deskVerbOf(actionId);
  if (deskVerb) return deskClick(body, action, deskVerb);
  const where = whereOfClick(body);
  if (!where) return none('block action without a channel or view');
  const data = decodeActionValue(actionValue(action));
  if (actionId === SHARE_ACTION) return { to: 'share', tenantId: interactionTenant(body), shareId: typeof data.id === 'string' ? data.id : undefined, where, responseUrl: body.response_url };
  return { to: 'core', turn: { tenantId: interactionTenant(body), where, userId: body.user.id, action: turnAction(verbOfActionId(actionId), data), ...(body.trigger_id ? { triggerId: body.trigger_id } : {}) } };
}

/** The case form's submit, or undefined when its private_metadata is not ours. */
export function fromCaseFormSubmission(body: ViewSubmitAction): SlackFormSubmission | undefined {
  const meta = decodeModalMetadata(body.view.private_metadata);
  if (!meta) return undefined;
  const data = { ...formDataFromView(body.view.state.values), formId: meta.formId };
  return { formId: meta.formId, turn: { tenantId: interactionTenant(body), where: meta.where, userId: body.user.id, action: { verb: 'submitCase', data } } };
}
