/**
 * The support desk, channel-neutral: engineers' actions on cases (claim, reply, resolve, ...),
 * requester notices, the SLA watch and the case views every channel's desk side renders. Each
 * channel delivers it through its own `desk.ts` Notifier; `src/app/support-desk.ts` wires them.
 */
export { loadSupportDeskConfig, supportDeskConfigSchema, SupportDeskConfigError, DEFAULT_SLA_CHECK_INTERVAL_SECONDS, type SupportDeskConfig } from './config.js';
export { SupportDesk, isOnlyThanks, type SupportDeskDeps } from './desk.js';
export { SlaWatch, reminderKey, DUE_PAGE_SIZE, type SentReminder, type ReminderLevel } from './sla-watch.js';
export { slaClock, timeLeftText, WARNING_FRACTION } from './sla.js';
export { supportCaseView } from './view.js';
export { answerInChat, deskActionData, deskButtonOf } from './card-action.js';
export * from './types.js';
