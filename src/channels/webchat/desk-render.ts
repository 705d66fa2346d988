/**
 * The `/support` page's activities: case cards (the same Adaptive Card Teams gets, folded to its
 * one-line summary unless it is the case the engineer works on), requester notices and text
 * lines, all sent as the local bot.
 */
import { ActivityTypes } from 'botbuilder';
// Until the Teams desk moves into channels/teams (issue 16), its card renderers live here.
import { compactCaseCard, renderRequesterNoticeCard, renderSupportCaseCard, type CardJson, type SupportCardTemplates } from '../teams/index.js';
import type { RequesterNotice, SupportCaseView } from '../../support-desk/index.js';
import { LOCAL_BOT, LOCAL_CHANNEL } from './identity.js';

export type BotActivity = Record<string, unknown> & { type: string };

export function botActivity(conversationId: string, fields: Record<string, unknown>): BotActivity {
  return {
    type: ActivityTypes.Message,
    ...fields,
    from: LOCAL_BOT,
    conversation: { id: conversationId },
    channelId: LOCAL_CHANNEL,
    timestamp: new Date().toISOString(),
  };
}

const cardFields = (card: CardJson) => ({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });

export function caseCardActivity(conversationId: string, templates: SupportCardTemplates, view: SupportCaseView, expanded: boolean): BotActivity {
  const full = renderSupportCaseCard(templates, view);
  return botActivity(conversationId, cardFields(expanded ? full : compactCaseCard(full, view)));
}

export function noticeActivity(conversationId: string, templates: SupportCardTemplates, notice: RequesterNotice): BotActivity {
  return botActivity(conversationId, cardFields(renderRequesterNoticeCard(templates, notice)));
}

export function textActivity(conversationId: string, text: string): BotActivity {
  return botActivity(conversationId, { text, textFormat: 'plain' });
}
