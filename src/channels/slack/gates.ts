/**
 * The express handlers in front of Bolt's receiver on `/slack/events`: 503 until auth.test has
 * answered (Bolt cannot authorize before), and load shedding once too many listeners are still
 * running.
 */
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** 503 + Retry-After while `isReady()` is false; Slack retries events. */
export function startingGate(isReady: () => boolean): RequestHandler {
  return (_req, res, next) => {
    if (isReady()) {
      next();
      return;
    }
    res.status(503).set('Retry-After', '5').json({ error: 'starting', message: 'the Slack channel is starting; retry shortly' });
  };
}

export interface LoadGate {
  readonly handler: RequestHandler;
  /** Wraps one request's listener work, from the listener's hand-off to its end. */
  track<T>(work: () => Promise<T>): Promise<T>;
  active(): number;
}

/**
 * Bolt acks before the listener runs, so without a bound every accepted event adds work (core
 * turn, Web API calls) faster than it can finish, and the Web API queue then drops replies of
 * turns already done. Past `maxActive` listeners in progress, new requests get 503 + Retry-After
 * (Slack retries events) before any work is done.
 */
export function loadGate(maxActive: number, logger: Logger): LoadGate {
  let active = 0;
  let sheddingSince: number | undefined;
  const handler: RequestHandler = (_req, res, next) => {
    if (active < maxActive) {
      if (sheddingSince !== undefined) {
        logger.info({ shedForMs: Date.now() - sheddingSince }, 'Slack load shedding over');
        sheddingSince = undefined;
      }
      next();
      return;
    }
    if (sheddingSince === undefined) {
      sheddingSince = Date.now();
      logger.warn({ active, maxActive }, 'Slack overloaded: answering 503 until work in progress drains');
    }
    res.status(503).set('Retry-After', '5').json({ error: 'busy', message: 'too many Slack requests in progress; retry shortly' });
  };
  return {
    handler,
    async track(work) {
      active += 1;
      try {
        return await work();
      } finally {
        active -= 1;
      }
    },
    active: () => active,
  };
}
