/**
 * Slack's replay window in both directions. Bolt's receiver refuses a request stamped more than
 * five minutes in the past, but accepts any timestamp in the future (its check is one-sided), so a
 * captured signed request stamped ahead could be replayed until that time comes. This guard runs
 * before Bolt on `/slack/events` and answers 401 when `X-Slack-Request-Timestamp` is missing, not
 * a whole number of seconds, or more than `maxSkewSeconds` away from now either way; Bolt still
 * checks the signature (which covers the timestamp) of everything that passes.
 */
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** Slack's documented window: five minutes. */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

/** Why the timestamp header is refused, or undefined when it is within the window. */
export function timestampProblem(header: unknown, nowMs: number, maxSkewSeconds = MAX_REQUEST_SKEW_SECONDS): string | undefined {
  if (typeof header !== 'string' || !/^\d{1,12}$/.test(header)) return 'X-Slack-Request-Timestamp must be whole seconds';
  const skew = Number(header) - Math.floor(nowMs / 1000);
  if (skew > maxSkewSeconds) return 'X-Slack-Request-Timestamp is in the future';
  if (skew < -maxSkewSeconds) return 'X-Slack-Request-Timestamp is too old';
  return undefined;
}

export function slackRequestClock(logger: Logger, now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const problem = timestampProblem(req.headers['x-slack-request-timestamp'], now());
    if (!problem) {
      next();
      return;
    }
    logger.warn({ reason: problem }, 'Slack request refused: timestamp outside the five-minute window');
    res.status(401).json({ error: 'invalid_timestamp', message: problem });
  };
}
