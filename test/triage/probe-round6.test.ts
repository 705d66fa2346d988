/**
 * Round 6's probes, and the class fixes they led to. Every message here is written for the test
 * in our own words; none comes from a labeled set or a document.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { PROBES_ROUND6 } from './probe-messages-round6.js';
import { describeProbeRound } from './probe-suite.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describeProbeRound('probe round 6: messages written and labeled before triaging them', PROBES_ROUND6, () => engine);

describe('people counted by their role ("two of our accountants")', () => {
  it('reads two or more people of a role as several users cut off', () => {
    expect(engine.triage('Three of our paralegals cannot open the Contracts library since lunch, it says access denied.').severity).toBe('A');
    expect(engine.triage('Word shows Unlicensed Product for 4 nurses on the night shift and they cannot edit anything.').severity).toBe('A');
  });

  it('reads "Both ..." opening the sentence after a title that named two people as several', () => {
    expect(engine.triage('Ticket: Outlook will not open for the two receptionists\nBoth get an error that the data file cannot be accessed.').severity).toBe('A');
  });

  it('keeps one person of a role at B', () => {
    expect(engine.triage('One of our paralegals cannot open the Contracts library since lunch, it says access denied.').severity).toBe('B');
    expect(engine.triage('Outlook and Teams both get an error on her laptop since the update.').severity).toBe('B');
  });
});

describe('"nobody knows" says who knows, not who is affected', () => {
  it('does not read nobody-knows as everyone cut off', () => {
    expect(engine.triage('The admin center shows the account of a buyer as blocked and no one remembers blocking it. She cannot get into anything.').severity).toBe('B');
    expect(engine.triage('A shared mailbox vanished from one manager\'s Outlook and nobody knows why. He needs it every day.').severity).toBe('B');
  });

  it('still reads nobody who cannot work as everyone', () => {
    expect(engine.triage('Nobody can sign in to Outlook since 8 am, the page just spins.').severity).toBe('A');
    expect(engine.triage('No one in the branch gets any mail since the weekend.').severity).toBe('A');
  });
});

describe('mail that reaches no mailbox at all', () => {
  it('reads "never arrives in any mailbox" as everyone cut off, even beside mail that works', () => {
    const result = engine.triage('Mail from outside never arrives in any inbox since noon, internal mail is fine.');
    expect(result.category).toBe('exchange.mailflow');
    expect(result.severity).toBe('A');
  });

  it('does not read a lookup that finds nothing "for any mailbox" as everyone', () => {
    expect(engine.triage('Search-MailboxAuditLog returns nothing for any mailbox we try, although auditing is switched on.').severity).toBe('B');
  });
});

describe('failures said without a failure verb', () => {
  it('reads Office asking a licensed user to activate as broken', () => {
    expect(engine.triage('Since his PC was reimaged, Excel says activation is required although he is signed in with his work account.').severity).toBe('B');
    expect(engine.triage('Office wants activation on the loan laptop of one sales rep every time she opens Word.').severity).toBe('B');
  });

  it('keeps a question about activating Office at C', () => {
    expect(engine.triage('How do I activate Office on a new PC for a user who just joined?').severity).toBe('C');
  });

  it('reads an admin lookup that returns nothing as one admin function broken, even asked about a page', () => {
    expect(engine.triage('The message trace docs say results go back ten days, but Get-MessageTrace returns nothing for mail sent yesterday. Is the page out of date?').severity).toBe('B');
  });
});

describe('mail that takes hours to arrive', () => {
  it('places a delay to a list in mail flow, and as badly degraded for the people on it', () => {
    const result = engine.triage('Mail to our Whole Company list takes about three hours to land in people\'s inboxes since Tuesday.');
    expect(result.category).toBe('exchange.mailflow');
    expect(result.severity).toBe('A');
  });

  it('keeps a delay for one person at B', () => {
    const result = engine.triage('Mail to one colleague in accounting takes two hours to arrive, everyone else gets it at once.');
    expect(result.category).toBe('exchange.mailflow');
    expect(result.severity).toBe('B');
  });

  it('leaves a list\'s own delivery restriction with recipients', () => {
    expect(engine.triage('Outside senders get a bounce when they write to our Sales distribution list; it only accepts mail from inside the company.').category).toBe('exchange.recipients');
  });
});

describe('a comma stretch that only says another product works', () => {
  it('does not let the working product place the message', () => {
    const result = engine.triage('Outlook on every laptop in the branch stopped connecting this morning, Teams is running fine though.');
    expect(result.category).toBe('exchange.usage');
    expect(result.severity).toBe('A');
    expect(engine.triage('OneDrive has stopped syncing for the whole design team since the update, Outlook works fine.').category).toBe('sharepoint.sites');
  });

  it('still places by the product when the same stretch says what fails', () => {
    expect(engine.triage('Teams works fine on the desktop but the mobile app cannot join any meeting.').category).toBe('skype.communication');
    expect(engine.triage('Outlook works fine, Teams meetings drop every user after ten minutes.').category).toBe('skype.communication');
  });
});

describe('adding a domain, said with "adding"', () => {
  it('places a DNS record question about a domain being added with domains', () => {
    expect(engine.triage('While adding a domain that only serves as a sign-in suffix, does it need the MX record the wizard lists?').category).toBe('tenant.domains');
  });

  it('keeps an MX record behind mail that does not arrive in mail flow', () => {
    expect(engine.triage('Since we changed the MX record, mail from outside stopped arriving.').category).toBe('exchange.mailflow');
  });
});

describe('a product saying a licensed account is not set up for it', () => {
  it('reads it as provisioning, and as a failure for that user', () => {
    const result = engine.triage('A new colleague got his E3 license on Monday, but Teams keeps saying his account is not set up for it. Mail works for him.');
    expect(result.category).toBe('tenant.provisioning');
    expect(result.severity).toBe('B');
  });

  it('leaves a question about installing Teams for new staff with Teams setup', () => {
    expect(engine.triage('How do we install the Teams desktop app on the laptops of new staff before their first day?').category).toBe('skype.setup');
  });
});

describe('remarks on a page\'s own form, whatever the page is about (tie-break 9)', () => {
  it.each([
    'Spelling mistake in the third step of the retention labels page: "recieve" twice.',
    'The OneDrive admin guide links to the old sync client download. Worth fixing.',
    'Nice article on Teams calling plans; the screenshots still show the old admin center though.',
    'Feedback on the Exchange connector docs: the same setting is given two different names. Thanks.',
  ])('sends a message made only of such remarks to unknown: %s', (message) => {
    const result = engine.triage(message);
    expect(result.category).toBe('unknown');
    expect(result.severity).toBeNull();
    expect(result.reasons.join(' ')).toContain('documentation page');
  });

  it('keeps the product\'s category when the page comment also reports something broken or asks', () => {
    expect(engine.triage('The screenshot in the shared mailbox article shows a Full Access option, but when I add it for one user she still cannot open the mailbox.').category).toBe('exchange.recipients');
    expect(engine.triage('Typo on the DKIM page aside, where do I find the CNAME records I should publish for our domain?').category).not.toBe('unknown');
    expect(engine.triage('Good article, but it would be hugely helpful if OneDrive could allow guest sharing while SharePoint sites stay internal.').category).toBe('sharepoint.external');
  });
});
