/**
 * The local `/support` page's compact case card: a one-line summary (number, severity, status,
 * time left) and the title, with the full card (facts, inputs, buttons) behind an "Open" button
 * (Action.ShowCard, which Web Chat expands in place without a round trip). The page shows every
 * case this way except the one the engineer is working on, so it reads as a list.
 */
import { CARD_VERSION, type CardJson } from '../channels/teams/renderer.js';
import { inlineCardText as inline } from '../channels/teams/markdown.js';
import type { SupportCaseView } from './types.js';

/** The full card's first two blocks are its heading and title; the rest goes behind "Open". */
const SUMMARY_BLOCKS = 2;

export function compactCaseCard(full: CardJson, view: SupportCaseView): CardJson {
  const body = Array.isArray(full.body) ? (full.body as unknown[]) : [];
  const summary = [view.statusLabel, view.owner ? `owner ${view.owner}` : undefined, view.timeLeft].filter((part): part is string => part !== undefined);
  return {
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    body: [
      ...body.slice(0, SUMMARY_BLOCKS),
      { type: 'TextBlock', text: inline(summary.join(' · ')), isSubtle: true, wrap: true, spacing: 'Small' },
    ],
    actions: [{ type: 'Action.ShowCard', title: `Open ${view.number}`, card: { type: 'AdaptiveCard', body: body.slice(SUMMARY_BLOCKS) } }],
  };
}
