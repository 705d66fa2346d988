import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { PROBES_ROUND5 } from './probe-messages-round5.js';
import { describeProbeRound } from './probe-suite.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describeProbeRound('probe round 5: messages written and labeled before triaging them', PROBES_ROUND5, () => engine);

describe('products named as a working setting before the request', () => {
  it('lets the request decide when the first sentence lists products that work', () => {
    expect(engine.triage('We run Teams for meetings and OneDrive for everyone\'s files, all without trouble. A manager is on leave for two months: how do I give her assistant full access to her mailbox?').category).toBe('exchange.recipients');
    expect(engine.triage('Teams chat and calls work well here and SharePoint runs smoothly. What I need is to forward one leaver\'s mail to his manager, where is that setting?').category).toBe('exchange.recipients');
  });

  it('still places a message by the product that fails when another one works', () => {
    expect(engine.triage('Mail works fine for everyone. Since this morning nobody can open the intranet site, it shows an error page.').category).toBe('sharepoint.sites');
    expect(engine.triage('Since the update OneDrive stops syncing on every PC with an error, although the web version works fine.').category).toBe('sharepoint.sites');
  });
});

describe('a group\'s own sending restriction behind a bounce (tie-break 6)', () => {
  it('places the bounce with the group\'s configuration, however many bounce words come first', () => {
    expect(engine.triage('Since yesterday a supplier\'s mail to our Sales distribution list bounces with a 5.7.1 error; the list was changed to take mail only from senders inside our organization.').category).toBe('exchange.recipients');
    expect(engine.triage('Bounce after bounce: our new intern\'s messages to the Board list come back, the NDR says he is not permitted to send to the Board list.').category).toBe('exchange.recipients');
  });

  it('keeps rejections by a rule or the service in mail flow', () => {
    expect(engine.triage('A new transport rule rejects every message with a zip file, including mail sent to our Sales distribution list. How do I add an exception?').category).toBe('exchange.mailflow');
    expect(engine.triage('Outside partners get a 550 5.7.1 bounce when they write to our Projects group; internal people can send to it fine.').category).toBe('exchange.mailflow');
  });
});

describe('trials and subscriptions ended in several sentences (tie-break 8)', () => {
  it('reads a trial the admin will not pay for yet, or wants extended, as renewal', () => {
    expect(engine.triage('Our Business Basic trial runs out on Sunday and we are not ready to pay; can we get more time to test?').category).toBe('billing.renewal');
    expect(engine.triage('The Project Plan 3 trial expired on Monday. We would rather not pay before the pilot is over, is a trial extension possible?').category).toBe('billing.renewal');
  });

  it('keeps a trial the admin wants to keep by paying in conversion', () => {
    expect(engine.triage('Our trial expires tomorrow and we want to keep using it, how do we start paying?').category).toBe('billing.conversion');
    expect(engine.triage('The trial ran out yesterday and I want to keep the mailboxes, how do I pay for it?').category).toBe('billing.conversion');
  });

  it('reads ending a named subscription as cancellation, and stopping its renewal as renewal', () => {
    expect(engine.triage('We want to end the Exchange Online Plan 1 subscription today, the mailboxes moved to another provider.').category).toBe('billing.cancellation');
    expect(engine.triage('How do I stop the Business Standard subscription from renewing automatically next month?').category).toBe('billing.renewal');
  });
});

describe('a subscription bought through a partner, told as history (tie-break 8)', () => {
  it('still sends it to the partner when the purchase was years ago', () => {
    expect(engine.triage('Back in 2020 we bought our Office 365 plan through GoDaddy. Today I need five more licenses and the Microsoft admin center has no option to buy them, what now?').category).toBe('boundary.third-party');
  });

  it('keeps other history told first as background', () => {
    expect(engine.triage('Years ago we bought a few licenses in a shop. Now one user cannot sign in, the sign-in page says her account is locked.').category).toBe('identity.users');
  });
});

describe('mail that never arrives, said as "nothing from outside reaches our mailboxes"', () => {
  it('reads it as mail flow failing for everyone, after a sentence saying other products work', () => {
    const result = engine.triage('OneDrive and Teams behave normally. Since noon nothing from outside gets into our inboxes, not even newsletters.');
    expect(result.category).toBe('exchange.mailflow');
    expect(result.severity).toBe('A');
  });

  it('places mail from external senders in mail flow, not external sharing', () => {
    expect(engine.triage('Since the MX change nothing from external senders gets through to our mailboxes.').category).toBe('exchange.mailflow');
    expect(engine.triage('Guests from a partner company cannot open the files we shared externally from SharePoint.').category).toBe('sharepoint.external');
  });
});

describe('a sign-in failure in a product, caused by the account itself', () => {
  it('places it with the user accounts, not with the product where it shows', () => {
    expect(engine.triage('Our team of six cannot log in to Teams or Outlook since lunch; each of them is told the account is locked.').category).toBe('identity.users');
    expect(engine.triage('The buyer\'s password expired on Friday, so now she cannot sign in to Teams on her laptop.').category).toBe('identity.users');
  });

  it('keeps a Teams sign-in failure with no account state told in the Teams client', () => {
    expect(engine.triage('Teams will not sign in on three new laptops, it shows error 30045 and stays on the loading screen.').category).toBe('skype.setup');
  });
});

describe('a product asking for a license the admin center shows as assigned', () => {
  it('reads it as provisioning, not as buying one', () => {
    expect(engine.triage('OneDrive tells a new hire he needs a license, yet his Business Premium license shows as assigned since Monday.').category).toBe('tenant.provisioning');
  });
});

describe('a newly bought domain, after a sentence that says everything works', () => {
  it('places adding it with domains', () => {
    expect(engine.triage('Exchange Online and Teams run fine for us. We purchased a short new domain for the company and want all sign-in names to use it, what are the steps?').category).toBe('tenant.domains');
  });
});

describe('"nobody hears" or "nobody sees" as a failure', () => {
  it('reads everyone who cannot hear or see in meetings as cut off', () => {
    expect(engine.triage('Since this morning nobody in the office hears the other side in Teams calls.').severity).toBe('A');
    expect(engine.triage('Since the update no one in our team sees shared screens in Teams meetings.').severity).toBe('A');
  });
});

describe('a how-to that asks to undo a failure told before it', () => {
  it('keeps the failure\'s severity when the question asks how to make it work again', () => {
    const result = engine.triage('Customers say their replies to our help address bounce. The address is a distribution group that someone limited to internal senders. How do I let outside people reach it again?');
    expect(result.category).toBe('exchange.recipients');
    expect(result.severity).toBe('B');
  });

  it('leaves a how-to with nothing broken at C', () => {
    expect(engine.triage('How do I set up the Outlook profile again on a new laptop?').severity).toBe('C');
  });
});

describe('a product refusing a user for want of a license', () => {
  it('reads the refusal as a failure for that user', () => {
    const result = engine.triage('Word on the web tells a new colleague that he needs a license, yet the admin center lists his E3 license as assigned with every app switched on.');
    expect(result.category).toBe('tenant.provisioning');
    expect(result.severity).toBe('B');
  });

  it('leaves a question about whether a license is needed at C', () => {
    expect(engine.triage('Does a shared mailbox need a license if nobody signs in to it?').severity).toBe('C');
  });
});

describe('the people named just before a contrast that tells their failure', () => {
  it('reads them as who is affected', () => {
    expect(engine.triage('Twelve interns joined on Monday with licenses assigned, but none of them can open Outlook, it says the mailbox cannot be found.').severity).toBe('A');
    expect(engine.triage('Our 30 field staff were moved to the new plan yesterday, but since then they get an error when they open OneDrive.').severity).toBe('A');
  });

  it('does not read a head count told before a contrast about something else as affected', () => {
    expect(engine.triage('We have 200 users, but the retention policy page in the Exchange admin center shows an error when I open it.').severity).toBe('B');
  });
});
