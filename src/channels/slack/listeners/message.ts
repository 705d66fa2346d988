/** A direct message to the bot. */
import type { App } from '@slack/bolt';
import type { SlackDispatcher } from '../dispatch.js';
import { fromMessage } from '../inbound.js';

export function registerMessage(app: App, { dispatch }: SlackDispatcher): void {
  app.event('message', async (args) => {
    await dispatch(fromMessage(args));
  });
}
