/** Every English string the conversation core shows. zh-TW.ts has exactly the same keys. */
export const en = {
  welcomeTitle: 'Office 365 support triage',
  welcomeText:
    'Describe a problem in your Office 365 tenant in your own words. I will tell you which support area it belongs to, how severe it is, what you can try yourself, and when Microsoft support would respond. Admins can open a case from here.',
  welcomeExampleLead: 'e.g.',
  welcomeExamples: [
    'Nobody in the company receives external mail since 8:00',
    'One user cannot sign in after an MFA reset',
    'How do I set a password that never expires?',
  ],
  commandMyCases: 'my cases',
  commandMyCasesHelp: 'your open cases, and cases closed in the last 14 days',
  commandCase: 'case SR-…',
  commandCaseHelp: 'the details of one case',
  commandClose: 'close SR-…',
  commandCloseHelp: 'close a case',
  commandReopen: 'reopen SR-…',
  commandReopenHelp: 'reopen a case closed in the last 14 days',
  commandChangePlan: 'change plan',
  commandChangePlanHelp: "change your organization's Office 365 plan",
  commandNewCase: 'new case',
  commandNewCaseHelp: 'describe a problem; I triage it and you can open a case',
  commandHelp: 'help',
  commandHelpHelp: 'show this message',
  emptyMessage: 'Tell me what is wrong in a sentence or two, for example "Outlook cannot find one user\'s mailbox". Type "help" for what I can do.',

  actionOpenCase: 'Open a case',
  actionNotQuite: 'Not quite',
  actionSolved: 'This solved it',
  actionOfficeAfterAll: 'It is an Office 365 problem after all',
  actionClose: 'Close case',
  actionReopen: 'Reopen case',
  actionMyCases: 'My cases',
  solvedThanks: 'Glad that helped. Message me any time something else comes up.',

  billingNotice: (hours: string) =>
    `Billing, subscription and pre-sales requests are handled in local business hours, Monday to Friday (${hours}), through the same phone number and online request process as technical support.`,
  boundaryNotice: (why: string, whereToGo: string) => `${why} ${whereToGo}`,
  forcedCategoryReason: (name: string) => `You placed this in ${name}`,
  scopeSeverityReason: (scope: string, severity: string) => `Affected: ${scope} → ${severity}`,

  askCategory: 'Which of these fits best?',
  askBetween: (names: readonly string[]) =>
    names.length === 2 ? `Is this about ${names[0]} or about ${names[1]}?` : `Is this about ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}?`,
  truncatedNote: (chars: string) => `Your message was long: only its first ${chars} characters were read.`,
  askService: 'Which service is this about?',
  askScope: 'Who is affected?',
  scopeSingle: 'One user',
  scopeSeveral: 'Several users',
  scopeEveryone: 'Everyone',
  scopeUnspecified: 'Not stated',

  askPlan:
    'Which Office 365 plan does your organization have? Response times depend on it. Pick one, or type its name (for example "E3" or "Business Premium"). I will remember it for your organization.',
  planFamilyOption: (name: string, covers: string) => `${name} (${covers})`,
  planSaved: (plan: string) => `Thanks, I noted your plan: ${plan}.`,
  planNotRecognized: (text: string) =>
    `I do not recognize "${text}" as an Office 365 plan. Pick one of the options, or type a name such as "E3", "Business Premium" or "Premier".`,

  notAdmin:
    'Only people with an Office 365 administrator role can open, view, close or reopen support cases. Please ask your Office 365 admin.',
  forwardIntro: 'Here is a summary you can forward to them:',
  notAdminNoRole:
    'Microsoft Entra ID shows no administrator role for your account (for example Global, Exchange, SharePoint, Teams, Helpdesk or Service Support administrator).',
  adminCheckUnavailable:
    'I could not check your administrator role with Microsoft Entra ID just now, so I cannot open or show cases for you at the moment. Please try again in a few minutes.',
  graphConsentNeeded:
    'Your organization has not yet let this bot read its directory, subscriptions and service health from Microsoft Graph, so I use my own settings for now. A Global Administrator can grant it with the link below.',
  graphConsentLink: 'Grant access (Global Administrator)',
  planFromSubscriptions: (plan: string) => `Plan: ${plan}, from your subscriptions`,
  planFromSubscriptionsAlso: (plan: string, others: string) => `Plan: ${plan}, from your subscriptions (the one with the best response times; you also have ${others})`,
  serviceHealthIncident: (id: string, title: string) => `Microsoft is already working on ${id}: ${title}`,
  serviceHealthNone: (service: string) => `I checked your service health: no open Microsoft incident for ${service} right now.`,
  serviceHealthStatus: (status: string, lastUpdate: string) => `Status: ${status} · last update ${lastUpdate}`,
  serviceHealthLink: 'Open service health',
  formNoteIncident: (id: string) => `Microsoft incident ${id} is attached to this case.`,
  notAdminConfigure:
    'Nobody is set up as an admin for this bot yet. The person who runs the bot can list admins in the ADMIN_USERS setting (comma-separated user ids or email addresses, or * for everyone).',
  forwardText: (message: string, summary: string) => `Support request from a user:\n"${message}"\nTriage: ${summary}`,
  forwardSummary: (category: string, severity: string) => `${category}, ${severity}`,

  formNoteElevated: 'Your plan has elevated support, so you may set the severity yourself.',
  formNoteSeverity: (label: string, meaning: string) => `Severity is assigned from your description: ${label}. ${meaning}`,
  formNoteTruncated: (max: number) => `The description was longer than ${max} characters and was shortened; attach the full details in the case later.`,
  formNoteOfficeAfterAll: 'You said this is an Office 365 problem after all, so here is the case form. Describe what fails in Office 365 itself.',
  affectedEveryone: 'Everyone',
  affectedSeveral: 'Several users',
  affectedSingle: '1',
  errorRequired: 'This field is required.',
  errorTooLong: (max: number) => `Use at most ${max} characters.`,
  errorCategory: 'Pick a category from the list.',
  errorSeverity: 'Pick severity A, B or C.',
  errorContactMethod: 'Pick email, phone or chat.',
  errorEmail: 'Enter a valid email address, like name@contoso.com.',
  errorPhoneRequired: 'Enter a phone number to be called on.',
  errorPhone: 'Enter the number with country code: + and 7 to 15 digits, for example +1 425 555 0100.',
  errorLanguage: 'Pick English or Traditional Chinese.',
  errorTimeZone: 'Enter a time zone name such as Europe/London or Asia/Taipei.',
  errorForm: 'Please fix the fields marked below.',

  nextSteps: (number: string) =>
    `Case ${number} is with Microsoft support. An engineer will contact you by the method you chose; keep the case number for reference. Type "case ${number}" to see it, or "my cases" for all of them.`,
  couldNotSave: 'Sorry, the case could not be saved right now. Nothing was lost on your side: please try again in a minute.',
  storeUnavailable: 'Sorry, I cannot reach my storage right now. Please try again in a minute.',
  slowDown: (seconds: number) => `You are sending messages faster than I can take them. Please slow down and try again in ${seconds} seconds.`,
  slowDownCases: (minutes: number) =>
    `You have opened many cases in the last hour. To keep the queue fair, please wait ${minutes} minutes before opening another one, or add details to an open case.`,

  caseListTitle: 'Cases: open, and closed in the last 14 days',
  caseListEmpty: 'No open cases, and none closed in the last 14 days.',
  caseListTitleClosed: 'Cases closed in the last 14 days',
  caseListTitleSeverity: (severity: string) => `Severity ${severity}`,
  caseListTitlePage: (page: number) => `page ${page}`,
  caseListPageEmpty: (page: number) => `Nothing on page ${page}; type "my cases" for the first page.`,
  caseListCommand: (options: { page?: number; severity?: string; closedOnly: boolean }) =>
    ['my cases', ...(options.closedOnly ? ['closed'] : []), ...(options.severity ? [`sev ${options.severity}`] : []), ...(options.page ? [`page ${options.page}`] : [])].join(' '),
  caseListMore: (count: number, command: string) => `and ${count} more: \`${command}\``,
  caseNotFound: (number: string) => `I could not find case ${number} in your organization.`,
  caseClosed: (number: string) => `Case ${number} is closed. You can reopen it within 14 days.`,
  caseAlreadyClosed: (number: string) => `Case ${number} is already closed.`,
  addedAsAnswer: (number: string) => `Added to ${number} as your answer. The support engineer will see it.`,
  newProblemInstead: "It's a new problem",
  caseReopened: (number: string) => `Case ${number} is open again.`,
  reopenOnlyThanks: (number: string) => `Glad it helped! Case ${number} stays closed. To reopen it, say what is still wrong, for example "reopen ${number} the error is back".`,
  caseAlreadyOpen: (number: string) => `Case ${number} is already open.`,
  reopenExpired: (number: string, date: string) =>
    `Case ${number} can no longer be reopened: a closed case can be reopened for 14 days, and that window ended on ${date}. Please open a new case and mention ${number}.`,
  caseNumberMissing: 'Add the case number, for example "case SR-261124-0001".',
  historyEntry: (at: string, action: string, actor: string) => `${at} ${action} (${actor})`,

  youAreWelcome: "You're welcome. Message me whenever something else comes up.",
  howToReopen: 'To reopen one, type "reopen SR-…" followed by what is still wrong, or open it from "my cases" and press Reopen.',
  howToOpen: 'Describe the problem here in a sentence or two; when I have placed it, press Open a case and fill in the form.',
  youMayOpen: 'You are set up as an admin here, so you can open cases from this chat.',
  youMayNotOpen: 'You are not set up as an admin here: describe the problem and I will give you a summary to forward to your admin.',
  translatorHow:
    'Pick the language you prefer in the case form (English or Traditional Chinese) and mention in the description that you would like a translator on the call.',
  responseTimesNeedPlan: 'Response times depend on your Office 365 plan. Tell me your plan and I will list them.',
  responseTimesFor: (plan: string) => `Response times for your plan (${plan}):`,
  pickPlan: 'Pick your plan from the list first, then press Choose. You can also type its name, for example "E3".',
  newCasePrompt:
    'Describe the problem in a sentence or two: what fails, for whom, and since when. I will place it, tell you what to try, and then you can open a case.',

  expired: 'That card has expired. Tell me about the problem again and I will start fresh.',
  unexpectedError: 'Sorry, something went wrong on my side. Please try again.',
} as const satisfies Record<string, unknown>;

/** The shape both languages share: same keys, same function signatures. */
export type Strings = { readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof en)[K] extends readonly string[] ? readonly string[] : string };

/**
 * Field labels and headings of the channels' cards, forms and home tabs (Teams and the local web
 * chat render Adaptive Cards, Slack renders Block Kit); zh-TW.ts has the same keys.
 */
export const enLabels = {
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
  /** Adaptive Cards serve Teams and the local web chat alike: the chat the admin is in. */
  contactChatTeams: 'In this chat',
  contactChatSlack: 'Chat in Slack',
  langEn: 'English',
  langZh: '繁體中文',
  openForm: 'Open the case form',
  formReady: 'Your case form is ready, prefilled from our conversation.',
  shareInChannel: 'Share in channel',
  shareExpired: 'That answer can no longer be shared; run /support again.',
  homeTitle: 'Support Triage Bot',
  homeIntro: 'Your open and recently closed support cases.',
  homeHint: 'Describe a problem in the Messages tab, or use /support in any channel.',
  more: (n: number) => `…and ${n} more. Type "my cases" in the Messages tab to see them all.`,
  descriptionShortened: (max: number) => `The description was shortened to ${max} characters to fit Slack's form.`,
  busy: 'I am busy right now; please try again in a minute.',
  /** The terminal's case form: a typed answer that names none of a field's choices. */
  notAChoice: (text: string) => `"${text}" is not one of the choices; type a number or a name from this list:`,
};

export type ChannelLabels = typeof enLabels;
