/**
 * The support desk in the local web chat (local mode, no Teams or Slack needed):
 *
 * - the `/support` page is a Web Chat conversation as `local-engineer`: the local support channel.
 *   Every case card the desk shows is posted there as the same Adaptive Card Teams gets
 *   (cards/support-case.json) and updated in place afterwards: the activity is replaced under
 *   its id and re-added at a new watermark, exactly what the local connector's PUT does, so a
 *   polling Web Chat re-renders it. When the page opens, the open cases of tenant `local` are
 *   shown; notes (answers, reopens, SLA reminders) are text lines beside them. The page reads as
 *   a list: every card is compact (summary line, the full card behind "Open", see
 *   compact-card.ts) except the one the engineer last acted on, which stays expanded;
 * - requester notices are appended to the admin's own local conversation, found through the
 *   case's stored conversation reference (its conversation id);
 * - `desk.*` card actions are taken before the bot: engineers' buttons from the `/support`
 *   conversation, answers and reopens from the admin's notices.
 *
 * The page has no sign-in, so it sees and acts on tenant `local` only: cards of other tenants are
 * never posted to it, and a button press counts only for a card this server posted to that page.
 *
 * `local-engineer` counts as an engineer (as a member of the support channel would in Teams) only
 * while SUPPORT_ENGINEERS is unset; when it is set, only the ids it lists may act, so listing
 * `local-engineer` there is how to keep the page working beside a real engineer list.
 */
import type { TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import { pino, type Logger } from 'pino';
import type { CaseStore } from '../../store/index.js';
import { loadSupportCardTemplates, type SupportCardTemplates } from '../teams/index.js';
import {
  answerInChat,
  deskActionData,
  deskButtonOf,
  isDeskVerb,
  type Notifier,
  type RequesterNotice,
  type SupportCaseView,
  type SupportDesk,
  type SupportNote,
} from '../../support-desk/index.js';
import type { ChatConversation, ChatConversations } from './conversations.js';
import { caseCardActivity, noticeActivity, textActivity } from './desk-render.js';
import { LOCAL_CHANNEL, LOCAL_TENANT } from './identity.js';
import type { LocalDeskAction, LocalSupportHooks } from './support-hooks.js';

export interface LocalSupportOptions {
  readonly desk: SupportDesk;
  readonly store: CaseStore;
  readonly conversations: ChatConversations;
  readonly templates?: SupportCardTemplates;
  readonly logger?: Logger;
}

export interface LocalSupport extends LocalSupportHooks {
  readonly notifier: Notifier;
}

/** How many open cases a new `/support` page is shown. */
const MAX_CASES_ON_OPEN = 50;
const INTRO =
  'This is the local support channel. New cases appear here as case cards; Claim, Reply, Ask for information, Change severity, Assign and Resolve update the card in place and notify the admin in their chat.';
/** Cases whose cards the pages keep track of: a case beyond it is shown again as a new card. */
const MAX_TRACKED_CASES = 2_000;

const cardKey = (tenantId: string, number: string): string => `${tenantId}:${number}`;

/** The local conversation a stored conversation reference points at, if it is one. */
function localConversationIdOf(reference: unknown): string | undefined {
  const ref = reference as { channelId?: unknown; conversation?: { id?: unknown } } | null | undefined;
  const id = ref?.channelId === LOCAL_CHANNEL ? ref.conversation?.id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/**
 * The case cards on the open `/support` pages: which card shows which case on which page (so it
 * is updated in place), and which case each page shows unfolded.
 */
function supportBoard(conversations: ChatConversations, templates: SupportCardTemplates) {
  /** The open `/support` conversations. */
  const pages = new Set<string>();
  /** `tenant:number` → support conversation id → the card's activity id there (the least recent case forgotten first). */
  const cards = new LRUCache<string, Map<string, string>>({ max: MAX_TRACKED_CASES });
  /** `tenant:number` → the case card's latest data (to fold a card back into its compact form). */
  const views = new LRUCache<string, SupportCaseView>({ max: MAX_TRACKED_CASES });
  /** Support conversation id → the case shown expanded there (the one its engineer acts on). */
  const expanded = new Map<string, string>();

  const post = (conversationId: string, view: SupportCaseView): boolean => {
    const key = cardKey(view.tenantId, view.number);
    views.set(key, view);
    const byConversation = cards.get(key) ?? new Map<string, string>();
    const activity = caseCardActivity(conversationId, templates, view, expanded.get(conversationId) === key);
    const existing = byConversation.get(conversationId);
    // In place: the same activity id, re-added at a new watermark (what the connector's PUT does).
    const stored = (existing ? conversations.replace(conversationId, existing, activity) : undefined) ?? conversations.append(conversationId, activity);
    if (!stored) return false;
    byConversation.set(conversationId, stored.id);
    cards.set(key, byConversation);
    return true;
  };

  return {
    open: (conversationId: string) => void pages.add(conversationId),
    /** The live support pages; forgets the ones the local chat dropped. */
    live(): string[] {
      for (const id of [...pages]) {
        if (conversations.get(id)) continue;
        pages.delete(id);
        expanded.delete(id);
      }
      return [...pages];
    },
    post,
    shownOn: (number: string, conversationId: string): boolean => cards.get(cardKey(LOCAL_TENANT, number))?.has(conversationId) === true,
    /** The engineer on this page works on this case now: the case expanded before folds back. */
    expand(conversationId: string, number: string): void {
      const key = cardKey(LOCAL_TENANT, number);
      const before = expanded.get(conversationId);
      expanded.set(conversationId, key);
      const previous = before !== undefined && before !== key ? views.get(before) : undefined;
      if (previous && cards.get(before!)?.has(conversationId)) post(conversationId, previous);
    },
  };
}

export function createLocalSupport(options: LocalSupportOptions): LocalSupport {
  const { desk, store, conversations } = options;
  const logger = options.logger ?? pino({ level: 'silent' });
  const templates = options.templates ?? loadSupportCardTemplates();
  const board = supportBoard(conversations, templates);
  const say = (conversationId: string, text: string): boolean =>
    conversations.append(conversationId, textActivity(conversationId, text)) !== undefined;

  const notifier: Notifier = {
    channels: [LOCAL_CHANNEL],
    hasSupportChannel: async () => board.live().length > 0,
    // The page has no sign-in: it shows the local tenant's cases only, never a real channel's.
    async showCase(view) {
      if (view.tenantId !== LOCAL_TENANT) return true;
      return board.live().map((id) => board.post(id, view)).every(Boolean);
    },
    async note(note: SupportNote) {
      if (note.tenantId !== LOCAL_TENANT) return true;
      // The desk's reminder and breach lines carry their own marker (⏰, 🚨): no second one here.
      return board.live().map((id) => say(id, note.text)).every(Boolean);
    },
    async notifyRequester(reference: unknown, notice: RequesterNotice) {
      const id = localConversationIdOf(reference);
      if (!id || !conversations.get(id)) return false;
      return conversations.append(id, noticeActivity(id, templates, notice)) !== undefined;
    },
    reaches: (reference) => {
      const id = localConversationIdOf(reference);
      return id !== undefined && conversations.get(id) !== undefined;
    },
  };

  const deskAction = async (context: TurnContext, conversation: ChatConversation, action: LocalDeskAction): Promise<void> => {
    const { value } = action;
    const button = deskButtonOf(value);
    if (!button) return;
    const { verb, number } = button;
    // The identity is the conversation's (the local chat sets `from` from it, never from the client).
    const identity = conversation.identity;
    const message = typeof value.message === 'string' ? value.message : undefined;
    if (isDeskVerb(verb)) {
      // The page vouches for its engineer only on a card it was shown; the tenant is always the
      // local one (the desk refuses any other for a `local` actor), never the button's word.
      const onCard = identity.as === 'engineer' && board.shownOn(number, conversation.id);
      if (identity.as === 'engineer') board.expand(conversation.id, number);
      const actor = { via: 'local' as const, tenant: LOCAL_TENANT, id: identity.id, name: identity.name, channelMember: onCard && desk.config.engineers.length === 0 };
      const outcome = await desk.act(actor, verb, deskActionData(LOCAL_TENANT, number, value));
      await answerInChat(context, outcome, true);
      return;
    }
    // A requester's answer or reopen, in the local tenant (not the card's word for it).
    const requester = { id: identity.id, name: identity.name };
    const outcome = verb === 'answer' ? await desk.answer(requester, LOCAL_TENANT, number, message) : await desk.reopen(requester, LOCAL_TENANT, number, message);
    await answerInChat(context, outcome, false);
  };

  return {
    notifier,
    deskAction,
    async supportStarted(conversation: ChatConversation): Promise<void> {
      board.open(conversation.id);
      say(conversation.id, INTRO);
      try {
        const open = await store.listCases(LOCAL_TENANT, { status: 'open' });
        for (const c of open.slice(-MAX_CASES_ON_OPEN)) board.post(conversation.id, desk.caseView(c));
      } catch (error) {
        logger.warn({ err: error }, 'could not list the open local cases for the support page');
      }
    },
  };
}
