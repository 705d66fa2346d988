/**
 * The process's own part of the configuration (port, address, log level, data folder, Bot
 * Framework credentials, the unauthenticated doors, the handoff webhook), as a zod schema that
 * `src/app/config.ts` composes with every other part's. An empty variable counts as unset (a
 * `.env` line `MicrosoftAppId=` means "no Bot Framework auth").
 */
import { z } from 'zod';
import { CHANNEL_CREDENTIAL_VARIABLES, optionalText, parseEnv, type Env } from './env/index.js';

export { CHANNEL_CREDENTIAL_VARIABLES };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The Bot Framework's app types (the `MicrosoftAppType` variable of every Azure Bot sample). */
export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

/** An on/off switch; unset stays undefined so the default can depend on the credentials. */
function onOff() {
  return optionalText
    .transform((value) => value?.toLowerCase())
    .pipe(z.enum(['on', 'off'], { error: 'must be on or off (unset: on only when no channel credentials are set)' }).optional());
}

export const processConfigSchema = z
  .object({
    PORT: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value === undefined || value === '' ? '3978' : value))
      .pipe(z.string().regex(/^\d+$/, 'must be a whole number from 0 to 65535'))
      .transform(Number)
      .pipe(z.number().int().min(0, 'must be from 0 to 65535').max(65535, 'must be from 0 to 65535')),
    DATA_DIR: optionalText.transform((value) => value ?? './data'),
    LOG_LEVEL: optionalText
      .transform((value) => (value ?? 'info').toLowerCase())
      .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: optionalText.pipe(
      z.enum(APP_TYPES, { error: `must be one of ${APP_TYPES.join(', ')}` }).optional(),
    ),
    MicrosoftAppTenantId: optionalText,
    HANDOFF_WEBHOOK_URL: optionalText.pipe(
      z.url({ protocol: /^https?$/, error: 'must be an http(s):// address' }).optional(),
    ),
    HANDOFF_WEBHOOK_SECRET: optionalText,
    LOCAL_CHAT: onOff(),
    EMULATOR: onOff(),
    HOST: optionalText.pipe(
      z
        .string()
        .regex(/^[0-9A-Za-z.:%-]+$/, 'must be an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::')
        .optional(),
    ),
    // Read only to know whether Slack credentials are configured (src/channels/slack/config.ts reads them).
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: optionalText,
  })
  .superRefine((env, ctx) => {
    if (env.HANDOFF_WEBHOOK_URL !== undefined && env.HANDOFF_WEBHOOK_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['HANDOFF_WEBHOOK_SECRET'],
        message: 'is required when HANDOFF_WEBHOOK_URL is set (the receiver checks the X-Signature-256 HMAC with it)',
      });
    }
    if (env.EMULATOR === 'on' && env.MicrosoftAppId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['EMULATOR'],
        message: 'cannot be on while MicrosoftAppId is set (the endpoint then checks Bot Framework tokens); unset EMULATOR, or unset MicrosoftAppId for a local Emulator run',
      });
    }
    const type = env.MicrosoftAppType ?? 'MultiTenant';
    if (env.MicrosoftAppId === undefined) {
      if (env.MicrosoftAppPassword !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppId'],
          message: 'is required when MicrosoftAppPassword is set',
        });
      }
      return;
    }
    if (type !== 'UserAssignedMSI' && env.MicrosoftAppPassword === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: `is required when MicrosoftAppId is set (MicrosoftAppType ${type})`,
      });
    }
    if (type !== 'MultiTenant' && env.MicrosoftAppTenantId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required when MicrosoftAppType is ${type}`,
      });
    }
  });

export type AppConfig = z.output<typeof processConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/** This part alone (tests, `npm run chat`); throws `ConfigError` listing every bad variable by name. */
export function loadConfig(env: Env = process.env): AppConfig {
  return parseEnv(processConfigSchema, env, (problems) => new ConfigError(problems));
}

/** Whether inbound requests to /api/messages must carry a Bot Framework token (MicrosoftAppId set). */
export function botAuthEnabled(config: AppConfig): boolean {
  return config.MicrosoftAppId !== undefined;
}

type CredentialVariables = (typeof CHANNEL_CREDENTIAL_VARIABLES)[number];

/**
 * Whether any channel credentials are set: the Bot Framework app id, or either Slack secret (a
 * half-configured Slack still means this server is meant to serve a real workspace). With any
 * set, the unauthenticated doors (emulator access to /api/messages, the local chat, /support)
 * are closed unless switched on explicitly.
 */
export function channelCredentialsConfigured(config: Partial<Pick<AppConfig, CredentialVariables>>): boolean {
  return CHANNEL_CREDENTIAL_VARIABLES.some((variable) => config[variable] !== undefined);
}

/** The local chat page, Direct Line and /support: on without channel credentials, unless LOCAL_CHAT says otherwise. */
export function localChatEnabled(config: AppConfig): boolean {
  return config.LOCAL_CHAT === undefined ? !channelCredentialsConfigured(config) : config.LOCAL_CHAT === 'on';
}

/**
 * Unauthenticated (Bot Framework Emulator) access to /api/messages: never with MicrosoftAppId
 * (the adapter checks tokens then); otherwise on without channel credentials, unless EMULATOR
 * says otherwise.
 */
export function emulatorEnabled(config: AppConfig): boolean {
  if (botAuthEnabled(config)) return false;
  return config.EMULATOR === undefined ? !channelCredentialsConfigured(config) : config.EMULATOR === 'on';
}

/** What /api/messages does: check Bot Framework tokens, accept Emulator traffic (loopback only), or refuse. */
export type BotEndpointMode = 'bot-framework' | 'emulator' | 'off';

export function botEndpointMode(config: AppConfig): BotEndpointMode {
  if (botAuthEnabled(config)) return 'bot-framework';
  return emulatorEnabled(config) ? 'emulator' : 'off';
}

/** HOST, else loopback without channel credentials (the local pages have no sign-in), else every interface. */
export function listenHost(config: AppConfig): string {
  return config.HOST ?? (channelCredentialsConfigured(config) ? '0.0.0.0' : '127.0.0.1');
}
