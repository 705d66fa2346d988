/**
 * One JSON POST, sorted the way every service we call is retried (see retry.ts): unreachable,
 * throttled (429, after its Retry-After) and 5xx are worth another attempt; any other answer is
 * for the caller to read (`answer`). `failure` builds the caller's own error type, so its logs
 * keep their codes.
 */
import { request, type Dispatcher } from 'undici';
import { retryAfterMs, type Attempt } from './retry.js';

export interface PostAnswer {
  readonly statusCode: number;
  readonly text: string;
}

/** Why an attempt failed: a network error (its code) or an HTTP status (with the body). */
export type PostFailure = { readonly code?: string; readonly message: string } | { readonly statusCode: number; readonly text: string };

export async function postAttempt<T>(
  dispatcher: Dispatcher,
  url: string,
  headers: Record<string, string>,
  body: string,
  answer: (reply: PostAnswer) => Attempt<T>,
  failure: (reason: PostFailure) => Error,
): Promise<Attempt<T>> {
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, { method: 'POST', headers, body, dispatcher });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { retry: failure({ ...(typeof code === 'string' ? { code } : {}), message: (error as Error).message }) };
  }
  const { statusCode } = response;
  const text = await response.body.text().catch(() => '');
  if (statusCode === 429) return { retry: failure({ statusCode, text }), afterMs: retryAfterMs(response.headers['retry-after']) };
  if (statusCode >= 500) return { retry: failure({ statusCode, text }) };
  return answer({ statusCode, text });
}
