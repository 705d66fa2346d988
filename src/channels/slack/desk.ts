/**
 * The support desk in Slack, on the channel `mountSlack` built: `attachSlackSupport` takes the
 * desk's button clicks (routed and acked by the channel's one block_actions listener) and returns
 * the notifier: case cards posted to `SUPPORT_SLACK_CHANNEL` with chat.postMessage and updated in
 * place with chat.update on the stored ts; notes in the card's thread (a breach in the channel,
 * with @here); requester notices with chat.postMessage to the stored DM or thread.
 *
 * Who may act: SUPPORT_ENGINEERS, or members of the support channel (conversations.members,
 * cached a minute) clicking in that channel. Anyone else is told so, ephemerally.
 */
import { LRUCache } from 'lru-cache';
import { pino, type Logger } from 'pino';
import type { CaseStore } from '../../store/index.js';
import { deskActionData, isRecord } from '../../support-desk/card-action.js';
import type { SupportDesk } from '../../support-desk/desk.js';
import { messageRefs } from '../../support-desk/message-refs.js';
import { isDeskVerb, type DeskOutcome, type Notifier, type RequesterNotice, type SupportCaseView, type SupportNote } from '../../support-desk/types.js';
import type { SlackApi } from './api.js';
import { renderRequesterNoticeBlocks, renderSupportCaseBlocks } from './desk-render.js';
import type { DeskClickHandler } from './dispatch.js';
import type { SlackDeskClick } from './inbound.js';
import { escapeMrkdwn } from './mrkdwn.js';

export const MEMBERS_CACHE_MS = 60_000;
/** A click delivered again (Slack's retry, a proxy replaying it) is handled once within this time. */
const CLICK_DEDUP_MS = 10 * 60 * 1000;

export interface SlackSupportOptions {
  /** The Slack channel: its calls (bounded, logged, never throwing) and where desk clicks arrive. */
  readonly slack: { readonly api: SlackApi; onDeskClick(handler: DeskClickHandler): void };
  readonly desk: SupportDesk;
  readonly store: CaseStore;
  /** SUPPORT_SLACK_CHANNEL. */
  readonly channelId?: string | undefined;
  readonly logger?: Logger;
  readonly membersCacheMs?: number;
}

interface CardRef {
  readonly channel: string;
  readonly ts: string;
}

interface Person {
  readonly name: string;
  readonly email?: string;
}

/** Who clicked: name and email from users.info, cached five minutes. */
function personLookup(api: SlackApi): (userId: string) => Promise<Person> {
  const names = new LRUCache<string, Person>({ max: 1_000, ttl: 5 * 60_000 });
  return async (userId) => {
    const cached = names.get(userId);
    if (cached) return cached;
    const answer = await api.call('users.info', { user: userId });
    const user = isRecord(answer?.user) ? answer.user : {};
    const profile = isRecord(user.profile) ? user.profile : {};
    const name = [profile.real_name, user.real_name, user.name].find((n): n is string => typeof n === 'string' && n !== '') ?? userId;
    const email = typeof profile.email === 'string' ? profile.email : undefined;
    const entry = { name, ...(email ? { email } : {}) };
    if (answer?.ok) names.set(userId, entry);
    return entry;
  };
}

/** Is the user in the support channel? The member list is cached for `ttlMs`. */
function memberCheck(api: SlackApi, channelId: string | undefined, ttlMs: number): (userId: string) => Promise<boolean> {
  let members: { at: number; ids: Set<string> } | undefined;
  return async (userId) => {
    if (!channelId) return false;
    if (!members || Date.now() - members.at > ttlMs) {
      const answer = await api.call('conversations.members', { channel: channelId, limit: 1000 });
      if (!answer?.ok) return false;
      const ids = Array.isArray(answer.members) ? (answer.members as unknown[]).filter((m): m is string => typeof m === 'string') : [];
      members = { at: Date.now(), ids: new Set(ids) };
    }
    return members.ids.has(userId);
  };
}

/** Runs the work of one key after the previous work of that key, so a card is posted once and updated in order. */
function serializer(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const chains = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const next = (chains.get(key) ?? Promise.resolve()).then(work, work);
    chains.set(key, next);
    void next
      .finally(() => {
        if (chains.get(key) === next) chains.delete(key);
      })
      .catch(() => undefined);
    return next;
  };
}

function clickHandler(options: SlackSupportOptions, logger: Logger): DeskClickHandler {
  const { desk, store, channelId } = options;
  const { api } = options.slack;
  const person = personLookup(api);
  const isMember = memberCheck(api, channelId, options.membersCacheMs ?? MEMBERS_CACHE_MS);

  const tell = async (click: SlackDeskClick, outcome: DeskOutcome): Promise<void> => {
    if (outcome.ok || !click.channel) return;
    await api.call('chat.postEphemeral', { channel: click.channel, user: click.userId, text: outcome.message });
  };

  /** An engineer on the case card in the support channel. */
  const engineerAct = async (click: SlackDeskClick, number: string): Promise<void> => {
    const tenant = typeof click.data.tenant === 'string' ? click.data.tenant : undefined;
    if (!tenant || !isDeskVerb(click.verb)) return;
    const channelMember = channelId !== undefined && click.channel === channelId && (await isMember(click.userId));
    const who = await person(click.userId);
    const actor = { via: 'slack' as const, id: click.userId, name: who.name, ...(who.email ? { email: who.email } : {}), channelMember };
    await tell(click, await desk.act(actor, click.verb, deskActionData(tenant, number, click.inputs)));
  };

  /** The requester, in the chat where they opened the case: the tenant is the workspace's. */
  const requesterAct = async (click: SlackDeskClick, number: string): Promise<void> => {
    const who = await person(click.userId);
    const requester = { id: click.userId, name: who.name };
    const outcome =
      click.verb === 'answer' ? await desk.answer(requester, click.tenantId, number, click.inputs.message) : await desk.reopen(requester, click.tenantId, number, click.inputs.message);
    if (click.channel) await api.call('chat.postMessage', { channel: click.channel, text: outcome.message, ...(click.threadTs ? { thread_ts: click.threadTs } : {}) });
  };

  return async (click) => {
    const number = typeof click.data.number === 'string' ? click.data.number.trim().toUpperCase() : undefined;
    if (!number) return;
    try {
      if (click.clickKey && !(await store.claimOnce(click.clickKey, CLICK_DEDUP_MS))) {
        logger.info({ verb: click.verb, case: number }, 'repeated desk click ignored');
        return;
      }
      await (isDeskVerb(click.verb) ? engineerAct(click, number) : requesterAct(click, number));
    } catch (error) {
      logger.error({ err: error, verb: click.verb, case: number }, 'support desk action failed');
      await api.call('chat.postEphemeral', { channel: click.channel, user: click.userId, text: 'Sorry, that did not work. Please try again in a moment.' });
    }
  };
}

/** Where a requester's notice goes: the stored DM or thread; /support answers and the App Home go to the DM. */
function noticeTarget(reference: unknown): Record<string, unknown> | undefined {
  const where = isRecord(reference) && isRecord(reference.where) ? reference.where : undefined;
  if (!where) return undefined;
  if (where.kind === 'im' && typeof where.channel === 'string') return { channel: where.channel };
  if (where.kind === 'thread' && typeof where.channel === 'string' && typeof where.threadTs === 'string') return { channel: where.channel, thread_ts: where.threadTs };
  if ((where.kind === 'ephemeral' || where.kind === 'home') && typeof where.user === 'string') return { channel: where.user };
  return undefined;
}

function slackNotifier(options: SlackSupportOptions): Notifier {
  const { store, channelId } = options;
  const call = options.slack.api.call;
  const refs = messageRefs<CardRef>(store, 'slack');
  const serialized = serializer();

  const postCard = async (view: SupportCaseView): Promise<boolean> => {
    if (!channelId) return false;
    const message = renderSupportCaseBlocks(view);
    const existing = await refs.get(view.tenantId, view.number);
    if (existing) {
      const updated = await call('chat.update', { channel: existing.channel, ts: existing.ts, text: message.text, blocks: message.blocks });
      return updated?.ok === true;
    }
    if (!(await refs.reservePost(view.tenantId, view.number))) return false;
    const posted = await call('chat.postMessage', { channel: channelId, text: message.text, blocks: message.blocks });
    if (posted?.ok !== true || typeof posted.ts !== 'string') {
      await refs.release(view.tenantId, view.number);
      return false;
    }
    await refs.set(view.tenantId, view.number, { channel: typeof posted.channel === 'string' ? posted.channel : channelId, ts: posted.ts });
    return true;
  };

  return {
    channels: ['slack'],
    hasSupportChannel: async () => channelId !== undefined,
    showCase: (view: SupportCaseView) => serialized(`${view.tenantId}:${view.number}`, () => postCard(view)),
    async note(note: SupportNote) {
      if (!channelId) return false;
      const existing = await refs.get(note.tenantId, note.number);
      const escaped = escapeMrkdwn(note.text);
      const text = note.level === 'breach' ? `<!here> ${escaped}` : escaped;
      const thread = existing && note.level !== 'breach' ? { thread_ts: existing.ts } : {};
      const posted = await call('chat.postMessage', { channel: existing?.channel ?? channelId, text, ...thread });
      return posted?.ok === true;
    },
    async notifyRequester(reference: unknown, notice: RequesterNotice) {
      const target = noticeTarget(reference);
      if (!target) return false;
      const message = renderRequesterNoticeBlocks(notice);
      const posted = await call('chat.postMessage', { ...target, text: message.text, blocks: message.blocks });
      return posted?.ok === true;
    },
  };
}

export function attachSlackSupport(options: SlackSupportOptions): Notifier {
  const logger = options.logger ?? pino({ level: 'silent' });
  options.slack.onDeskClick(clickHandler(options, logger));
  return slackNotifier(options);
}
