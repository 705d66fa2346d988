/**
 * The retention pass, run periodically by every instance (each batch skips what another
 * instance is deleting, so running it everywhere only shares the work). A pass is bounded:
 * what it leaves is taken by the next one.
 */
import type { Logger } from 'pino';
import type { RetentionConfig } from './retention-config.js';
import type { CaseStore, RetentionPolicy, RetentionResult } from './store.js';

/** Reminder claims outlive their case's closing by this much (a case may be reopened for 14 days). */
export const CLOSED_CASE_MARGIN_MS = 30 * 24 * 60 * 60 * 1000;
const BATCH_SIZE = 500;
const MAX_BATCHES = 20;

export function retentionPolicy(config: Pick<RetentionConfig, 'conversationIdleMs'>): RetentionPolicy {
  return { conversationIdleMs: config.conversationIdleMs, closedCaseMarginMs: CLOSED_CASE_MARGIN_MS, batchSize: BATCH_SIZE, maxBatches: MAX_BATCHES };
}

export interface RetentionRunner {
  /** One pass now; never throws (a failure is logged and the next pass tries again). */
  runOnce(): Promise<RetentionResult | undefined>;
  stop(): Promise<void>;
}

export function startRetention(store: Pick<CaseStore, 'runRetention'>, config: RetentionConfig, logger: Logger): RetentionRunner {
  const policy = retentionPolicy(config);
  let running: Promise<RetentionResult | undefined> | undefined;
  const runOnce = (): Promise<RetentionResult | undefined> => {
    running ??= store
      .runRetention(policy)
      .then((result) => {
        if (Object.values(result).some((n) => n > 0)) logger.info({ deleted: result }, 'retention pass');
        return result;
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'retention pass failed; retried at the next interval');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void runOnce(), config.intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
