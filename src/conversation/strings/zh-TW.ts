/** Every Traditional Chinese string the conversation core shows; the same keys as en.ts. */
import type { Strings } from './en.js';

export const zhTW: Strings = {
  welcomeTitle: 'Office 365 支援分流',
  welcomeText:
    '請用您自己的話描述 Office 365 租用戶的問題。我會告訴您它屬於哪個支援領域、嚴重性、您可以自行嘗試的方法,以及 Microsoft 支援的回應時間。系統管理員可以直接在這裡提出案例。',
  welcomeExamples: ['全公司從早上八點起都收不到外部郵件', '一位使用者重設 MFA 後無法登入', '如何設定永不過期的密碼?'],
  commandMyCases: '我的案件',
  commandMyCasesHelp: '未結案件,以及最近 14 天內關閉的案件',
  commandCase: '案件 SR-…',
  commandCaseHelp: '查看單一案件的詳細資料',
  commandClose: '關閉 SR-…',
  commandCloseHelp: '關閉案件',
  commandReopen: '重新開啟 SR-…',
  commandReopenHelp: '重新開啟最近 14 天內關閉的案件',
  commandChangePlan: '變更方案',
  commandChangePlanHelp: '變更貴組織的 Office 365 方案',
  commandHelp: '說明',
  commandHelpHelp: '顯示這則訊息',
  emptyMessage: '請用一兩句話告訴我發生了什麼問題,例如「Outlook 找不到某位使用者的信箱」。輸入「說明」可查看我能做什麼。',

  actionOpenCase: '提出案例',
  actionNotQuite: '不太對',
  actionSolved: '問題已解決',
  actionOfficeAfterAll: '這其實是 Office 365 的問題',
  actionClose: '關閉案件',
  actionReopen: '重新開啟案件',
  actionMyCases: '我的案件',
  solvedThanks: '很高興能幫上忙。之後有其他問題,隨時傳訊息給我。',

  billingNotice: (hours) =>
    `帳單、訂閱與售前諮詢要求在當地上班時間 (星期一至星期五,${hours}) 處理,使用與技術支援相同的電話號碼與線上要求流程。`,
  boundaryNotice: (why, whereToGo) => `${why}${whereToGo}`,
  forcedCategoryReason: (name) => `您將此問題歸類為「${name}」`,
  scopeSeverityReason: (scope, severity) => `受影響範圍:${scope} → ${severity}`,

  askCategory: '下列哪一項最符合?',
  askService: '這是關於哪一項服務?',
  askScope: '有哪些人受到影響?',
  scopeSingle: '一位使用者',
  scopeSeveral: '數位使用者',
  scopeEveryone: '所有人',
  scopeUnspecified: '未說明',

  askPlan: '貴組織使用哪一種 Office 365 方案?回應時間取決於方案。請選擇一項,或輸入方案名稱 (例如「E3」或「商務進階版」)。我會為貴組織記住這項設定。',
  planFamilyOption: (name, covers) => `${name} (${covers})`,
  planSaved: (plan) => `謝謝,已記錄貴組織的方案:${plan}。`,
  planNotRecognized: (text) => `我無法將「${text}」辨識為 Office 365 方案。請選擇其中一個選項,或輸入方案名稱,例如「E3」、「商務進階版」或「Premier」。`,

  notAdmin: '只有具備 Office 365 系統管理員角色的人員可以提出、檢視、關閉或重新開啟支援案件。請洽詢貴組織的 Office 365 系統管理員;您可以轉寄以下內容:',
  notAdminConfigure:
    '此機器人尚未設定任何系統管理員。負責執行機器人的人員可以在 ADMIN_USERS 設定中列出系統管理員 (以逗號分隔的使用者 ID 或電子郵件地址,或以 * 代表所有人)。',
  forwardText: (message, summary) => `使用者提出的支援要求:\n「${message}」\n分流結果:${summary}`,
  forwardSummary: (category, severity) => `${category},${severity}`,

  formNoteElevated: '貴組織的方案具備進階支援,因此可以自行設定嚴重性。',
  formNoteSeverity: (label, meaning) => `嚴重性依您的描述指派:${label}。${meaning}`,
  formNoteTruncated: (max) => `描述超過 ${max} 個字元,已截短;之後可在案例中附上完整細節。`,
  formNoteOfficeAfterAll: '您表示這其實是 Office 365 的問題,以下是案例表單。請描述 Office 365 本身發生的故障。',
  affectedEveryone: '所有人',
  affectedSeveral: '數位使用者',
  affectedSingle: '1',
  errorRequired: '此欄位為必填。',
  errorTooLong: (max) => `最多 ${max} 個字元。`,
  errorCategory: '請從清單中選擇類別。',
  errorSeverity: '請選擇嚴重性 A、B 或 C。',
  errorContactMethod: '請選擇電子郵件、電話或聊天。',
  errorEmail: '請輸入有效的電子郵件地址,例如 name@contoso.com。',
  errorPhoneRequired: '請輸入可以聯絡您的電話號碼。',
  errorPhone: '請輸入含國碼的電話號碼:+ 加上 7 到 15 位數字,例如 +886 2 2345 6789。',
  errorLanguage: '請選擇英文或繁體中文。',
  errorTimeZone: '請輸入時區名稱,例如 Asia/Taipei 或 Europe/London。',
  errorForm: '請修正下方標示的欄位。',

  nextSteps: (number) =>
    `案件 ${number} 已交給 Microsoft 支援。工程師會以您選擇的方式與您聯絡;請保留案件編號以供參考。輸入「案件 ${number}」可查看此案件,輸入「我的案件」可查看所有案件。`,
  couldNotSave: '抱歉,目前無法儲存案件。您這邊沒有任何損失,請稍後再試一次。',
  storeUnavailable: '抱歉,目前無法連線到儲存空間。請稍後再試一次。',
  slowDown: (seconds) => `您傳送訊息的速度太快了。請放慢速度,${seconds} 秒後再試一次。`,
  slowDownCases: (minutes) => `您在過去一小時內已開立許多案件。為了公平處理,請等待 ${minutes} 分鐘後再開立新案件,或在現有案件中補充資訊。`,

  caseListTitle: '案件:未結案件,以及最近 14 天內關閉的案件',
  caseListEmpty: '沒有未結案件,最近 14 天內也沒有關閉的案件。',
  caseNotFound: (number) => `在貴組織中找不到案件 ${number}。`,
  caseClosed: (number) => `案件 ${number} 已關閉。您可以在 14 天內重新開啟。`,
  caseAlreadyClosed: (number) => `案件 ${number} 已經是關閉狀態。`,
  caseReopened: (number) => `案件 ${number} 已重新開啟。`,
  caseAlreadyOpen: (number) => `案件 ${number} 目前仍為開啟狀態。`,
  reopenExpired: (number, date) =>
    `案件 ${number} 已無法重新開啟:已關閉的案件只能在 14 天內重新開啟,期限已於 ${date} 結束。請提出新案例並註明 ${number}。`,
  caseNumberMissing: '請加上案件編號,例如「案件 SR-261124-0001」。',
  historyEntry: (at, action, actor) => `${at} ${action} (${actor})`,

  expired: '這張卡片已過期。請再告訴我一次問題,我會重新開始。',
  unexpectedError: '抱歉,我這邊發生錯誤。請再試一次。',
};
