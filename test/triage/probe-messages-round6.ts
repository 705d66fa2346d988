/**
 * Probe round 6 for issue 15, every message written and labeled from taxonomy.md before any of
 * them was triaged, aimed at styles not probed before:
 * - comments on a documentation page in every area ("the page says X, but ..."): something broken
 *   for the admin places it by product; feedback with nothing broken is unknown (tie-break 9);
 * - help-desk tickets in the third person with a title line first, one user vs a team;
 * - forum posts that list what was tried before the question and end with "any ideas?";
 * - the classes left open last session: a comma stretch saying Teams works, a stale AD FS page,
 *   a list whose mail takes hours, a migration stalled for a few users, "two of our accountants",
 *   a CAA code when joining meetings, mobile failing while the desktop works.
 * Severity is given where taxonomy.md's rules are clear, `undefined` where they are not.
 *
 * Counts (category right / severity right where labeled):
 * - the first 45 (44 with a severity), before any fix: category 38/45, severity 30/44; after this
 * round's first fixes: category 41/45, severity 37/44; after the last one (a message made only of
 * remarks on a page's form is unknown, tie-break 9): category 44/45, severity 40/44.
 * - the fresh batch of 12 (all with a severity), written after the first fixes and before
 *   triaging it: category 10/12, severity 10/12 (the transfer measure); after the fixes for what
 *   it found (a product saying a licensed account is not set up for it; the page remarks):
 *   category 12/12, severity 12/12.
 * The probes that still fail carry the reason as a fourth field; the test lists them as todos.
 */
import type { Probe } from './probe-suite.js';

export const PROBES_ROUND6: ReadonlyArray<Probe> = [
  // comments on a documentation page, one per area
  ['exchange.recipients', 'B', 'On the shared mailbox article, step 4 runs Add-MailboxPermission with -AutoMapping $false. Run exactly as written it fails for us with an error that no parameter matches that name. Is the page wrong or is our tenant different?'],
  ['exchange.mailflow', 'B', 'The docs page on partner connectors says mail from the partner domain is accepted once the TLS connector is saved. We saved ours yesterday and the partner\'s messages still bounce with 5.7.51.'],
  ['sharepoint.external', 'C', 'The external sharing article says guests can be limited to certain domains from the SharePoint admin center, but I cannot find that option under Policies > Sharing any more. Where did it go?', 'severity: \'cannot find that option\' counts as a failure; reading a not-found option asked about as a how-to lost a real message\'s severity on evenB (admins often report a missing option as broken), so left out'],
  ['sharepoint.sites', 'B', 'I followed the documentation for bringing back a deleted site, but Restore-SPODeletedSite answers that the site cannot be found, although the admin center lists it under deleted sites.'],
  ['skype.communication', 'B', 'The meeting policies page says people without an account can join when anonymous join is on. It is on for our organization, yet outside guests are told they cannot join our meetings.', 'severity: guests outside the organization who cannot join read as several users cut off (A); taxonomy rule 2 speaks of users, rule 3 of one feature: unclear which fits'],
  ['office.install', 'B', 'The Office Deployment Tool docs say setting the channel in configuration.xml is all that is needed. On our test PC setup.exe /configure quits after a few seconds with error 0-2054.'],
  ['identity.users', 'B', 'According to the self-service password reset docs, registered users can reset from the sign-in page. One registered user always gets a message that her password cannot be reset right now.'],
  ['identity.sso', 'A', 'Step 5 of the AD FS relying party trust article gives an issuance transform rule; since we added it, every federated sign-in in the company fails with MSIS7012.'],
  ['tenant.domains', 'C', 'The page on adding a domain tells you to create an MX record. For a domain we only use for sign-in names and never for mail, is that record needed at all?'],
  ['billing.invoice', 'C', 'The billing docs say invoices appear in the admin center by the 10th of the month. It is the 15th and last month\'s invoice is still missing; where else can I download it?'],
  ['exchange.usage', 'B', 'The mailbox auditing article says auditing is on by default, but Search-MailboxAuditLog returns nothing for any mailbox in our tenant. Is the article out of date?'],
  ['unknown', null, 'Small thing on the transport rules page: the table of conditions is cut off on a phone screen. Nothing is wrong with our setup, just mentioning it.'],
  ['unknown', null, 'The OneDrive sync article still points to the old download page for the client. Worth fixing the link.'],
  ['unknown', null, 'Feedback on the Teams Phone docs: the emergency address page uses two different names for the same setting. It would read more clearly with one.'],
  // help-desk tickets, third person, title first
  ['exchange.recipients', 'B', 'Shared mailbox gone from Outlook\nUser in finance no longer sees the Finance shared mailbox in Outlook desktop since Monday. Full Access is granted. She needs it for daily work.'],
  ['skype.communication', 'A', 'Cannot join Teams meetings - whole support desk\nAll 14 agents on the support desk get stuck on the pre-join screen for every Teams meeting since this morning. Chat works.'],
  ['sharepoint.sites', 'B', 'OneDrive not syncing - one user\nUser\'s OneDrive client has shown "processing changes" for two days and her files do not upload.'],
  ['tenant.provisioning', 'B', 'New starter has no mailbox\nNew hire has had an E3 license assigned since yesterday, but the Exchange admin center shows no mailbox for her.'],
  ['identity.users', 'A', 'IT Support: Sales team MFA prompts\nThe whole sales team (9 users) is asked for MFA at every sign-in since the policy change and cannot stay signed in to Outlook.'],
  ['exchange.recipients', 'C', 'Request: Send As on the info mailbox\nPlease give J. Ramos Send As rights on the info@ mailbox.'],
  ['sharepoint.permissions', 'B', 'Ticket: user cannot open Projects site\nA third-floor user gets "you need permission to access this item" on the Projects site since Friday; her colleagues open it fine.'],
  ['exchange.usage', 'B', 'Ticket - calendar times\nUser reports that meeting invites she sends show the wrong time zone for the people she invites. Only her invites are affected.'],
  ['office.install', 'A', 'Summary: Office activation failing for two of our accountants\nBoth see "Product Deactivated" in Excel and can only view files, not edit them.'],
  ['office.install', 'A', 'IT Support: laptop rebuild - Office wants activation\nAfter reimaging, the user\'s Office apps say activation is required although she is signed in with her work account. She needs Excel for the month-end close today.'],
  ['sharepoint.permissions', 'A', 'Ticket: Marketing cannot edit files in their library\nSince this morning all 7 members of Marketing can open files in their team site library but not edit them, everything opens read-only.', 'category: read-only for a whole group reads as a site state (sites); no rule reads \'can open but not edit\' as a lost permission'],
  ['identity.users', 'B', 'IT Support: user blocked from sign-in\nThe admin center shows sign-in blocked for user K. Patel and nobody knows who set it. He cannot get into anything. How do we unblock him?'],
  // forum posts: what was tried, then "any ideas?"
  ['exchange.mailflow', 'A', 'We moved our MX to Exchange Online last week. I checked the MX record, ran the connectivity analyzer and re-created the accepted domain. Still, mail from outside never arrives in any mailbox, internal mail is fine. Any ideas?'],
  ['exchange.autodiscover', 'B', 'I cleared the credential manager, recreated the profile twice and tried another PC. Outlook still cannot find one user\'s mailbox while setting up her profile, it says an encrypted connection to the mail server is not available. Any ideas?'],
  ['skype.communication', 'B', 'Tried clearing the Teams cache, reinstalling, and signing in on another laptop. One user\'s Teams still shows no chat history older than yesterday, while everyone else sees theirs. Any ideas?'],
  ['office.install', 'B', 'I ran the quick repair, then the online repair, then removed Office with the support tool and installed it again. Word still crashes at start for one user on the new build. Any ideas what else to check?'],
  ['sharepoint.external', 'B', 'Already checked the sharing settings at tenant and site level, both allow new and existing guests. Guests still get "this link has been disabled" on one site\'s files. Any thoughts?'],
  ['identity.dirsync', 'B', 'We re-ran the Entra Connect wizard and restarted the sync service. Users in one OU still never reach the cloud, and the sync service manager shows no errors. Ideas?'],
  ['tenant.provisioning', 'B', 'Tried everything I could find: removed and re-added the license, waited 24 hours, checked the service plans. The user still has no OneDrive, it just says it is still being set up. Any ideas?'],
  ['exchange.mailflow', 'B', 'Has anyone seen this? Since Monday our messages to one customer\'s domain bounce with 550 5.7.1 unable to relay. Other domains are fine and our SPF includes Exchange Online. Any ideas?'],
  // classes left open last session
  ['exchange.mailflow', 'A', 'Nobody here can send mail to outside addresses since noon, Teams is working fine though.'],
  ['exchange.usage', 'A', 'Outlook on every desktop in the office stopped connecting after the update, Teams is working fine though.'],
  ['identity.sso', undefined, 'After the move to the new AD FS farm, users signing in to Office 365 are still shown the old farm\'s sign-in page with last year\'s logo.'],
  ['exchange.mailflow', 'A', 'Messages sent to our All Employees distribution list take around four hours to show up in people\'s inboxes, while direct mail arrives at once.'],
  ['exchange.migration', 'B', 'The staged migration batch has been stuck at syncing for three mailboxes since Tuesday; the rest of the batch completed.'],
  ['skype.communication', 'B', 'One user gets error CAA50021 whenever she clicks Join on a Teams meeting. Chat and calls work for her.'],
  ['skype.communication', 'C', 'Teams works fine on her desktop, but on her phone one user cannot join meetings, the app just keeps loading.'],
  ['skype.communication', 'A', 'Teams works fine on desktops, but none of our field technicians can join meetings from the mobile app, and phones are all they carry.'],
  ['sharepoint.permissions', 'A', 'Two of our accountants get access denied on the Finance site since this morning and cannot reach the ledgers.'],
  // zh-TW
  ['skype.communication', 'C', '文件上說可以在 Teams 系統管理中心設定會議錄製的保存期限，但我們的管理中心找不到這個選項，請問在哪裡？', 'severity: 找不到這個選項 counts as a failure; same class as the English \'cannot find that option\' above'],
  ['exchange.mailflow', 'A', '使用者反映：行銷部三位同事從今天早上開始在 Outlook 收不到任何外部郵件。'],
  // the fresh batch, written after this round's fixes and labeled before triaging it
  ['identity.users', 'A', 'IT Support: accounts department locked out\nAll five people in accounts are told their account is locked when they sign in, since the password policy change this morning.'],
  ['sharepoint.sites', 'B', 'The docs say a deleted OneDrive is kept for 30 days, but when I try to restore the OneDrive of a leaver who left ten days ago, the admin center says it cannot be found.'],
  ['exchange.mailflow', 'A', 'We already checked the connector, the SPF record and message trace. Outbound mail to every external domain sits in the queue for hours for the whole office. Any ideas?'],
  ['skype.communication', 'C', 'One user\'s Teams on her iPhone shows no notifications for new chats; on her laptop everything is fine and she can live with that for now.'],
  ['office.install', 'A', 'Ticket: Office will not install on the trainees\' new laptops\nSetup stops at 50% with error 30015-4 on all six machines, and the trainees start on Monday.'],
  ['identity.dirsync', 'B', 'The Entra Connect troubleshooting page says the duplicate proxyAddresses error clears after the next sync cycle. It has not: one contractor still shows the error and her alias never updates in the cloud.'],
  ['exchange.migration', 'B', 'The IMAP migration page says batches of small mailboxes finish within a day. Ours has been stuck at syncing for four mailboxes since Thursday, everyone else moved fine.'],
  ['unknown', null, 'The article on retention policies has a broken link in its prerequisites section. Thought you would want to know.'],
  ['tenant.provisioning', 'B', 'Summary: new hire has no Teams\nHis license was assigned yesterday with Teams switched on, but Teams tells him his account is not set up for it. Outlook works for him.'],
  ['sharepoint.external', 'B', 'Tried sending the invitation again, removing the guest and adding him back, and clearing his browser cache. A consultant from our partner still gets an error when he opens the sharing link to our project folder. Any ideas?'],
  ['exchange.autodiscover', 'A', 'Since we moved DNS to a new provider, Outlook on all our new PCs cannot set up the mailbox profile, it keeps asking for a server. Webmail works, Teams works fine too.'],
  ['skype.communication', 'A', '工單：客服部整組無法加入 Teams 會議\n客服部十幾位同事從今天上午開始加入任何 Teams 會議都會卡在載入畫面，聊天功能正常。'],
];
