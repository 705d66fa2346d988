/** What the support desk tells the requester, in Traditional Chinese; the same keys as en.ts. */
import type { DeskStrings } from './en.js';

export const deskZhTW: DeskStrings = {
  noticeHeadings: {
    claimed: '工程師已接手您的案件',
    reply: '支援團隊的回覆',
    'ask-info': '支援團隊需要更多資訊',
    'severity-changed': '嚴重性已變更',
    resolved: '案件已解決',
    reopened: '案件已重新開啟',
  },
  answerLabel: '您的回覆',
  answerButton: '送出回覆',
  reopenLabel: '問題仍未解決？請說明狀況以重新開啟',
  reopenButton: '重新開啟',

  claimed: (engineer, number) => `支援工程師 ${engineer} 已接手 ${number}，正在處理中。`,
  replied: (engineer, number, text) => `支援工程師 ${engineer} 回覆了 ${number}:\n\n${text}`,
  askedInfo: (engineer, number, text) => `支援工程師 ${engineer} 需要 ${number} 的更多資訊：\n\n${text}`,
  severityChanged: (number, from, to, reason) => `支援團隊已將 ${number} 的嚴重性從 ${from} 變更為 ${to}。原因：${reason}`,
  resolved: (engineer, number, text) =>
    `支援工程師 ${engineer} 已解決 ${number}。${text ? `\n\n${text}` : ''}\n\n如果問題仍未解決，您可以在 14 天內重新開啟：請說明仍有什麼問題。`,
  reopened: (number) => `${number} 已重新開啟並回到支援佇列，工程師會盡快接手。`,

  caseNotFound: (number) => `找不到案件 ${number}。`,
  onlyRequesterAnswers: (requester, number) => `只有提出 ${number} 的 ${requester} 可以回覆此案件。`,
  onlyRequesterReopens: (requester, number) => `只有提出 ${number} 的 ${requester} 可以重新開啟此案件。`,
  answerEmpty: '請先輸入您的回覆。',
  answerOnResolved: (number) => `${number} 已解決。請重新開啟後再繼續。`,
  answerAdded: (number) => `您的回覆已加入 ${number}，工程師會看到。`,
  stillOpen: (number) => `${number} 目前仍為開啟狀態。`,
  reopenExpired: (number, ended) => `${number} 已解決超過 14 天（重新開啟期限已於 ${ended} 結束）。請提出新的案件。`,
  reopenOnlyThanks: (number) => `很高興問題已解決！${number} 維持已解決狀態。若要重新開啟，請說明仍有什麼問題。`,
  alreadyReopened: (number) => `${number} 已經重新開啟。`,
  reopenDone: (number) => `${number} 已重新開啟。`,
};
