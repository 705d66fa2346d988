/** The fixed words of the Slack messages, modal and App Home in each language the bot speaks. */
import type { Lang } from '../../domain/taxonomy.js';

export interface SlackLabels {
  readonly category: string;
  readonly severity: string;
  readonly responseTime: string;
  readonly respondBy: string;
  readonly why: string;
  readonly selfHelp: string;
  readonly formTitle: string;
  readonly title: string;
  readonly description: string;
  readonly affectedUsers: string;
  readonly contactMethod: string;
  readonly email: string;
  readonly phone: string;
  readonly language: string;
  readonly timeZone: string;
  readonly timeZoneHint: string;
  readonly submit: string;
  readonly cancel: string;
  readonly choose: string;
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
  readonly statusOpen: string;
  readonly statusClosed: string;
  readonly contactEmail: string;
  readonly contactPhone: string;
  readonly contactChat: string;
  readonly langEn: string;
  readonly langZh: string;
  readonly openForm: string;
  readonly formReady: string;
  readonly shareInChannel: string;
  readonly shareExpired: string;
  readonly homeTitle: string;
  readonly homeIntro: string;
  readonly homeHint: string;
  readonly more: (n: number) => string;
  readonly descriptionShortened: (max: number) => string;
  readonly busy: string;
}

export const SLACK_LABELS: Readonly<Record<Lang, SlackLabels>> = {
  en: {
    category: 'Category',
    severity: 'Severity',
    responseTime: 'Response time',
    respondBy: 'Respond by',
    why: 'Why',
    selfHelp: 'Try these first',
    formTitle: 'Open a support case',
    title: 'Title',
    description: 'Description',
    affectedUsers: 'Affected users',
    contactMethod: 'How should support contact you?',
    email: 'Email',
    phone: 'Phone',
    language: 'Language',
    timeZone: 'Time zone',
    timeZoneHint: 'IANA name, e.g. Europe/London or Asia/Taipei',
    submit: 'Submit case',
    cancel: 'Cancel',
    choose: 'Choose',
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
    statusOpen: 'Open',
    statusClosed: 'Closed',
    contactEmail: 'Email',
    contactPhone: 'Phone',
    contactChat: 'Chat in Slack',
    langEn: 'English',
    langZh: '繁體中文',
    openForm: 'Open the case form',
    formReady: 'Your case form is ready, prefilled from our conversation.',
    shareInChannel: 'Share in channel',
    shareExpired: 'That answer can no longer be shared; run /support again.',
    homeTitle: 'Support Triage Bot',
    homeIntro: 'Your open and recently closed support cases.',
    homeHint: 'Describe a problem in the Messages tab, or use /support in any channel.',
    more: (n) => `…and ${n} more. Type "my cases" in the Messages tab to see them all.`,
    descriptionShortened: (max) => `The description was shortened to ${max} characters to fit Slack's form.`,
    busy: 'I am busy right now; please try again in a minute.',
  },
  'zh-TW': {
    category: '類別',
    severity: '嚴重性',
    responseTime: '回應時間',
    respondBy: '回應期限',
    why: '原因',
    selfHelp: '請先試試這些',
    formTitle: '建立支援案件',
    title: '標題',
    description: '描述',
    affectedUsers: '受影響的使用者',
    contactMethod: '支援人員應如何聯絡您?',
    email: '電子郵件',
    phone: '電話',
    language: '語言',
    timeZone: '時區',
    timeZoneHint: 'IANA 名稱,例如 Asia/Taipei',
    submit: '送出案件',
    cancel: '取消',
    choose: '選擇',
    status: '狀態',
    created: '建立時間',
    closed: '關閉時間',
    owner: '負責人',
    lastUpdate: '最後更新',
    history: '記錄',
    examples: '例如',
    commands: '指令',
    details: '詳細資料',
    myCases: '我的案件',
    statusOpen: '處理中',
    statusClosed: '已關閉',
    contactEmail: '電子郵件',
    contactPhone: '電話',
    contactChat: '在 Slack 中交談',
    langEn: 'English',
    langZh: '繁體中文',
    openForm: '開啟案件表單',
    formReady: '案件表單已依我們的對話預先填好。',
    shareInChannel: '分享到頻道',
    shareExpired: '這個回答已無法分享,請重新執行 /support。',
    homeTitle: 'Support Triage Bot',
    homeIntro: '您處理中與最近關閉的支援案件。',
    homeHint: '在「訊息」分頁描述問題,或在任何頻道使用 /support。',
    more: (n) => `……還有 ${n} 件。在「訊息」分頁輸入「我的案件」查看全部。`,
    descriptionShortened: (max) => `描述已縮短為 ${max} 個字元以符合 Slack 表單。`,
    busy: '我現在很忙,請稍後再試。',
  },
};

export function labelsFor(lang: Lang): SlackLabels {
  return SLACK_LABELS[lang] ?? SLACK_LABELS.en;
}
