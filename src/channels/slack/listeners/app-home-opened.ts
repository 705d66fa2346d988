/** The App Home tab opened: it lists the admin's cases. */
import type { App } from '@slack/bolt';
import type { SlackDispatcher } from '../dispatch.js';
import { fromHomeOpened } from '../inbound.js';

export function registerAppHomeOpened(app: App, { dispatch }: SlackDispatcher): void {
  app.event('app_home_opened', async (args) => {
    await dispatch(fromHomeOpened(args));
  });
}
