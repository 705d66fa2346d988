/**
 * Directory roles that make someone an Office 365 administrator for this bot: roles that
 * administer a service the support categories cover, or support and billing themselves. Keyed by
 * role template id (the same in every tenant; Microsoft Entra built-in roles reference).
 * Readers (Global Reader, Directory Readers) and security-only or app roles are left out: they
 * cannot act on what a case would change.
 */
export const ADMIN_ROLE_TEMPLATES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  '29232cdf-9323-42fd-ade2-1d097af3e4de': 'Exchange Administrator',
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c': 'SharePoint Administrator',
  '69091246-20e8-4a56-aa4d-066075b2a7a8': 'Teams Administrator',
  'baf37b3a-610e-45da-9e62-d9d1e5e8914b': 'Teams Communications Administrator',
  '75941009-915a-4869-abe7-691bff18279e': 'Skype for Business Administrator',
  'b0f54661-2d74-4c50-afa3-1ec803f12efe': 'Billing Administrator',
  '729827e3-9c14-49f7-bb1b-9608f156bbb8': 'Helpdesk Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  'f023fd81-a637-4b56-95fd-791ac0226033': 'Service Support Administrator',
  '2b745bdf-0803-4d80-aa65-822c4493daac': 'Office Apps Administrator',
  '4d6ac14f-3453-41d0-bef9-a3e0c569773a': 'License Administrator',
};

/** The accepted role among a user's role definition ids, by the order above (broadest first). */
export function adminRoleOf(roleDefinitionIds: readonly string[]): string | undefined {
  const held = new Set(roleDefinitionIds.map((id) => id.toLowerCase()));
  return Object.entries(ADMIN_ROLE_TEMPLATES).find(([id]) => held.has(id))?.[1];
}
