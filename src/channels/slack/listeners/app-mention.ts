/** An @mention of the bot in a channel. */
import type { App } from '@slack/bolt';
import type { SlackDispatcher } from '../dispatch.js';
import { fromMention } from '../inbound.js';

export function registerAppMention(app: App, { dispatch }: SlackDispatcher): void {
  app.event('app_mention', async (args) => {
    await dispatch(fromMention(args));
  });
}
