/**
 * What the support desk tells the requester (the admin who opened the case), in English; zh-TW.ts
 * has the same keys (a test checks). The support channel's cards and notes stay in English.
 */
import type { RequesterNoticeKind } from '../types.js';

export const deskEn = {
  noticeHeadings: {
    claimed: 'An engineer has your case',
    reply: 'A reply from support',
    'ask-info': 'Support needs more information',
    'severity-changed': 'Severity changed',
    resolved: 'Case resolved',
    reopened: 'Case reopened',
  } satisfies Record<RequesterNoticeKind, string>,
  answerLabel: 'Your answer',
  answerButton: 'Send answer',
  reopenLabel: 'Still not fixed? Say what is wrong to reopen',
  reopenButton: 'Reopen',

  claimed: (engineer: string, number: string) => `${engineer} from support has taken ${number} and is working on it.`,
  replied: (engineer: string, number: string, text: string) => `${engineer} from support replied on ${number}:\n\n${text}`,
  askedInfo: (engineer: string, number: string, text: string) => `${engineer} from support needs more information on ${number}:\n\n${text}`,
  severityChanged: (number: string, from: string, to: string, reason: string) => `Support changed the severity of ${number} from ${from} to ${to}. Why: ${reason}`,
  resolved: (engineer: string, number: string, text: string) =>
    `${engineer} from support resolved ${number}.${text ? `\n\n${text}` : ''}\n\nIf it is not fixed, you can reopen it within 14 days: say what is still wrong.`,
  reopened: (number: string) => `${number} is open again and back in the support queue. An engineer will pick it up.`,

  caseNotFound: (number: string) => `Case ${number} was not found.`,
  onlyRequesterAnswers: (requester: string, number: string) => `Only ${requester}, who opened ${number}, can answer on it.`,
  onlyRequesterReopens: (requester: string, number: string) => `Only ${requester}, who opened ${number}, can reopen it.`,
  answerEmpty: 'Type your answer first.',
  answerOnResolved: (number: string) => `${number} is resolved. Reopen it to continue.`,
  answerAdded: (number: string) => `Your answer was added to ${number}; the engineer has it.`,
  stillOpen: (number: string) => `${number} is still open.`,
  reopenExpired: (number: string, ended: string) => `${number} was resolved more than 14 days ago (reopening ended ${ended}). Please open a new case.`,
  reopenOnlyThanks: (number: string) => `Glad it helped! ${number} stays resolved. To reopen it, say what is still wrong.`,
  alreadyReopened: (number: string) => `${number} is already open again.`,
  reopenDone: (number: string) => `${number} reopened.`,
} as const;

/** The shape both languages share: same keys, same function signatures. */
export type DeskStrings = {
  readonly [K in keyof typeof deskEn]: (typeof deskEn)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof deskEn)[K] extends string
      ? string
      : Readonly<Record<RequesterNoticeKind, string>>;
};
