/**
 * Checks a request's Bot Framework token before the adapter runs the turn, so the server can tell
 * "not allowed" (401) from "cannot check now" (503: the OpenID metadata or its keys did not
 * load) and log either as one line. The adapter checks the token again when it processes the
 * activity; the signing keys are cached by then, so the second check costs one signature
 * verification.
 */
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** A fixed set, so a caller cannot make up new reasons (each is logged at most once per window). */
export type AuthFailure = 'missing token' | 'invalid token' | 'token could not be checked (OpenID metadata unreachable)';

export type AuthCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 503; readonly reason: AuthFailure; readonly detail?: string };

export type RequestAuthenticator = (activity: Partial<Activity>, authHeader: string) => Promise<AuthCheck>;

/** A failure to reach or read the metadata: a network error, or botbuilder's 5xx AuthenticationError. */
function cannotCheck(error: unknown): boolean {
  if (error instanceof AuthenticationError) return error.statusCode >= 500;
  const e = error as { name?: unknown; type?: unknown; code?: unknown };
  return e?.name === 'FetchError' || e?.type === 'system' || typeof e?.code === 'string';
}

export function createRequestAuthenticator(auth: BotFrameworkAuthentication): RequestAuthenticator {
  return async (activity, authHeader) => {
    if (authHeader.trim() === '') return { ok: false, status: 401, reason: 'missing token' };
    try {
      // Only the token is checked here: the activity's shape was checked before (request-check.ts).
      await auth.authenticateRequest(activity as Activity, authHeader);
      return { ok: true };
    } catch (error) {
      if (cannotCheck(error)) return { ok: false, status: 503, reason: 'token could not be checked (OpenID metadata unreachable)' };
      const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : undefined;
      return { ok: false, status: 401, reason: 'invalid token', ...(detail ? { detail } : {}) };
    }
  };
}
