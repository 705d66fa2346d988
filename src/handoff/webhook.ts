/**
 * Hands each new case to people: POSTs the case as JSON to a webhook, signed with HMAC-SHA256 of
 * the raw body (`X-Signature-256: sha256=<hex>`, as GitHub signs its webhooks). One attempt per
 * call: the outbox (`outbox-relay.ts`) retries network errors and 5xx answers with backoff and
 * never repeats a 4xx (the receiver rejected the payload; retrying sends the same bytes).
 * `X-Delivery-Id` is the same on every attempt for a case, so a receiver can drop a repeat (a
 * process that died after the POST but before recording it delivers once more).
 */
import { createHash, createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { SupportCase } from '../store/index.js';
import type { AnnouncementTarget, DeliveryOutcome } from './target.js';

export const SIGNATURE_HEADER = 'X-Signature-256';
export const DELIVERY_ID_HEADER = 'X-Delivery-Id';
export const WEBHOOK_TARGET = 'webhook';

export interface WebhookTargetOptions {
  readonly url: string;
  /** HANDOFF_WEBHOOK_SECRET. */
  readonly secret: string;
  readonly fetch?: typeof globalThis.fetch;
  readonly logger: Logger;
  /** Per attempt; 10 s by default. */
  readonly timeoutMs?: number;
}

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The JSON the receiver gets: the case with dates as ISO strings. */
export function handoffPayload(c: SupportCase): string {
  return JSON.stringify({ event: 'case.created', case: c });
}

/** Stable per case and event; a hash, so any tenant id fits in a header. */
export function deliveryId(c: Pick<SupportCase, 'tenantId' | 'number'>): string {
  return createHash('sha256').update(`case.created\0${c.tenantId}\0${c.number}`).digest('hex').slice(0, 32);
}

export function createWebhookTarget(options: WebhookTargetOptions): AnnouncementTarget {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const log = options.logger;
  return {
    name: WEBHOOK_TARGET,
    async deliver(c: SupportCase): Promise<DeliveryOutcome> {
      const body = handoffPayload(c);
      try {
        const response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(body, options.secret), [DELIVERY_ID_HEADER]: deliveryId(c) },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
        if (response.ok) {
          log.info({ case: c.number, status: response.status }, 'case handed off');
          return { delivered: true };
        }
        const detail = `the webhook answered ${response.status}`;
        return response.status >= 500 || response.status === 429 ? { retry: detail } : { fail: detail };
      } catch (error) {
        return { retry: `the webhook could not be reached: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}
