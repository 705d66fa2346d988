/**
 * Bot Framework activities (as Teams sends them) → where they go: the conversation core (a
 * channel-neutral `Turn`) or the support desk (a card action on a case card or notice). Pure: no
 * I/O, no adapter, so every rule here is unit-tested with plain objects.
 */
import { TurnContext, type Activity, type ChannelAccount } from 'botbuilder';
import { turnAction, type Turn, type TurnAction, type TurnUser } from '../../conversation/types.js';
import { deskVerbOf, type DeskVerb, type RequesterVerb } from '../../support-desk/types.js';

/** Tenant id used when the channel gives none (the Bot Framework Emulator, Web Chat tests). */
export const NO_TENANT = 'no-tenant';
/**
 * The one tenant of unauthenticated (Emulator) traffic: the server puts every such activity here,
 * whatever tenant it names, so no real tenant's cases are reachable without a token.
 */
export const EMULATOR_TENANT = 'emulator';
/** What a bot added to a conversation "says", so the core answers with its welcome. */
export const WELCOME_TEXT = 'help';

export type InboundKind = 'message' | 'action' | 'execute' | 'welcome';

export interface InboundTurn {
  readonly kind: InboundKind;
  readonly turn: Turn;
}

/** An activity as received: any field may be missing or of the wrong type. */
type LooseActivity = Partial<Activity>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The Teams client's `clientInfo` entity (locale, country, platform, timezone). */
function clientInfo(activity: LooseActivity): Record<string, unknown> | undefined {
  const entities = Array.isArray(activity.entities) ? (activity.entities as unknown[]) : [];
  return entities.find((e): e is Record<string, unknown> => isRecord(e) && e.type === 'clientInfo');
}

export function tenantIdOf(activity: LooseActivity): string {
  const fromConversation = isRecord(activity.conversation) ? nonEmpty(activity.conversation.tenantId) : undefined;
  const channelData = isRecord(activity.channelData) ? activity.channelData : {};
  const fromChannelData = isRecord(channelData.tenant) ? nonEmpty(channelData.tenant.id) : undefined;
  return fromConversation ?? fromChannelData ?? NO_TENANT;
}

export function userOf(activity: LooseActivity): TurnUser {
  const from: Partial<ChannelAccount> = isRecord(activity.from) ? activity.from : {};
  const info = clientInfo(activity);
  // The AAD object id is the same for this user in every chat and bot, so ADMIN_USERS can list it.
  const id = nonEmpty(from.aadObjectId) ?? nonEmpty(from.id) ?? 'unknown-user';
  const timeZone = nonEmpty(activity.localTimezone) ?? nonEmpty(info?.timezone);
  const locale = nonEmpty(activity.locale) ?? nonEmpty(info?.locale);
  const email = nonEmpty((from as Record<string, unknown>).email) ?? nonEmpty((from as Record<string, unknown>).userPrincipalName);
  const entraObjectId = nonEmpty(from.aadObjectId);
  return {
    id,
    ...(entraObjectId ? { entraObjectId } : {}),
    name: nonEmpty(from.name) ?? id,
    ...(email ? { email } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(locale ? { locale } : {}),
  };
}

/** The message text without the bot's @mention ("<at>Triage Bot</at> outlook is down"). */
export function textWithoutMention(activity: LooseActivity): string {
  const text = typeof activity.text === 'string' ? activity.text : '';
  const recipientId = isRecord(activity.recipient) ? nonEmpty(activity.recipient.id) : undefined;
  if (!recipientId || !Array.isArray(activity.entities)) return text.trim();
  // removeMentionText edits the activity it is given and drops one mention per call.
  const copy = { ...activity, text } as Partial<Activity>;
  for (let i = 0; i < 5; i++) {
    const before = copy.text;
    TurnContext.removeRecipientMention(copy);
    if (copy.text === before) break;
  }
  return (copy.text ?? '').replace(/\s+/g, ' ').trim();
}

/** `Action.Submit` data ({ verb, ...data, ...inputs }) → an action; no verb → '' (the core says "expired"). */
export function actionFromSubmit(value: Record<string, unknown>): TurnAction {
  const { verb, ...data } = value;
  return turnAction(verb, data);
}

/** `Action.Execute` invoke value ({ action: { verb, data } }) → an action. */
export function actionFromExecute(value: unknown): TurnAction {
  const action = isRecord(value) && isRecord(value.action) ? value.action : {};
  const data = isRecord(action.data) ? action.data : {};
  const { verb: dataVerb, ...rest } = data;
  const verb = nonEmpty(action.verb) ?? (typeof dataVerb === 'string' ? dataVerb : '');
  return turnAction(verb, rest);
}

function baseTurn(activity: LooseActivity): Omit<Turn, 'text' | 'action'> {
  const conversationId = isRecord(activity.conversation) ? String(activity.conversation.id ?? '') : '';
  const deliveryId = nonEmpty(activity.id);
  return {
    channel: nonEmpty(activity.channelId) ?? 'msteams',
    tenantId: tenantIdOf(activity),
    conversationId,
    user: userOf(activity),
    conversationReference: TurnContext.getConversationReference(activity),
    ...(deliveryId ? { deliveryId } : {}),
  };
}

/**
 * What the core should hear for this activity, or undefined when there is nothing to say
 * (typing, reactions, members removed, invokes other than `adaptiveCard/action`).
 */
export function activityToTurn(activity: LooseActivity): InboundTurn | undefined {
  switch (activity.type) {
    case 'message': {
      if (isRecord(activity.value)) return { kind: 'action', turn: { ...baseTurn(activity), action: actionFromSubmit(activity.value) } };
      // An empty text (a picture alone, a bare @mention) still goes to the core, which says
      // what it needs.
      const text = textWithoutMention(activity);
      return { kind: 'message', turn: { ...baseTurn(activity), text } };
    }
    case 'invoke':
      if (activity.name !== 'adaptiveCard/action') return undefined;
      return { kind: 'execute', turn: { ...baseTurn(activity), action: actionFromExecute(activity.value) } };
    case 'conversationUpdate': {
      const recipientId = isRecord(activity.recipient) ? activity.recipient.id : undefined;
      const added = Array.isArray(activity.membersAdded) ? activity.membersAdded : [];
      if (!recipientId || !added.some((member) => isRecord(member) && member.id === recipientId)) return undefined;
      // The welcome goes to the conversation, not to whoever added the bot: no delivery dedup
      // beyond the activity id, and the text the core treats as "help".
      return { kind: 'welcome', turn: { ...baseTurn(activity), text: WELCOME_TEXT, greeting: true } };
    }
    default:
      return undefined;
  }
}

/** A support-desk button (`desk.<verb>` in Action.Submit data) with the card's inputs. */
export interface DeskCardAction {
  readonly verb: DeskVerb | RequesterVerb;
  readonly value: Readonly<Record<string, unknown>>;
}

export type Inbound = ({ readonly to: 'core' } & InboundTurn) | { readonly to: 'desk'; readonly action: DeskCardAction };

/**
 * Where an activity goes, or undefined when nobody needs to hear it. Desk buttons go to the desk
 * only when this bot has one (`desk: true`); otherwise the core answers them like any stale button.
 */
export function inboundOf(activity: LooseActivity, options: { readonly desk: boolean }): Inbound | undefined {
  if (options.desk && activity.type === 'message' && isRecord(activity.value)) {
    const verb = deskVerbOf(activity.value.verb);
    if (verb) return { to: 'desk', action: { verb, value: activity.value } };
  }
  const inbound = activityToTurn(activity);
  return inbound ? { to: 'core', ...inbound } : undefined;
}
