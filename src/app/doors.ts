/** The start-up log of which doors are open: the unauthenticated ones at warn level whenever channel credentials are set. */
import type { Logger } from 'pino';
import { botEndpointMode, channelCredentialsConfigured, localChatEnabled, type AppConfig } from '../config.js';
import { bundlePresent, DEFAULT_BUNDLE_DIR, FETCH_COMMAND } from '../channels/webchat/index.js';
import type { SupportDeskConfig } from '../support-desk/index.js';

/**
 * Whether this instance serves the local chat (/, Direct Line) and /support. Their conversations
 * live in this process's memory, so with a shared database (`DATABASE_URL`, several instances
 * behind a load balancer) they are off unless LOCAL_CHAT=on says this instance serves them: a
 * page whose next request may reach another instance would lose its conversation.
 */
export function localChatServed(config: AppConfig, sharedStore: boolean): boolean {
  if (sharedStore && config.LOCAL_CHAT === undefined) return false;
  return localChatEnabled(config);
}

/** One start-up line when a shared database changes or qualifies what the local chat does. */
export function logLocalChatWithSharedStore(logger: Logger, config: AppConfig, sharedStore: boolean): void {
  if (!sharedStore) return;
  if (config.LOCAL_CHAT === undefined && localChatEnabled(config)) {
    logger.warn({ localPages: 'off' }, 'Local chat (/, Direct Line) and the /support page are off: DATABASE_URL is set and their conversations live in one instance\'s memory (LOCAL_CHAT=on serves them from this instance; route every local chat user to it)');
  } else if (config.LOCAL_CHAT === 'on') {
    logger.warn({ localPages: 'on' }, 'LOCAL_CHAT=on with DATABASE_URL: the local chat\'s conversations stay in this instance\'s memory; route /, /directline and /support to this one instance (cases are shared as usual)');
  }
}

/** Which unauthenticated doors are open or closed. */
export function logDoors(logger: Logger, config: AppConfig, address: string, sharedStore = false): void {
  const credentials = channelCredentialsConfigured(config);
  const mode = botEndpointMode(config);
  const doors = { emulator: mode === 'emulator' ? 'on' : 'off', localPages: localChatServed(config, sharedStore) ? 'on' : 'off', address };
  if (!credentials) {
    const emulator = mode === 'emulator' ? '/api/messages takes Emulator traffic for tenant "emulator" only, replies go to loopback only' : '/api/messages is off (EMULATOR=off)';
    logger.info(doors, `Local mode (no channel credentials): ${emulator}`);
    return;
  }
  if (mode === 'off') logger.warn(doors, 'Bot Framework endpoint /api/messages is off: channel credentials are set without MicrosoftAppId (EMULATOR=on opens it to the Emulator, tenant "emulator" only)');
  if (mode === 'emulator') logger.warn(doors, 'EMULATOR=on: /api/messages takes unauthenticated Emulator traffic (tenant "emulator" only, replies to loopback only)');
  if (!localChatEnabled(config)) logger.warn(doors, 'Local chat (/, Direct Line) and the /support page are off because channel credentials are set (LOCAL_CHAT=on turns them on)');
}

/** Where the local pages are; with credentials (LOCAL_CHAT=on) anyone who reaches this server chats as local-admin (tenant "local"). */
export function logLocalPages(logger: Logger, config: AppConfig, desk: SupportDeskConfig, url: string): void {
  logger[channelCredentialsConfigured(config) ? 'warn' : 'info'](
    { localChat: url, bundle: bundlePresent(DEFAULT_BUNDLE_DIR) ? 'ok' : `missing: run ${FETCH_COMMAND}` },
    `Local chat (Web Chat) at ${url}/ without sign-in (LOCAL_CHAT=off turns it off)`,
  );
  logger.info(
    { engineers: desk.engineers.length > 0 ? 'SUPPORT_ENGINEERS' : 'local-engineer' },
    `Local support channel at ${url}/support (case cards, claim, reply, resolve)`,
  );
}
