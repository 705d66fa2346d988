/** The channel-neutral conversation core: a `Turn` in (text or card action), typed `Reply` data out; every channel calls `createConversationCore(...).handle`. */
export { createConversationCore, type CoreDeps } from './core.js';
export { coreConfigSchema, loadCoreConfig, ConfigError, type CoreConfig } from './config.js';
export * from './types.js';
