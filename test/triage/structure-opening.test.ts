/**
 * Reading a message's structure (issue 15): real admins open with the subject and go on with
 * background that names other areas. The area named in the opening sentence decides over one
 * named only in the background. Every message here is written for the test; none comes from a set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { openingClause } from '../../src/triage/structure.js';
import { analyze } from '../../src/triage/text.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

const categoryOf = (message: string) => engine.triage(message).category;

describe('the opening names the area, the background names others', () => {
  it.each([
    [
      'Every attendee gets dropped from our Teams meetings after about ten minutes. We finished the mailbox migration last month and reassigned all licenses then.',
      'skype.communication',
    ],
    [
      'Users cannot sync the HR library to their laptops anymore. We have 300 users on E3, bought the licenses through the admin center, and the invoices are paid.',
      'sharepoint.sites',
    ],
    [
      'New hires do not show up in the global address list as contacts. We recently changed our MX records and the SPF record during a domain move.',
      'exchange.recipients',
    ],
  ])('%s → %s', (message, category) => {
    expect(categoryOf(message)).toBe(category);
  });

  it('gives the same words the other area when they are the subject', () => {
    // The background of the first message above, now as the subject with a failure.
    const message = 'The mailbox migration batch stops at 95% for every user. Teams meetings and the HR library work fine.';
    expect(categoryOf(message)).toBe('exchange.migration');
  });

  it('skips a help-desk label and reads the ticket summary after it', () => {
    const message = 'IT Support: [Teams calls drop] A user in finance says her calls drop whenever she shares her screen. Outlook and OneDrive work fine for her.';
    const result = engine.triage(message);
    expect(result.category).toBe('skype.communication');
    // The reasons still name the words that decided.
    expect(result.reasons[0]).toMatch(/call/i);
  });
});

describe('a history told first is background, not the subject', () => {
  it('takes the first sentence that reports a failure as the opening', () => {
    const message = 'the migration was done months ago, all of it. Now Send As on the shared mailbox fails with an error.';
    expect(categoryOf(message)).toBe('exchange.recipients');
  });

  it('does not let an area that is said to work fine be the subject', () => {
    const message = 'We use Teams and Outlook all day without trouble, but OneDrive stopped syncing on my laptop after the update';
    expect(categoryOf(message)).toBe('sharepoint.sites');
  });
});

describe('two areas both named in the subject stay a close call', () => {
  it('still asks between the Outlook client and the account', () => {
    const result = engine.triage('Outlook keeps prompting for the password although the same password works in the browser');
    expect(result.clarify).toEqual(expect.arrayContaining(['exchange.usage', 'identity.users']));
  });
});

describe('openingClause', () => {
  const asksAll = () => true;

  it('has no opening for a message of one clause: it is all opening', () => {
    expect(openingClause(analyze('Outlook will not start on my laptop'), asksAll)).toBe(-1);
  });

  it('skips a short label or greeting', () => {
    const text = analyze('Hi all. Outlook will not start on my laptop. It began after the update.');
    expect(openingClause(text, asksAll)).toBe(1);
  });

  it('skips clauses that ask nothing', () => {
    const text = analyze('We moved to the cloud last year. Outlook will not start now. Please help.');
    expect(openingClause(text, (clause) => clause === 1)).toBe(1);
  });

  it('takes the last sentence as the opening when only it asks, after background', () => {
    const text = analyze('We moved to the cloud last year. Outlook will not start now.');
    expect(openingClause(text, (clause) => clause === 1)).toBe(1);
  });

  it('has no opening when no clause asks anything', () => {
    expect(openingClause(analyze('We moved to the cloud last year. All is well.'), () => false)).toBe(-1);
  });
});
