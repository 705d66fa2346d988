/**
 * Who you are on the local chat page. There is no sign-in: `?as=admin` (the default) chats as
 * `local-admin`, `?as=user` as `local-user`, both in tenant `local` (so nothing mixes with a real
 * tenant's cases); `/support` is `local-engineer`.
 *
 * The core's rule is that without ADMIN_USERS a bot without credentials treats everyone as an
 * admin, which would make the non-admin identity useless. So the local chat tells the one core
 * who is an admin the way Slack does for its workspace admins (`TurnUser.channelAdmin`):
 * `local-admin` always is, `local-user` only when ADMIN_USERS lists it or is `*`.
 */
import { decideAdmin } from '../../conversation/admin-policy.js';
import type { CoreConfig } from '../../conversation/config.js';

export const LOCAL_TENANT = 'local';
export const LOCAL_CHANNEL = 'webchat';

export interface LocalIdentity {
  readonly as: 'admin' | 'user' | 'engineer';
  readonly id: string;
  readonly name: string;
}

export const LOCAL_IDENTITIES: Readonly<Record<LocalIdentity['as'], LocalIdentity>> = {
  admin: { as: 'admin', id: 'local-admin', name: 'Local Admin' },
  user: { as: 'user', id: 'local-user', name: 'Local User' },
  /** The `/support` page: the local support channel (see desk.ts). */
  engineer: { as: 'engineer', id: 'local-engineer', name: 'Local Engineer' },
};

/** `?as=` → identity; "user" and "engineer" name theirs, anything else is the admin (the default). */
export function identityFor(as: unknown): LocalIdentity {
  return as === 'user' ? LOCAL_IDENTITIES.user : as === 'engineer' ? LOCAL_IDENTITIES.engineer : LOCAL_IDENTITIES.admin;
}

/** Whether the page shows this identity as an admin: the core decides the same way (see inbound.ts `localCore`). */
export function isLocalAdmin(identity: LocalIdentity, config: Pick<CoreConfig, 'adminUsers' | 'credentialsConfigured'>): boolean {
  return decideAdmin({ id: identity.id, name: identity.name, channelAdmin: identity.as === 'admin' }, config).admin;
}

/** The bot as the local pages see it (the sender of every reply). */
export const LOCAL_BOT = { id: 'support-triage-bot', name: 'Support Triage Bot', role: 'bot' } as const;
