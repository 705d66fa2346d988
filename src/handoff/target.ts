/** Somewhere a new case is announced (the support desk's channels, the handoff webhook). */
import type { SupportCase } from '../store/index.js';

export type DeliveryOutcome =
  | { readonly delivered: true }
  /** Worth another attempt later (a network error, a 5xx, a channel that did not answer). */
  | { readonly retry: string }
  /** Final: the receiver refused it; repeating sends the same bytes. */
  | { readonly fail: string };

export interface AnnouncementTarget {
  /** The outbox row's target: stable, stored with every case. */
  readonly name: string;
  /** One attempt; the outbox decides about the next. Should not throw (a throw counts as retry). */
  deliver(c: SupportCase): Promise<DeliveryOutcome>;
}
