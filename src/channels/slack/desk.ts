/**
 * The support desk in Slack, on the Bolt app `mountSlack` built: `attachSlackSupport` adds one
 * listener for `desk.*` buttons (mountSlack's own block_actions listener skips them) and returns
 * the notifier: case cards posted to `SUPPORT_SLACK_CHANNEL` with chat.postMessage and updated in
 * place with chat.update on the stored ts; notes in the card's thread (a breach in the channel,
 * with @here); requester notices with chat.postMessage to the stored DM or thread.
 *
 * Who may act: SUPPORT_ENGINEERS, or members of the support channel (conversations.members,
 * cached a minute) clicking in that channel. Anyone else is told so, ephemerally.
 */
import { deskActionData, isRecord } from './card-action.js';
import type { App } from '@slack/bolt';
import { pino, type Logger } from 'pino';
import type { SlackApi } from '../channels/slack/api.js';
import { tenantOf } from '../channels/slack/identity.js';
import { TtlCache } from '../channels/slack/dedup.js';
import { escapeMrkdwn } from '../channels/slack/mrkdwn.js';
import type { CaseStore } from '../store/index.js';
import type { SupportDesk } from './desk.js';
import { messageRefs } from './message-refs.js';
import { DESK_INPUT_ACTION, DESK_INPUT_BLOCKS, renderRequesterNoticeBlocks, renderSupportCaseBlocks } from './slack-blocks.js';
import { deskVerbOf, isDeskVerb, type DeskOutcome, type Notifier, type RequesterNotice, type SupportCaseView, type SupportNote } from './types.js';

export const MEMBERS_CACHE_MS = 60_000;
/** A click delivered again (Slack's retry, a proxy replaying it) is handled once within this time. */
const CLICK_DEDUP_MS = 10 * 60 * 1000;

export interface SlackSupportOptions {
  readonly app: App;
  /** The Slack channel's calls: bounded, logged, never throwing. */
  readonly api: SlackApi;
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


interface ActionPayload {
  readonly trigger_id?: string;
  readonly user: { readonly id: string; readonly team_id?: string };
  readonly team?: { readonly id?: string } | null;
  readonly enterprise?: { readonly id?: string } | null;
  readonly channel?: { readonly id?: string };
  readonly container?: { readonly channel_id?: string; readonly message_ts?: string };
  readonly message?: { readonly ts?: string; readonly thread_ts?: string };
  readonly state?: { readonly values?: Record<string, Record<string, { readonly value?: string | null; readonly selected_option?: { readonly value?: string } | null }>> };
  readonly actions?: readonly { readonly action_id?: string; readonly value?: string; readonly action_ts?: string }[];
}

/**
 * What identifies one click: Slack gives each interaction its own trigger_id and each action its
 * action_ts, so a second delivery of the same click carries the same pair. Undefined without them.
 */
function clickKey(payload: ActionPayload): string | undefined {
  const action = payload.actions?.[0];
  if (!payload.trigger_id || !action?.action_ts) return undefined;
  return `delivery:slack-desk:${payload.user.id}:${action.action_id ?? ''}:${payload.trigger_id}:${action.action_ts}`;
}

function inputValue(payload: ActionPayload, block: string): string | undefined {
  const state = payload.state?.values?.[block]?.[DESK_INPUT_ACTION];
  const value = state?.value ?? state?.selected_option?.value;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function attachSlackSupport(options: SlackSupportOptions): Notifier {
  const { app, api, desk, store, channelId } = options;
  const logger = options.logger ?? pino({ level: 'silent' });
  const refs = messageRefs<CardRef>(store, 'slack');
  const membersTtl = options.membersCacheMs ?? MEMBERS_CACHE_MS;
  let members: { at: number; ids: Set<string> } | undefined;
  const names = new TtlCache<{ name: string; email?: string }>(5 * 60_000, 1_000);
  const chains = new Map<string, Promise<unknown>>();

  const call = api.call;

  const serialized = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (chains.get(key) ?? Promise.resolve()).then(work, work);
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    }).catch(() => undefined);
    return next;
  };

  const isMember = async (userId: string): Promise<boolean> => {
    if (!channelId) return false;
    if (!members || Date.now() - members.at > membersTtl) {
      const answer = await call('conversations.members', { channel: channelId, limit: 1000 });
      const ids = Array.isArray(answer?.members) ? (answer.members as unknown[]).filter((m): m is string => typeof m === 'string') : [];
      if (answer?.ok) members = { at: Date.now(), ids: new Set(ids) };
      else return false;
    }
    return members.ids.has(userId);
  };

  const person = async (userId: string): Promise<{ name: string; email?: string }> => {
    const cached = names.get(userId);
    if (cached) return cached;
    const answer = await call('users.info', { user: userId });
    const user = isRecord(answer?.user) ? answer.user : {};
    const profile = isRecord(user.profile) ? user.profile : {};
    const name = [profile.real_name, user.real_name, user.name].find((n): n is string => typeof n === 'string' && n !== '') ?? userId;
    const email = typeof profile.email === 'string' ? profile.email : undefined;
    const entry = { name, ...(email ? { email } : {}) };
    if (answer?.ok) names.set(userId, entry);
    return entry;
  };

  const tell = async (payload: ActionPayload, channel: string | undefined, outcome: DeskOutcome, quietWhenOk: boolean): Promise<void> => {
    if (outcome.ok && quietWhenOk) return;
    if (!channel) return;
    await call('chat.postEphemeral', { channel, user: payload.user.id, text: outcome.message });
  };

  app.action(/^desk\./, async ({ ack, body }) => {
    // mountSlack's catch-all block_actions listener acks every click too; whichever runs second
    // gets "acked twice", which is harmless here.
    try {
      await ack();
    } catch {
      // already acknowledged
    }
    const payload = body as unknown as ActionPayload;
    const action = payload.actions?.[0];
    const verb = deskVerbOf(action?.action_id);
    if (!verb || !action) return;
    let data: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(action.value ?? '{}');
      if (isRecord(parsed)) data = parsed;
    } catch {
      return;
    }
    const number = typeof data.number === 'string' ? data.number.trim().toUpperCase() : undefined;
    if (!number) return;
    const channel = payload.channel?.id ?? payload.container?.channel_id;
    const userId = payload.user.id;
    try {
      const key = clickKey(payload);
      if (key && !(await store.claimOnce(key, CLICK_DEDUP_MS))) {
        logger.info({ verb, case: number }, 'repeated desk click ignored');
        return;
      }
      if (isDeskVerb(verb)) {
        const tenant = typeof data.tenant === 'string' ? data.tenant : undefined;
        if (!tenant) return;
        const inSupportChannel = channelId !== undefined && channel === channelId;
        const channelMember = inSupportChannel && (await isMember(userId));
        const who = await person(userId);
        const inputs = {
          message: inputValue(payload, DESK_INPUT_BLOCKS.message),
          severity: inputValue(payload, DESK_INPUT_BLOCKS.severity),
          reason: inputValue(payload, DESK_INPUT_BLOCKS.reason),
          assignee: inputValue(payload, DESK_INPUT_BLOCKS.assignee),
        };
        const outcome = await desk.act({ via: 'slack', id: userId, name: who.name, ...(who.email ? { email: who.email } : {}), channelMember }, verb, deskActionData(tenant, number, inputs));
        await tell(payload, channel, outcome, true);
        return;
      }
      // The requester, in the chat where they opened the case: the tenant is the workspace's.
      const tenantId = tenantOf({ enterpriseId: payload.enterprise?.id, teamId: payload.team?.id ?? payload.user.team_id });
      const who = await person(userId);
      const message = inputValue(payload, DESK_INPUT_BLOCKS.message);
      const outcome = verb === 'answer' ? await desk.answer({ id: userId, name: who.name }, tenantId, number, message) : await desk.reopen({ id: userId, name: who.name }, tenantId, number, message);
      if (channel) {
        const threadTs = payload.message?.thread_ts;
        await call('chat.postMessage', { channel, text: outcome.message, ...(threadTs ? { thread_ts: threadTs } : {}) });
      }
    } catch (error) {
      logger.error({ err: error, verb, case: number }, 'support desk action failed');
      await call('chat.postEphemeral', { channel, user: userId, text: 'Sorry, that did not work. Please try again in a moment.' });
    }
  });

  const notifier: Notifier = {
    channels: ['slack'],
    hasSupportChannel: async () => channelId !== undefined,
    showCase(view: SupportCaseView) {
      return serialized(`${view.tenantId}:${view.number}`, async () => {
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
      });
    },
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
      const where = isRecord(reference) && isRecord(reference.where) ? reference.where : undefined;
      if (!where) return false;
      const message = renderRequesterNoticeBlocks(notice);
      let target: Record<string, unknown> | undefined;
      if (where.kind === 'im' && typeof where.channel === 'string') target = { channel: where.channel };
      else if (where.kind === 'thread' && typeof where.channel === 'string' && typeof where.threadTs === 'string') target = { channel: where.channel, thread_ts: where.threadTs };
      // /support answers were ephemeral and the App Home has no chat: the notice goes to the DM.
      else if (where.kind === 'ephemeral' && typeof where.user === 'string') target = { channel: where.user };
      else if (where.kind === 'home' && typeof where.user === 'string') target = { channel: where.user };
      if (!target) return false;
      const posted = await call('chat.postMessage', { ...target, text: message.text, blocks: message.blocks });
      return posted?.ok === true;
    },
  };
  return notifier;
}

