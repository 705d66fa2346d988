import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * A weekday is a deadline at risk (rule 2) only when the event on it is still ahead. Told in the
 * past, the weekday says when something happened, and the fault is read by rules 3 and 4.
 * Every message here was written for this test and labeled from taxonomy.md before triaging.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

function severityOf(text: string): string | null {
  return engine.triage(text).severity;
}

describe('a weekday told in the past is when it happened, not a deadline', () => {
  it.each([
    ['a passive verb before it', 'The license was assigned on Monday, but the Exchange admin center still shows no mailbox for the account.'],
    ['the weekday opening the sentence, a past verb after its subject', 'On Monday we renamed the site collection, and the old links now return a 404 error.'],
    ['a past verb before it, the fault told after', 'The connector started on Monday to reject mail from our scanner with an authentication error.'],
    ['an upgrade done on a weekday', 'Azure AD Connect was upgraded on Thursday and the sync has been failing with an error ever since.'],
    ['a change made on a weekday', 'We changed the MX record on Tuesday and now mail from one partner domain bounces with a 550 error.'],
    ['a domain added on a weekday', 'The domain was added on Sunday and the DNS check still fails on the TXT record.'],
    ['policies assigned on a weekday', 'Teams meeting policies were assigned on Wednesday and the recording button is still missing in meetings.'],
    ['a batch created on a weekday', 'The migration batch was created on Saturday and it stopped with an error at 80 percent.'],
  ])('%s: B', (_label, text) => {
    expect(severityOf(text)).toBe('B');
  });
});

describe('a weekday still ahead is a deadline at risk', () => {
  it.each([
    ['people who start on a weekday', 'Directory sync has stopped and our new hires start on Monday.'],
    ['an event on a weekday other than Monday', 'The tenant\'s new domain still fails verification and the rebrand goes out on Thursday.'],
    ['a presentation on a weekday', 'Our intranet home page shows an error and we present it to the board on Friday.'],
    ['a cutover on a weekday', 'The migration batch keeps failing and the cutover is on Saturday.'],
    ['a launch this week', 'Mail to our new domain bounces and the launch is this Friday.'],
    ['a switch-off on a weekday', 'The Teams phone numbers will not port and the old carrier switches us off on Monday.'],
    ['a due date on a weekday morning', 'The payroll export from Excel keeps crashing and payroll is due on Monday morning.'],
  ])('%s: A', (_label, text) => {
    expect(severityOf(text)).toBe('A');
  });
});

describe('one user\'s failure and a deadline told in full, an event and when it is (rule 2): A', () => {
  it.each([
    ['a board meeting in an hour', 'Our CFO cannot open his mailbox in Outlook and he has the board meeting in an hour.'],
    ['payroll by Friday', 'One accountant gets an error opening the payroll workbook from SharePoint and payroll must go out by Friday.'],
    ['a kickoff tomorrow', 'The project lead cannot sign in to Teams since the password reset, and she runs the client kickoff tomorrow.'],
    ['a close today', 'Since the rebuild Excel will not start on her laptop, and she needs it for the year-end close today.'],
  ])('%s', (_label, text) => {
    expect(severityOf(text)).toBe('A');
  });
});

describe('one user\'s failure beside an event word that is only the topic: B', () => {
  it.each([
    ['a payroll clerk', 'Our payroll clerk gets an error when she signs in to Outlook on the web.'],
    ['a deadline field', 'The deadline field in one user\'s Planner tasks does not save, the date jumps back.'],
    ['a board meeting recording', 'One user cannot open the board meeting recording, it says the file is unavailable.'],
  ])('%s', (_label, text) => {
    expect(severityOf(text)).toBe('B');
  });
});

describe('a deadline\'s event told as over is when the fault began, not a deadline', () => {
  it.each([
    ['since the cutover', 'Since the cutover last weekend, mail to one partner domain bounces with a 550 error.'],
    ['after the go-live', 'After the go-live on Monday the sync job stopped with a permissions error.'],
    ['a meeting from last week', 'The board meeting recording from last week fails to play in Stream, it says the file is unavailable.'],
  ])('%s: B', (_label, text) => {
    expect(severityOf(text)).toBe('B');
  });

  it.each([
    ['a go-live tomorrow', 'Mail to our new domain bounces and we go live tomorrow.'],
    ['a go-live next week', 'The sync job stopped with a permissions error and the go-live is next week.'],
  ])('still ahead, %s: A', (_label, text) => {
    expect(severityOf(text)).toBe('A');
  });
});
