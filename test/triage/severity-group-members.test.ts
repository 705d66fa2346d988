import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * Words for people that describe a group or an account rather than who is affected: "the
 * distribution list for all engineers" says who the list holds, "their department is set to
 * Sales" is a value on accounts, "30 users' photos" or "the report lists 9 users" name what a job
 * or a report is about. Written for this test, labeled from taxonomy.md before triaging.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

function severityOf(text: string): string | null {
  return engine.triage(text).severity;
}

describe('a group named by whom it holds, or a department attribute, is one feature broken: B', () => {
  it.each([
    ['a list for all of a role', 'The distribution list for all engineers no longer accepts mail from our ticketing system, senders get a bounce.'],
    ['a security group with all of a role', 'Our security group with all the contractors stopped syncing to Entra ID after the rename.'],
    ['a channel for everyone in a department', 'The Teams channel for everyone in finance shows an error when we try to add a new tab.'],
    ['a group of all of a role', 'The mail-enabled group of all our drivers does not show up in the global address list.'],
    ['a dynamic group and the department attribute', 'The dynamic group for everyone in Support stopped picking up new agents, although their department is set to Support.'],
  ])('%s', (_form, text) => {
    expect(severityOf(text)).toBe('B');
  });
});

describe('people named as the owners of wrong data, or as lines of a report, go on working: B', () => {
  it.each([
    ['a sync report that lists users', 'The sync report lists 9 users with a duplicate UPN error, their new job titles never show up in the cloud.'],
    ['users\' photos', "30 users' profile photos are missing in Teams since the directory sync error last week."],
    ['users whose logs', 'The audit export lists 12 users whose sign-in logs are missing for yesterday.'],
    ['the phone numbers of employees', 'The new phone numbers of 20 employees do not appear in the global address list after the sync.'],
    ['the signatures of employees, not copied over', 'The signatures of 15 employees were not copied over to the new Outlook.'],
  ])('%s', (_form, text) => {
    expect(severityOf(text)).toBe('B');
  });
});

describe('the people themselves cut off: A', () => {
  it.each([
    ['nobody behind the group gets mail', 'Since noon the distribution group for everyone in Sales bounces every message and nobody in Sales gets any mail.'],
    ['everyone in a team', 'Everyone in the finance team gets an error when they open the shared channel.'],
    ['a whole department', 'The whole finance department cannot open the Budget site since this morning.'],
    ['our department as the subject', "Our department can't send mail since the update, every message bounces."],
    ['a report that lists users who are stuck', 'The sign-in report shows 14 users failing MFA since this morning, all of them are stuck at the prompt.'],
    ["users' mailboxes that cannot be opened", "25 users' mailboxes cannot be opened in Outlook since the migration."],
    ['the mailboxes of users, skipped, and they cannot work', 'The mailboxes of 12 users were skipped during the hybrid move and they cannot open Outlook now.'],
    ['users who cannot sign in after a sync error', '14 users cannot sign in since the sync error last night, they get a wrong password message.'],
  ])('%s', (_form, text) => {
    expect(severityOf(text)).toBe('A');
  });
});
