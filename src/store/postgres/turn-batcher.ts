/**
 * Group commit for a networked store: turns handed over while the event loop handles one batch
 * of requests are committed together when it next turns, one batch after another in call order.
 * Each promise settles only after its batch committed. If a batch fails for a reason other than
 * the store being unavailable, each turn is retried alone so one bad turn fails only itself.
 */
import { StoreUnavailableError } from '../errors.js';
import type { TurnWrite } from '../store.js';

export interface BatchedTurn {
  readonly turn: TurnWrite;
  readonly json: string | undefined;
}

interface Pending extends BatchedTurn {
  readonly resolve: (saved: boolean) => void;
  readonly reject: (error: unknown) => void;
}

// Captured at load: a test's fake timers must not hold back a commit that callers await.
const nextLoopTurn = setImmediate;

export class TurnBatcher {
  private pending: Pending[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: (batch: readonly BatchedTurn[]) => Promise<boolean[]>,
    private readonly mapError: (error: unknown) => unknown,
  ) {}

  add(turn: BatchedTurn): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.pending.push({ ...turn, resolve, reject });
      if (this.pending.length === 1) nextLoopTurn(() => this.flush());
    });
  }

  /** Commits what was handed over and waits for every batch in flight. */
  async drain(): Promise<void> {
    this.flush();
    await this.chain;
  }

  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.chain = this.chain.then(() => this.commitBatch(batch));
  }

  private async commitBatch(batch: readonly Pending[]): Promise<void> {
    try {
      const saved = await this.commit(batch);
      batch.forEach((pending, i) => pending.resolve(saved[i]!));
      return;
    } catch (error) {
      const mapped = this.mapError(error);
      if (batch.length === 1 || mapped instanceof StoreUnavailableError) {
        for (const pending of batch) pending.reject(mapped);
        return;
      }
    }
    for (const pending of batch) {
      try {
        pending.resolve((await this.commit([pending]))[0]!);
      } catch (single) {
        pending.reject(this.mapError(single));
      }
    }
  }
}
