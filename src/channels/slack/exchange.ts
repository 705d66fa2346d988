/**
 * One exchange with the conversation core, Slack side: the user looked up, the turn handled, a
 * case form opened as a modal when there is a trigger, the other replies handed to `delivery.ts`,
 * and the App Home refreshed when cases changed. A submitted case form is acked within Slack's
 * 3 s and confirmed once (the confirmed form ids live in `SlackPendingState`).
 */
import type { Logger } from 'pino';
import { parseCommand } from '../../conversation/commands.js';
import type { CaseFormReply, ConversationCore, Reply, Turn } from '../../conversation/types.js';
import type { Lang } from '../../domain/taxonomy.js';
import type { SlackApi } from './api.js';
import type { IdentityResolver } from './identity.js';
import type { SlackTurnRequest } from './inbound.js';
import { createSlackDelivery, isPendingForm } from './delivery.js';
import { PENDING_TTL_MS, type SlackPendingState } from './pending.js';
import { hasFormErrors, modalErrors, renderHome } from './render.js';
import { conversationIdOf, lasting, type SlackWhere } from './where.js';

/** Slack closes a modal submit after 3 s; the core gets this long before the modal is acked anyway. */
export const SUBMIT_BUDGET_MS = 2_500;

/** What the modal's submit is acked with: nothing (closes it) or the field errors. */
export type SubmitAck = { readonly response_action: 'errors'; readonly errors: Record<string, string> } | undefined;

export interface SlackExchange {
  converse(request: SlackTurnRequest): Promise<void>;
  publishHome(tenantId: string, userId: string): Promise<void>;
  share(tenantId: string, shareId: string | undefined, where: SlackWhere, responseUrl: string | undefined): Promise<void>;
  /** Acks within the submit budget (`ack`), then posts the answer. */
  submitCaseForm(formId: string, request: SlackTurnRequest, ack: (answer: SubmitAck) => Promise<void>): Promise<void>;
}

/** True when the turn may have created, closed or reopened a case: the App Home is refreshed. */
export function changesCases(turn: Turn, replies: readonly Reply[]): boolean {
  if (replies.some((r) => r.kind === 'case-created')) return true;
  const verb = turn.action?.verb;
  if (verb === 'closeCase' || verb === 'reopenCase') return true;
  // Closing and reopening answer with text only: a turn with any other reply (a triage, a
  // question) was not one of those commands, and its text need not be parsed a second time.
  if (typeof turn.text === 'string' && replies.every((r) => r.kind === 'text')) {
    const command = parseCommand(turn.text);
    return command?.kind === 'closeCase' || command?.kind === 'reopenCase';
  }
  return false;
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
  const { deliver, openModal, share } = createSlackDelivery({ api, pending });

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
    const stashed = await pending.get('form', request.tenantId, formId);
    return isPendingForm(stashed) && (await openModal(request.tenantId, stashed.form, stashed.where, request.triggerId));
  };

  const converse = async (request: SlackTurnRequest): Promise<void> => {
    if (await reopenStashedForm(request)) return;
    const turn = await buildTurn(request);
    const replies = await core.handle(turn);
    if (logger.isLevelEnabled('debug')) logger.debug({ conversation: turn.conversationId, replies: replies.map((r) => r.kind) }, 'slack turn');
    let rest: readonly Reply[] = replies;
    const form = replies.find((r): r is CaseFormReply => r.kind === 'case-form');
    if (form && request.triggerId && (await openModal(request.tenantId, form, request.where, request.triggerId))) rest = replies.filter((r) => r !== form);
    await deliver(request.tenantId, request.where, rest);
    if (changesCases(turn, replies)) await publishHome(request.tenantId, request.userId);
  };

  /** The confirmation of a created case is posted once, however often Slack delivers the submit. */
  const firstConfirmation = async (tenantId: string, formId: string, replies: readonly Reply[]): Promise<boolean> => {
    const created = replies.find((r) => r.kind === 'case-created');
    if (!created || created.kind !== 'case-created') return true;
    if (await pending.claim('confirmed', tenantId, formId, PENDING_TTL_MS)) return true;
    logger.info({ formId, case: created.case.number }, 'case form submitted again; confirmation already posted');
    return false;
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
    if (!(await firstConfirmation(request.tenantId, formId, replies))) return;
    await deliver(request.tenantId, request.where, replies);
    if (changesCases(turn, replies)) await publishHome(request.tenantId, request.userId);
  };

  return { converse, publishHome, share, submitCaseForm };
}
