/**
 * Delivers the outbox: the announcements of new cases that `createCase` wrote in the same
 * transaction as the case (one row per case and target). Each pass claims the due rows with a
 * lease (atomically: two instances never hold the same row), delivers them, and records the
 * outcome with that lease: delivered, retry later (with the backoff of `src/http/retry.ts`), or
 * given up. It runs when a case is created (`kick`), at start and every `pollIntervalMs`, so
 * rows left by a process that died are delivered once their lease has expired.
 *
 * Exactly once per case and target, as long as a delivery finishes within its lease; a process
 * killed between a delivery and its record delivers that one again (the webhook carries a
 * stable `X-Delivery-Id`, and the desk's cards update in place, for that case).
 */
import type { Logger } from 'pino';
import { backoffMs, type RetryConfig } from '../http/retry.js';
import type { CaseStore, OutboxItem, OutboxOutcome } from '../store/index.js';
import type { AnnouncementTarget, DeliveryOutcome } from './target.js';

/** Up to ~10 minutes of retries: 1, 2, 4 … s (randomized), at most 5 minutes apart. */
export const OUTBOX_RETRY: RetryConfig = { retries: 8, factor: 2, minTimeout: 1_000, maxTimeout: 300_000, randomize: true };

export interface OutboxRelayOptions {
  readonly store: CaseStore;
  readonly targets: readonly AnnouncementTarget[];
  readonly logger: Logger;
  readonly retry?: RetryConfig;
  /** Longer than the slowest delivery (the desk's channels retry on their own); 60 s by default. */
  readonly leaseMs?: number;
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  readonly now?: () => Date;
}

export class OutboxRelay {
  private readonly targets: ReadonlyMap<string, AnnouncementTarget>;
  private readonly retry: RetryConfig;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.targets = new Map(options.targets.map((t) => [t.name, t]));
    this.retry = options.retry ?? OUTBOX_RETRY;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 20;
    this.now = options.now ?? (() => new Date());
  }

  /** The target names `createCase` must write rows for (the store's `outboxTargets`). */
  get targetNames(): string[] {
    return [...this.targets.keys()];
  }

  /** Replays what is due now, then keeps polling. */
  start(): void {
    this.stopped = false;
    this.kick();
    const interval = this.options.pollIntervalMs ?? 5_000;
    this.timer = setInterval(() => this.kick(), interval);
    this.timer.unref();
  }

  /** A pass soon (a case was just created); never throws. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainLoop().finally(() => {
      this.running = undefined;
    });
  }

  /** Stops polling and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Waits for the pass in flight, then delivers what is still due: for a process about to exit. */
  async flush(): Promise<number> {
    await this.running;
    return this.drain();
  }

  /** Claims and delivers until nothing is due; returns how many rows were delivered. */
  async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const items = await this.options.store.claimOutbox({ leaseMs: this.leaseMs, limit: this.batchSize });
      if (items.length === 0) return delivered;
      const outcomes = await Promise.all(items.map((item) => this.deliverOne(item)));
      delivered += outcomes.filter(Boolean).length;
      if (this.stopped) return delivered;
    }
  }

  private async drainLoop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.drain();
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox pass failed; retrying on the next poll');
        return;
      }
    } while (this.again && !this.stopped);
  }

  /** true when delivered. */
  private async deliverOne(item: OutboxItem): Promise<boolean> {
    const log = this.options.logger.child({ case: item.number, target: item.target, attempt: item.attempts });
    const outcome = await this.attempt(item);
    const settled = this.toSettlement(item, outcome);
    const kept = await this.options.store.settleOutbox(item, settled);
    if (!kept) log.warn('outbox lease expired before the delivery was recorded; another pass may deliver it again');
    if ('delivered' in settled) log.info('case announced');
    else if ('retryAt' in settled) log.warn({ reason: settled.error, retryAt: settled.retryAt }, 'case announcement failed; will retry');
    else log.error({ reason: settled.failed }, 'case announcement given up');
    return 'delivered' in settled;
  }

  private async attempt(item: OutboxItem): Promise<DeliveryOutcome> {
    const target = this.targets.get(item.target);
    if (!target) return { fail: `target "${item.target}" is not configured on this instance` };
    try {
      const c = await this.options.store.getCase(item.tenantId, item.number);
      if (!c) return { fail: 'the case no longer exists' };
      return await target.deliver(c);
    } catch (error) {
      return { retry: error instanceof Error ? error.message : String(error) };
    }
  }

  private toSettlement(item: OutboxItem, outcome: DeliveryOutcome): OutboxOutcome {
    if ('delivered' in outcome) return { delivered: true };
    if ('fail' in outcome) return { failed: outcome.fail };
    if (item.attempts > this.retry.retries) return { failed: `gave up after ${item.attempts} attempts: ${outcome.retry}` };
    return { retryAt: new Date(this.now().getTime() + backoffMs(this.retry, item.attempts)), error: outcome.retry };
  }
}
