/**
 * A bound on outgoing Slack calls: at most `maxConcurrent` run, at most `maxQueued` wait, and a
 * call beyond that is refused at once (and logged) instead of queued. Bolt and the WebClient
 * would queue without bound; with this in front, memory stays flat when Slack is slow.
 */
import type { Logger } from 'pino';

export class SlackQueueFullError extends Error {
  constructor(readonly label: string) {
    super(`Slack call queue is full; ${label} was not sent`);
    this.name = 'SlackQueueFullError';
  }
}

export interface LimiterStats {
  readonly running: number;
  readonly queued: number;
  readonly refused: number;
}

export interface CallLimiter {
  run<T>(label: string, task: () => Promise<T>): Promise<T>;
  stats(): LimiterStats;
}

export function createCallLimiter(options: { maxConcurrent: number; maxQueued: number; logger?: Logger }): CallLimiter {
  const { maxConcurrent, maxQueued, logger } = options;
  let running = 0;
  let refused = 0;
  let fullSince: number | undefined;
  const waiting: (() => void)[] = [];

  const release = (): void => {
    running -= 1;
    const next = waiting.shift();
    if (next) next();
    if (fullSince !== undefined && waiting.length < maxQueued) {
      logger?.info({ refusedWhileFull: refused, fullForMs: Date.now() - fullSince }, 'Slack call queue has room again');
      fullSince = undefined;
    }
  };

  return {
    async run<T>(label: string, task: () => Promise<T>): Promise<T> {
      if (running >= maxConcurrent) {
        if (waiting.length >= maxQueued) {
          refused += 1;
          if (fullSince === undefined) {
            fullSince = Date.now();
            logger?.warn({ running, queued: waiting.length, maxConcurrent, maxQueued, call: label }, 'Slack call queue full: refusing calls until it drains');
          } else {
            logger?.debug({ call: label }, 'Slack call refused: queue full');
          }
          throw new SlackQueueFullError(label);
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      running += 1;
      try {
        return await task();
      } finally {
        release();
      }
    },
    stats: () => ({ running, queued: waiting.length, refused }),
  };
}
