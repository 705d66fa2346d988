/**
 * What the bot tells an admin when a request is outside Office 365 support (`boundary.*`) or
 * belongs to another support channel (`redirect.*`): why, in plain words (the seed's wording
 * where it has one), and where to go instead. Pure data.
 *
 * Every link is a public Microsoft address that was found in a search of stored public pages
 * while writing this file; none is built from a guessed path. Keep it that way when editing.
 */
import type { CategoryId, Localized } from './taxonomy.js';

export const BOUNDARY_CATEGORY_IDS = [
  'boundary.network',
  'boundary.third-party',
  'boundary.scripts',
  'redirect.sovereign',
  'redirect.developer',
  'redirect.volume-licensing',
] as const satisfies readonly CategoryId[];

export type BoundaryCategoryId = (typeof BOUNDARY_CATEGORY_IDS)[number];

export interface GuidanceLink {
  readonly title: Localized;
  readonly url: string;
}

export interface BoundaryGuidance {
  readonly categoryId: BoundaryCategoryId;
  /** Why Office 365 support does not handle it. */
  readonly why: Localized;
  /** Who does, and what the admin should do next. */
  readonly whereToGo: Localized;
  /** One to three public Microsoft pages. */
  readonly links: readonly GuidanceLink[];
}

const link = (en: string, zh: string, url: string): GuidanceLink => ({ title: { en, 'zh-TW': zh }, url });

export const BOUNDARY_GUIDANCE: Readonly<Record<BoundaryCategoryId, BoundaryGuidance>> = {
  'boundary.network': {
    categoryId: 'boundary.network',
    why: {
      en: 'The Office 365 technical support team troubleshoots only issues related to Office 365. Issues that originate in your own network (firewall, proxy, ISP, LAN or Wi-Fi, VPN, on-premises DNS) fall outside the Office 365 support boundaries.',
      'zh-TW': 'Office 365 技術支援小組只針對與 Office 365 相關的問題進行疑難排解。源自貴組織網路的問題（防火牆、Proxy、ISP、區域網路或 Wi-Fi、VPN、內部部署 DNS）不在 Office 365 支援範圍內。',
    },
    whereToGo: {
      en: "Work with your networking team, or engage the Microsoft Networking team for assistance. Microsoft's list of Microsoft 365 endpoints lets your network team check firewall and proxy rules.",
      'zh-TW': '請與貴組織的網路團隊合作，或洽詢 Microsoft 網路小組（Microsoft Networking team）協助。網路團隊可以對照 Microsoft 365 端點清單檢查防火牆與 Proxy 規則。',
    },
    links: [
      link(
        'Managing Microsoft 365 endpoints',
        '管理 Microsoft 365 端點',
        'https://learn.microsoft.com/en-us/microsoft-365/enterprise/managing-office-365-endpoints',
      ),
      link(
        'Microsoft 365 URLs and IP address ranges',
        'Microsoft 365 URL 與 IP 位址範圍',
        'https://learn.microsoft.com/en-us/microsoft-365/enterprise/urls-and-ip-address-ranges',
      ),
    ],
  },

  'boundary.third-party': {
    categoryId: 'boundary.third-party',
    why: {
      en: 'Technical support for Office 365 does not include troubleshooting third-party services or add-ins, such as non-Microsoft Outlook add-ins, third-party backup or CRM plug-ins.',
      'zh-TW': 'Office 365 技術支援不包含協力廠商服務或增益集的疑難排解，例如非 Microsoft 的 Outlook 增益集、協力廠商備份或 CRM 外掛程式。',
    },
    whereToGo: {
      en: 'Contact the vendor of the service or add-in. You can also find answers from other customers in the Microsoft community.',
      'zh-TW': '請聯絡該服務或增益集的廠商。您也可以在 Microsoft 社群中向其他客戶尋求解答。',
    },
    links: [
      link(
        'Microsoft Tech Community: how to ask the community',
        'Microsoft Tech Community：如何在社群提問',
        'https://techcommunity.microsoft.com/kb/gettingstarted/microsoft-tech-community-guidelines/3512930',
      ),
      link(
        'Manage add-ins in the Microsoft 365 admin center',
        '在 Microsoft 365 系統管理中心管理增益集',
        'https://learn.microsoft.com/en-us/microsoft-365/admin/manage/manage-addins-in-the-admin-center',
      ),
    ],
  },

  'boundary.scripts': {
    categoryId: 'boundary.scripts',
    why: {
      en: 'The Office 365 team does not support scripts: writing or debugging PowerShell or other scripts you wrote yourself is outside Office 365 support.',
      'zh-TW': 'Office 365 小組不支援指令碼：撰寫或偵錯您自行撰寫的 PowerShell 或其他指令碼，不在 Office 365 支援範圍內。',
    },
    whereToGo: {
      en: 'If you need assistance with scripts, contact Microsoft Support outside the Office 365 support channel. If your script only works around something broken in the admin center, report that admin-center problem as an Office 365 case instead.',
      'zh-TW': '若需要指令碼方面的協助，請透過 Office 365 支援以外的管道聯絡 Microsoft 支援服務。若指令碼只是為了繞過系統管理中心裡故障的功能，請改為就該系統管理中心的問題提出 Office 365 案件。',
    },
    links: [
      link('Get support for Microsoft 365 for business', '取得 Microsoft 365 商務版支援', 'https://learn.microsoft.com/en-us/microsoft-365/admin/get-help-support'),
      link('Exchange Online PowerShell', 'Exchange Online PowerShell', 'https://learn.microsoft.com/en-us/powershell/exchange/exchange-online-powershell'),
    ],
  },

  'redirect.sovereign': {
    categoryId: 'redirect.sovereign',
    why: {
      en: 'This support is for the worldwide version of Office 365. Office 365 operated by 21Vianet in China and Office 365 Germany have their own technical, billing and subscription support.',
      'zh-TW': '這裡的支援適用於全球版 Office 365。由世紀互聯營運的 Office 365（中國）與 Office 365 德國版有各自的技術、帳單與訂閱支援。',
    },
    whereToGo: {
      en: 'For a tenant operated by 21Vianet, open a request in the admin center of Office 365 operated by 21Vianet or contact 21Vianet support. For Office 365 Germany (Microsoft Cloud Deutschland), use Office 365 Germany support; a Germany tenant that has already moved to the new German datacenter regions is a worldwide tenant, and normal Office 365 support applies.',
      'zh-TW': '由世紀互聯營運的租用戶，請在世紀互聯營運的 Office 365 系統管理中心提出要求，或連絡世紀互聯支援。Office 365 德國版（Microsoft Cloud Deutschland）請使用 Office 365 德國版支援；已移轉到新德國資料中心區域的租用戶屬於全球版，適用一般 Office 365 支援。',
    },
    links: [
      link(
        'Microsoft 365 operated by 21Vianet',
        '由世紀互聯營運的 Microsoft 365',
        'https://learn.microsoft.com/en-us/office365/servicedescriptions/office-365-platform-service-description/microsoft-365-operated-by-21vianet',
      ),
    ],
  },

  'redirect.developer': {
    categoryId: 'redirect.developer',
    why: {
      en: 'Developing Office and SharePoint applications, add-ins or integrations with the APIs is not covered by Office 365 technical support, which helps with installation, setup and general usage of the service.',
      'zh-TW': '開發 Office 與 SharePoint 應用程式、增益集或 API 整合不在 Office 365 技術支援範圍內；技術支援協助的是服務的安裝、設定與一般使用。',
    },
    whereToGo: {
      en: 'Developer support is available through the forums of the developer community (such as Microsoft Q&A), through Premier or partner support resources, or directly from Microsoft.',
      'zh-TW': '開發人員支援可透過開發人員社群的論壇（例如 Microsoft Q&A）、Premier 或合作夥伴的支援資源，或直接向 Microsoft 取得。',
    },
    links: [
      link('Office Add-ins platform overview', 'Office 增益集平台概觀', 'https://learn.microsoft.com/en-us/office/dev/add-ins/overview/office-add-ins'),
      link('Overview of Microsoft Graph', 'Microsoft Graph 概觀', 'https://learn.microsoft.com/en-us/graph/overview'),
      link('Overview of the SharePoint Framework', 'SharePoint Framework 概觀', 'https://learn.microsoft.com/en-us/sharepoint/dev/spfx/sharepoint-framework-overview'),
    ],
  },

  'redirect.volume-licensing': {
    categoryId: 'redirect.volume-licensing',
    why: {
      en: 'Licenses bought from Microsoft under a volume licensing program are managed and supported by Volume Licensing support, not by Office 365 billing support.',
      'zh-TW': '透過大量授權方案向 Microsoft 購買的授權，由大量授權支援團隊管理與支援，而不是 Office 365 帳單支援。',
    },
    whereToGo: {
      en: 'Contact Volume Licensing support. Agreements and licenses are managed in the Volume Licensing Service Center (VLSC), whose functions are moving into the volume licensing section of the Microsoft 365 admin center. A technical problem with the service itself is still an Office 365 case.',
      'zh-TW': '請連絡大量授權支援。合約與授權在大量授權服務中心（VLSC）管理，其功能正移至 Microsoft 365 系統管理中心的大量授權區段。服務本身的技術問題仍可提出 Office 365 案件。',
    },
    links: [
      link(
        'Manage volume licensing agreements in the Microsoft 365 admin center',
        '在 Microsoft 365 系統管理中心管理大量授權合約',
        'https://learn.microsoft.com/en-us/microsoft-365/commerce/licenses/manage-volume-licensing',
      ),
      link('Contact volume licensing support', '連絡大量授權支援', 'https://learn.microsoft.com/en-us/microsoft-365/commerce/licenses/contact-vl-support'),
    ],
  },
};

export function isBoundaryCategoryId(id: string): id is BoundaryCategoryId {
  return (BOUNDARY_CATEGORY_IDS as readonly string[]).includes(id);
}

/** Guidance for a boundary or redirect category; undefined for any other category. */
export function boundaryGuidance(categoryId: string): BoundaryGuidance | undefined {
  return isBoundaryCategoryId(categoryId) ? BOUNDARY_GUIDANCE[categoryId] : undefined;
}
