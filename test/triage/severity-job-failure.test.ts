import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * A job that left part of its work undone ("were not copied over", "was skipped", "never ran"), or
 * something never made ("her mailbox was not created"), is a feature broken (rule 3), although no
 * failure verb is said. Written for this test and labeled
 * from taxonomy.md before triaging.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

function severityOf(text: string): string | null {
  return engine.triage(text).severity;
}

describe('a job that left work undone is one feature broken: B', () => {
  it.each([
    ['never started, users working', 'The OneDrive sync health report lists 20 users whose Known Folder Move never started; their files are on their PCs and they work normally.'],
    ['not migrated, for one person', 'The IMAP migration finished, but the contacts of the sales manager were not migrated.'],
    ['a job that never ran', 'The scheduled retention job never ran last night according to the admin center.'],
    ['a sync run that was skipped', 'Our Entra Connect delta sync was skipped twice today and new accounts are not appearing in the cloud.'],
  ])('%s', (_form, text) => {
    expect(severityOf(text)).toBe('B');
  });
});

describe('something that was never made is a fault: B for one user or one feature', () => {
  it.each([
    ['a mailbox not created', "The new receptionist's mailbox was not created and she starts next month."],
    ['a OneDrive never provisioned', 'We assigned an E3 license to a new hire on Tuesday, but her OneDrive was never provisioned.'],
    ['a policy not applied', 'The retention policy was not applied to the HR site although it shows as on.'],
  ])('%s', (_form, text) => {
    expect(severityOf(text)).toBe('B');
  });

  it('keeps a question about it at C, and many people cut off at A', () => {
    expect(severityOf('If a mailbox was not created after licensing, how long should I wait before opening a case?')).toBe('C');
    expect(severityOf('The mailboxes of the 12 new starters were not created and none of them can log in.')).toBe('A');
  });
});

describe('the same words elsewhere', () => {
  it('keeps a how-to about items a job left behind at C', () => {
    expect(severityOf('How do I copy a user\'s calendar items that were not migrated with the batch?')).toBe('C');
  });

  it('keeps everyone cut off at A', () => {
    expect(severityOf('After the cutover the mailboxes of all 40 staff were not migrated and nobody can open Outlook.')).toBe('A');
  });
});
