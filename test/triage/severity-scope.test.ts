import { describe, expect, it } from 'vitest';
import { scopeReader } from './scope-reader.js';

/** Who is affected, read from the message in English and zh-TW, and the severity it leads to. */
const read = scopeReader();

describe('every user, or a whole group of them: A', () => {
  it.each([
    ['nobody in the company', 'Nobody in the company can open the intranet SharePoint site since this morning'],
    ['all users', 'All users get a password prompt loop in Outlook since the update'],
    ['全公司', '全公司的人從早上開始都無法登入 Outlook'],
    ['a whole floor', "the whole sales floor can't join Teams meetings since lunch"],
    ['整個部門', '整個業務部門從早上開始都收不到外部寄來的信'],
  ])('%s', (_form, text) => {
    expect(read(text)).toEqual({ severity: 'A', scope: 'everyone' });
  });
});

describe('several users: A', () => {
  it.each([
    ['me and 5 others', 'me and 5 others get a password prompt loop in Outlook since this morning'],
    ['a count in words', 'Two of my colleagues and I cannot join Teams meetings today'],
    ['三位同事', '三位同事從今天早上開始無法登入 Teams'],
    ['named users, then "several users"', 'Anna, Ben and Carla cannot open their OneDrive since the migration, several users have the same problem'],
  ])('%s', (_form, text) => {
    expect(read(text)).toEqual({ severity: 'A', scope: 'several' });
  });
});

describe('one user: B', () => {
  it.each([
    ['one of our users, everyone else fine', 'One of our users cannot send mail from Outlook, everyone else is fine'],
    ["a named person's mailbox, the others fine", "the CFO's mailbox stopped receiving external mail, the other mailboxes are fine"],
    ['一位同事，其他人正常', '有一位同事無法登入 Teams，其他人都正常'],
  ])('%s', (_form, text) => {
    expect(read(text)).toEqual({ severity: 'B', scope: 'single' });
  });
});

describe('scope is read where the failure is', () => {
  it('a head count in a background sentence does not make a one-feature fault A', () => {
    const text = 'We have 200 users in the tenant. The Teams meeting policy I changed yesterday is not applied, the setting still shows the old value';
    expect(read(text).severity).toBe('B');
  });

  it('users counted in the sentence right after the failure are the ones affected', () => {
    expect(read('The Exchange admin pages error out since the tenant setup. 60 users are waiting for their mailboxes').severity).toBe('A');
  });
});
