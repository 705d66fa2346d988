/**
 * Every button and menu, the support desk's included: one listener, so each click is acked once,
 * then routed by `fromBlockAction`.
 */
import type { App } from '@slack/bolt';
import type { SlackDispatcher } from '../dispatch.js';
import { fromBlockAction } from '../inbound.js';

export function registerBlockActions(app: App, { dispatch }: SlackDispatcher): void {
  app.action({ type: 'block_actions' }, async ({ ack, body }) => {
    await ack();
    await dispatch(fromBlockAction(body));
  });
}
