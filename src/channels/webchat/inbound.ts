/**
 * What arrives from a Web Chat page, and where it goes. A client activity is checked and stored
 * with the identity of its conversation (never the client's word), then routed in one place:
 * engineers' and requesters' `desk.*` buttons to the support desk, anything else from the
 * `/support` page to a hint, the rest to the conversation core (through the Teams bot logic, which
 * builds the turn and renders the replies as Adaptive Cards).
 */
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { TeamsBotLogic } from '../teams/index.js';
import type { ConversationCore, Turn } from '../../conversation/types.js';
import { deskVerbOf } from '../../support-desk/index.js';
import type { ChatConversation, ChatConversations } from './conversations.js';
import { isRecord, pick, type Json } from './http.js';
import { LOCAL_BOT, LOCAL_CHANNEL, LOCAL_IDENTITIES, LOCAL_TENANT } from './identity.js';
import type { LocalDeskAction, LocalSupportHooks } from './support-hooks.js';

/** Activity types a Web Chat client may post (an invoke would need an invoke response). */
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);
/** Fields of a client activity kept in the history and passed to the bot. */
const CLIENT_FIELDS = ['type', 'text', 'textFormat', 'value', 'name', 'locale', 'localTimestamp', 'localTimezone', 'attachments', 'entities', 'channelData'] as const;

const USE_THE_BUTTONS = 'This is the support channel: use the buttons on the case cards. To talk to the bot as an admin, open / in another tab.';

/** Why a client activity cannot be accepted, or undefined. */
export function clientActivityProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'the body must be a JSON object (an activity)';
  if (typeof body.type !== 'string' || !CLIENT_TYPES.has(body.type)) return `activity.type must be one of ${[...CLIENT_TYPES].join(', ')}`;
  if (body.text !== undefined && typeof body.text !== 'string') return 'activity.text must be a string';
  if (body.channelData !== undefined && !isRecord(body.channelData)) return 'activity.channelData must be an object';
  if (body.attachments !== undefined && !Array.isArray(body.attachments)) return 'activity.attachments must be an array';
  if (body.entities !== undefined && !Array.isArray(body.entities)) return 'activity.entities must be an array';
  for (const field of ['locale', 'localTimezone', 'localTimestamp', 'textFormat', 'name'] as const) {
    if (body[field] !== undefined && typeof body[field] !== 'string') return `activity.${field} must be a string`;
  }
  if (body.type === 'message' && body.text === undefined && body.value === undefined && body.attachments === undefined) {
    return 'a message needs text, value or attachments';
  }
  return undefined;
}

/** The history's copy of a checked client activity: sent by the conversation's own identity. */
export function clientActivity(conversation: ChatConversation, body: Json): Json & { type: string } {
  return {
    ...pick(body, CLIENT_FIELDS),
    type: String(body.type),
    from: { id: conversation.identity.id, name: conversation.identity.name, role: 'user' },
    conversation: { id: conversation.id },
    channelId: LOCAL_CHANNEL,
    timestamp: new Date().toISOString(),
  };
}

/** The fields every activity handed to the bot carries: this conversation, tenant `local`, replies to `serviceUrl`. */
export function botFields(conversation: ChatConversation, serviceUrl: string): Json {
  return {
    channelId: LOCAL_CHANNEL,
    serviceUrl,
    from: { id: conversation.identity.id, name: conversation.identity.name, role: 'user' },
    recipient: LOCAL_BOT,
    conversation: { id: conversation.id, tenantId: LOCAL_TENANT, conversationType: 'personal', isGroup: false },
  };
}

/** The welcome speaks the browser's language until the admin writes (Web Chat sends `locale` with each message). */
export function welcomeActivity(conversation: ChatConversation, locale: string | undefined): Json {
  return {
    type: 'conversationUpdate',
    ...(locale ? { locale } : {}),
    id: `${conversation.id}|welcome`,
    timestamp: new Date().toISOString(),
    membersAdded: [LOCAL_BOT, { id: conversation.identity.id, name: conversation.identity.name }],
  };
}

/** Where one activity goes. */
export type LocalInbound =
  | { readonly to: 'core' }
  | { readonly to: 'desk'; readonly action: LocalDeskAction }
  | { readonly to: 'hint'; readonly text: string }
  | { readonly to: 'nowhere' };

export function routeActivity(activity: Pick<Activity, 'type' | 'value'>, conversation: ChatConversation | undefined): LocalInbound {
  const verb = activity.type === ActivityTypes.Message && isRecord(activity.value) ? deskVerbOf(activity.value.verb) : undefined;
  if (verb && isRecord(activity.value)) return { to: 'desk', action: { verb, value: activity.value } };
  if (conversation?.identity.as === LOCAL_IDENTITIES.engineer.as) {
    return activity.type === ActivityTypes.Message ? { to: 'hint', text: USE_THE_BUTTONS } : { to: 'nowhere' };
  }
  return { to: 'core' };
}

/** The bot logic of the local chat: every activity routed by `routeActivity`, dispatched here. */
export function localBotLogic(deps: { readonly conversations: ChatConversations; readonly bot: TeamsBotLogic; readonly support?: LocalSupportHooks | undefined }): TeamsBotLogic {
  return async (context: TurnContext) => {
    const conversation = deps.conversations.get(String(context.activity.conversation?.id ?? ''));
    const route = routeActivity(context.activity, conversation);
    switch (route.to) {
      case 'desk':
        if (deps.support && conversation) await deps.support.deskAction(context, conversation, route.action);
        return;
      case 'hint':
        await context.sendActivity({ type: ActivityTypes.Message, text: route.text, textFormat: 'plain' });
        return;
      case 'nowhere':
        return;
      case 'core':
        await deps.bot(context);
        return;
    }
  };
}

/**
 * The process's one conversation core, as the local chat hands it turns: who is an admin comes
 * from the page's identity (`local-admin` always, `local-user` only when ADMIN_USERS lists it or
 * is `*`), and since every page is `local-admin`, each conversation gets its own turn budget so a
 * stranger's page cannot spend another's.
 */
export function localCore(core: ConversationCore, conversations: ChatConversations): ConversationCore {
  return {
    handle: (turn: Turn) => {
      const identity = conversations.get(turn.conversationId)?.identity;
      const channelAdmin = identity ? identity.as === LOCAL_IDENTITIES.admin.as : false;
      return core.handle({ ...turn, tenantId: LOCAL_TENANT, user: { ...turn.user, channelAdmin }, turnLimitPer: 'conversation' });
    },
  };
}
