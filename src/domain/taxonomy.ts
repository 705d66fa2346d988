/**
 * The triage contract of `shared/support/taxonomy.md`: support kinds, areas and the stable
 * category ids every evaluation set uses. Pure data, no I/O.
 */

export const SUPPORT_KINDS = ['technical', 'billing', 'presales', 'boundary', 'redirect', 'unknown'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export type Lang = 'en' | 'zh-TW';
export type Localized = Readonly<Record<Lang, string>>;

export interface SupportArea {
  readonly id: string;
  readonly name: Localized;
}

/** Service areas, in the order the seed lists them; the first part of a category id. */
export const AREAS = {
  exchange: { id: 'exchange', name: { en: 'Exchange Online', 'zh-TW': 'Exchange Online' } },
  sharepoint: { id: 'sharepoint', name: { en: 'SharePoint Online', 'zh-TW': 'SharePoint Online' } },
  skype: { id: 'skype', name: { en: 'Skype for Business / Teams', 'zh-TW': '商務用 Skype / Teams' } },
  office: { id: 'office', name: { en: 'Microsoft 365 Apps', 'zh-TW': 'Microsoft 365 Apps（Office 專業增強版）' } },
  tenant: { id: 'tenant', name: { en: 'Tenant setup', 'zh-TW': '租用戶設定' } },
  identity: { id: 'identity', name: { en: 'Identity', 'zh-TW': '身分識別' } },
  billing: { id: 'billing', name: { en: 'Billing and subscriptions', 'zh-TW': '帳單與訂閱' } },
  presales: { id: 'presales', name: { en: 'Pre-sales', 'zh-TW': '售前諮詢' } },
  boundary: { id: 'boundary', name: { en: 'Outside Office 365 support', 'zh-TW': 'Office 365 支援範圍之外' } },
  redirect: { id: 'redirect', name: { en: 'Handled by another support channel', 'zh-TW': '由其他支援管道處理' } },
  unknown: { id: 'unknown', name: { en: 'Not yet placed', 'zh-TW': '尚未分類' } },
} as const satisfies Record<string, SupportArea>;

export type AreaId = keyof typeof AREAS;

export interface Category {
  readonly id: string;
  readonly area: AreaId;
  readonly support: SupportKind;
  /** Short topic name; the display name is "<area> · <topic>". */
  readonly topic: Localized;
}

const c = (id: string, area: AreaId, support: SupportKind, en: string, zh: string): Category => ({
  id,
  area,
  support,
  topic: { en, 'zh-TW': zh },
});

export const CATEGORIES = [
  c('exchange.migration', 'exchange', 'technical', 'Mailbox migration', '信箱移轉'),
  c('exchange.recipients', 'exchange', 'technical', 'Recipients and mailbox permissions', '收件者與信箱權限'),
  c('exchange.autodiscover', 'exchange', 'technical', 'Autodiscover and Outlook profile setup', '自動探索與 Outlook 設定檔'),
  c('exchange.mailflow', 'exchange', 'technical', 'Mail flow', '郵件流程'),
  c('exchange.usage', 'exchange', 'technical', 'Outlook and Exchange usage', 'Outlook 與 Exchange 使用'),
  c('sharepoint.permissions', 'sharepoint', 'technical', 'Permissions and groups', '權限與使用者群組'),
  c('sharepoint.external', 'sharepoint', 'technical', 'External sharing and guests', '外部共用與來賓'),
  c('sharepoint.sites', 'sharepoint', 'technical', 'Sites, OneDrive and sync', '網站、OneDrive 與同步'),
  c('skype.setup', 'skype', 'technical', 'Installation and contacts', '安裝與建立連絡人'),
  c('skype.communication', 'skype', 'technical', 'Chat, presence, meetings and calls', '即時訊息、狀態、會議與通話'),
  c('office.install', 'office', 'technical', 'Installation and activation', '安裝與啟用'),
  c('tenant.provisioning', 'tenant', 'technical', 'Service and user provisioning', '服務與使用者佈建'),
  c('tenant.domains', 'tenant', 'technical', 'Domains and DNS', '網域與 DNS'),
  c('identity.sso', 'identity', 'technical', 'Single sign-on (AD FS, federation)', '單一登入（AD FS、同盟）'),
  c('identity.dirsync', 'identity', 'technical', 'Directory synchronization', 'Active Directory 同步'),
  c('identity.users', 'identity', 'technical', 'User accounts, passwords, MFA and admin roles', '使用者帳戶、密碼、MFA 與管理員角色'),
  c('billing.purchase', 'billing', 'billing', 'Trials and purchases', '試用與購買'),
  c('billing.conversion', 'billing', 'billing', 'Trial to paid conversion', '試用轉為付費'),
  c('billing.invoice', 'billing', 'billing', 'Invoices, charges and payment', '帳單、費用與付款'),
  c('billing.renewal', 'billing', 'billing', 'Renewal and expired subscriptions', '續約與到期訂閱'),
  c('billing.licenses', 'billing', 'billing', 'Adding or removing licenses', '新增或移除授權'),
  c('billing.cancellation', 'billing', 'billing', 'Cancelling a subscription', '取消訂閱'),
  c('presales.inquiry', 'presales', 'presales', 'Plans, pricing and partners', '方案、價格與合作夥伴'),
  c('boundary.network', 'boundary', 'boundary', "Your organization's network", '貴組織的網路'),
  c('boundary.third-party', 'boundary', 'boundary', 'Third-party services and add-ins', '協力廠商服務與增益集'),
  c('boundary.scripts', 'boundary', 'boundary', 'Custom scripts', '自訂指令碼'),
  c('redirect.sovereign', 'redirect', 'redirect', '21Vianet (China) and Germany tenants', '世紀互聯（中國）與德國租用戶'),
  c('redirect.developer', 'redirect', 'redirect', 'Developer support', '開發人員支援'),
  c('redirect.volume-licensing', 'redirect', 'redirect', 'Volume licensing', '大量授權'),
  c('unknown', 'unknown', 'unknown', 'Needs more detail', '需要更多資訊'),
] as const satisfies readonly Category[];

export type CategoryId = (typeof CATEGORIES)[number]['id'];

const byId = new Map<string, Category>(CATEGORIES.map((cat) => [cat.id, cat]));

export function isCategoryId(id: string): id is CategoryId {
  return byId.has(id);
}

export function getCategory(id: CategoryId): Category {
  const cat = byId.get(id);
  if (!cat) throw new Error(`unknown category id ${id}`);
  return cat;
}

/** "Exchange Online · Mail flow", as admins read it. */
export function categoryDisplayName(id: CategoryId, lang: Lang): string {
  const cat = getCategory(id);
  return `${AREAS[cat.area].name[lang]} · ${cat.topic[lang]}`;
}

/** Cases are opened (and severity set) for technical, billing and pre-sales requests only. */
export function caseCanBeOpened(support: SupportKind): boolean {
  return support === 'technical' || support === 'billing' || support === 'presales';
}
