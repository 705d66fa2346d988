/** The `/support <problem>` slash command, acked at once and answered ephemerally. */
import type { App } from '@slack/bolt';
import type { SlackDispatcher } from '../dispatch.js';
import { fromCommand, SLACK_COMMAND } from '../inbound.js';

export function registerSupportCommand(app: App, { dispatch }: SlackDispatcher): void {
  app.command(SLACK_COMMAND, async ({ command, ack }) => {
    await ack();
    await dispatch(fromCommand(command));
  });
}
