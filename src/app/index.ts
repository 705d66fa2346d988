/** The composition root: `main.ts` (`npm start`) builds the one configuration, store, conversation core, support desk and channels, and serves them. */
export { loadAppConfig, AppConfigError, type AppParts } from './config.js';
export { createSupportDeskRuntime, type SupportDeskRuntime, type SupportDeskRuntimeDeps } from './support-desk.js';
export { createCaseEvents, planAnnouncements, type CaseEvents, type AnnouncementPlan } from './case-events.js';
