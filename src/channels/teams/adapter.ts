/**
 * The Bot Framework `CloudAdapter`, authenticated from the standard variables. Without
 * `MicrosoftAppId` it runs unauthenticated (Bot Framework Emulator, local tests) and posts
 * replies to the activity's `serviceUrl` with no token; with it, a request without a valid token
 * is answered 401 by the adapter itself.
 */
import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type BotFrameworkAuthentication, type ServiceClientCredentialsFactory } from 'botframework-connector';
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

/**
 * Where tokens are checked against and how replies are signed, instead of Microsoft's public
 * cloud: a private cloud, or a test's OpenID metadata and signing keys on loopback.
 */
export interface BotFrameworkEndpoints {
  /** OpenID metadata of the tokens the channel sends (`BotOpenIdMetadata` in botbuilder's settings). */
  readonly openIdMetadataUrl: string;
  /** The `iss` those tokens carry. */
  readonly tokenIssuer: string;
  /** Signs the bot's replies (default: the app password against Microsoft's login). */
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
}

/** The Bot Framework authentication of the adapter; the server also uses it to check tokens first. */
export function createBotFrameworkAuth(credentials: TeamsCredentials, endpoints?: BotFrameworkEndpoints): BotFrameworkAuthentication {
  const options = botFrameworkOptions(credentials);
  if (!endpoints) return new ConfigurationBotFrameworkAuthentication(options);
  // Naming one endpoint makes botbuilder expect all of them: the rest stay the public cloud's.
  const custom: ConfigurationBotFrameworkAuthenticationOptions = {
    ...options,
    ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: endpoints.tokenIssuer,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
  return new ConfigurationBotFrameworkAuthentication(custom, endpoints.credentialsFactory);
}

export function createTeamsAdapter(credentials: TeamsCredentials | BotFrameworkAuthentication, logger?: Logger): CloudAdapter {
  const auth = 'authenticateRequest' in credentials ? credentials : createBotFrameworkAuth(credentials);
  const adapter = new CloudAdapter(auth);
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
