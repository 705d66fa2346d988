/**
 * Which sentence carries the request (issue 15, item 4). Real admins' forum posts, documentation
 * issues and help-desk tickets often start with their setup ("we have E3, hybrid with one
 * Exchange 2016 server"), a page they read, or a ticket title, and ask later. Every message here
 * is written for the test and labeled from taxonomy.md before it was triaged; none comes from a set.
 *
 * Counts (category right / severity right where labeled), the first 30 probes (28 with a
 * severity), written before any change:
 * - before this branch: category 27/30, severity 25/28;
 * - after (a setup sentence's products no longer stand for the failing product): the same
 *   27/30, 25/28. The 31st was written afterwards and fails both before and after. The reweighting variants that would have fixed more probes cost right answers
 *   on real messages (see the branch's report); the probes still open carry their reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { setupClauses } from '../../src/triage/structure.js';
import { analyze } from '../../src/triage/text.js';
import type { Probe } from './probe-suite.js';
import { describeProbeRound } from './probe-suite.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

const PROBES: ReadonlyArray<Probe> = [
  // forum posts: setup first, request later
  ['exchange.recipients', 'C', 'We are a 40-seat shop on Business Premium, hybrid with one Exchange 2016 server still on site, and Azure AD Connect syncs our accounts. How do I let our receptionist send as the info@ shared mailbox?'],
  ['exchange.mailflow', 'A', 'Our tenant is on E3 and we moved every mailbox last spring with a staged migration. Since this morning no external mail reaches any of us, senders get nothing back and the messages just vanish.'],
  ['sharepoint.permissions', 'B', 'We have OneDrive, Teams and a dozen SharePoint sites for each department. The finance manager gets access denied on the Budgets library even though she is in the site members group.'],
  ['skype.communication', undefined, 'Outlook, OneDrive and SharePoint all run fine for our staff. The only trouble: when our CFO joins a Teams meeting from the desktop app he hears nobody, while the browser works.'],
  ['identity.users', 'C', 'We bought Microsoft 365 Business Standard last year and set up our domain through the wizard. Is there a way to make the passwords of our service accounts never expire?'],
  ['office.install', 'B', 'Our users have E3 licenses, mailboxes in Exchange Online and their files in OneDrive. On one new laptop Word and Excel show an unlicensed product banner and will not activate.'],
  ['identity.dirsync', 'B', 'We run Exchange Online and SharePoint for 200 people. Azure AD Connect has been reporting a duplicate attribute error for two accounts since Tuesday and their changes no longer reach the cloud.'],
  ['tenant.domains', 'C', 'Our mail is already in Exchange Online and Teams is in daily use. We bought a second domain for a new brand: what DNS records do I need to add to verify it?'],
  ['billing.licenses', 'C', 'We use Teams, Outlook and SharePoint for everything and are very happy with it. Three new interns start next month, how do I add three seats to our Business Basic subscription?', `category: 'Teams' in the setup sentence places the message; 'add three seats' names no billing phrase`],
  ['exchange.autodiscover', 'B', 'We have a hybrid setup and just moved the last mailboxes. A user on a fresh PC cannot set up her Outlook profile: it says it cannot find the mailbox, autodiscover points to the old server.'],
  // docs issues: the page first, the problem later
  ['exchange.migration', undefined, 'This page describes the IMAP migration steps for Gmail. I followed them exactly, but my migration batch fails for every mailbox with an authentication error at the sync stage.'],
  ['identity.sso', 'A', 'The article explains how to renew the token-signing certificate for AD FS. After doing that last night nobody in the company can sign in to Office 365, the federation sign-in page shows an error.'],
  ['sharepoint.external', 'C', 'The documentation on sharing settings lists several levels for the organization. Where do I allow sharing links for people outside our company on just one site?'],
  ['skype.setup', 'B', 'The install guide for the Teams desktop client lists the system requirements, and our machines meet them. On one PC the Teams installer stops halfway with an error and the app never starts.'],
  ['tenant.provisioning', 'B', 'The licensing doc says a mailbox is created when an Exchange license is assigned. We assigned the license to a new employee two days ago and still no mailbox exists for her.'],
  ['unknown', null, 'This page mentions Exchange Online, SharePoint and Teams throughout. The table in the third section has a typo in one column header, please fix it.', `category: documentation feedback (tie-break 9) not recognised when the page names products`],
  // help-desk tickets: title then body
  ['sharepoint.sites', 'A', 'Ticket: Intranet down. Reported by the reception desk. Nobody in the building can open the company intranet site since 8am, the browser shows a server error. Outlook and Teams work.'],
  ['exchange.usage', 'B', 'Request summary: Outlook calendar problem. The user is on Windows 11 with Office installed from the portal. Her calendar in Outlook no longer shows any meetings she accepted this week.'],
  ['exchange.recipients', 'C', 'New request: mailbox access. The department head is off for a month. His deputy needs full access to his mailbox until he returns, please set it up.'],
  ['identity.users', 'B', 'Subject: account locked. The user called the help desk this morning. She uses Teams and Outlook on her phone and PC. Her account is blocked from signing in and she cannot reset the password herself.'],
  ['billing.invoice', 'C', 'Category: billing. We pay for Microsoft 365 by card and have around 80 seats. This month the invoice shows a charge twice, can someone explain the extra amount?'],
  ['exchange.mailflow', 'B', 'Incident: mail delay for one user. The user is in sales and uses Outlook on a Mac. Messages he sends to customers arrive hours later, internal mail is fine.'],
  // the last question carries the request
  ['sharepoint.sites', 'C', 'We are planning a new project space for the marketing team and they will share files with each other a lot. They already use Teams for chat. How do I create a new SharePoint communication site for them?'],
  ['exchange.recipients', 'C', 'I have a distribution list for the whole sales department with about 60 members. Some of them also use Teams channels for the same topics. Can I restrict who is allowed to send to the distribution list?'],
  ['presales.inquiry', 'C', 'We are a small nonprofit of twelve people, currently using free Gmail accounts and a shared drive. Which Microsoft 365 plan would fit us, and is there a nonprofit discount?'],
  ['identity.users', 'C', 'Our company has Exchange Online mailboxes for everyone and we use SharePoint for documents. How can I turn on MFA for the admin accounts only?', `category: 'SharePoint' in the setup sentence is a negative cue that rules identity out`],
  // several sentences, the failure with its object later
  ['skype.communication', 'A', 'Good morning, we had a storm last night but power is back everywhere. Since about nine nobody across our three offices can make or receive Teams calls, they fail right after dialing.'],
  ['sharepoint.sites', 'B', 'I have a Surface laptop with Office and all the updates. Last week I renamed a folder. Since then the OneDrive client on it shows a red cross and stops syncing my files.'],
  ['exchange.usage', 'C', 'My mailbox is in Exchange Online and everything works in Outlook on the web. Minor thing: old contacts I deleted in Outlook keep reappearing a day later, I can live with it.'],
  ['office.install', 'C', 'We have Exchange Online and a hybrid migration behind us. How do I deploy the Microsoft 365 Apps to all PCs with the Office Deployment Tool so they install in German?'],
  // written after the first triage, to pin what a setup's phrase still does
  ['sharepoint.sites', 'A', 'We have Exchange Online and Teams for 50 people. Since this morning nobody can open the intranet on SharePoint.', `category: 'Teams' in the setup sentence is a phrase and places the message; not letting a setup's phrases place cost a right answer on unstudied real messages`],
];

describeProbeRound('the request after context: probes written and labeled before triaging them', PROBES, () => engine);

describe('a setup told before the request', () => {
  it('does not stand for the product that fails', () => {
    // The only products are the setup's; the failure (a sign-in page) names neither of them.
    const result = engine.triage('We have Exchange Online and SharePoint for 50 people. Since this morning nobody can get past the sign-in page.');
    expect(result.category).not.toBe('sharepoint.sites');
    expect(result.category).not.toMatch(/^exchange\./);
  });

  it('keeps ruling an outside cause out when the setup says the add-in is our own', () => {
    // "in house" / "our devs" are facts that rule out a third party: a setup keeps them.
    const result = engine.triage('We use an in-house add-in in Outlook that our devs wrote. Since the update Outlook crashes at start for everyone.');
    expect(result.category).not.toBe('boundary.third-party');
  });
});

describe('a message of one sentence reads as before', () => {
  it.each([
    ['We have a shared mailbox for support and nobody can open it in Outlook since this morning.', 'exchange.recipients'],
    ['We use OneDrive on every laptop and it stopped syncing for the whole office today.', 'sharepoint.sites'],
    ['How do I let our receptionist send as the info shared mailbox?', 'exchange.recipients'],
  ])('%s → %s', (message, category) => {
    expect(engine.triage(message).category).toBe(category);
  });

  it('has no setup clause apart from its own request', () => {
    const text = analyze('We have a shared mailbox for support and nobody can open it in Outlook');
    expect(setupClauses(text, 0, () => true).size).toBe(0);
  });
});

describe('setupClauses', () => {
  const asksNothing = () => false;

  it('finds a subject with a verb of having or using before the opening', () => {
    const text = analyze('We have E3 and one Exchange 2016 server on site. Our tenant is on Business Premium. Outlook cannot find the mailbox.');
    expect([...setupClauses(text, 2, asksNothing)]).toEqual([0, 1]);
  });

  it('reads "we\'re on" and "we also use"', () => {
    expect(setupClauses(analyze("We're on E5 for everyone. Teams calls drop."), 1, asksNothing).has(0)).toBe(true);
    expect(setupClauses(analyze('We also use SharePoint for files. Teams calls drop.'), 1, asksNothing).has(0)).toBe(true);
  });

  it('does not take an attempt, a purchase or quoted words for a setup', () => {
    expect(setupClauses(analyze('When I try to run the script. It fails.'), 1, asksNothing).size).toBe(0);
    expect(setupClauses(analyze('We bought it online with a card. How do I add seats?'), 1, asksNothing).size).toBe(0);
    expect(setupClauses(analyze("'we have moved your mailbox' is what the banner says. Outlook is empty."), 1, asksNothing).size).toBe(0);
  });

  it('does not take a clause that asks or reports for a setup', () => {
    const text = analyze('We have two people who cannot sign in. Please help.');
    expect(setupClauses(text, 1, (clause) => clause === 0).size).toBe(0);
  });
});
