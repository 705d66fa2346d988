/** Severity levels with the seed's wording ("Severity Level" table). Pure data. */
import type { Localized } from './taxonomy.js';

export const SEVERITIES = ['A', 'B', 'C'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface SeverityDefinition {
  readonly id: Severity;
  readonly label: Localized;
  readonly definition: Localized;
  readonly examples: readonly string[];
}

export const SEVERITY_DEFINITIONS: Readonly<Record<Severity, SeverityDefinition>> = {
  A: {
    id: 'A',
    label: { en: 'Sev A (Critical)', 'zh-TW': 'Sev A（嚴重）' },
    definition: {
      en: "One or more services aren't accessible or are unusable. Production, operations, or deployment deadlines are severely affected, or there will be a severe impact on production or profitability. Multiple users or services are affected.",
      'zh-TW': '一或多項服務無法存取或無法使用。生產、營運或部署期限受到嚴重影響，或將對生產或獲利造成嚴重衝擊。多位使用者或多項服務受到影響。',
    },
    examples: [
      'Widespread problems sending or receiving mail.',
      'SharePoint site down.',
      "All users can't send instant messages, join or schedule Skype for Business Meetings, or make Skype for Business calls.",
    ],
  },
  B: {
    id: 'B',
    label: { en: 'Sev B (High)', 'zh-TW': 'Sev B（高）' },
    definition: {
      en: 'The service is usable but in an impaired fashion. The situation has moderate business impact and can be dealt with during business hours. A single user, customer, or service is partially affected.',
      'zh-TW': '服務可以使用，但功能受損。情況對業務有中度影響，可在上班時間處理。單一使用者、客戶或服務受到部分影響。',
    },
    examples: [
      'Send button in Outlook is garbled.',
      'Setting is impossible from EAC (Exchange Admin Center) but possible in PowerShell.',
    ],
  },
  C: {
    id: 'C',
    label: { en: 'Sev C (Non-critical)', 'zh-TW': 'Sev C（非嚴重）' },
    definition: {
      en: 'The situation has minimal business impact. The issue is important but does not have a significant current service or productivity impact for the customer. A single user is experiencing partial disruption, but an acceptable workaround exists.',
      'zh-TW': '情況對業務影響極小。問題雖然重要，但目前對客戶的服務或生產力沒有重大影響。單一使用者遇到部分中斷，但有可接受的因應措施。',
    },
    examples: ['How to set user password that never expires.', "User can't delete contact information in Exchange Online."],
  },
};

export function isSeverity(value: unknown): value is Severity {
  return value === 'A' || value === 'B' || value === 'C';
}
