/**
 * The case form modal submitted: field errors keep it open (`response_action: 'errors'`), anything
 * else closes it within Slack's 3 s and the answer is posted where the admin asked.
 */
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackExchange } from '../exchange.js';
import { fromCaseFormSubmission } from '../inbound.js';
import { CASE_FORM_CALLBACK } from '../render.js';

export function registerCaseFormSubmission(app: App, exchange: Pick<SlackExchange, 'submitCaseForm'>, logger: Logger): void {
  app.view({ callback_id: CASE_FORM_CALLBACK, type: 'view_submission' }, async ({ ack, body }) => {
    const submission = body.type === 'view_submission' ? fromCaseFormSubmission(body) : undefined;
    if (!submission) {
      logger.warn('case form submitted without valid private_metadata; closed');
      await ack();
      return;
    }
    try {
      await exchange.submitCaseForm(submission.formId, submission.turn, (answer) => ack(answer));
    } catch (error) {
      logger.error({ err: error, during: 'view_submission' }, 'Slack handling failed');
    }
  });
}
