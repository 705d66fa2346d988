/** The Slack interactions the bot listens to: one Bolt listener per interaction, each in its own file, registered here. */
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackDispatcher } from '../dispatch.js';
import type { SlackExchange } from '../exchange.js';
import { registerAppHomeOpened } from './app-home-opened.js';
import { registerAppMention } from './app-mention.js';
import { registerBlockActions } from './block-actions.js';
import { registerCaseFormSubmission } from './case-form-submission.js';
import { registerMessage } from './message.js';
import { registerSupportCommand } from './support-command.js';

export function registerListeners(app: App, dispatcher: SlackDispatcher, exchange: Pick<SlackExchange, 'submitCaseForm'>, logger: Logger): void {
  registerMessage(app, dispatcher);
  registerAppMention(app, dispatcher);
  registerAppHomeOpened(app, dispatcher);
  registerSupportCommand(app, dispatcher);
  registerBlockActions(app, dispatcher);
  registerCaseFormSubmission(app, exchange, logger);
}
