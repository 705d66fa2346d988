import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * Faults told without a failure verb: what a page says should happen set against what happens
 * here ("the doc says round robin, but in our queue one agent gets every call"), and being taken
 * to an old or wrong place ("she is sent to our old AD FS page"). Written for this test and
 * labeled from taxonomy.md before triaging.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

function severityOf(text: string): string | null {
  return engine.triage(text).severity;
}

describe('what should happen against what happens here: a feature broken', () => {
  it('reads a page\'s promise against one folder that gets the label as B', () => {
    expect(severityOf('The article says the retention label applies to every file in the library, but in our library only one folder gets it.')).toBe('B');
  });

  it('keeps a wish that differs from the page, asked how, at C', () => {
    expect(severityOf('The docs say the retention label can apply to a whole library, but in our case we want only one folder. How do I do that?')).toBe('C');
  });
});

describe('taken to an old or wrong place: a fault', () => {
  it('reads one user sent to an old sign-in page as B', () => {
    expect(severityOf('A colleague in accounting is redirected to the old sign-in page of our previous provider whenever she signs in to Teams; the rest of us are fine.')).toBe('B');
  });

  it('reads several users sent to an old site as A', () => {
    expect(severityOf('Two of our sales reps are redirected to the old intranet site when they click the link in Teams.')).toBe('A');
  });

  it('keeps everyone sent to an old server at A', () => {
    expect(severityOf('Since the DNS change every user is sent to the old mail server and nobody can open Outlook.')).toBe('A');
  });
});

describe('the web as the place the fault comes, not a way around it', () => {
  it.each([
    ['whenever she opens Outlook on the web', 'A colleague in accounting is redirected to the old sign-in page whenever she opens Outlook on the web; the rest of us are fine.'],
    ['each time he opens files in the browser', 'Each time he opens files in the browser, SharePoint shows an access denied error, only for him.'],
  ])('%s: B', (_form, text) => {
    expect(severityOf(text)).toBe('B');
  });

  it.each([
    ['she opens her mail in the browser until ...', 'Outlook desktop will not start for one user, she opens her mail in the browser until we find the cause.'],
    ['she can still use it in the browser', "One user's Teams desktop client hangs at startup, but she can still use it in the browser."],
  ])('a way around it stays C: %s', (_form, text) => {
    expect(severityOf(text)).toBe('C');
  });
});

describe('mail filed as spam, said with "flagged as" or "ends up in spam"', () => {
  it.each([
    ['flagged as spam', "Ever since our launch the contact form's mails to the sales mailbox get flagged as spam."],
    ['ending up in spam', 'Invoices from our accounting partner keep ending up in spam for the finance mailbox.'],
  ])('%s: B', (_form, text) => {
    expect(severityOf(text)).toBe('B');
  });

  it('keeps a question about it at C', () => {
    expect(severityOf('How do I stop newsletters from our own domain being flagged as spam?')).toBe('C');
  });
});
