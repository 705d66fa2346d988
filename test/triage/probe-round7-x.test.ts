/**
 * Probe round 7 (tdocsx) for issue 15: Exchange Online, Microsoft 365 Apps and Teams, every message
 * written for the test in our own words from the docs' troubleshooting topics and labeled from
 * taxonomy.md before it was triaged, in the held-back sets' styles (forum posts that tell what was
 * tried, comments on a documentation page, help-desk tickets with a title line).
 *
 * Counts (category right / severity right):
 * - the first 25, before this round's vocabulary: category 23/25, severity 22/25; after it:
 *   category 24/25, severity 22/25 (the app setup policy is read now).
 * - the fresh 12, written after the vocabulary and before triaging them (the transfer measure):
 *   category 9/12, severity 6/12; after the fixes for what they found (people moved off a named
 *   mail host, items that came over): category 10/12, severity 6/12 (the severity misses are
 *   tsev's area).
 * The probes that still fail carry the reason as a fourth field; the test lists them as todos.
 */
import { beforeAll } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { describeProbeRound, type Probe } from './probe-suite.js';

const FIRST: ReadonlyArray<Probe> = [
  ["exchange.migration", "B", "Our staged migration batch keeps ending as 'Completed with errors' for roughly 30 of 200 mailboxes. The per-user report says too many corrupted items were found and the BadItemLimit was exceeded. I restarted the batch twice with Start-MigrationBatch, nothing changed. What is the supported way to let these through without redoing the whole batch?"],
  ["exchange.migration", "A", "[Ticket] IMAP migration from old hosting provider\nTest-MigrationServerAvailability fails with 'the connection to the server could not be completed' for imap.oldhost.example even though 993 is reachable from outside. Cutover weekend is this Saturday, we need this sorted before then."],
  ["exchange.migration", "B", "This page says a hybrid remote move endpoint needs MRSProxy turned on. We enabled it on the EWS virtual directory of our on-prem server, yet the new endpoint wizard still reports it cannot reach the server. Is a step missing from the article?"],
  ["exchange.migration", "A", "Moved 40 users from our 2016 server with a remote move batch last night. They all reached 95% and now sit in Synced; clicking complete does nothing, the status never changes. People still work on the old server, but the box must be decommissioned by Friday."],
  ["exchange.mailflow", "B", "Subject: outbound mail to one partner domain rejected\nEverything we send to partner.example comes back with 451 4.4.0 DNS query failed after waiting in the queue for hours. Message trace shows Pending and then Failed. Other domains are fine."],
  ["exchange.mailflow", "B", "Set up a connector so the multifunction printer in the office can relay scan-to-email through our tenant. The validation passes, but the printer's messages are refused with 550 5.7.64 TenantAttribution; Relay Access Denied. Static public IP is listed in the connector. What am I missing?"],
  ["exchange.mailflow", "B", "Regarding the quarantine policies article: users stopped receiving their quarantine notification digests two weeks ago, and legitimate invoices from our bank end up held as high confidence phish. Nobody touched the anti-spam policy."],
  ["exchange.recipients", "A", "[Ticket] Shared mailbox - finance team cannot send as finance@\nGranted Send As on the shared mailbox in the EAC yesterday for 4 people; they get 'You don't have permission to send the message on behalf of the specified user'. Full Access works fine."],
  ["exchange.recipients", "B", "Our dynamic distribution group for all staff leaves out the new hires from last month. Previewing the recipients only lists older accounts. The filter uses the Department attribute and the new accounts have it filled in, but messages to the group never reach them.", "category: the last sentence (messages to the group never reach the new hires) carries the request and reads as mail flow; tie-break 6 makes a group's membership the group's own configuration, but the engine's request sentence outweighs the membership words before it"],
  ["exchange.recipients", "C", "On the page about mail contacts: is it possible to hide an external contact from the address book and still keep it as a member of a distribution list? The steps only cover hiding mailboxes."],
  ["exchange.autodiscover", "B", "IT Support: new laptop, Outlook stuck on 'Searching for your mail server settings'\nOne user in marketing, fresh Windows 11, Outlook loops while adding the account, asks for the password again and then fails. Webmail is fine. Our CNAME points to autodiscover.outlook.com.", "severity: one user with webmail as a workaround read as C; rule 3 (one user broken) or rule 4 (an acceptable workaround): which fits a profile that cannot be created is unclear (tsev's area)"],
  ["exchange.autodiscover", "A", "After moving our last mailboxes to the cloud, iPhones with the built-in Mail app can no longer add accounts: they say 'Cannot verify server identity' and then ask for a server name. The Remote Connectivity Analyzer autodiscover test fails at the SCP lookup. Every new phone setup in the company is blocked."],
  ["exchange.usage", "B", "Outlook for Windows: the calendar a colleague shared with me shows her events three hours off since the clocks changed. In her own view the times are right. Removed and re-added it, same result. Any ideas?"],
  ["exchange.usage", "C", "Subject: Focused Inbox tabs gone\nA user asks why the Focused and Other tabs vanished in the new Outlook. Not urgent, she is using the sort filter meanwhile."],
  ["office.install", "A", "[Ticket] Word/Excel - 'Unlicensed Product' bar on terminal server\nWe deployed Microsoft 365 Apps with the ODT on an RDS host but without shared computer activation. Every user who logs on now sees the red unlicensed banner and can only view documents."],
  ["office.install", "B", "Click-to-Run setup stops at 0% with error 30015-6 (2) on one machine. Ran the SaRA uninstall tool, emptied the temp folder, still the same code. Other PCs installed fine from the same portal."],
  ["office.install", "C", "The update channels article does not explain how to move a handful of devices from Current Channel to Monthly Enterprise Channel without reinstalling. Can this be done with the configuration xml?"],
  ["skype.setup", "A", "Teams desktop client will not install for our users: the machine-wide installer MSI is pushed with Intune, but after people sign in there is no Teams icon anywhere. Redeploying did not help. 50 laptops affected."],
  ["skype.setup", "C", "IT Support: Teams keeps opening to a white screen after update for one user\nCleared the Teams cache folder under appdata and reinstalled, still a blank white window at launch. She uses the web version for now."],
  ["skype.setup", "C", "Is it possible to push an external federated contact into every user's Skype for Business contact list by policy, instead of each person adding it by hand? The contacts page only covers doing it in the client."],
  ["skype.setup", "B", "The app setup policy we assigned should pin our calling app for new hires, but it does not show on their left rail even after 48 hours. The admin center shows the policy as assigned."],
  ["skype.communication", "A", "Subject: external participants stuck in lobby\nSince Monday, guests who join our Teams meetings from outside wait in the lobby and the organizer never gets the prompt to admit them. It hits all our sales calls with customers."],
  ["skype.communication", "A", "Direct Routing: inbound PSTN calls to our users ring once and drop. SBC logs show SIP 403 Forbidden coming back from the Microsoft side. Outbound calls work. Voice routing policy and online PSTN usage are assigned."],
  ["skype.communication", "C", "On the presence article: one of our users shows as Away all day even while he is active in chat, and his status message will not clear. Is there a known cause?"],
  ["skype.communication", "A", "Meeting recordings are not showing up in the chat after our meetings end: the record button works, but the file never appears. Several organizers noticed it this week."],
];

const FRESH: ReadonlyArray<Probe> = [
  ["exchange.migration", "B", "Subject: Google move - recurring meetings only came over once\nWe finished moving 15 people off Google last week with the migration built into the EAC. The mail is all there, but recurring meetings only show their first occurrence. Can we rerun something for calendars only?"],
  ["exchange.mailflow", "B", "The SPF article says include:spf.protection.outlook.com is all we need. We have exactly that, yet our messages to a bank are refused with 550 5.7.23 and their admin says our SPF check fails."],
  ["exchange.mailflow", "A", "[Ticket] Nobody gets outside mail since the MX change at 7am\nMail between colleagues works, but senders from outside get 'host unknown'. Our registrar changed the DNS last night.", "category: registrar, MX and DNS changes read as domain setup; the symptom (no outside mail for anyone) is mail flow by tie-break 3, but a DNS change named as the cause is close to tenant.domains: left open"],
  ["skype.communication", "A", "After moving our receptionists to Teams Phone, transferred calls from the main number drop as soon as they reach the call queue. The agents are opted in and the queue shows them as available."],
  ["skype.communication", "B", "IT Support: chats to one partner company stuck with a red exclamation mark\nBoth sides allow each other's domains in external access; messages to other outside organizations go through fine."],
  ["skype.setup", "B", "The bulk install page for the new client says to run teamsbootstrapper.exe -p. On our Windows 10 LTSC image it exits with 0x80004004 and nothing gets provisioned."],
  ["skype.setup", "B", "Users on our Citrix desktops see a warning that the app is not optimized and their audio runs through the server. The VDI plugin is installed on the thin clients. Where else should I look?", "category: 'the VDI plugin' reads as a third-party cause (boundary.yaml, not this branch's file); the plugin is Microsoft's own Teams VDI component and nothing asserts it is the cause"],
  ["office.install", "A", "[Ticket] Visio gone after Office repair\nOne engineer's Visio shortcut vanished after a quick repair, and the installer now says a different version of Office is already on the machine. She needs it for drawings due tomorrow morning."],
  ["office.install", "A", "Word and PowerPoint on about 30 Macs started saying the account has no license to edit, although the users have E3 and Microsoft AutoUpdate shows the latest version. Signing out and back in changed nothing."],
  ["exchange.recipients", "B", "The article on Send on Behalf says the recipient sees the delegate's name 'on behalf of' the mailbox. For us recipients only see the shared mailbox address, as if it were Send As. Is that expected?"],
  ["exchange.usage", "B", "A retention policy with a 2-year delete tag was applied a month ago, but old items are still sitting in the mailboxes. Start-ManagedFolderAssistant ran without errors."],
  ["exchange.autodiscover", "A", "Subject: new hires' Outlook profiles find the old on-prem mailbox\nSince our last batch finished, every newly created profile still finds the old 2016 server through the SCP and fails with a certificate prompt."],
];

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describeProbeRound('probe round 7 (x): Exchange, Apps and Teams messages labeled before triaging them', FIRST, () => engine);
describeProbeRound('probe round 7 (x): the fresh twelve written after the vocabulary', FRESH, () => engine);
