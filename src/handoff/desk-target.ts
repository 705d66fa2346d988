/** The support desk's channels (Teams, Slack, the local /support page) as an outbox target. */
import type { SupportCase } from '../store/index.js';
import type { AnnouncementTarget } from './target.js';

export const SUPPORT_DESK_TARGET = 'support-desk';

export function supportDeskTarget(desk: { caseOpened(c: SupportCase): Promise<boolean> }): AnnouncementTarget {
  return {
    name: SUPPORT_DESK_TARGET,
    deliver: async (c) => ((await desk.caseOpened(c)) ? { delivered: true } : { retry: 'a support channel did not take the case card' }),
  };
}
