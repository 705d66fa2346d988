/**
 * Probe messages written for issue 15 by an engineer who had not read the labeled sets: each
 * names the category taxonomy.md gives it. They vary language (en, zh-TW, Japanese), length,
 * voice (first person, help-desk third person), scope words, and how-tos, so a rule fitted to
 * one phrasing shows up here as a miss.
 */
export const PROBES: ReadonlyArray<readonly [category: string, text: string]> = [
  // exchange.migration
  ['exchange.migration', 'Our cutover migration from the old Exchange 2013 box stopped at 40% and half the mailboxes are still not moved'],
  ['exchange.migration', '從 Gmail 搬移信箱到 Office 365 的移轉批次一直失敗'],
  // exchange.recipients
  ['exchange.recipients', 'How do I create a shared mailbox for the front desk?'],
  ['exchange.recipients', '共有メールボックスの作成方法を教えてください'],
  ['exchange.recipients', 'User asked to have Full Access to her manager\'s mailbox, please advise how to grant it'],
  ['exchange.recipients', '如何建立通訊群組讓業務部的人都收到信？'],
  // exchange.autodiscover
  ['exchange.autodiscover', 'When we add the account in Outlook it keeps looking for the old on-prem server, autodiscover record is probably wrong'],
  ['exchange.autodiscover', 'iPhone mail setup cannot find the server for our domain, autodiscover lookup fails'],
  // exchange.mailflow
  ['exchange.mailflow', 'All 30 people in the Boston office lost email'],
  ['exchange.mailflow', 'Emails from our biggest customer are not arriving since yesterday'],
  ['exchange.mailflow', '外部からのメールが届きません'],
  ['exchange.mailflow', '客戶寄來的信都收不到'],
  // exchange.usage
  ['exchange.usage', 'The Send button in Outlook shows garbled characters for one user'],
  ['exchange.usage', 'Outlook keeps crashing when the CFO opens a shared calendar'],
  ['exchange.usage', 'Outlookの予定表が同期されません'],
  // sharepoint.permissions
  ['sharepoint.permissions', 'Staff get access denied on the HR library even though they are in the members group'],
  ['sharepoint.permissions', '使用者開啟 SharePoint 網站時顯示存取被拒'],
  // sharepoint.external
  ['sharepoint.external', 'Our partner cannot open the sharing link we sent him, he is outside the company'],
  ['sharepoint.external', 'How do I let guests from another company access one SharePoint site?'],
  ['sharepoint.external', '社外のユーザーとファイルを共有できません'],
  // sharepoint.sites
  ['sharepoint.sites', 'Nobody can open SharePoint this morning'],
  ['sharepoint.sites', 'The payroll export from SharePoint fails for me'],
  ['sharepoint.sites', 'How do I create a new team site for the marketing department?'],
  ['sharepoint.sites', 'SharePointサイトが開けません'],
  ['sharepoint.sites', 'OneDrive 同步一直卡住，檔案都沒有上傳'],
  // skype.setup
  ['skype.setup', 'The Teams desktop client will not install on the new laptops'],
  ['skype.setup', 'Skype for Business のインストールが失敗します'],
  // skype.communication
  ['skype.communication', 'Teams is down for everyone'],
  ['skype.communication', 'Users in the Taipei office cannot join Teams meetings'],
  ['skype.communication', '全台北分公司的人都無法加入 Teams 會議'],
  ['skype.communication', 'Teamsの会議に参加できません'],
  // office.install
  ['office.install', 'Word says product activation failed on a user\'s laptop'],
  ['office.install', 'Office のライセンス認証ができません'],
  ['office.install', '安裝 Office 時出現錯誤代碼 30015-6'],
  // tenant.provisioning
  ['tenant.provisioning', 'I assigned a license to a new hire two days ago but she still has no mailbox'],
  ['tenant.provisioning', 'ライセンスを割り当てたのにユーザーがサービスを使えません'],
  // tenant.domains
  ['tenant.domains', 'How do I add our second domain to Office 365?'],
  ['tenant.domains', '網域驗證的 TXT 記錄已經加了，還是驗證失敗'],
  // identity.sso
  ['identity.sso', 'Federated users cannot sign in since the AD FS token signing certificate expired'],
  ['identity.sso', 'ADFS でのシングルサインオンが失敗します'],
  // identity.dirsync
  ['identity.dirsync', 'Azure AD Connect stopped syncing new users from our domain controller'],
  ['identity.dirsync', 'ディレクトリ同期でエラーが出ています'],
  // identity.users
  ['identity.users', 'Help desk here: one of our users lost her phone and needs her MFA reset'],
  ['identity.users', '如何設定使用者密碼永不過期？'],
  ['identity.users', 'ユーザーのパスワードをリセットする方法を教えてください'],
  // billing.purchase
  ['billing.purchase', 'We are a new company and want to buy Business Premium, where do we sign up?'],
  ['billing.purchase', '試用版をサインアップするにはどうすればいいですか'],
  // billing.conversion
  ['billing.conversion', 'Our trial ends Friday and we want to keep it by paying, how do we convert it?'],
  ['billing.conversion', '試用版要怎麼轉成付費訂閱？'],
  // billing.invoice
  ['billing.invoice', 'We were charged twice on this month\'s invoice'],
  ['billing.invoice', '請求書の金額が間違っています'],
  // billing.renewal
  ['billing.renewal', 'Our subscription expired and everyone is locked out, how do we renew?'],
  ['billing.renewal', '訂閱到期了要怎麼續約？'],
  // billing.licenses
  ['billing.licenses', 'How do I add 10 more licenses to our E3 subscription?'],
  ['billing.licenses', 'ライセンス数を減らしたいです'],
  // billing.cancellation
  ['billing.cancellation', 'We want to cancel our Office 365 subscription at the end of the month'],
  ['billing.cancellation', '我們要取消訂閱'],
  // presales.inquiry
  ['presales.inquiry', 'What is the difference between Business Standard and E3?'],
  ['presales.inquiry', 'E3 と E5 の違いを教えてください'],
  // boundary.network
  ['boundary.network', 'Our proxy blocks Outlook from connecting, the network team changed the rules last night'],
  ['boundary.network', '我們公司的防火牆擋住了 Teams 的連線'],
  // boundary.third-party
  ['boundary.third-party', 'The Salesforce add-in for Outlook crashes every time we open it'],
  ['boundary.third-party', 'We bought Office 365 through GoDaddy and need to change the plan'],
  // boundary.scripts
  ['boundary.scripts', 'My PowerShell script that creates users from a CSV throws an error on line 12'],
  ['boundary.scripts', '自分で書いた PowerShell スクリプトがエラーになります'],
  // redirect.sovereign
  ['redirect.sovereign', 'Our tenant is operated by 21Vianet in China and users cannot sign in'],
  ['redirect.sovereign', '我們的 Office 365 是世紀互聯營運的，郵件收不到'],
  // redirect.developer
  ['redirect.developer', 'I am building an SPFx web part and the Graph call returns 403'],
  ['redirect.developer', 'Office アドインを開発していますが、API の使い方がわかりません'],
  // redirect.volume-licensing
  ['redirect.volume-licensing', 'We bought our licenses under an Enterprise Agreement and need to true-up'],
  ['redirect.volume-licensing', '大量授權合約買的授權要怎麼處理？'],
  // unknown
  ['unknown', 'hello'],
  ['unknown', 'thanks, that is all'],
  // Written after the fixes above, to check they carry to wording nobody fitted rules to.
  ['exchange.mailflow', '社長宛てのメールが昨日から一通も届いていません'],
  ['exchange.recipients', '退職した社員のメールを上司に転送する設定をしたいです'],
  ['sharepoint.external', '取引先のゲストユーザーがファイルを開けないと言っています'],
  ['identity.users', 'ユーザーがサインインできないので、パスワードのリセットをお願いします'],
  ['billing.invoice', '先月の請求書をダウンロードする方法は？'],
  ['skype.communication', '全社で Teams の会議に参加できなくなりました'],
  ['tenant.domains', '新しいドメインを追加したいのですが、確認が終わりません'],
  ['identity.dirsync', 'Azure AD Connect のディレクトリ同期が止まっています'],
  ['billing.cancellation', '来月でサブスクリプションを解約したい'],
  ['office.install', '新しいPCにOfficeをインストールできません'],
  ['exchange.mailflow', 'The whole finance team has had no email since 9am'],
  ['sharepoint.sites', 'our SharePoint is down for everyone in the Chicago office'],
  ['skype.communication', 'Teams calls keep dropping for the sales floor'],
  ['exchange.usage', 'Outlook is acting weird for our receptionist'],
  // A third round, written after the second round's fixes.
  ['sharepoint.sites', 'cannot open SharePoint'],
  ['exchange.usage', 'User reports Outlook freezes when she opens attachments'],
  ['exchange.mailflow', 'mail to gmail addresses bounces back'],
  ['identity.users', 'how do I make someone a global admin?'],
  ['sharepoint.permissions', 'how do I give one person edit rights to a single document library?'],
  ['exchange.recipients', '怎麼建立共用信箱？'],
  ['sharepoint.sites', '如何建立新的 SharePoint 網站？'],
  ['skype.communication', 'Teams 通話一直斷線'],
  ['identity.users', '使用者被鎖住無法登入，要怎麼解鎖？'],
  ['office.install', 'Excel keeps asking to activate on the shared front desk PC'],
  ['exchange.mailflow', 'our CEO is not getting any email today'],
  ['sharepoint.sites', 'OneDrive is broken for the entire legal team'],
  ['redirect.sovereign', 'Our Office 365 is the China version run by 21Vianet, how do I add a domain?'],
  ['skype.communication', 'Users in our Berlin office cannot make Teams calls'],
  ['exchange.mailflow', 'Mail from our Shanghai branch to HQ is delayed by hours'],
  ['boundary.network', 'Outlook is slow only when people are on the VPN, our network team says the VPN is overloaded'],
  ['tenant.provisioning', 'new user has a license but Exchange says the mailbox does not exist'],
  ['billing.licenses', '請問怎麼移除多餘的授權？'],
  ['unknown', 'can you tell me a joke'],
  // A fourth round: long help-desk messages with context before the ask, plan questions.
  ['exchange.mailflow', 'Hi team, hope you are well. Since the migration weekend went fine we have been happy, but today three of our accountants say that invoices their suppliers send never reach them. Can you check?'],
  ['identity.users', 'A user of ours called the service desk: she is locked out after too many wrong passwords and has a client call in an hour.'],
  ['office.install', 'Our new hires cannot install the Office apps from the portal, the download never starts'],
  ['tenant.domains', 'We moved our DNS to Cloudflare and now the admin center says our domain has missing records'],
  ['billing.renewal', 'Our annual plan runs out next month, can we make sure it renews automatically?'],
  ['presales.inquiry', 'Does Business Basic include the desktop Office apps?'],
  ['skype.setup', 'How do I add external contacts in Skype for Business?'],
  ['exchange.autodiscover', 'Outlook on the new Macs says it cannot find settings for our domain when adding the account'],
  ['identity.sso', 'after renewing the ADFS certificate nobody with a federated account can sign in'],
  ['boundary.third-party', 'Our Mimecast gateway is holding all inbound mail'],
  ['redirect.developer', 'How do I call the Graph API from my own app to read users calendars?'],
  ['exchange.usage', '全社で Outlook が使えません'],
  ['sharepoint.sites', 'SharePoint のサイトにアクセスできない'],
];
