import { describe, expect, it } from 'vitest';
import { scopeReader } from './scope-reader.js';

/**
 * Who is affected, as admins write it: people named one by one, a department's people with a
 * word between, "most of" a population, in English, zh-TW and Japanese; and "one of them" after
 * a count of machines. Every message here was written for this test.
 */
const read = scopeReader();

describe('several people named or counted loosely, cut off: A', () => {
  it.each([
    ['four people named', 'Anna, Ben, Carla and David cannot sign in to Outlook since this morning.'],
    ['two people, "both"', 'John and Mary both get "Access denied" on the Sales site since the migration.'],
    ['most of a population, ja', '社員のほとんどがTeamsの会議に入れません。'],
    ['most of the colleagues, zh-TW', '大部分的同事從早上開始無法登入 Outlook。'],
  ])('%s', (_form, text) => {
    expect(read(text)).toMatchObject({ severity: 'A', scope: 'several' });
  });

  it.each([
    ["a department's colleagues, with 今天 between (zh-TW)", '客服部的同事今天都收不到信。'],
    ['都 and a failure (zh-TW)', '同事的 Outlook 都打不開，一直出現錯誤。'],
  ])('%s: everyone', (_form, text) => {
    expect(read(text)).toMatchObject({ severity: 'A', scope: 'everyone' });
  });

  it('a list of products failing for one person is no list of people', () => {
    expect(read('Word, Excel and PowerPoint cannot open files from my OneDrive since the update.').severity).toBe('B');
  });
});

describe('one of several machines: B', () => {
  it('"one of them" after a count of laptops, asking to activate again', () => {
    expect(read('We have 5 laptops in the training room set up with shared activation. On one of them Word asks to activate again.')).toEqual({ severity: 'B', scope: 'single' });
  });
});

describe('"the users" as the object of a fault is not who is cut off', () => {
  it('a feature that nags the users is B; the users as the subject of "cannot" are several (A)', () => {
    expect(read('License roaming does not seem to work: Word keeps prompting the users to activate again.').severity).toBe('B');
    expect(read('Since the update the users cannot activate Word.').severity).toBe('A');
  });
});

describe('every thing of a kind counts where the failure is said', () => {
  it('"all email" in the sentence of the failure: A', () => {
    expect(read('Since noon all email to external recipients bounces with 550 5.7.1.').severity).toBe('A');
  });

  it('"all emails" in a sentence after one user\'s fault is background: B', () => {
    expect(read('My sent messages are not being saved in my Sent Items folder. We must keep copies of all emails for legal reasons.').severity).toBe('B');
  });

  it('people in the sentence after the failure still count: A', () => {
    expect(read('The shared calendar is not loading since the update. All our staff are waiting on it.').severity).toBe('A');
  });
});
