/**
 * Slack answers leave here: each reply rendered and posted where the admin asked (DM, thread, the
 * App Home's DM, or ephemerally with a "Share in channel" button), a case form opened as a modal,
 * and a shared answer reposted visibly. Forms and shareable answers are kept in `SlackPendingState`.
 */
import { randomBytes } from 'node:crypto';
import type { CaseFormReply, Reply } from '../../conversation/types.js';
import type { SlackApi } from './api.js';
import { labelsFor } from './labels.js';
import { PENDING_TTL_MS, type SlackPendingState } from './pending.js';
import { renderCaseFormModal, renderReply, shareBlock, type SlackMessage } from './render.js';
import { encodeModalMetadata, type SlackWhere } from './where.js';

/** A case form waiting for its modal, with where its answers go. */
export interface PendingForm {
  readonly form: CaseFormReply;
  readonly where: SlackWhere;
}

export function isPendingForm(value: unknown): value is PendingForm {
  return typeof value === 'object' && value !== null && 'form' in value && 'where' in value;
}

function isSlackMessage(value: unknown): value is SlackMessage {
  return typeof value === 'object' && value !== null && 'text' in value && 'blocks' in value;
}

export interface SlackDelivery {
  deliver(tenantId: string, where: SlackWhere, replies: readonly Reply[]): Promise<void>;
  /** True when Slack opened the modal (a trigger_id lives 3 s). */
  openModal(tenantId: string, form: CaseFormReply, where: SlackWhere, triggerId: string): Promise<boolean>;
  share(tenantId: string, shareId: string | undefined, where: SlackWhere, responseUrl: string | undefined): Promise<void>;
}

export function createSlackDelivery(deps: { api: SlackApi; pending: SlackPendingState }): SlackDelivery {
  const { api, pending } = deps;

  const postEphemeral = async (tenantId: string, where: Extract<SlackWhere, { kind: 'ephemeral' }>, message: SlackMessage, reply: Reply): Promise<void> => {
    let blocks = message.blocks;
    if (reply.kind !== 'case-form') {
      const id = randomBytes(9).toString('base64url');
      await pending.put('share', tenantId, id, message, PENDING_TTL_MS);
      blocks = [...message.blocks.slice(0, 49), shareBlock(id, reply.lang)];
    }
    const sent = where.responseUrl ? await api.respond(where.responseUrl, { response_type: 'ephemeral', replace_original: false, text: message.text, blocks }) : false;
    if (!sent) await api.call('chat.postEphemeral', { channel: where.channel, user: where.user, text: message.text, blocks });
  };

  const post = async (tenantId: string, where: SlackWhere, message: SlackMessage, reply: Reply): Promise<void> => {
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
        await postEphemeral(tenantId, where, message, reply);
        return;
    }
  };

  const deliver = async (tenantId: string, where: SlackWhere, replies: readonly Reply[]): Promise<void> => {
    for (const reply of replies) {
      if (reply.kind === 'case-form') await pending.put('form', tenantId, reply.formId, { form: reply, where }, PENDING_TTL_MS);
      await post(tenantId, where, renderReply(reply), reply);
    }
  };

  const openModal = async (tenantId: string, form: CaseFormReply, where: SlackWhere, triggerId: string): Promise<boolean> => {
    await pending.put('form', tenantId, form.formId, { form, where }, PENDING_TTL_MS);
    const view = renderCaseFormModal(form, encodeModalMetadata({ formId: form.formId, where }));
    const opened = await api.call('views.open', { trigger_id: triggerId, view });
    return opened?.ok === true;
  };

  const share = async (tenantId: string, shareId: string | undefined, where: SlackWhere, responseUrl: string | undefined): Promise<void> => {
    const message = shareId ? await pending.get('share', tenantId, shareId) : undefined;
    if (!isSlackMessage(message)) {
      if (responseUrl) await api.respond(responseUrl, { response_type: 'ephemeral', replace_original: false, text: labelsFor('en').shareExpired });
      return;
    }
    if (responseUrl) await api.respond(responseUrl, { response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
    else if (where.kind === 'ephemeral') await api.call('chat.postMessage', { channel: where.channel, text: message.text, blocks: message.blocks });
  };

  return { deliver, openModal, share };
}
