/**
 * Self-service links in Traditional Chinese. learn.microsoft.com serves every en-us page at the
 * same path under zh-tw, so a zh-TW reply links there; the titles below are ours (the intent
 * files carry English titles only). A path missing here keeps its English title.
 */
import type { Lang } from '../domain/taxonomy.js';

const LEARN_EN_US = /^https:\/\/learn\.microsoft\.com\/en-us(\/[^?#]*)/;

/** Keyed by the path after /en-us. */
const ZH_TW_TITLES: Readonly<Record<string, string>> = {
  '/microsoft-365/admin/add-users/reset-passwords': '重設 Microsoft 365 商務版的密碼',
  '/microsoft-365/admin/add-users/set-password-to-never-expire': '將個別使用者的密碼設定為永不過期',
  '/microsoft-365/admin/add-users/add-users': '新增使用者並同時指派授權',
  '/microsoft-365/admin/add-users/give-mailbox-permissions-to-another-user': '將信箱權限授與另一位 Microsoft 365 使用者',
  '/microsoft-365/admin/manage/assign-licenses-to-users': '將 Microsoft 365 授權指派給使用者',
  '/microsoft-365/admin/email/create-a-shared-mailbox': '建立共用信箱',
  '/microsoft-365/admin/email/configure-email-forwarding': '在 Microsoft 365 中設定電子郵件轉寄',
  '/microsoft-365/admin/setup/add-domain': '將網域新增至 Microsoft 365',
  '/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider': '新增 DNS 記錄以連接您的網域（MX、Autodiscover CNAME、SPF）',
  '/microsoft-365/admin/get-help-with-domains/find-and-fix-issues': '新增網域或 DNS 記錄後尋找並修正問題',
  '/microsoft-365/admin/get-help-with-domains/remove-a-domain': '從 Microsoft 365 移除網域',
  '/microsoft-365/commerce/try-or-buy-microsoft-365': '試用或購買 Microsoft 365 訂閱',
  '/microsoft-365/commerce/buy-or-edit-an-add-on': '購買或編輯 Microsoft 365 商務版的附加元件',
  '/microsoft-365/commerce/subscriptions/upgrade-to-different-plan': '升級或變更為其他 Microsoft 365 商務版方案',
  '/microsoft-365/commerce/subscriptions/what-if-my-subscription-expires': '訂閱結束時，我的資料與存取權會如何？',
  '/microsoft-365/commerce/subscriptions/cancel-your-subscription': '取消您的 Microsoft 商務訂閱',
  '/microsoft-365/commerce/subscriptions/renew-your-subscription': '續訂 Microsoft 365 商務版',
  '/microsoft-365/commerce/billing-and-payments/view-your-bill-or-invoice': '檢視您的帳單或發票',
  '/microsoft-365/commerce/billing-and-payments/understand-your-invoice': '了解您的發票',
  '/microsoft-365/commerce/licenses/buy-licenses': '購買或移除 Microsoft 商務訂閱的授權',
  '/microsoft-365/enterprise/urls-and-ip-address-ranges': 'Microsoft 365 URL 與 IP 位址範圍',
  '/microsoft-365/enterprise/managing-office-365-endpoints': '管理 Microsoft 365 端點',
  '/microsoft-365/enterprise/fix-problems-with-directory-synchronization': '修正 Microsoft 365 的目錄同步處理問題',
  '/microsoft-365/enterprise/set-up-directory-synchronization': '設定 Microsoft 365 的目錄同步處理',
  '/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online': 'Exchange Online 中的電子郵件未傳遞報告與 SMTP 錯誤',
  '/exchange/monitoring/trace-an-email-message/message-trace-modern-eac': '新式 Exchange 系統管理中心的訊息追蹤',
  '/exchange/mail-flow-best-practices/mail-flow-best-practices': 'Exchange Online 與 Microsoft 365 的郵件流程最佳做法',
  '/exchange/recipients-in-exchange-online/manage-user-mailboxes/recover-deleted-messages': '在 Exchange Online 中復原使用者信箱中已刪除的郵件',
  '/microsoftteams/get-clients': '取得 Microsoft Teams 用戶端（桌面、網頁、行動裝置）',
  '/microsoftteams/manage-external-access': '管理 Microsoft Teams 中的外部會議與聊天',
  '/sharepoint/external-sharing-overview': 'SharePoint 與 OneDrive 外部共用概觀',
  '/sharepoint/turn-external-sharing-on-or-off': '管理 SharePoint 與 OneDrive 的共用設定',
  '/sharepoint/restore-deleted-site-collection': '還原已刪除的網站',
  '/sharepoint/manage-site-collection-storage-limits': '管理網站儲存空間限制',
  '/microsoft-365/enterprise/view-service-health': '如何查看 Microsoft 365 服務健康情況',
  '/entra/identity/authentication/howto-mfa-userdevicesettings': '管理使用者的多重要素驗證方法（要求重新註冊 MFA）',
  '/entra/identity/hybrid/connect/how-to-connect-staged-rollout': '使用分段推出移轉至雲端驗證',
  '/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency': '身分識別同步與重複屬性復原',
  '/entra/identity/hybrid/connect/migrate-from-federation-to-cloud-authentication': '從同盟移轉至雲端驗證',
  '/entra/identity/hybrid/connect/tshoot-connect-password-hash-synchronization': '針對 Microsoft Entra Connect 同步的密碼雜湊同步進行疑難排解',
  '/exchange/architecture/client-access/autodiscover': 'Exchange Server 的自動探索服務（混合式或內部部署）',
  '/exchange/mailbox-migration/cutover-migration-to-office-365': '執行電子郵件至 Microsoft 365 的完全移轉',
  '/exchange/mailbox-migration/decide-on-a-migration-path': '決定移轉途徑',
  '/exchange/mailbox-migration/mailbox-migration': '將多個電子郵件帳戶移轉至 Microsoft 365 的方式',
  '/exchange/mailbox-migration/manage-migration-batches': '管理 Exchange Online 的移轉批次',
  '/exchange/recipients-in-exchange-online/create-user-mailboxes': '在 Exchange Online 建立使用者信箱',
  '/exchange/recipients-in-exchange-online/manage-permissions-for-recipients': '管理 Exchange Online 收件者的權限',
  '/exchange/troubleshoot/user-and-shared-mailboxes/delays-provision-mailbox-sync-changes': 'Exchange Online 佈建使用者或信箱、同步變更延遲',
  '/graph/overview': 'Microsoft Graph 概觀（取代已淘汰的 Office 365 REST API）',
  '/microsoft-365-apps/deploy/office-deployment-tool-configuration-options': 'Office 部署工具的設定選項',
  '/microsoft-365-apps/licensing-activation/overview-shared-computer-activation': 'Microsoft 365 應用程式的共用電腦啟用概觀',
  '/microsoft-365/admin/activity-reports/mailbox-usage': '系統管理中心的 Microsoft 365 報告：信箱使用量',
  '/microsoft-365/admin/admin-overview/what-is-microsoft-365-for-business': '什麼是 Microsoft 365 商務版（方案概觀）',
  '/microsoft-365/admin/manage/find-your-partner-or-reseller': '尋找您的合作夥伴或經銷商',
  '/microsoft-365/admin/manage/manage-addins-in-the-admin-center': '在 Microsoft 365 系統管理中心管理增益集',
  '/microsoft-365/admin/manage/manage-deployment-of-add-ins': '在 Microsoft 365 系統管理中心管理增益集的部署（關閉或移除增益集）',
  '/microsoft-365/admin/misc/mailbox-not-found-error': 'Outlook 網頁版出現找不到信箱的錯誤（指派 Exchange Online 授權）',
  '/microsoft-365/admin/setup/install-applications': '安裝 Office 應用程式（Microsoft 365 系統管理）',
  '/microsoft-365/admin/setup/upgrade-users-to-latest-office-client': '將使用者升級至最新的 Office 用戶端',
  '/microsoft-365/commerce/billing-and-payments/change-your-billing-addresses': '變更您的帳單地址',
  '/microsoft-365/commerce/billing-and-payments/understand-your-invoice2': '了解 Microsoft 365 商務版的發票',
  '/microsoft-365/commerce/close-your-account': '關閉您的 Microsoft 商務帳戶',
  '/microsoft-365/commerce/licenses/contact-vl-support': '連絡大量授權支援',
  '/microsoft-365/commerce/licenses/manage-volume-licensing': '管理大量授權合約（VLSC 功能已移至 Microsoft 365 系統管理中心）',
  '/microsoft-365/commerce/licenses/subscriptions-and-licenses': '了解 Microsoft 365 商務版的訂閱與授權',
  '/microsoft-365/commerce/licenses/vl-sign-in': '登入 Microsoft 365 系統管理中心（大量授權）',
  '/microsoft-365/commerce/subscriptions/reactivate-your-subscription': '重新啟用您的 Microsoft 商務訂閱',
  '/microsoft-365/enterprise/assign-licenses-to-user-accounts-with-microsoft-365-powershell': '使用 PowerShell 將 Microsoft 365 授權指派給使用者帳戶',
  '/microsoft-365/enterprise/connect-to-all-microsoft-365-services-in-a-single-windows-powershell-window': '在單一 PowerShell 視窗連線到所有 Microsoft 365 服務',
  '/microsoft-365/enterprise/connect-to-microsoft-365-powershell': '使用 PowerShell 連線到 Microsoft 365',
  '/microsoft-365/enterprise/external-domain-name-system-records': 'Microsoft 365 的外部 DNS 記錄（包括自動探索 CNAME）',
  '/microsoft-365/enterprise/microsoft-365-network-connectivity-principles': 'Microsoft 365 網路連線原則',
  '/microsoft-365/enterprise/urls-and-ip-address-ranges-21vianet': '由世紀互聯營運的 Microsoft 365 的 URL 與 IP 位址範圍',
  '/microsoftteams/new-teams-bulk-install-client': '大量部署新版 Microsoft Teams 桌面用戶端',
  '/microsoftteams/presence-admins': 'Microsoft Teams 的使用者狀態',
  '/microsoftteams/teams-skype-interop': 'Teams 與 Skype 的互通性',
  '/microsoftteams/who-can-bypass-meeting-lobby': '管理誰可以略過 Microsoft Teams 會議的大廳',
  '/office/dev/add-ins/overview/office-add-ins': 'Office 增益集平台概觀',
  '/office/vba/outlook/concepts/getting-started/support-for-keeping-add-ins-enabled': '讓增益集保持啟用的支援（Outlook 停用增益集、系統管理員的群組原則控制）',
  '/office365/servicedescriptions/office-365-platform-service-description/microsoft-365-operated-by-21vianet': '由世紀互聯營運的 Microsoft 365（服務描述，中國客戶的支援）',
  '/office365/servicedescriptions/office-365-platform-service-description/office-365-plan-options': 'Microsoft 365 與 Office 365 方案選項（服務描述）',
  '/powershell/exchange/connect-to-exchange-online-powershell': '連線到 Exchange Online PowerShell',
  '/powershell/exchange/exchange-online-powershell': 'Exchange Online PowerShell 概觀',
  '/sharepoint/change-external-sharing-site': '變更網站的共用設定',
  '/sharepoint/default-sharepoint-groups': '預設的 SharePoint 群組',
  '/sharepoint/dev/spfx/sharepoint-framework-overview': 'SharePoint 架構概觀',
  '/sharepoint/manage-lock-status': '鎖定與解除鎖定網站（鎖定的網站會顯示拒絕存取或唯讀）',
  '/sharepoint/manage-site-collection-administrators': '管理網站系統管理員',
  '/sharepoint/sync-health': '應用程式系統管理中心的 OneDrive 同步報告（每部裝置的同步錯誤）',
  '/sharepoint/understanding-permission-levels': '了解 SharePoint 的權限等級',
  '/troubleshoot/exchange/outlook-issues/crash-issues': '針對 Microsoft 365 的 Outlook 當機或沒有回應進行疑難排解',
  '/troubleshoot/exchange/outlook-issues/office-365-troubleshooting-resources': 'Outlook 與行動裝置連線的疑難排解資源',
  '/troubleshoot/windows-server/identity/troubleshoot-ad-fs-issues': '針對 Microsoft Entra ID 與 Office 365 的 AD FS 問題進行疑難排解',
};

export interface LinkLike {
  readonly title: string;
  readonly url: string;
}

/** The link as a reader of `lang` should get it: zh-TW page and title where there is one. */
export function localizeLink<T extends LinkLike>(link: T, lang: Lang): T {
  if (lang !== 'zh-TW') return link;
  const match = LEARN_EN_US.exec(link.url);
  if (!match) return link;
  const path = match[1]!;
  return { ...link, url: `https://learn.microsoft.com/zh-tw${link.url.slice('https://learn.microsoft.com/en-us'.length)}`, title: ZH_TW_TITLES[path.replace(/\/$/, '')] ?? link.title };
}
