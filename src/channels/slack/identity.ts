/**
 * Who is talking: the tenant (the workspace, or the Enterprise Grid organisation) and the user
 * from users.info (name, email, time zone, locale, and whether Slack says they are an admin or
 * owner), cached for a few minutes per user.
 */
import type { TurnUser } from '../../conversation/types.js';
import type { SlackApi } from './api.js';
import { LRUCache } from 'lru-cache';

export const USER_CACHE_MS = 5 * 60 * 1000;
/** A failed users.info is retried sooner than a good answer expires. */
const FAILED_LOOKUP_CACHE_MS = 30 * 1000;

/** tenant = enterprise id on Enterprise Grid, else the team (workspace) id. */
export function tenantOf(ids: { enterpriseId?: string | null | undefined; teamId?: string | null | undefined }): string {
  if (ids.enterpriseId) return ids.enterpriseId;
  if (ids.teamId) return ids.teamId;
  return 'slack-unknown-team';
}

interface SlackUserInfo {
  readonly id?: string;
  readonly name?: string;
  readonly real_name?: string;
  readonly tz?: string;
  readonly locale?: string;
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
  readonly is_primary_owner?: boolean;
  readonly is_email_confirmed?: boolean;
  readonly profile?: { readonly real_name?: string; readonly display_name?: string; readonly email?: string };
}

export interface IdentityResolver {
  user(userId: string): Promise<TurnUser>;
}

export function createIdentityResolver(deps: {
  api: SlackApi;
  /** Slack user ids or emails treated as admins besides workspace admins/owners; '*' for everyone. */
  adminUsers?: readonly string[] | '*' | undefined;
  cacheMs?: number;
  now?: () => number;
}): IdentityResolver {
  const ttl = deps.cacheMs ?? USER_CACHE_MS;
  const clock = deps.now ? { perf: { now: deps.now }, ttlResolution: 0 } : {};
  const good = new LRUCache<string, TurnUser>({ max: 5_000, ttl, ...clock });
  const failed = new LRUCache<string, TurnUser>({ max: 5_000, ttl: Math.min(ttl, FAILED_LOOKUP_CACHE_MS), ...clock });
  const inflight = new Map<string, Promise<TurnUser>>();
  const listed = new Set((deps.adminUsers === '*' ? [] : (deps.adminUsers ?? [])).map((a) => a.trim().toLowerCase()));

  const isListed = (id: string, email: string | undefined): boolean =>
    deps.adminUsers === '*' || listed.has(id.toLowerCase()) || (email !== undefined && listed.has(email.toLowerCase()));

  const lookup = async (userId: string): Promise<TurnUser> => {
    const answer = await deps.api.call('users.info', { user: userId, include_locale: true });
    const info = answer?.ok ? (answer.user as SlackUserInfo | undefined) : undefined;
    if (!info) {
      const fallback: TurnUser = { id: userId, name: userId, channelAdmin: isListed(userId, undefined) };
      failed.set(userId, fallback);
      return fallback;
    }
    const email = info.profile?.email || undefined;
    const user: TurnUser = {
      id: userId,
      name: info.real_name || info.profile?.real_name || info.profile?.display_name || info.name || userId,
      ...(email ? { email } : {}),
      // Only an address Slack says the user confirmed may stand for them in Microsoft Graph.
      ...(email && info.is_email_confirmed === true ? { verifiedEmail: email } : {}),
      ...(info.tz ? { timeZone: info.tz } : {}),
      ...(info.locale ? { locale: info.locale } : {}),
      channelAdmin: info.is_admin === true || info.is_owner === true || info.is_primary_owner === true || isListed(userId, email),
    };
    good.set(userId, user);
    return user;
  };

  return {
    async user(userId) {
      const cached = good.get(userId) ?? failed.get(userId);
      if (cached) return cached;
      let pending = inflight.get(userId);
      if (!pending) {
        pending = lookup(userId).finally(() => inflight.delete(userId));
        inflight.set(userId, pending);
      }
      return pending;
    },
  };
}
