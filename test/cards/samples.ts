/** One or more sample replies per reply kind, typed so a new kind or field shows up here. */
import type { Reply, ReplyKind } from '../../src/conversation/types.js';

const caseSummary = {
  number: 'SR-261125-0001',
  title: 'Outlook *cannot* send [urgent]',
  status: 'open',
  severity: 'A',
  categoryName: 'Exchange Online · Mail flow',
  createdAt: '2026-11-25 09:12',
  respondBy: '2026-11-25 10:12',
} as const;

export const SAMPLE_REPLIES: Readonly<Record<ReplyKind, readonly Reply[]>> = {
  triage: [
    {
      kind: 'triage',
      lang: 'en',
      message: 'This looks like a mail flow problem in Exchange Online.',
      support: 'technical',
      category: 'exchange.mailflow',
      categoryName: 'Exchange Online · Mail flow',
      severity: 'A',
      severityLabel: 'Sev A (Critical)',
      reasons: ["'the whole sales floor': a whole team or group of users is affected → Severity A"],
      links: [{ title: 'Message trace (modern EAC)', url: 'https://learn.microsoft.com/en-us/exchange/monitoring/trace-an-email-message/message-trace-modern-eac' }],
      expectation: {
        family: 'enterprise',
        planName: 'Office 365 E3',
        severity: 'A',
        summary: 'Enterprise · Sev A: 24/7, initial response within one hour',
        respondBy: '10:12 your time',
      },
      notice: 'Third-party add-ins are outside support.',
      actions: [
        { verb: 'openCase', title: 'Open a case', style: 'primary' },
        { verb: 'notQuite', title: 'Not quite' },
        { verb: 'solved', title: 'That solved it', data: { ref: 't1' } },
      ],
    },
    {
      kind: 'triage',
      lang: 'zh-TW',
      message: '這看起來是帳單問題。',
      support: 'billing',
      category: 'billing.invoice',
      categoryName: '帳單與訂閱 · 發票',
      severity: null,
      reasons: [],
      links: [],
      actions: [],
    },
  ],
  question: [
    {
      kind: 'question',
      lang: 'en',
      question: 'Which service is affected?',
      field: 'service',
      options: [
        { value: 'exchange', title: 'Exchange Online' },
        { value: 'sharepoint', title: 'SharePoint Online' },
      ],
      verb: 'answerClarification',
    },
    {
      kind: 'question',
      lang: 'en',
      question: 'Which category fits best?',
      field: 'category',
      options: Array.from({ length: 8 }, (_, i) => ({ value: `c${i}`, title: `Category ${i}` })),
      verb: 'pickCategory',
    },
  ],
  'plan-question': [
    {
      kind: 'plan-question',
      lang: 'en',
      question: 'Which plan does your tenant have?',
      options: [
        { value: 'business', title: 'Business' },
        { value: 'enterprise', title: 'Enterprise' },
      ],
    },
  ],
  'case-form': [
    {
      kind: 'case-form',
      lang: 'en',
      values: {
        title: 'Outlook cannot send',
        description: 'Since 9am\n- nobody can send',
        category: 'exchange.mailflow',
        severity: 'A',
        affectedUsers: '120',
        contactMethod: 'email',
        email: 'admin@contoso.com',
        phone: '',
        language: 'en',
        timeZone: 'Asia/Taipei',
      },
      severityEditable: true,
      categoryOptions: [
        { value: 'exchange.mailflow', title: 'Exchange Online · Mail flow' },
        { value: 'unknown', title: 'Not yet placed' },
      ],
      severityOptions: [
        { value: 'A', title: 'Sev A (Critical)' },
        { value: 'B', title: 'Sev B (High)' },
        { value: 'C', title: 'Sev C (Non-critical)' },
      ],
      errors: {},
      formId: 'form-1',
    },
    {
      kind: 'case-form',
      lang: 'zh-TW',
      values: {
        title: '',
        description: '',
        category: 'unknown',
        severity: 'C',
        affectedUsers: '',
        contactMethod: 'phone',
        email: '',
        phone: '',
        language: 'zh-TW',
        timeZone: 'Asia/Taipei',
      },
      severityEditable: false,
      categoryOptions: [{ value: 'unknown', title: '尚未分類' }],
      severityOptions: [{ value: 'C', title: 'Sev C（非嚴重）' }],
      errors: { phone: '請輸入電話號碼', title: '請輸入標題', form: '表單有錯誤' },
      formId: 'form-2',
      note: 'Severity comes from your plan.',
    },
  ],
  'case-created': [
    {
      kind: 'case-created',
      lang: 'en',
      case: caseSummary,
      expectation: {
        family: 'enterprise',
        planName: 'Office 365 E3',
        severity: 'A',
        summary: 'Enterprise · Sev A: 24/7, initial response within one hour',
      },
      nextSteps: 'Support will contact you by email.',
    },
  ],
  'case-list': [
    { kind: 'case-list', lang: 'en', title: 'Your cases', cases: [caseSummary, { ...caseSummary, number: 'SR-261125-0002', status: 'closed', closedAt: '2026-11-25 11:00' }], empty: 'No cases yet.' },
    { kind: 'case-list', lang: 'en', title: 'Your cases', cases: [], empty: 'No cases yet.' },
  ],
  'case-detail': [
    {
      kind: 'case-detail',
      lang: 'en',
      case: { ...caseSummary, owner: 'Tier 1', lastUpdate: 'today', description: 'Nobody can send.\nNDR 550 5.7.1', history: ['created by Alex', 'severity A'] },
      actions: [{ verb: 'closeCase', title: 'Close case', style: 'destructive', data: { number: caseSummary.number } }],
    },
    {
      kind: 'case-detail',
      lang: 'zh-TW',
      case: { ...caseSummary, status: 'closed', closedAt: 'x', description: '', history: [] },
      actions: [],
    },
  ],
  text: [
    { kind: 'text', lang: 'en', text: 'That card has expired.' },
    { kind: 'text', lang: 'en', text: 'Could not save.', tone: 'error' },
    { kind: 'text', lang: 'zh-TW', text: '注意', tone: 'warning' },
  ],
  welcome: [
    {
      kind: 'welcome',
      lang: 'en',
      title: 'Hi, I triage Office 365 problems',
      text: 'Describe the problem in your own words.',
      exampleLead: 'e.g.',
      examples: ['outlook cannot send for anyone'],
      commands: [
        { command: 'my cases', description: 'list your cases' },
        { command: 'help', description: 'this message' },
      ],
    },
    { kind: 'welcome', lang: 'en', title: 'Hi', text: 'Hello', exampleLead: 'e.g.', examples: [], commands: [] },
  ],
};
