/**
 * One reader of quoted and pasted material (quoted.ts, run once by text.ts): every token knows
 * whose words it is, the admin's own, someone's in quote marks, or software's output. Messages
 * are written for the test.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/triage/text.js';
import { sharedRules } from '../support/rules.js';
import { scopeReader } from './scope-reader.js';

/** The message's words with their voice, as "word:voice" for the words that are not the admin's. */
function voices(message: string): string[] {
  return analyze(message)
    .tokens.filter((token) => token.voice !== 'own')
    .map((token) => `${token.word}:${token.voice}`);
}

describe('every token knows whose words it is', () => {
  it("the admin's own words are their own", () => {
    expect(voices('nobody in finance can open the budget site since nine')).toEqual([]);
  });

  it('an error after an error word is software output', () => {
    expect(voices('Outlook shows the error "mailbox unavailable" when I open it')).toEqual(['mailbox:output', 'unavailable:output']);
    expect(voices('Error: quota exceeded')).toEqual(['quota:output', 'exceeded:output']);
  });

  it("someone's words in quote marks are quoted, not output", () => {
    expect(voices('my manager wrote "the whole floor is offline" this morning')).toEqual([
      'the:quoted',
      'whole:quoted',
      'floor:quoted',
      'is:quoted',
      'offline:quoted',
    ]);
  });

  it('a quote mark left open runs to the end of the message', () => {
    expect(voices('the banner reads "please sign in again to keep working')).toEqual(
      ['please', 'sign', 'in', 'again', 'to', 'keep', 'working'].map((word) => `${word}:quoted`),
    );
  });

  it('single quotes around words quote them; an apostrophe does not', () => {
    expect(voices("the button says 'Save' and it's greyed out")).toEqual(['save:quoted']);
  });

  it('a URL and a JSON body are output', () => {
    expect(voices('the call to https://graph.example/v1 returns {"code":"denied"} for all')).toEqual([
      'https:output',
      'graph:output',
      'example:output',
      'v1:output',
      'code:output',
      'denied:output',
    ]);
  });

  it('voiceAt answers for any character, as for CJK phrases that are no English word', () => {
    const text = analyze('Error: 權限不足 please help');
    expect(text.voiceAt(text.normalized.indexOf('權'))).toBe('output');
    expect(text.voiceAt(0)).toBe('own');
  });
});

describe('one quote pattern for every kind of quote mark', () => {
  const read = scopeReader();

  it('a single-quoted error is the product speaking, as a double-quoted one is', () => {
    expect(voices("Word shows the error 'every user must sign in again'")).toEqual(
      ['every', 'user', 'must', 'sign', 'in', 'again'].map((word) => `${word}:output`),
    );
  });

  it('so "all users" inside a single-quoted error does not make the whole company affected', () => {
    const single = read("OneDrive on one laptop stops with the error 'all users must sign in again' and nothing syncs");
    const double = read('OneDrive on one laptop stops with the error "all users must sign in again" and nothing syncs');
    expect(single).toEqual(double);
    expect(single.scope).not.toBe('everyone');
  });

  it("single-quoted words with no error word before them stay someone's words", () => {
    expect(voices("the team lead wrote 'nobody on my floor can print' in the ticket")).toEqual(
      ['nobody', 'on', 'my', 'floor', 'can', 'print'].map((word) => `${word}:quoted`),
    );
  });
});

describe("what a person 'says:' in a ticket is someone's words passed on", () => {
  const read = scopeReader();

  it('the words after "says:" are quoted, not the admin\'s own', () => {
    expect(voices('the ticket from payroll says: the printer queue is stuck for everyone')).toEqual(
      ['the', 'printer', 'queue', 'is', 'stuck', 'for', 'everyone'].map((word) => `${word}:quoted`),
    );
  });

  it('they still say who is affected', () => {
    expect(read('the ticket from the sales lead says: none of the sales team can open the CRM site since 9am').severity).toBe('A');
  });

  it('a cause in them is not one the admin asserts (taxonomy tie-break 2): the symptom decides', () => {
    const engine = sharedRules();
    expect(engine.triage('the help desk ticket says: the firewall is blocking the Teams client for two people').category).toBe('skype.communication');
    expect(engine.triage('our firewall is blocking the Teams client for two people').category).toBe('boundary.network');
  });
});

describe('a CJK phrase has the voice of the characters it stands on, as an English word does', () => {
  it('a cause inside 「」 passed on from a ticket is not asserted; the same cause said by the admin is', () => {
    const engine = sharedRules();
    expect(engine.triage('使用者在工單裡寫「是防火牆擋住了」，兩位使用者的 Teams 會議無法加入').category).toBe('skype.communication');
    expect(engine.triage('我們的防火牆擋住了兩位使用者的 Teams 會議，無法加入').category).toBe('boundary.network');
  });
});

describe('a person passed on speaks in the first person; software does not', () => {
  it('"the ticket says: I ..." is the reporter\'s words, quoted', () => {
    expect(voices('the ticket from reception says: I can not open the shared calendar')).toEqual(
      ['i', 'can', 'not', 'open', 'the', 'shared', 'calendar'].map((word) => `${word}:quoted`),
    );
  });

  it('so a cause the reporter names is not the admin\'s', () => {
    const engine = sharedRules();
    expect(engine.triage('the help desk ticket says: our firewall is blocking the Teams client for two people').category).toBe('skype.communication');
  });

  it('"I" after an output intro is still the admin talking', () => {
    expect(voices('looking at the network trace: I see a 403 on every call')).toEqual([]);
  });
});
