/**
 * Probe round 4 for issue 15, aimed at the classes round 3 left open, every message written and
 * labeled from taxonomy.md before any of them was triaged:
 * - vague follow-ups with nothing to place ("any news?", "it is back", "still broken"): `unknown`;
 * - background history told first (a migration, a licence change, a sign-in setup), then a
 *   different request, which decides;
 * - "everyone" or "all staff" inside a group's name, which says nothing about who is affected;
 * - users named as objects of a job ("the sync skipped 14 users' changes") while nobody is cut off.
 * Severity is given where taxonomy.md's rules are clear, `undefined` where they are not.
 *
 * Counts (category right / severity right, all 27 labeled): before any fix category 19/27,
 * severity 17/27; after this round's fixes category 26/27, severity 24/27. The four still failing
 * carry the reason as a fourth field; the test lists them as todos.
 */
import type { Probe } from './probe-suite.js';

export const PROBES_ROUND4: ReadonlyArray<Probe> = [
  // vague follow-ups: nothing names a service or a symptom
  ['unknown', null, 'Any news on the ticket I opened on Monday?'],
  ['unknown', null, 'Same issue as last week, it is back again.'],
  ['unknown', null, 'still not working'],
  ['unknown', null, 'Hi, just checking whether there is an update on this.'],
  ['unknown', null, 'It happened again this morning, exactly like before.'],
  ['unknown', null, 'Can someone please get back to me? This has been open for days.'],
  ['unknown', null, 'Thanks, that fixed it, you can close this.'],
  ['unknown', null, '請問上次回報的那個問題有進度了嗎？'],
  // background history first, then a different request
  ['tenant.domains', 'C', 'We moved all 200 mailboxes from Exchange 2010 to Exchange Online two years ago with a cutover migration and it went fine. Now we bought a second domain for our new brand: how do I add it and verify it in the admin center?'],
  ['identity.users', 'B', 'Last year we switched from E3 to Business Premium and moved everyone\'s licenses over by hand. Today one user cannot sign in, the sign-in page says her account has been locked.'],
  ['exchange.recipients', 'C', 'Background: we came over from G Suite in 2022 with the IMAP migration tool. Question: how do I give the office assistant Full Access to the director\'s mailbox?'],
  ['sharepoint.sites', 'A', 'We bought 50 Business Standard licenses in March and assigned them all. Since this morning nobody in the company can open any SharePoint site, every page says something went wrong.'],
  ['exchange.recipients', 'C', 'Our tenant was set up in 2019 with Azure AD Connect syncing from the on-prem domain, password hash sync turned on. Now I want to create a shared mailbox for the helpdesk team, what are the steps?'],
  ['billing.invoice', 'C', 'History: our staged migration finished last month, every mailbox is in the cloud and the old server is gone. Now the December invoice charges us for 10 licenses we never ordered, can you explain that charge?'],
  ['skype.communication', 'A', 'A few years back we set up AD FS for single sign-on and later moved to password hash sync. Unrelated to that: since today nobody in the company can join Teams meetings from the Outlook invite, the link just spins.'],
  ['billing.licenses', 'C', 'We started on a trial that we converted to paid in 2021. Today I need to remove 5 licenses because staff left, where do I do that?'],
  // "everyone" or "all staff" as a group's name
  ['exchange.recipients', 'B', 'Mail to the Everyone group bounces for one sender in HR, the bounce says she is not allowed to send to this group.'],
  ['exchange.recipients', 'C', 'How do I stop outside senders from emailing our All Staff distribution list?'],
  ['exchange.recipients', 'C', 'Please add the three new interns to the Everyone at Contoso distribution list.'],
  ['sharepoint.permissions', 'C', 'The Everyone except external users group shows up in the share dialog and a site owner used it on a confidential folder. How can I take that choice away from site owners?'],
  ['exchange.recipients', 'C', '「全體員工」通訊群組裡少了一位新同事，要怎麼把她加進去？'],
  // users named as the objects of a job, nobody cut off
  ['identity.dirsync', 'B', 'Last night\'s directory sync skipped 14 users\' changes with an attribute error in the Synchronization Service Manager; everyone can still sign in.'],
  ['exchange.migration', 'B', 'The migration batch completed but 30 users\' calendar items were not copied over; they can work, just without their old meetings.', 'category: severity is B now (\'were not copied over\' is a job-failure word), but the failure clause names the calendar, which places it in usage; the migration is only in the opening clause'],
  ['identity.dirsync', 'B', 'Entra Connect export errors list 8 users with a duplicate proxyAddresses value, so their changes never reach the cloud. Nobody is blocked.'],
  ['identity.users', 'B', 'The bulk add users CSV in the admin center created 45 of the 50 accounts; the last 5 rows failed with an invalid user name error.'],
  ['exchange.migration', 'B', 'The move report shows the archives of 12 users were skipped during the hybrid move, their primary mailboxes moved fine.'],
  ['sharepoint.sites', 'B', 'The OneDrive sync health report lists 20 users whose Known Folder Move never started; their files are on their PCs and they work normally.'],
];
