/**
 * One exchange with the conversation core, Slack side: the user looked up, the turn handled, a
 * case form opened as a modal when there is a trigger, the other replies posted where the admin
 * asked (DM, thread, ephemeral with "Share in channel"), and the App Home refreshed when cases
 * changed. Pending forms, shared answers and confirmed submissions live in `SlackPendingState`.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { parseCommand } from '../../conversation/commands.js';
import type { CaseFormReply, ConversationCore, Reply, Turn } from '../../conversation/types.js';
import type { Lang } from '../../domain/taxonomy.js';
import type { SlackApi } from './api.js';
import type { IdentityResolver } from './identity.js';
import type { SlackTurnRequest } from './inbound.js';
import { labelsFor } from './labels.js';
import { PENDING_TTL_MS, type SlackPendingState } from './pending.js';
import { hasFormErrors, modalErrors, renderCaseFormModal, renderHome, renderReply, shareBlock, type SlackMessage } from './render.js';
import { conversationIdOf, encodeModalMetadata, lasting, type SlackWhere } from './where.js';

/** Slack closes a modal submit after 3 s; the core gets this long before the modal is acked anyway. */
export const SUBMIT_BUDGET_MS = 2_500;

interface PendingForm {
  readonly form: CaseFormReply;
  readonly where: SlackWhere;
}

/** What the modal's submit is acked with: nothing (closes it) or the field errors. */
export type SubmitAck = { readonly response_action: 'errors'; readonly errors: Record<string, string> } | undefined;

export interface SlackExchange {
  converse(request: SlackTurnRequest): Promise<void>;
  publishHome(tenantId: string, userId: string): Promise<void>;
  share(shareId: string | undefined, where: SlackWhere, responseUrl: string | undefined): Promise<void>;
  /** Acks within the submit budget (`ack`), then posts the answer. */
  submitCaseForm(formId: string, request: SlackTurnRequest, ack: (answer: SubmitAck) => Promise<void>): Promise<void>;
}

/** True when the turn may have created, closed or reopened a case: the App Home is refreshed. */
export function changesCases(turn: Turn, replies: readonly Reply[]): boolean {
  if (replies.some((r) => r.kind === 'case-created')) return true;
  const verb = turn.action?.verb;
  if (verb === 'closeCase' || verb === 'reopenCase') return true;
  if (typeof turn.text === 'string') {
    const command = parseCommand(turn.text);
    return command?.kind === 'closeCase' || command?.kind === 'reopenCase';
  }
  return false;
}

function isPendingForm(value: unknown): value is PendingForm {
  return typeof value === 'object' && value !== null && 'form' in value && 'where' in value;
}

function isSlackMessage(value: unknown): value is SlackMessage {
  return typeof value === 'object' && value !== null && 'text' in value && 'blocks' in value;
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

export function createSlackExchange(deps: {
  core: ConversationCore;
  api: SlackApi;
  identity: IdentityResolver;
  pending: SlackPendingState;
  logger: Logger;
  submitBudgetMs?: number | undefined;
}): SlackExchange {
  const { core, api, identity, pending, logger } = deps;

  const buildTurn = async (request: SlackTurnRequest): Promise<Turn> => {
    const { tenantId, where, text, action, deliveryId } = request;
    return {
      channel: 'slack',
      tenantId,
      conversationId: conversationIdOf(where),
      user: await identity.user(request.userId),
      ...(text !== undefined ? { text } : {}),
      ...(action ? { action } : {}),
      conversationReference: { channel: 'slack', tenantId, where: lasting(where) },
      ...(deliveryId ? { deliveryId } : {}),
    };
  };

  const postEphemeral = async (where: Extract<SlackWhere, { kind: 'ephemeral' }>, message: SlackMessage, reply: Reply): Promise<void> => {
    let blocks = message.blocks;
    if (reply.kind !== 'case-form') {
      const id = randomBytes(9).toString('base64url');
      await pending.put('share', id, message, PENDING_TTL_MS);
      blocks = [...message.blocks.slice(0, 49), shareBlock(id, reply.lang)];
    }
    const sent = where.responseUrl ? await api.respond(where.responseUrl, { response_type: 'ephemeral', replace_original: false, text: message.text, blocks }) : false;
    if (!sent) await api.call('chat.postEphemeral', { channel: where.channel, user: where.user, text: message.text, blocks });
  };

  const post = async (where: SlackWhere, message: SlackMessage, reply: Reply): Promise<void> => {
    const content = { text: message.text, blocks: message.blocks };
    switch (where.kind) {
      case 'im':
        await api.call('chat.postMessage', { channel: where.channel, ...content });
        return;
      case 'thread':
        await api.call('chat.postMessage', { channel: where.channel, thread_ts: where.threadTs, ...content });
        return;
      case 'home':
        await api.call('chat.postMessage', { channel: where.user, ...content });
        return;
      case 'ephemeral':
        await postEphemeral(where, message, reply);
        return;
    }
  };

  const deliver = async (where: SlackWhere, replies: readonly Reply[]): Promise<void> => {
    for (const reply of replies) {
      if (reply.kind === 'case-form') await pending.put('form', reply.formId, { form: reply, where }, PENDING_TTL_MS);
      await post(where, renderReply(reply), reply);
    }
  };

  const openModal = async (form: CaseFormReply, where: SlackWhere, triggerId: string): Promise<boolean> => {
    await pending.put('form', form.formId, { form, where }, PENDING_TTL_MS);
    const view = renderCaseFormModal(form, encodeModalMetadata({ formId: form.formId, where }));
    const opened = await api.call('views.open', { trigger_id: triggerId, view });
    return opened?.ok === true;
  };

  const publishHome = async (tenantId: string, userId: string): Promise<void> => {
    const turn = await buildTurn({ tenantId, where: { kind: 'home', user: userId }, userId, text: 'my cases' });
    const replies = await core.handle(turn);
    const lang: Lang = replies[0]?.lang ?? 'en';
    await api.call('views.publish', { user_id: userId, view: renderHome(replies, lang) });
  };

  /** "Open a case" under an answer whose form this instance still holds: the modal opens without a turn. */
  const reopenStashedForm = async (request: SlackTurnRequest): Promise<boolean> => {
    const formId = request.action?.verb === 'openCase' ? request.action.data.formId : undefined;
    if (typeof formId !== 'string' || !request.triggerId) return false;
    const stashed = await pending.get('form', formId);
    return isPendingForm(stashed) && (await openModal(stashed.form, stashed.where, request.triggerId));
  };

  const converse = async (request: SlackTurnRequest): Promise<void> => {
    if (await reopenStashedForm(request)) return;
    const turn = await buildTurn(request);
    const replies = await core.handle(turn);
    logger.debug({ conversation: turn.conversationId, replies: replies.map((r) => r.kind) }, 'slack turn');
    let rest: readonly Reply[] = replies;
    const form = replies.find((r): r is CaseFormReply => r.kind === 'case-form');
    if (form && request.triggerId && (await openModal(form, request.where, request.triggerId))) rest = replies.filter((r) => r !== form);
    await deliver(request.where, rest);
    if (changesCases(turn, replies)) await publishHome(request.tenantId, request.userId);
  };

  const share = async (shareId: string | undefined, where: SlackWhere, responseUrl: string | undefined): Promise<void> => {
    const message = shareId ? await pending.get('share', shareId) : undefined;
    if (!isSlackMessage(message)) {
      if (responseUrl) await api.respond(responseUrl, { response_type: 'ephemeral', replace_original: false, text: labelsFor('en').shareExpired });
      return;
    }
    if (responseUrl) await api.respond(responseUrl, { response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
    else if (where.kind === 'ephemeral') await api.call('chat.postMessage', { channel: where.channel, text: message.text, blocks: message.blocks });
  };

  /** The confirmation of a created case is posted once, however often Slack delivers the submit. */
  const firstConfirmation = async (formId: string, replies: readonly Reply[]): Promise<boolean> => {
    const created = replies.find((r) => r.kind === 'case-created');
    if (!created || created.kind !== 'case-created') return true;
    if (await pending.get('confirmed', formId)) {
      logger.info({ formId, case: created.case.number }, 'case form submitted again; confirmation already posted');
      return false;
    }
    await pending.put('confirmed', formId, true, PENDING_TTL_MS);
    return true;
  };

  const submitCaseForm: SlackExchange['submitCaseForm'] = async (formId, request, ack) => {
    let turn: Turn;
    let handled: Promise<Reply[]>;
    try {
      turn = await buildTurn(request);
      handled = core.handle(turn);
    } catch (error) {
      logger.error({ err: error }, 'case form submit failed');
      await ack(undefined);
      return;
    }
    const first = await Promise.race([handled, timeout(deps.submitBudgetMs ?? SUBMIT_BUDGET_MS)]);
    const invalid = first === 'timeout' ? undefined : first.find((r): r is CaseFormReply => r.kind === 'case-form' && hasFormErrors(r));
    if (invalid) {
      await ack({ response_action: 'errors', errors: modalErrors(invalid) });
      return;
    }
    await ack(undefined);
    const replies = first === 'timeout' ? await handled : first;
    if (!(await firstConfirmation(formId, replies))) return;
    await deliver(request.where, replies);
    if (changesCases(turn, replies)) await publishHome(request.tenantId, request.userId);
  };

  return { converse, publishHome, share, submitCaseForm };
}
