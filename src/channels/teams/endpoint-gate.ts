/**
 * Who may talk to `POST /api/messages`, decided before the adapter sees a request:
 *
 * - `bot-framework` (MicrosoftAppId set): the request's Bot Framework token is checked first; a
 *   refusal is one warn line (rate-limited) and 401, a token that cannot be checked because the
 *   OpenID metadata is unreachable is 503 with Retry-After, never a 500 with a stack trace.
 * - `emulator` (no credentials, or EMULATOR=on): nobody is authenticated, so an activity may only
 *   name a loopback `serviceUrl` (the bot must not be made to POST anywhere else) and always lands
 *   in the emulator's own tenant, whatever tenant it claims.
 * - `off` (channel credentials without MicrosoftAppId, EMULATOR unset or off): 403, nothing runs.
 */
import type { Activity } from 'botbuilder';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { EMULATOR_TENANT } from './inbound.js';
import type { RequestAuthenticator } from './request-auth.js';

export type BotEndpoint =
  | { readonly mode: 'bot-framework'; readonly authenticate: RequestAuthenticator }
  | { readonly mode: 'emulator' }
  | { readonly mode: 'off' };

/** Seconds a caller should wait before retrying when the token could not be checked. */
const RETRY_AFTER_SECONDS = 30;
/** At most one warn line per reason per this many milliseconds; the rest are counted. */
const LOG_WINDOW_MS = 10_000;

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/** Whether a service URL points at this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The emulator's activity in its own tenant: both places Teams names a tenant are overwritten. */
export function confineToEmulatorTenant(activity: Record<string, unknown>): void {
  if (isRecord(activity.conversation)) activity.conversation.tenantId = EMULATOR_TENANT;
  const channelData = isRecord(activity.channelData) ? activity.channelData : {};
  activity.channelData = { ...channelData, tenant: { id: EMULATOR_TENANT } };
}

/** One warn line per reason (a fixed set) per window, with how many were not logged since the last one. */
export function rateLimitedWarn(logger: Logger | undefined, windowMs = LOG_WINDOW_MS): (reason: string, fields: Record<string, unknown>) => void {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (reason, fields) => {
    if (!logger) return;
    const now = Date.now();
    const seen = last.get(reason);
    if (seen && now - seen.at < windowMs) {
      seen.suppressed += 1;
      return;
    }
    last.set(reason, { at: now, suppressed: 0 });
    logger.warn({ ...fields, reason, ...(seen && seen.suppressed > 0 ? { suppressed: seen.suppressed } : {}) }, 'rejected a Bot Framework request');
  };
}

/**
 * Answers the request when it may not reach the adapter (and returns false); true to go on.
 * May rewrite the emulator's activity (its tenant) in place.
 */
export function createEndpointGate(endpoint: BotEndpoint, logger: Logger | undefined): (req: Request, res: Response) => Promise<boolean> {
  const warn = rateLimitedWarn(logger);
  return async (req, res) => {
    const activity = req.body as Record<string, unknown>;
    switch (endpoint.mode) {
      case 'off':
        warn('endpoint off', { path: req.path });
        res.status(403).json({
          error: 'bot_framework_off',
          message: 'This server does not take Bot Framework traffic: MicrosoftAppId is not set and EMULATOR is not on.',
        });
        return false;
      case 'emulator':
        if (!isLoopbackUrl(String(activity.serviceUrl))) {
          warn('serviceUrl not loopback', { serviceUrl: String(activity.serviceUrl).slice(0, 200) });
          res.status(400).json({
            error: 'service_url_not_allowed',
            message: 'Without Bot Framework credentials the bot replies only to a loopback serviceUrl (the Bot Framework Emulator on this machine).',
          });
          return false;
        }
        confineToEmulatorTenant(activity);
        return true;
      case 'bot-framework': {
        const header = req.get('authorization') ?? '';
        const check = await endpoint.authenticate(req.body as Partial<Activity>, header);
        if (check.ok) return true;
        warn(check.reason, { status: check.status, ...(check.detail ? { detail: check.detail } : {}) });
        if (check.status === 503) res.set('retry-after', String(RETRY_AFTER_SECONDS));
        res.status(check.status).json({
          error: check.status === 503 ? 'auth_unavailable' : 'unauthorized',
          message: check.status === 503 ? 'The Bot Framework token could not be checked right now; retry later.' : 'A valid Bot Framework token is required.',
        });
        return false;
      }
    }
  };
}
