/**
 * Probe round 2 for issue 15, written before any of them was triaged: forum posts with a
 * title-like first line, documentation-issue wording, help-desk tickets, bare error codes,
 * several products where one carries the request, and zh-TW / Japanese. Each names the category
 * taxonomy.md gives it and, where taxonomy.md's severity rules are clear, the severity.
 */
type Severity = 'A' | 'B' | 'C' | null;
export const PROBES_ROUND2: ReadonlyArray<readonly [category: string, severity: Severity | undefined, text: string]> = [
  // The three known failures of round 1.
  ['exchange.mailflow', 'A', 'The whole finance team has had no email since this morning'],
  ['skype.communication', 'A', 'Teams chat messages show up hours late for everyone'],
  ['sharepoint.external', undefined, 'An outside vendor was asked to sign in through a sharing link and gets an error'],
  // Forum style: a title line, then context.
  ['exchange.recipients', 'C', 'Shared mailbox sent items\nWhen staff send from the shared mailbox the message lands in their own Sent Items. How can I make the copy go to the shared mailbox instead?'],
  ['identity.dirsync', 'B', 'Azure AD Connect stopped syncing\nLast successful sync was three days ago. The sync service is running on the server but new hires do not appear in the cloud.'],
  ['tenant.domains', undefined, 'Domain verification stuck\nI added the TXT record at our registrar two days ago and the admin center still says it cannot verify the domain.'],
  ['office.install', 'B', 'Activation problem on one laptop\nWord says the product is unlicensed for one user after a reinstall, the rest of the office is fine.'],
  ['sharepoint.permissions', undefined, 'Broken inheritance on a document library\nI stopped inheriting permissions on one folder and now the owners group cannot see it either.'],
  // Documentation-issue style.
  ['exchange.recipients', undefined, 'The article on mailbox forwarding says Set-Mailbox -ForwardingSmtpAddress works for external addresses but the forwarded mail never leaves our tenant'],
  ['unknown', null, 'This page still shows screenshots of the old admin center, please update it'],
  ['identity.users', undefined, 'The cmdlet in this article, Set-MsolUser -PasswordNeverExpires, fails with access denied even though I am a global admin'],
  // Help-desk ticket style.
  ['identity.users', 'B', 'User reports she is prompted for MFA every time she opens the browser and the authenticator app does not get the notification'],
  ['exchange.usage', 'B', 'Caller states calendar invites she accepts disappear from her Outlook calendar'],
  ['skype.communication', 'A', 'Ticket: entire sales floor cannot join Teams meetings, audio drops after a minute'],
  ['exchange.autodiscover', 'B', 'Customer reports new Outlook profile keeps prompting for credentials and points at an old server name during setup'],
  // Quoted error codes with little text.
  ['identity.sso', undefined, 'AADSTS50107: The requested federation realm object does not exist'],
  ['identity.users', undefined, 'AADSTS50053 account is locked'],
  ['exchange.mailflow', undefined, '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP'],
  ['exchange.mailflow', undefined, 'Getting 5.4.1 Recipient address rejected: Access denied on mail to our own domain'],
  ['office.install', undefined, 'Office install error 30015-11 on several PCs'],
  ['office.install', undefined, 'error 0x8004FC12 when activating Office'],
  ['sharepoint.sites', undefined, 'HTTP 503 Service Unavailable when opening our intranet site on SharePoint Online'],
  // Several products named, one carries the request.
  ['sharepoint.sites', undefined, 'We use Teams and Outlook all day without trouble, but OneDrive stopped syncing on my laptop since the update'],
  ['exchange.migration', undefined, 'Our users are already in Teams and SharePoint, now we need to move the last 50 mailboxes from the on-prem Exchange server, the staged migration batch fails'],
  ['identity.sso', 'A', 'Outlook, Teams and SharePoint all fail for everyone because the federated sign-in page on our ADFS server returns an error'],
  // Remaining categories.
  ['skype.setup', undefined, 'How do I deploy the Teams desktop client to all our PCs?'],
  ['tenant.provisioning', undefined, 'We assigned E3 licenses yesterday but the users still have no SharePoint and no OneDrive, service is not provisioned'],
  ['billing.purchase', 'C', 'I want to buy Microsoft 365 Business Standard for 12 people, how do I pay by credit card?'],
  ['billing.conversion', 'C', 'Our trial ends on Friday and we want to keep everything, how do we switch to a paid plan?'],
  ['billing.invoice', 'C', 'Why were we charged twice on this month\'s invoice?'],
  ['billing.licenses', 'C', 'Need to add 5 more seats to our subscription for new starters'],
  ['billing.cancellation', 'C', 'Please cancel our Exchange Online Plan 1 subscription, we are moving away'],
  ['presales.inquiry', 'C', 'What is the difference between E3 and E5 for a 200 person company?'],
  ['boundary.network', null, 'Our firewall blocks Teams media ports so calls drop, which ranges do we open?'],
  ['boundary.third-party', null, 'The Salesforce add-in for Outlook crashes on start'],
  ['boundary.scripts', null, 'My PowerShell script that bulk sets mailbox quotas fails on line 40 with a null reference'],
  ['redirect.sovereign', null, 'Our tenant is operated by 21Vianet, users cannot sign in to the portal'],
  ['redirect.developer', null, 'The SharePoint Framework web part I am building fails to deploy to the app catalog'],
  ['redirect.volume-licensing', null, 'We bought Office through our Enterprise Agreement, where do we get the product keys?'],
  // zh-TW and Japanese.
  ['identity.users', undefined, '使用者忘記密碼，要怎麼幫他重設？'],
  ['exchange.mailflow', undefined, '寄給外部客戶的信都被退回，錯誤碼 5.7.1'],
  ['skype.communication', undefined, 'Teams の会議に参加できません'],
  ['identity.dirsync', undefined, 'Azure AD Connect の同期エラーが出ています'],
  ['billing.invoice', 'C', '請求書の金額が間違っています'],
  // A second batch, written after the first batch's fixes and before triaging it.
  ['exchange.mailflow', 'A', 'Help desk ticket: the legal department has received no emails since 8am, external senders get no bounce'],
  ['identity.users', 'B', 'Caller states his account shows sign-in blocked in the admin center and he cannot log in, please unblock'],
  ['sharepoint.permissions', undefined, 'Members of the project site cannot edit files in the Contracts library, they only get read access'],
  ['skype.communication', undefined, 'Presence shows everyone as offline in Teams for our Tokyo office'],
  ['exchange.autodiscover', undefined, 'Autodiscover points to the wrong server after we moved our last mailbox to Exchange Online'],
  ['office.install', undefined, 'Click-to-Run install stuck at 90% on a new Windows 11 laptop'],
  ['tenant.domains', undefined, 'How do I change the nameservers of our domain so Microsoft 365 manages the DNS?'],
  ['billing.invoice', 'C', 'Where can I download a PDF of last month\'s invoice for our accountant?'],
  ['boundary.third-party', null, 'Our Barracuda backup for Exchange Online fails every night since Tuesday'],
  ['unknown', null, 'The example in step 3 of this article uses an old parameter name, please correct it'],
  ['identity.dirsync', undefined, 'Password hash sync stopped working after we upgraded the Entra Connect server'],
  ['exchange.recipients', undefined, '如何設定信件轉寄到外部信箱？'],
  ['sharepoint.sites', undefined, 'OneDrive の同期が止まっています'],
];
