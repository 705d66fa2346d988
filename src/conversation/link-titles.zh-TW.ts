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
