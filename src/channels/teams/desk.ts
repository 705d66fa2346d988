/**
 * The support desk in Teams: the Teams bot (bot.ts) gives it every activity to `observe` and the
 * desk card actions inbound.ts found to `act` on:
 *
 * - it remembers where the support channel is: when the bot is added to a team
 *   (conversationUpdate with the bot in membersAdded) or hears anything in the support channel,
 *   it stores that conversation reference; cards go to `SUPPORT_TEAMS_CHANNEL` in that team;
 * - `desk.*` card actions (Action.Submit data.verb) go to the desk, never to the core: engineers'
 *   actions from case cards, requesters' answers and reopens from notices.
 *
 * The notifier posts case cards with `continueConversationAsync` and updates them in place with
 * `updateActivity` on the stored activity id (Adaptive Card refresh does not fire in team
 * channels); requester notices are proactive messages on the case's stored reference.
 */
import { ActivityTypes, MessageFactory, TurnContext, type CloudAdapter, type ConversationReference, type TurnContext as Ctx } from 'botbuilder';
import { pino, type Logger } from 'pino';
import type { CaseStore } from '../../store/index.js';
import { answerInChat, deskActionData, deskButtonOf, isRecord, str } from '../../support-desk/card-action.js';
import type { SupportDesk } from '../../support-desk/desk.js';
import { messageRefs } from '../../support-desk/message-refs.js';
import { isDeskVerb, type Notifier, type RequesterNotice, type SupportCaseView, type SupportNote } from '../../support-desk/types.js';
import type { TeamsDeskSide } from './bot.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type CardJson } from './card-template.js';
import { loadSupportCardTemplates, renderRequesterNoticeCard, renderSupportCaseCard, type SupportCardTemplates } from './desk-render.js';
import { EMULATOR_TENANT, tenantIdOf, userOf, type DeskCardAction } from './inbound.js';

export const TEAMS_CHANNEL_REF_KEY = 'support-desk:teams:team-reference';
/** A retried activity carrying a desk action is handled once. */
const DELIVERY_DEDUP_MS = 10 * 60 * 1000;
/** Requester channels served through the Bot Framework. */
export const BOT_FRAMEWORK_CHANNELS = ['msteams', 'emulator', 'webchat', 'directline'] as const;

export interface TeamsSupportOptions {
  readonly desk: SupportDesk;
  readonly store: CaseStore;
  /** SUPPORT_TEAMS_CHANNEL. */
  readonly channelId?: string | undefined;
  /** MicrosoftAppId; empty in unauthenticated (Emulator) mode. */
  readonly appId?: string | undefined;
  readonly templates?: SupportCardTemplates;
  readonly logger?: Logger;
}

export interface TeamsSupport extends TeamsDeskSide {
  readonly notifier: Notifier;
  /** The adapter the notifier's proactive messages go through; nothing is sent before it is attached. */
  attach(adapter: CloudAdapter): void;
}

interface CardRef {
  readonly activityId: string;
  readonly conversationId: string;
}


/** The Teams channel id of an activity (channelData.channel.id, else the conversation id before ";messageid="). */
export function teamsChannelIdOf(activity: Partial<Ctx['activity']>): string | undefined {
  const channelData = isRecord(activity.channelData) ? activity.channelData : {};
  const fromChannelData = isRecord(channelData.channel) ? str(channelData.channel.id) : undefined;
  if (fromChannelData) return fromChannelData;
  const conversation: Record<string, unknown> = isRecord(activity.conversation) ? activity.conversation : {};
  if (conversation.conversationType !== 'channel') return undefined;
  return str(conversation.id)?.split(';')[0];
}

/** What the notifier and the desk actions share; `adapter` is set once the channel is mounted. */
interface DeskScope {
  readonly desk: SupportDesk;
  readonly store: CaseStore;
  readonly channelId: string | undefined;
  readonly appId: string;
  /** False without an app id (the Emulator): nobody is authenticated. */
  readonly authenticated: boolean;
  readonly templates: SupportCardTemplates;
  readonly refs: ReturnType<typeof messageRefs<CardRef>>;
  readonly logger: Logger;
  adapter?: CloudAdapter;
}

/** Whether a tenant's cases show here: every tenant when authenticated, only the emulator's otherwise. */
const shownIn = (scope: DeskScope, tenantId: string): boolean => scope.authenticated || tenantId === EMULATOR_TENANT;

/** The notifier: case cards posted to and updated in the support channel, notes, requester notices. */
function teamsNotifier(scope: DeskScope): Notifier {
  const { store, channelId, appId, templates, refs, logger } = scope;
  const shown = (tenantId: string) => shownIn(scope, tenantId);
  /** Serializes card posts per case, so two quick changes cannot post two cards. */
  const chains = new Map<string, Promise<unknown>>();
  const serialized = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    }).catch(() => undefined);
    return next;
  };

  const channelReference = async (conversationId?: string): Promise<Partial<ConversationReference> | undefined> => {
    if (!channelId) return undefined;
    const team = await store.getConversationState<Partial<ConversationReference>>(TEAMS_CHANNEL_REF_KEY);
    if (!team || !team.serviceUrl) return undefined;
    // Without the activity id: with it, the adapter would reply under that activity.
    const { activityId: _activityId, ...rest } = team;
    return {
      ...rest,
      conversation: { ...(team.conversation ?? {}), id: conversationId ?? channelId, isGroup: true, conversationType: 'channel' } as ConversationReference['conversation'],
    };
  };

  const send = async (reference: Partial<ConversationReference>, work: (ctx: Ctx) => Promise<void>): Promise<boolean> => {
    const { adapter } = scope;
    if (!adapter) return false;
    try {
      await adapter.continueConversationAsync(appId, reference, work);
      return true;
    } catch (error) {
      logger.warn({ err: error, conversation: reference.conversation?.id }, 'Teams proactive message failed');
      return false;
    }
  };

  const cardActivity = (card: CardJson) => MessageFactory.attachment({ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card });

  return {
    channels: BOT_FRAMEWORK_CHANNELS,
    async hasSupportChannel() {
      return scope.adapter !== undefined && (await channelReference()) !== undefined;
    },
    showCase(view: SupportCaseView) {
      if (!shown(view.tenantId)) return Promise.resolve(true);
      return serialized(`${view.tenantId}:${view.number}`, async () => {
        const reference = await channelReference();
        if (!reference) return false;
        const card = renderSupportCaseCard(templates, view);
        const existing = await refs.get(view.tenantId, view.number);
        if (existing) {
          const target = { ...reference, conversation: { ...reference.conversation, id: existing.conversationId } } as Partial<ConversationReference>;
          return send(target, async (ctx) => {
            await ctx.updateActivity({ ...cardActivity(card), id: existing.activityId, conversation: target.conversation as ConversationReference['conversation'] });
          });
        }
        if (!(await refs.reservePost(view.tenantId, view.number))) return false;
        let posted: string | undefined;
        const ok = await send(reference, async (ctx) => {
          posted = (await ctx.sendActivity(cardActivity(card)))?.id;
        });
        if (ok && posted) await refs.set(view.tenantId, view.number, { activityId: posted, conversationId: reference.conversation?.id ?? channelId ?? '' });
        else await refs.release(view.tenantId, view.number);
        return ok && posted !== undefined;
      });
    },
    async note(note: SupportNote) {
      if (!shown(note.tenantId)) return true;
      const existing = await refs.get(note.tenantId, note.number);
      // A reminder goes in the case card's thread; a breach is a new post in the channel (louder).
      const threadId = existing && note.level !== 'breach' ? `${existing.conversationId};messageid=${existing.activityId}` : undefined;
      const reference = await channelReference(threadId);
      if (!reference) return false;
      return send(reference, async (ctx) => {
        await ctx.sendActivity({ type: ActivityTypes.Message, text: note.text, textFormat: 'plain', ...(note.level === 'breach' ? { importance: 'high' } : {}) });
      });
    },
    async notifyRequester(reference: unknown, notice: RequesterNotice) {
      if (!isRecord(reference) || !isRecord(reference.conversation) || typeof reference.serviceUrl !== 'string') return false;
      // A new message in the requester's conversation, not a reply to the activity that opened the case.
      const { activityId: _activityId, ...target } = reference as Partial<ConversationReference>;
      return send(target, async (ctx) => {
        await ctx.sendActivity(cardActivity(renderRequesterNoticeCard(templates, notice)));
      });
    },
  };
}

/** Remembers where the support channel is, from the activities the bot hears there. */
function channelRecorder(scope: DeskScope): (context: Ctx) => Promise<void> {
  const { store, channelId, logger } = scope;
  let lastRecorded: string | undefined;
  return async (context: Ctx): Promise<void> => {
    const activity = context.activity;
    const added = Array.isArray(activity.membersAdded) ? activity.membersAdded : [];
    const botAdded = activity.type === ActivityTypes.ConversationUpdate && added.some((m) => m.id === activity.recipient?.id);
    const inSupportChannel = channelId !== undefined && teamsChannelIdOf(activity) === channelId;
    const isTeamChannel = activity.conversation?.conversationType === 'channel' || teamsChannelIdOf(activity) !== undefined;
    if (!(isTeamChannel && (botAdded || inSupportChannel))) return;
    // Without the activity id (channelReference drops it anyway): then every engineer click in
    // the channel carries the same reference, and it is written once, not once per activity.
    const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
    const json = JSON.stringify(reference);
    if (json === lastRecorded) return;
    try {
      await store.setConversationState(TEAMS_CHANNEL_REF_KEY, reference);
      lastRecorded = json;
      if (botAdded) logger.info({ channel: teamsChannelIdOf(activity) }, 'Teams team channel recorded for the support desk');
    } catch (error) {
      logger.warn({ err: error }, 'could not record the Teams support channel');
    }
  };
}

/** Engineers' actions from case cards, requesters' answers and reopens from notices. */
function deskActionHandler(scope: DeskScope): (context: Ctx, action: DeskCardAction) => Promise<void> {
  const { desk, store, channelId, authenticated, refs } = scope;
  const shown = (tenantId: string) => shownIn(scope, tenantId);
  return async (context: Ctx, action: DeskCardAction): Promise<void> => {
    const { activity } = context;
    const { value } = action;
    const button = deskButtonOf(value);
    if (!button) return;
    const { verb, number, tenant } = button;
    if (activity.id && !(await store.claimOnce(`delivery:msteams-desk:${activity.id}`, DELIVERY_DEDUP_MS))) return;
    const user = userOf(activity);
    const message = typeof value.message === 'string' ? value.message : undefined;
    if (isDeskVerb(verb)) {
      // The case must have a card in the support channel, posted by this server: the button's
      // tenant is believed only as far as that record goes.
      const posted = shown(tenant) ? await refs.get(tenant, number) : undefined;
      if (!posted) {
        await answerInChat(context, { ok: false, reason: 'not-found', message: `Case ${number} has no card in the support channel.` }, false);
        return;
      }
      const inSupportChannel = channelId !== undefined && teamsChannelIdOf(activity) === channelId;
      const person = { id: user.id, name: user.name, ...(user.email ? { email: user.email } : {}), channelMember: inSupportChannel };
      const actor = authenticated ? { ...person, via: 'teams' as const } : { ...person, via: 'emulator' as const, tenant: EMULATOR_TENANT };
      const outcome = await desk.act(actor, verb, deskActionData(tenant, number, value));
      // Success shows on the card itself (updated in place); a refusal is said in the thread.
      await answerInChat(context, outcome, true);
      return;
    }
    // A requester's answer or reopen: the tenant is the one Teams says, not the card's.
    const requester = { id: user.id, name: user.name };
    const outcome = verb === 'answer' ? await desk.answer(requester, tenantIdOf(activity), number, message) : await desk.reopen(requester, tenantIdOf(activity), number, message);
    await answerInChat(context, outcome, false);
  };
}

export function createTeamsSupport(options: TeamsSupportOptions): TeamsSupport {
  const appId = options.appId ?? '';
  const scope: DeskScope = {
    desk: options.desk,
    store: options.store,
    channelId: options.channelId,
    appId,
    // Without an app id nobody is authenticated (the Emulator): the support channel reference and
    // every click come from whoever reached /api/messages, so only the emulator tenant's cases show.
    authenticated: appId !== '',
    templates: options.templates ?? loadSupportCardTemplates(),
    refs: messageRefs<CardRef>(options.store, 'msteams'),
    logger: options.logger ?? pino({ level: 'silent' }),
  };
  return {
    notifier: teamsNotifier(scope),
    attach: (adapter) => void (scope.adapter = adapter),
    observe: channelRecorder(scope),
    act: deskActionHandler(scope),
  };
}
