/**
 * Which service health "service" names (Graph `serviceHealthIssue.service`) cover each support
 * area, so an open incident can be matched to a triaged category.
 */
import type { CategoryId } from '../domain/taxonomy.js';

const SERVICES_BY_AREA: Readonly<Record<string, readonly string[]>> = {
  exchange: ['Exchange Online', 'Microsoft 365 suite'],
  sharepoint: ['SharePoint Online', 'OneDrive for Business', 'Microsoft 365 suite'],
  skype: ['Microsoft Teams', 'Skype for Business', 'Microsoft 365 suite'],
  office: ['Microsoft 365 Apps', 'Microsoft 365 suite'],
  identity: ['Microsoft Entra', 'Identity Service', 'Microsoft 365 suite'],
  tenant: ['Microsoft 365 suite', 'Microsoft 365 admin center'],
};

/** The service names an incident must carry to matter for `category`; empty: none does. */
export function servicesFor(category: CategoryId): readonly string[] {
  return SERVICES_BY_AREA[category.split('.')[0] ?? ''] ?? [];
}

/** The admin center's service health page, where the admin reads the incident's updates. */
export const SERVICE_HEALTH_URL = 'https://admin.microsoft.com/Adminportal/Home#/servicehealth';
