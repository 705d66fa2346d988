/**
 * Hands each new case to people: POSTs the case as JSON to a webhook, signed with HMAC-SHA256 of
 * the raw body (`X-Signature-256: sha256=<hex>`, as GitHub signs its webhooks). Fire and forget:
 * the caller never waits; network errors and 5xx answers are retried with exponential backoff,
 * 4xx answers are not (the receiver rejected the payload; retrying sends the same bytes).
 */
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { SupportCase } from '../store/index.js';

export const SIGNATURE_HEADER = 'X-Signature-256';

export interface WebhookHandoffOptions {
  readonly url: string;
  /** HANDOFF_WEBHOOK_SECRET. */
  readonly secret: string;
  readonly fetch?: typeof globalThis.fetch;
  readonly logger: Logger;
  /** attempts: total tries including the first; baseDelayMs doubles after each failure. */
  readonly retry: { readonly attempts: number; readonly baseDelayMs: number };
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Hands a case off in the background; `settled()` resolves once every delivery started so far has ended. */
export type WebhookHandoff = ((c: SupportCase) => void) & { settled(): Promise<void> };

export function createWebhookHandoff(options: WebhookHandoffOptions): WebhookHandoff {
  const doFetch = options.fetch ?? globalThis.fetch;
  const attempts = Math.max(1, Math.floor(options.retry.attempts));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const log = options.logger;

  async function deliver(c: SupportCase): Promise<void> {
    const body = handoffPayload(c);
    const signature = signBody(body, options.secret);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let retryable: boolean;
      let detail: Record<string, unknown>;
      try {
        const response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signature },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) {
          log.info({ case: c.number, attempt, status: response.status }, 'case handed off');
          return;
        }
        retryable = response.status >= 500;
        detail = { status: response.status };
      } catch (error) {
        retryable = true;
        detail = { err: error };
      }
      const last = attempt === attempts || !retryable;
      log[last ? 'error' : 'warn']({ case: c.number, attempt, ...detail }, last ? 'case handoff failed' : 'case handoff attempt failed, retrying');
      if (last) return;
      await sleep(options.retry.baseDelayMs * 2 ** (attempt - 1));
    }
  }

  // A short-lived process (the terminal chat) waits for these before it exits.
  const inFlight = new Set<Promise<void>>();
  const handoff = (c: SupportCase): void => {
    log.info({ case: c.number, tenant: c.tenantId, severity: c.severity, category: c.category }, 'case to hand off');
    const delivery = deliver(c).catch((error: unknown) => log.error({ err: error, case: c.number }, 'case handoff crashed'));
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  };
  return Object.assign(handoff, { settled: async () => void (await Promise.all([...inFlight])) });
}
