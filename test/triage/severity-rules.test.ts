import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * taxonomy.md's severity rules, applied in order, as an admin sees them: the severity the bot
 * gives a message. Every message here was written for this test.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

function severityOf(text: string): string | null {
  return engine.triage(text).severity;
}

describe('rule 1: a how-to, a hypothetical or nothing broken right now is C', () => {
  it.each([
    ['a how-to after a paragraph of context', 'We moved 300 mailboxes last spring and the migration went well. Now the auditors ask: how do we export a list of all mailboxes with their sizes?'],
    ['a hypothetical about everyone', 'Our E3 users have had Outlook for years without trouble. If we switch everyone to the new Outlook next quarter, will shared calendars still work?'],
    ['"is it possible" about all users', 'Is it possible to stop all users from creating Teams, so that only IT can?'],
    ['a request for something new', 'please create a new SharePoint site for the audit team, with the finance group as members'],
    ['a failure in the past, and prevention', 'How can I set passwords of service accounts to never expire? We had several accounts locked out last year and want to avoid that.'],
    ['a zh-TW how-to about the whole company', '請問如何讓全公司的使用者都能看到共用行事曆？'],
  ])('%s', (_why, text) => {
    expect(severityOf(text)).toBe('C');
  });

  it('a request for access is no longer C when another sentence says access is failing', () => {
    expect(severityOf('I need access to the Legal library in SharePoint.')).toBe('C');
    expect(severityOf('I need access to the Legal library in SharePoint. The owner added me twice and I still get access denied.')).toBe('B');
  });

  it('a how-to question outweighs a vague "does not", never a clear failure', () => {
    expect(severityOf('How do I point the outbound connector in Exchange Online at port 587? The smart host field does not take a port.')).toBe('C');
    expect(severityOf('How do I point the outbound connector in Exchange Online at port 587? Since Monday every message to the smart host fails.')).not.toBe('C');
  });

  it('asking why something happens is no how-to', () => {
    expect(severityOf('Why do all the Teams meeting recordings of our sales team vanish from OneDrive after a day?')).not.toBe('C');
  });
});

describe('rule 2: users cut off, or a deadline blocked, is A', () => {
  it.each([
    ['forty users cannot sign in', 'Since 9am none of our 40 users can sign in to Outlook, they get error AADSTS50076'],
    ['me and five others', 'Teams meetings drop after a few minutes for me and 5 others since this morning'],
    ['the whole company, in zh-TW', '我們公司的 Teams 會議都無法加入'],
    ['one mail route failing before a deadline tonight', 'Mail to our biggest customer has been bouncing with 550 5.7.1 since noon and the quarter-end contract is due tonight'],
  ])('%s', (_why, text) => {
    expect(severityOf(text)).toBe('A');
  });
});

describe('rule 3: one user or one feature broken, no workaround on the user side, is B', () => {
  it.each([
    ['a wizard that fails while users work on', 'The retention policy wizard fails at the last step with an unexpected error, users are not affected'],
    ['one user, the others fine', 'One user cannot open the finance library, she gets access denied, everyone else is fine'],
    ['one colleague in zh-TW', '有一位同事的 Outlook 一直跳出密碼視窗'],
    ['a garbled control the user needs (the seed\'s Send button)', 'The Send button in Outlook shows garbled characters for one user'],
  ])('%s', (_why, text) => {
    expect(severityOf(text)).toBe('B');
  });

  it('a site everyone can still read but not change is impaired, not down: B', () => {
    expect(severityOf('our intranet SharePoint site turned read-only for everyone yesterday')).toBe('B');
  });

  it('a workaround only the admin can use (PowerShell) does not lower it', () => {
    const result = engine.triage('The mailbox permissions page in the admin center is empty; I can still set Full Access in PowerShell');
    expect(result.severity).toBe('B');
    expect(result.reasons.join(' ')).toContain('only an admin can use');
  });
});

describe('rule 4: a workaround the user can live with, or a cosmetic fault, is C', () => {
  it.each([
    ['webmail in the meantime', 'Outlook keeps asking one user for her password; she uses Outlook on the web meanwhile, no rush'],
    ['an old profile photo', "one user's profile photo in Teams is an old one, a minor annoyance"],
    ['garbled text that is no control', 'the email signature of one user shows garbled characters in replies, she can live with it'],
  ])('%s', (_why, text) => {
    expect(severityOf(text)).toBe('C');
  });
});

describe('reading the whole message, sentence by sentence', () => {
  it('failure words in a sentence about a documentation page are about the page', () => {
    expect(severityOf('The article on shared mailbox licensing does not say when a license is required. Which plans include an archive for a shared mailbox?')).toBe('C');
  });

  it('a message that describes no failure at all is not read as broken', () => {
    expect(severityOf('We would like the default sharing link of the marketing site in SharePoint to be people in your organization')).toBe('C');
  });
});
