/**
 * Who may open, list, view, close and reopen cases. ADMIN_USERS, when set, decides in every mode;
 * unset, a bot without channel credentials (local development, emulator) treats everyone as an
 * admin and a bot with credentials treats nobody as one, until ADMIN_USERS is configured.
 * A channel that knows who its admins are (Slack: workspace admins and owners) decides for
 * itself: its admins, plus anyone in ADMIN_USERS, and nobody else, whatever the mode.
 */
import type { CoreConfig } from './config.js';
import type { TurnUser } from './types.js';

export type AdminDecision =
  | { readonly admin: true }
  | { readonly admin: false; readonly reason: 'not-listed' | 'not-configured' | 'no-role' | 'directory-unavailable' };

/** ADMIN_USERS names this user (by id or e-mail), or is `*`. */
export function listedAdmin(user: TurnUser, config: Pick<CoreConfig, 'adminUsers'>): boolean {
  const list = config.adminUsers;
  if (list === '*') return true;
  if (list === undefined || list.length === 0) return false;
  const wanted = new Set(list.map((entry) => entry.trim().toLowerCase()));
  return [user.id, user.email, user.verifiedEmail].some((id) => typeof id === 'string' && id.length > 0 && wanted.has(id.toLowerCase()));
}

export function decideAdmin(user: TurnUser, config: Pick<CoreConfig, 'adminUsers' | 'credentialsConfigured'>): AdminDecision {
  if (user.channelAdmin === true) return { admin: true };
  const list = config.adminUsers;
  if (list === '*') return { admin: true };
  if (list !== undefined && list.length > 0) {
    const wanted = new Set(list.map((entry) => entry.trim().toLowerCase()));
    const ids = [user.id, user.email].filter((v): v is string => typeof v === 'string' && v.length > 0);
    return ids.some((id) => wanted.has(id.toLowerCase())) ? { admin: true } : { admin: false, reason: 'not-listed' };
  }
  if (user.channelAdmin === false) return { admin: false, reason: 'not-listed' };
  return config.credentialsConfigured ? { admin: false, reason: 'not-configured' } : { admin: true };
}
