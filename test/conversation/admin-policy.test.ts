import { describe, expect, it } from 'vitest';
import { decideAdmin } from '../../src/conversation/admin-policy.js';

const user = (extra: object = {}) => ({ id: 'U1', name: 'Ana', ...extra });

describe('who may open cases', () => {
  it('local mode without ADMIN_USERS: everyone', () => {
    expect(decideAdmin(user(), { credentialsConfigured: false }).admin).toBe(true);
  });

  it('with credentials and no ADMIN_USERS: nobody, and the reason says it is not configured', () => {
    expect(decideAdmin(user(), { credentialsConfigured: true })).toEqual({ admin: false, reason: 'not-configured' });
  });

  it('ADMIN_USERS decides in every mode, by id or email, case-insensitively', () => {
    expect(decideAdmin(user({ email: 'Ana@Contoso.com' }), { credentialsConfigured: false, adminUsers: ['ana@contoso.com'] }).admin).toBe(true);
    expect(decideAdmin(user(), { credentialsConfigured: false, adminUsers: ['someone-else'] }).admin).toBe(false);
  });

  it('a channel that knows its admins decides: its non-admins are refused even in local mode', () => {
    expect(decideAdmin(user({ channelAdmin: false }), { credentialsConfigured: false }).admin).toBe(false);
    expect(decideAdmin(user({ channelAdmin: true }), { credentialsConfigured: true }).admin).toBe(true);
  });
});
