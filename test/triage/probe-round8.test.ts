/**
 * Probe round 8 (tcat) for issue 15: category generalization to real admins' words. Every message
 * was written for the test in our own words, over all categories of taxonomy.md, in the held-back
 * sets' three styles (forum posts that tell the story first and ask last, comments on a
 * documentation page that set the page against the tenant, help-desk tickets with fields), and
 * labeled from taxonomy.md before it was triaged. They are hard the way real text is: products
 * named as background, the request in one sentence of several, everyday words instead of the
 * product's (an outside firm's people, a second brand name, a page that is blank for everyone).
 *
 * Counts (category right):
 * - the first 44, as written, before this round's fixes (the transfer measure): 40/44; after them
 *   44/44 (products said to "work" are context; an outside firm's people and the files shared with
 *   them; sharing words rule out the cloud-accounts intent).
 * - the fresh 12, written after the fixes and triaged once, not used for fixing: 10/12.
 * Severity is tsev's area: the probes it misses carry the reason as a fourth field (todos).
 */
import { beforeAll } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { describeProbeRound, type Probe } from './probe-suite.js';

const FIRST: ReadonlyArray<Probe> = [
  ["exchange.migration", "B", "We used to be on a small local hosting company for email, and about half of our staff have already been brought across to Microsoft 365 over the last month. Outlook works great for them. The problem is the remaining twelve people: every time I start their batch it sits at 'Syncing' for a day and then fails with a message about the source server refusing the login. Their passwords are correct, I checked on the old host's webmail. How do I get these last accounts moved?"],
  ["exchange.migration", "C", "Ticket #4471\nRequester: J. Ortiz (IT)\nSummary: wants to know whether mailboxes can be brought over from the old Exchange 2013 box in small groups over several weekends instead of all at once. Planning only, nothing broken."],
  ["exchange.recipients", "B", "In the doc on mailbox permissions, the Full Access part says the mailbox shows up in the delegate's Outlook on its own. In our tenant I gave our office manager full access to the boss's mailbox two days ago and it never appeared in her folder list. Does the automapping part still apply?", "severity: a Full Access grant that never showed up, told against the page and closed with 'Does the automapping part still apply?', reads as a question (C); the delegate's missing mailbox is broken now (tsev's area)"],
  ["exchange.recipients", "B", "Ticket: forwarding for departed employee\nUser left Friday. Manager asked that his mail go to her. Forwarding set on his mailbox in admin center, but she is still not receiving anything addressed to him. Other mail fine."],
  ["exchange.autodiscover", "B", "Ticket: new Outlook profile cannot locate account\nAffected: one user, reception PC\nOutlook says it cannot find the settings for the address when adding it; webmail works. Our public DNS got moved to a new provider last week.", "severity: one user whose new profile cannot be created while webmail works read as a workaround (C); the same rule-3/rule-4 question as round 7's autodiscover probe (tsev's area)"],
  ["exchange.mailflow", "A", "Hi everyone. We are a 60-person architecture firm and moved to Microsoft 365 two years ago, using Teams and SharePoint daily, no complaints. Since about lunchtime today though, customers keep phoning to say that their replies to us bounce back. Nothing from the outside reaches any of us, while messages among ourselves are fine. What should we check first?", "severity: nothing from outside reaches anyone (rule 2), but the closing 'What should we check first?' reads as a how-to (C) (tsev's area)"],
  ["exchange.mailflow", "B", "The docs page on outbound spam says users who hit the sending limit get unblocked automatically after a day. One of our sales reps has been stuck for three days: every message she sends comes back saying she is restricted. How do we release her?"],
  ["exchange.usage", "C", "Ticket: user wants old contacts gone\nOne user deleted a bunch of personal Outlook contacts but they keep coming back on her laptop after a restart. Phone is fine. Low priority."],
  ["exchange.usage", "B", "Our CFO's Outlook shows the meeting rooms as free when they are clearly booked, and he ended up double-booking the board room twice this week. Other people see the right availability. We use SharePoint and Teams heavily too if that matters. Any idea why only his view is wrong?"],
  ["sharepoint.permissions", "B", "The article on sharing and permissions says members of the Visitors group can read but not edit. We put our interns in Visitors on the HR site and now they get a message that they do not have access at all when they open the Policies library. What is wrong?", "severity: interns refused on a library, told against the page and closed with 'What is wrong?', read as a question (C) (tsev's area)"],
  ["sharepoint.permissions", "A", "Ticket: finance team locked out of department site\nSince this morning all 14 people in finance get 'you need permission' when opening their department site. Nothing changed on our side that we know of. Quarter close is Thursday."],
  ["sharepoint.external", "B", "We do a lot of work with an outside accounting firm. Their people could open the folders we shared with them until last week. Now when they click the link they are told the account they signed in with is not allowed. Inside the company everything opens fine. What could have changed?"],
  ["sharepoint.external", "C", "On the page about guest sharing settings: is there a way to let people outside the company view one particular site but not any other site? The page only talks about the tenant-wide switch."],
  ["sharepoint.sites", "B", "Ticket: OneDrive client stuck\nOne user, Windows laptop. Sync icon has been spinning for two days and new files are not uploading. Web version shows the older copies."],
  ["sharepoint.sites", "A", "Long-time lurker. Our company intranet has been a blank page with a 'something went wrong' box for everyone since 8am. We didn't change anything. Teams and Outlook work. We have an all-hands tomorrow and the agenda lives there. Help!"],
  ["skype.setup", "C", "Ticket: add contacts in Teams\nNew starter asks how to add people from another company to her contacts list in Teams so she can see them quickly. How-to."],
  ["skype.setup", "B", "I'm rolling out the new desktop client to the design team. On one Mac the installer finishes but the app never opens, it bounces in the dock once and quits. Mail and the Office apps work on that machine. Logs say nothing useful. Where do I start?"],
  ["skype.communication", "A", "Since this morning nobody in our call center can hear the caller on incoming calls through Teams, although the caller can hear us. About 25 agents are affected and the phones are our business. Network team says nothing changed."],
  ["skype.communication", "B", "The doc about meeting lobby settings says that people from our own org bypass the lobby by default. In our tenant one of our own employees always waits in the lobby of the weekly staff meeting, while others join straight in. How can that be?", "severity: one employee always held in the lobby, told against the page and closed with 'How can that be?', read as a question (C) (tsev's area)"],
  ["office.install", "B", "Ticket: Excel asks to activate\nOne user, Windows 11. Excel and Word show 'product deactivated' banner since yesterday. User has an E3 license assigned. Signed out and in, no change."],
  ["office.install", "C", "We are planning to put the Office desktop apps on about 80 new laptops next month. Is there a way to pick which apps get installed, say leave out Access and Publisher, when deploying from a network share?"],
  ["tenant.provisioning", "A", "We assigned Business Premium licenses to three new hires on Monday. Their licenses show as assigned in the admin center, but when they try to open their mailbox it says it does not exist yet. It is now Wednesday. Is something stuck?"],
  ["tenant.provisioning", "A", "Ticket: Planner not available\nAdmin reports that Planner does not appear for any user although the plan includes it; license detail shows the service as pending for all users for a week."],
  ["tenant.domains", "B", "The article on adding a domain says the TXT record verifies within an hour or so. We added ours three days ago at our registrar and the admin center still says it cannot find the record. We can see the record with nslookup."],
  ["tenant.domains", "C", "We own a second brand name and would like people to be able to receive mail at both addresses. Do we have to buy another subscription to add the second name to our tenant, or can we just add it?"],
  ["identity.sso", "A", "Ticket: nobody can sign in - federated domain\nSince the token signing certificate rolled over last night no user on contoso domain can sign in to any Microsoft 365 service; they land on our sign-in page then get an error. ADFS server is up."],
  ["identity.sso", "C", "We plan to retire our on-premises federation servers and move everyone to cloud authentication. What is the right order of steps so users don't notice?"],
  ["identity.dirsync", "B", "We have about 400 users coming from our local AD. Since a colleague renamed a few accounts on the domain controller, those five accounts never update in the cloud, and the sync tool shows an export error about a value that already exists. The rest sync fine."],
  ["identity.dirsync", "C", "Ticket: question about sync scheduling\nAdmin asks how to make the directory sync run more often than every half hour. Nothing broken."],
  ["identity.users", "B", "Ticket: MFA reset\nUser got a new phone, old authenticator app gone, she cannot complete the second step at sign-in. Requests reset of her sign-in methods."],
  ["identity.users", "C", "Is there a way to stop passwords from expiring for the few service accounts we have in the cloud? Everything works, we just don't want to reset them every 90 days."],
  ["billing.purchase", "C", "We are a new nonprofit with 10 people and would like to buy Microsoft 365 for everyone. Can we buy it directly online with a credit card, and how long does it take before we can use it?"],
  ["billing.conversion", "C", "Our free trial of Business Standard ends next week and we want to keep everything we set up. How do we switch it into a paid plan without losing data?"],
  ["billing.invoice", "C", "Ticket: invoice question\nAccounts payable says last month's bill is higher than expected and lists a charge they don't recognize. Wants an explanation of the line items."],
  ["billing.renewal", "A", "Our subscription apparently wasn't renewed because the card on file expired, and this morning nobody in the office can get into their email. We never saw a warning. How do we get it back on right away?"],
  ["billing.licenses", "C", "We are hiring five people next month. How do I add five more seats to our existing plan, and will the bill change right away?"],
  ["billing.cancellation", "C", "We merged with another company and will use their tenant. I want to end our own subscription at the end of this month. Where do I do that and do we get anything back?"],
  ["presales.inquiry", "C", "We are comparing plans for a 30-person office: do we need E3 or is Business Premium enough if we want device management and the desktop apps? What is the main difference?"],
  ["boundary.network", null, "Since our IT contractor replaced the office router on Saturday, Outlook and Teams on every office PC just spin and never connect. Everything works from people's phones on mobile data and from home. The router vendor says it's not them."],
  ["boundary.third-party", null, "We use an email signature tool from another vendor that plugs into Outlook. After this week's update the signature no longer gets added to new messages for anyone in sales. Their support hasn't replied yet."],
  ["boundary.scripts", null, "I wrote a small PowerShell script that loops through our users and sets their usage location, but it stops halfway with an error about a null value. Can someone look at my script and tell me what I did wrong?"],
  ["redirect.developer", null, "Ticket: Graph API question\nDeveloper on our team is building an internal app that reads users' calendars through the Graph API and gets 403 on some calls. Wants help with the app permissions in his code."],
  ["redirect.sovereign", null, "Our China branch has its own tenant run by 21Vianet. Their users can't open shared files from the main office since yesterday. Who do we contact?"],
  ["redirect.volume-licensing", null, "We bought Office through our Enterprise Agreement a few years ago and need to know how many licenses we are entitled to under the agreement. Where can I check that?"],
];

const FRESH: ReadonlyArray<Probe> = [
  ["exchange.recipients", "B", "Ticket: mailbox access for new assistant\nRequester: office manager\nThe new assistant was given rights to open the director's mailbox on Tuesday, but when she tries to send from it the message comes back saying she isn't allowed. Reading works. Please fix."],
  ["sharepoint.permissions", "B", "We reorganised our project area last month and gave each department its own library. Now one of our engineers, who is in the right group as far as I can tell, gets told he needs to ask the owner for access every time he opens the Drawings library. Everyone else in his group gets in. What should I look at?", "severity: one engineer refused on a library, closed with 'What should I look at?', read as a how-to (C) (tsev's area)"],
  ["identity.dirsync", "B", "The doc on attribute filtering says changing the filter and running a full sync picks up the new users. We did that yesterday, but the accounts in the new OU still are not in Entra, and the connector space shows them as filtered. Is a step missing?", "severity: accounts that do not sync after the documented steps, closed with 'Is a step missing?', read as a question (C) (tsev's area)"],
  ["tenant.domains", "B", "Ticket: email address change request\nMarketing rebranded; they want everyone's address to end with the new company name. The new name was added in the admin center but it stays in 'Unverified' and we can't pick it for users."],
  ["billing.renewal", "C", "Our yearly plan comes up in March and I'd rather not be charged automatically this time, we may move to a different plan. Where do I switch that off?", "category: 'charged automatically' is not read as auto-renew (the renewal pattern reads 'automatic yearly charge', not the verb form), so the invoice intent's 'charged' decides; not fixed: this batch measures transfer"],
  ["exchange.mailflow", "A", "Good morning all. We're a school with about 300 staff on Microsoft 365, and since the weekend parents say our emails never get to them; a couple got a notice back about our sender not being trusted. Internal emails are fine. Term starts Monday, we need this working.", "category: mail that 'never gets to' outside recipients and a notice about an untrusted sender: no mail-flow phrase reads this everyday wording, and the examples guess single sign-on; not fixed: this batch measures transfer"],
  ["skype.communication", "B", "In the meetings article it says people calling in by phone can start a meeting without the organizer. For us callers hear music and wait until the organizer shows up, even with that option on. One of our managers relies on this for her morning calls.", "severity: dial-in callers held until the organizer joins, told against the page, read as nothing broken (C) (tsev's area)"],
  ["office.install", "B", "Ticket: Outlook/Word won't open after update\nOne user, Windows 10. After last night's updates all the Office programs flash and close immediately. Repair from settings ran, no change. She's working from the browser for now but needs the desktop Excel macros.", "severity: one user's Office apps close at start, with the browser as a stopgap but desktop-only macros needed, read as a workaround (C) (tsev's area)"],
  ["exchange.migration", "B", "We're halfway through bringing our people over from the old provider. For the last group the sync says it finished, but their sent folders are empty on the new side. Their inboxes are fine. Can we re-run just those folders?"],
  ["billing.invoice", "C", "Ticket: billing contact\nFinance wants the monthly bills to go to the accounts payable mailbox instead of the former IT manager who left. Where do we change who receives them?"],
  ["boundary.network", null, "Since our ISP swapped our line on Friday, Teams calls and SharePoint pages are very slow for the entire office; on phones using mobile data everything is quick. The ISP says their side is fine but our speed tests say otherwise."],
  ["identity.users", "C", "Is there a way to let our two helpdesk staff reset passwords for regular users without giving them full admin rights? Nothing is broken, just want to set it up properly."],
];

/**
 * The two open category classes of issue 15, fixed in this round: an add-in the admin's own people
 * built is developer work (not a vendor's add-in), and a Power Platform connector or flow is the
 * admin's own automation (not a mail-flow connector). The last two keep the neighbours they border.
 */
const CLASSES: ReadonlyArray<Probe> = [
  ["redirect.developer", null, "We have an Outlook add-in we built ourselves for the sales team; since Tuesday its pane stays blank for everyone."],
  ["redirect.developer", null, "The Word add-in our developers wrote stopped loading after the last update, although the manifest did not change."],
  ["redirect.developer", null, "A Power Automate flow that uses the Outlook connector to send approval emails fails with 403 since yesterday."],
  ["redirect.developer", null, "The SharePoint connector in our Power Automate flow can no longer create list items."],
  ["boundary.third-party", null, "Outlook hangs for everyone since we deployed a CRM vendor's add-in last week; turning it off helps."],
  ["exchange.mailflow", "A", "Our inbound connector from the on-premises server rejects all mail with a TLS error since this morning."],
];

/**
 * A setup told first lists what the admin has, not what the message is about: a product in it does
 * not rule out the area of the request (SharePoint named there once vetoed every cloud-account
 * intent), and a list after the setup's colon belongs to the same setup.
 */
const SETUP: ReadonlyArray<Probe> = [
  ["identity.users", undefined, "We use SharePoint and Teams every day. A user got a new phone and cannot complete the authenticator prompt anymore; how do we reset her sign-in methods?"],
  ["identity.users", undefined, "We run everything on Microsoft 365: Outlook, Teams, SharePoint for our files. A user got a new phone and cannot complete the authenticator prompt anymore; how do we reset her sign-in methods?"],
];

/**
 * Short messages in everyday words, one or two per class of wording this round taught the rules
 * (an outside firm's people and the files shared with them, a waiting room, a plan that ran out, a
 * seat freed up, accounts that do not have OneDrive yet, a local directory, a shared inbox, mail that
 * vanishes or goes to the old server, items that did not come along, Teams stuck on an old version,
 * a federation server, pre-sales asked as "what should we get?"). Category only: written to find
 * words no rule read; each placed wrong or unknown before its class was added.
 */
const EVERYDAY: ReadonlyArray<Probe> = [
  ["sharepoint.external", undefined, "The consultants we hired can't open the folder I sent them anymore."],
  ["sharepoint.external", undefined, "How do I let someone from another company edit a file in our team site?"],
  ["sharepoint.external", undefined, "A contractor with a gmail address cannot get into the project folder we opened to him."],
  ["sharepoint.external", undefined, "People at our supplier say the file I passed on asks them to sign in with a Microsoft account they don't have."],
  ["tenant.provisioning", undefined, "Three people we added yesterday don't have OneDrive yet."],
  ["tenant.provisioning", undefined, "Teams shows 'you don't have a license' for new staff although they have E3 assigned."],
  ["identity.dirsync", undefined, "Changes we make in our local directory no longer show up in the cloud."],
  ["exchange.recipients", undefined, "The shared inbox for support doesn't show up in my Outlook."],
  ["skype.communication", undefined, "Guests wait in the waiting room forever."],
  ["skype.communication", undefined, "Status shows offline for everyone even when they're online."],
  ["billing.renewal", undefined, "Our plan ran out and people lost access to email."],
  ["billing.licenses", undefined, "We need to free up a seat from someone who left."],
  ["presales.inquiry", undefined, "We are thinking about buying E5 for the compliance features; does it include eDiscovery Premium?"],
  ["billing.licenses", undefined, "How do I move a license from one user to another?"],
  ["exchange.migration", undefined, "Archive mailboxes didn't come along when we moved users to the cloud."],
  ["exchange.mailflow", undefined, "Our emails to Yahoo and AOL addresses just vanish; nobody gets them and we get nothing back."],
  ["exchange.mailflow", undefined, "Replies from one client end up nowhere since last week, they say they sent them."],
  ["billing.conversion", undefined, "The free month ends soon and we want to go on with it, which plan do we pick so nothing is lost?"],
  ["identity.users", undefined, "The display name of a user in Teams is still her maiden name; she changed it weeks ago in her profile."],
  ["presales.inquiry", undefined, "We have 8 staff and want email with our own name plus shared files. What should we get?"],
  ["tenant.provisioning", undefined, "We signed up, but Exchange still says it's being set up after two days."],
  ["skype.setup", undefined, "Teams classic was removed by the update but the new one never got installed on 20 PCs."],
  ["skype.setup", undefined, "Teams on our Macs is stuck on an old version and doesn't update itself."],
  ["identity.sso", undefined, "Teams meeting join asks for a login and then our company sign-in page says the relying party is not trusted."],
  ["identity.sso", undefined, "Users signing in to Teams on phones get redirected to our old federation server name that no longer exists."],
  ["tenant.provisioning", undefined, "OneDrive says 'we're still setting things up' for our new users since Monday."],
  ["exchange.migration", undefined, "We need to bring about 40 Gmail accounts into our Microsoft 365 tenant; what's the easiest way?"],
  ["exchange.migration", undefined, "The tool we used to copy mailboxes says complete but the shared calendars didn't transfer."],
  ["exchange.migration", undefined, "Users moved to the cloud last night cannot open the shared mailboxes that are still on-premises."],
  ["exchange.mailflow", undefined, "Mail to us from a few outside senders gets held and never shows up; their IT says it left them fine."],
  ["boundary.third-party", null, "We bought our licenses through our hosting company and can't reach the billing page; who helps with that?"],
  ["presales.inquiry", undefined, "Do you have a plan with just Teams and no email?"],
  ["exchange.recipients", undefined, "Our company uses Teams for chat and Outlook for email. We have a group address for the board that six people are in. Since yesterday, when someone outside the company writes to it, they get a message back saying they are not allowed to send to it. Internal people can still write to it. What setting is this?"],
];

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describeProbeRound('probe round 8: every category in real admins\' words, labeled before triaging them', FIRST, () => engine);
describeProbeRound('probe round 8: the fresh twelve written after the fixes', FRESH, () => engine);
describeProbeRound('probe round 8: add-ins we built and Power Platform connectors', CLASSES, () => engine);
describeProbeRound('probe round 8: a setup told first rules no area out', SETUP, () => engine);
describeProbeRound('probe round 8: everyday wording for each class this round added', EVERYDAY, () => engine);
