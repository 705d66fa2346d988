/** The fixed words of the Teams cards (field labels, headings) in each language the bot speaks. */
import type { Lang } from '../../domain/taxonomy.js';
import { SEVERITY_DEFINITIONS, type Severity } from '../../domain/severity.js';

export interface CardLabels {
  readonly category: string;
  readonly severity: string;
  readonly responseTime: string;
  readonly respondBy: string;
  readonly why: string;
  readonly selfHelp: string;
  readonly title: string;
  readonly description: string;
  readonly affectedUsers: string;
  readonly contactMethod: string;
  readonly email: string;
  readonly phone: string;
  readonly language: string;
  readonly timeZone: string;
  readonly submit: string;
  readonly choose: string;
  readonly caseNumber: string;
  readonly status: string;
  readonly created: string;
  readonly closed: string;
  readonly owner: string;
  readonly lastUpdate: string;
  readonly history: string;
  readonly examples: string;
  readonly commands: string;
  readonly details: string;
  readonly myCases: string;
  readonly severityFixed: string;
  readonly statusOpen: string;
  readonly statusClosed: string;
  readonly contactEmail: string;
  readonly contactPhone: string;
  readonly contactChat: string;
  readonly langEn: string;
  readonly langZh: string;
}

export const CARD_LABELS: Readonly<Record<Lang, CardLabels>> = {
  en: {
    category: 'Category',
    severity: 'Severity',
    responseTime: 'Response time',
    respondBy: 'Respond by',
    why: 'Why',
    selfHelp: 'Try these first',
    title: 'Title',
    description: 'Description',
    affectedUsers: 'Affected users',
    contactMethod: 'How should support contact you?',
    email: 'Email',
    phone: 'Phone',
    language: 'Language',
    timeZone: 'Time zone (IANA, e.g. Asia/Taipei)',
    submit: 'Submit case',
    choose: 'Choose',
    caseNumber: 'Case',
    status: 'Status',
    created: 'Opened',
    closed: 'Closed',
    owner: 'Owner',
    lastUpdate: 'Last update',
    history: 'History',
    examples: 'For example',
    commands: 'Commands',
    details: 'Details',
    myCases: 'My cases',
    severityFixed: 'Set by your plan and the triage; elevated plans can change it.',
    statusOpen: 'Open',
    statusClosed: 'Closed',
    contactEmail: 'Email',
    contactPhone: 'Phone',
    contactChat: 'Chat in Teams',
    langEn: 'English',
    langZh: '繁體中文',
  },
  'zh-TW': {
    category: '類別',
    severity: '嚴重性',
    responseTime: '回應時間',
    respondBy: '回應期限',
    why: '判斷依據',
    selfHelp: '可以先試試',
    title: '標題',
    description: '描述',
    affectedUsers: '受影響的使用者',
    contactMethod: '支援人員該如何聯絡您?',
    email: '電子郵件',
    phone: '電話',
    language: '語言',
    timeZone: '時區 (IANA,例如 Asia/Taipei)',
    submit: '送出案例',
    choose: '選擇',
    caseNumber: '案例',
    status: '狀態',
    created: '建立時間',
    closed: '結案時間',
    owner: '負責人',
    lastUpdate: '最近更新',
    history: '歷程',
    examples: '例如',
    commands: '指令',
    details: '詳細資料',
    myCases: '我的案例',
    severityFixed: '依您的方案與分類判定;進階方案可自行調整。',
    statusOpen: '處理中',
    statusClosed: '已結案',
    contactEmail: '電子郵件',
    contactPhone: '電話',
    contactChat: '在 Teams 中交談',
    langEn: 'English',
    langZh: '繁體中文',
  },
};

export function severityLabel(severity: Severity, lang: Lang): string {
  return SEVERITY_DEFINITIONS[severity].label[lang];
}
