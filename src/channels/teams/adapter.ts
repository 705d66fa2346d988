/**
 * The Bot Framework `CloudAdapter`, authenticated from the standard variables. Without
 * `MicrosoftAppId` it runs unauthenticated (Bot Framework Emulator, local tests) and posts
 * replies to the activity's `serviceUrl` with no token; with it, a request without a valid token
 * is answered 401 by the adapter itself.
 */
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config.js';

/** The standard Bot Framework variables; all absent means unauthenticated (Emulator) mode. */
export type TeamsCredentials = Partial<
  Pick<AppConfig, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'>
>;

export function botFrameworkOptions(credentials: TeamsCredentials): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {};
  if (credentials.MicrosoftAppId) options.MicrosoftAppId = credentials.MicrosoftAppId;
  if (credentials.MicrosoftAppPassword) options.MicrosoftAppPassword = credentials.MicrosoftAppPassword;
  if (credentials.MicrosoftAppType) options.MicrosoftAppType = credentials.MicrosoftAppType;
  if (credentials.MicrosoftAppTenantId) options.MicrosoftAppTenantId = credentials.MicrosoftAppTenantId;
  return options;
}

export function createTeamsAdapter(credentials: TeamsCredentials, logger?: Logger): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(botFrameworkOptions(credentials)));
  // The core never throws; this catches the rest (a card that fails to render, the connector
  // refusing a reply). The user gets a short apology when the connector still answers.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger?.error(
      { err: error, activityType: context.activity.type, conversation: context.activity.conversation?.id },
      'teams turn failed',
    );
    if (context.activity.type === ActivityTypes.Invoke) return;
    try {
      await context.sendActivity('Sorry, something went wrong on my side. Please try again in a moment.');
    } catch (sendError) {
      logger?.warn({ err: sendError }, 'could not send the error message');
    }
  };
  return adapter;
}
