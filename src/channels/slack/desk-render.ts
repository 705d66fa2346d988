/**
 * The support desk in Block Kit: the case card for the support channel (facts, description,
 * triage reasons, inputs for the message / severity / reason / assignee, and the action buttons)
 * and the requester's notices. Everything typed by people is mrkdwn-escaped and clipped to
 * Slack's limits.
 */
import type { types } from '@slack/bolt';
import { deskStrings } from '../../support-desk/strings/index.js';
import { DESK_VERB_PREFIX, type DeskVerb, type RequesterNotice, type RequesterVerb, type SupportCaseView } from '../../support-desk/types.js';
import { clip, escapeClip, escapeMrkdwn } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;

export interface SlackDeskMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Block ids of the card's inputs; block_actions carry their values in `state.values`. */
export const DESK_INPUT_BLOCKS = {
  message: 'desk_message',
  severity: 'desk_severity',
  reason: 'desk_reason',
  assignee: 'desk_assignee',
} as const;
/** The action id of every desk input (inside its block). */
export const DESK_INPUT_ACTION = 'desk_input';

const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const BUTTON_TEXT_MAX = 75;

export function deskActionId(verb: DeskVerb | RequesterVerb): string {
  return `${DESK_VERB_PREFIX}${verb}`;
}

const plain = (text: string) => ({ type: 'plain_text' as const, text: clip(text, BUTTON_TEXT_MAX), emoji: true });
const field = (title: string, value: string) => ({ type: 'mrkdwn' as const, text: clip(`*${escapeMrkdwn(title)}*\n${escapeClip(value, FIELD_MAX - title.length - 10)}`, FIELD_MAX) });

function button(verb: DeskVerb | RequesterVerb, title: string, value: Record<string, string>, style?: 'primary' | 'danger') {
  return { type: 'button' as const, action_id: deskActionId(verb), text: plain(title), value: JSON.stringify(value), ...(style ? { style } : {}) };
}

function textInput(blockId: string, label: string, multiline: boolean, placeholder?: string): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: { type: 'plain_text_input', action_id: DESK_INPUT_ACTION, multiline, max_length: 3000, ...(placeholder ? { placeholder: plain(placeholder) } : {}) },
  } as KnownBlock;
}

export function renderSupportCaseBlocks(view: SupportCaseView): SlackDeskMessage {
  const value = { number: view.number, tenant: view.tenantId };
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(`${view.number} · ${view.severityLabel}`) },
    { type: 'section', text: { type: 'mrkdwn', text: `*${escapeClip(view.title, SECTION_MAX - 10)}*` } },
    {
      type: 'section',
      fields: [
        field('Tenant', view.tenantId),
        field('Requester', view.requester),
        field('Category', view.category),
        field('Severity', view.severityLabel),
        field('Plan', view.plan),
        field('Status', view.statusLabel),
        field('Owner', view.owner ?? 'nobody yet'),
        field('Respond by', `${view.respondBy ?? 'no commitment'} · ${view.status === 'closed' ? 'response time ' : ''}${view.timeLeft}`),
      ],
    },
    // A section holds at most ten fields: how to reach the requester gets its own.
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          [
            `*Reach the requester*`,
            escapeMrkdwn(view.contact.reach),
            `Affected users: ${escapeMrkdwn(view.contact.affectedUsers)} · Language: ${escapeMrkdwn(view.contact.language)} · Time zone: ${escapeMrkdwn(view.contact.timeZone)}`,
          ].join('\n'),
          SECTION_MAX,
        ),
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: `*Description*\n${escapeClip(view.description, SECTION_MAX - 20)}` } },
  ];
  if (view.serviceIncident) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `:rotating_light: *Microsoft incident* ${escapeClip(view.serviceIncident, SECTION_MAX - 40)}` } });
  if (view.reasons.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Why the bot triaged it this way*\n${view.reasons.map((r) => `• ${escapeMrkdwn(r)}`).join('\n')}`, SECTION_MAX) } });
  }
  if (view.lastEvent) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeClip(view.lastEvent, SECTION_MAX) }] });
  if (view.canAct) {
    blocks.push(textInput(DESK_INPUT_BLOCKS.message, 'Message to the requester (Reply, Ask for information, Resolve)', true));
    blocks.push({
      type: 'input',
      block_id: DESK_INPUT_BLOCKS.severity,
      optional: true,
      label: plain('New severity'),
      element: {
        type: 'static_select',
        action_id: DESK_INPUT_ACTION,
        placeholder: plain('Severity'),
        options: view.severityOptions.map((o) => ({ text: plain(o.title), value: o.value })),
      },
    } as KnownBlock);
    blocks.push(textInput(DESK_INPUT_BLOCKS.reason, 'Why (for Change severity)', false));
    blocks.push(textInput(DESK_INPUT_BLOCKS.assignee, 'Assign to (id or email of a listed engineer)', false));
    blocks.push({
      type: 'actions',
      block_id: 'desk_actions',
      elements: [
        ...(view.canClaim ? [button('claim', 'Claim', value, 'primary')] : []),
        button('reply', 'Reply to requester', value),
        button('askInfo', 'Ask for information', value),
        button('changeSeverity', 'Change severity', value),
        button('assign', 'Assign', value),
        button('resolve', 'Resolve', value, 'danger'),
      ],
    } as KnownBlock);
  }
  const text = clip(`${view.number} (${view.severityLabel}) ${view.title}: ${view.statusLabel}${view.owner ? `, owner ${view.owner}` : ''}`, 3000);
  return { text: escapeMrkdwn(text), blocks };
}

export function renderRequesterNoticeBlocks(notice: RequesterNotice): SlackDeskMessage {
  const s = deskStrings(notice.lang);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(`${notice.number}: ${s.noticeHeadings[notice.kind]}`)}*\n${escapeClip(notice.text, SECTION_MAX - 200)}` } },
  ];
  if (notice.answerable || notice.reopenable) {
    blocks.push(textInput(DESK_INPUT_BLOCKS.message, notice.reopenable ? s.reopenLabel : s.answerLabel, true));
    blocks.push({
      type: 'actions',
      block_id: 'desk_requester',
      elements: [notice.reopenable ? button('reopen', s.reopenButton, { number: notice.number }) : button('answer', s.answerButton, { number: notice.number }, 'primary')],
    } as KnownBlock);
  }
  return { text: escapeMrkdwn(clip(`${notice.number}: ${notice.text}`, 3000)), blocks };
}
