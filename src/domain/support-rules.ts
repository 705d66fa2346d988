/**
 * The seed's rules about who may do what with a service request, as data and small checks:
 * admins only, a 14-day reopen window, severity set by the bot unless the plan has elevated
 * support, partner delegation, translation on a call. Pure: no clock, no I/O.
 */
import type { Localized } from './taxonomy.js';
import type { PlanFamily } from './plans.js';

export const CASE_ACTIONS = ['open', 'view', 'reopen'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Who is asking. `delegated-partner` is a Microsoft partner the admins delegated administration
 * to; `user` is anyone in the tenant without an administrator role.
 */
export type Requester = 'admin' | 'delegated-partner' | 'user';

/**
 * Only people with an Office 365 administrator role may open, view or reopen service requests;
 * a partner with delegated administration may create them ("including creating service request
 * tickets"). The seed grants partners nothing more, so viewing and reopening stay with admins.
 */
export function mayPerformCaseAction(requester: Requester, action: CaseAction): boolean {
  if (requester === 'admin') return true;
  if (requester === 'delegated-partner') return action === 'open';
  return false;
}

export const REOPEN_WINDOW_DAYS = 14;
const REOPEN_WINDOW_MS = REOPEN_WINDOW_DAYS * 24 * 60 * 60 * 1000;

export interface ReopenCheck {
  readonly allowed: boolean;
  /** The last moment the request can be reopened. */
  readonly expiresAt: Date;
}

/**
 * A closed request can be reopened for up to 14 days after it was closed. The window is 14 × 24
 * hours from the closing instant, the same for every time zone, and includes its last moment.
 */
export function canReopen(closedAt: Date, now: Date): ReopenCheck {
  const expiresAt = new Date(closedAt.getTime() + REOPEN_WINDOW_MS);
  return { allowed: now.getTime() <= expiresAt.getTime(), expiresAt };
}

/**
 * Microsoft assigns severity when a case is opened, and so does the bot; only elevated support
 * offers include "the ability to set issue severity level".
 */
export function maySetOwnSeverity(family: PlanFamily): boolean {
  return family === 'elevated';
}

export const SUPPORT_RULE_IDS = [
  'admins-only',
  'reopen-window',
  'severity-assigned',
  'elevated-sets-severity',
  'partner-delegation',
  'translation-on-call',
] as const;
export type SupportRuleId = (typeof SUPPORT_RULE_IDS)[number];

/** What the bot tells an admin, one sentence per rule. */
export const SUPPORT_RULES: Readonly<Record<SupportRuleId, Localized>> = {
  'admins-only': {
    en: 'Only people with an Office 365 administrator role can open, view or reopen service requests; the admin is the contact for their users.',
    'zh-TW': '只有具備 Office 365 系統管理員角色的人員可以提出、檢視或重新開啟服務要求；系統管理員是其使用者的聯絡窗口。',
  },
  'reopen-window': {
    en: `A closed service request can be reopened for up to ${REOPEN_WINDOW_DAYS} days after it was closed.`,
    'zh-TW': `已關閉的服務要求在關閉後 ${REOPEN_WINDOW_DAYS} 天內可以重新開啟。`,
  },
  'severity-assigned': {
    en: 'Severity is assigned from the description of the issue and its impact when the case is opened.',
    'zh-TW': '嚴重性會在提出案件時，依問題描述與影響程度指派。',
  },
  'elevated-sets-severity': {
    en: 'Only plans with elevated support (Premier, Professional Direct, Microsoft Services) can set a different severity themselves.',
    'zh-TW': '只有具備進階支援的方案（Premier、Professional Direct、Microsoft Services）可以自行設定不同的嚴重性。',
  },
  'partner-delegation': {
    en: 'Admins can delegate administration to a Microsoft partner, including creating service requests.',
    'zh-TW': '系統管理員可以將系統管理工作（包括建立服務要求）委派給 Microsoft 合作夥伴。',
  },
  'translation-on-call': {
    en: 'If you need translation, the support engineer can stay on the line and arrange for a translator to join the call.',
    'zh-TW': '若需要翻譯協助，支援工程師可以留在線上，並安排口譯人員加入通話。',
  },
};

/** Why a requester may not do what they asked, for the bot's refusal. */
export function caseActionRefusal(requester: Requester, action: CaseAction): Localized | undefined {
  if (mayPerformCaseAction(requester, action)) return undefined;
  if (requester === 'delegated-partner') {
    return {
      en: 'A delegated partner can open service requests for this organization; viewing and reopening them is for its Office 365 admins.',
      'zh-TW': '受委派的合作夥伴可以為此組織提出服務要求；檢視與重新開啟則由該組織的 Office 365 系統管理員進行。',
    };
  }
  return SUPPORT_RULES['admins-only'];
}
