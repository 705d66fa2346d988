/**
 * Which service health "service" names (Graph `serviceHealthIssue.service`) cover each support
 * area, so an open incident can be matched to a triaged category.
 *
 * Where the names come from: Graph documents `service` as a free string and says to read the
 * exact names from `GET /admin/serviceAnnouncement/healthOverviews` (serviceHealth resource,
 * v1.0). Its documented example answers "Exchange Online", "Identity Service" and "Microsoft 365
 * suite" (serviceannouncement-list-healthoverviews, microsoft-graph-docs-contrib); the other names
 * are those the same API gives for the remaining services, as PnP PowerShell's
 * Get-PnPServiceCurrentHealth lists them ("SharePoint Online", "OneDrive for Business",
 * "Microsoft Teams", "Skype for Business", "Microsoft 365 Apps", "Office for the web"). There is
 * no "Microsoft Entra" or "Microsoft 365 admin center" service: identity issues are posted under
 * "Identity Service", tenant-wide ones under "Microsoft 365 suite". Names are compared without
 * regard to case.
 */
import type { CategoryId } from '../domain/taxonomy.js';

const SUITE = 'Microsoft 365 suite';

const SERVICES_BY_AREA: Readonly<Record<string, readonly string[]>> = {
  exchange: ['Exchange Online', SUITE],
  sharepoint: ['SharePoint Online', 'OneDrive for Business', SUITE],
  skype: ['Microsoft Teams', 'Skype for Business', SUITE],
  office: ['Microsoft 365 Apps', 'Office for the web', SUITE],
  identity: ['Identity Service', SUITE],
  tenant: [SUITE],
};

/** The service names an incident must carry to matter for `category`, the area's own first; empty: none does. */
export function servicesFor(category: CategoryId): readonly string[] {
  return SERVICES_BY_AREA[category.split('.')[0] ?? ''] ?? [];
}

/** Whether an issue's `service` is one of `services` (Graph's casing is not promised). */
export function serviceMatches(service: unknown, services: readonly string[]): boolean {
  const name = String(service ?? '').trim().toLowerCase();
  return services.some((s) => s.toLowerCase() === name);
}

/** The admin center's service health page, where the admin reads the incident's updates. */
export const SERVICE_HEALTH_URL = 'https://admin.microsoft.com/Adminportal/Home#/servicehealth';
