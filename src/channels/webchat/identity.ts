/**
 * Who you are on the local chat page. There is no sign-in: `?as=admin` (the default) chats as
 * `local-admin`, `?as=user` as `local-user`, both in tenant `local` (so nothing mixes with a real
 * tenant's cases).
 *
 * The core's rule is that without ADMIN_USERS a bot without credentials treats everyone as an
 * admin, which would make the non-admin identity useless. So the local chat runs its own core
 * instance whose admin list is ADMIN_USERS plus `local-admin` (or just `local-admin` when
 * ADMIN_USERS is unset): `local-admin` is always an admin here, `local-user` only when
 * ADMIN_USERS lists it or is `*`. Teams and Slack keep the configured rule unchanged.
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
  /** The `/support` page: the local support channel (see src/support-desk/local.ts). */
  engineer: { as: 'engineer', id: 'local-engineer', name: 'Local Engineer' },
};

/** `?as=` → identity; "user" and "engineer" name theirs, anything else is the admin (the default). */
export function identityFor(as: unknown): LocalIdentity {
  return as === 'user' ? LOCAL_IDENTITIES.user : as === 'engineer' ? LOCAL_IDENTITIES.engineer : LOCAL_IDENTITIES.admin;
}

/** The core settings of the local chat: ADMIN_USERS plus local-admin (see the module comment). */
export function localCoreConfig(config: CoreConfig): CoreConfig {
  const admins = config.adminUsers;
  const adminUsers: CoreConfig['adminUsers'] =
    admins === '*' ? '*' : [...(admins ?? []).filter((id) => id !== LOCAL_IDENTITIES.admin.id), LOCAL_IDENTITIES.admin.id];
  // Every page is `local-admin`: each conversation gets its own turn budget, so strangers'
  // conversations cannot spend the real admin's.
  return { ...config, adminUsers, turnLimitPer: 'conversation' };
}

export function isLocalAdmin(identity: LocalIdentity, config: CoreConfig): boolean {
  return decideAdmin({ id: identity.id, name: identity.name }, config).admin;
}
