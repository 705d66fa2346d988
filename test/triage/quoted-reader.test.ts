import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { findPasted, pastedAt } from '../../src/triage/quoted.js';
import { analyze } from '../../src/triage/text.js';
import { scopeReader } from './scope-reader.js';

/** The pasted stretches of a message, as the text they cover (in normalized form). */
function pasted(message: string): string[] {
  const { normalized } = analyze(message);
  return findPasted(normalized).map((span) => normalized.slice(span.from, span.to).trim());
}

describe('what counts as pasted', () => {
  it('the output after an error intro, through its sentences, until the admin talks again', () => {
    expect(pasted('The batch shows this error: The job hit too many failures. The store was busy. Anything we can try?')).toEqual([
      'the job hit too many failures. the store was busy.',
    ]);
  });

  it('a bare "Error:" line and an exception name followed by its text', () => {
    expect(pasted('Error: 0x80070005 access is denied')).toEqual(['0x80070005 access is denied']);
    expect(pasted('the run ends with MigrationTransientException: the source server timed out')).toEqual(['the source server timed out']);
  });

  it('quoted strings, JSON bodies, URLs and fenced blocks', () => {
    expect(pasted('Teams says "We could not connect you" every time')).toEqual(['"we could not connect you"']);
    expect(pasted('the API answers {"error":{"code":"Forbidden"}} for every call')).toEqual(['{"error":{"code":"forbidden"}}']);
    expect(pasted('see https://contoso.sharepoint.com/sites/hr for the page')).toEqual(['https://contoso.sharepoint.com/sites/hr']);
    expect(pasted('I ran this ```Get-Mailbox -ResultSize 10``` and nothing came back')).toEqual(["'''get-mailbox -resultsize 10'''"]);
  });

  it('a question mark ends the output: the admin is asking', () => {
    expect(pasted('Setup ends with error: license not found, is that a known issue?')).toEqual(['license not found, is that a known issue']);
  });

  it("the admin's own fields and lists are not output", () => {
    expect(pasted('Impact: entire company. Since: 9am today')).toEqual([]);
    expect(pasted('the toggle does not show for me - point 4: I cannot cancel it')).toEqual([]);
    expect(pasted('looking at the network trace: I see a 403 on every call')).toEqual([]);
  });

  it('a message with nothing pasted has no spans', () => {
    expect(pasted('nobody can open the intranet site since this morning')).toEqual([]);
  });

  it('pastedAt finds the span of an offset in sorted spans', () => {
    const spans = [
      { from: 2, to: 5, kind: 'speech' as const },
      { from: 9, to: 12, kind: 'url' as const },
    ];
    expect([1, 2, 4, 5, 9, 11, 12].map((offset) => pastedAt(spans, offset)?.kind)).toEqual([undefined, 'speech', 'speech', undefined, 'url', 'url', undefined]);
  });

  it("tells software's words from people's words passed on", () => {
    const kinds = (message: string) => {
      const { normalized } = analyze(message);
      return findPasted(normalized).map((span) => span.kind);
    };
    expect(kinds('Teams shows the error "We could not connect you" at every call')).toEqual(['output']);
    expect(kinds('Error: the mailbox is full')).toEqual(['output']);
    expect(kinds('the ticket from HR says: none of us can print from Word')).toEqual(['speech']);
    expect(kinds('the client log says: media blocked by policy')).toEqual(['output']);
    expect(kinds('our manager called, "the whole floor is offline"')).toEqual(['speech']);
  });
});

const read = scopeReader();

describe('pasted words say what failed, not who is affected', () => {
  it('"all users" inside an error is no statement that all users are cut off', () => {
    expect(read('The migration batch stops with this error: Could not find all users in the target tenant. What should I check?')).toEqual({
      severity: 'B',
      scope: 'unspecified',
    });
  });

  it('the same words said by the admin still are', () => {
    expect(read('Since the cutover all users in the tenant cannot open their mailboxes')).toEqual({ severity: 'A', scope: 'everyone' });
  });

  it('a fenced block of shell output is read the same way', () => {
    const message = '```\nPS C:\\> Get-MigrationBatch\nStatus: Failed\nError: the target mailbox for all users could not be created\n```\nany idea?';
    expect(read(message)).toEqual({ severity: 'B', scope: 'unspecified' });
  });
});

describe('pasted words ask nothing', () => {
  it('a question inside a pasted dialog does not make the report a how-to', () => {
    expect(read('Outlook on my PC shows this warning: Is it possible that the server is down? Please contact your administrator.').severity).toBe('B');
  });
});

describe("people's words passed on still say who is affected", () => {
  it.each([
    ['a quoted ticket', 'Ticket from the accounting lead: "nobody in accounting can open the finance site since 9am"'],
    ['a report after "says:"', 'the ticket from the sales lead says: none of the sales team can open the CRM site in SharePoint since 9am'],
  ])('%s', (_case, text) => {
    expect(read(text).severity).toBe('A');
  });
});

describe('a cause named inside pasted output is not one the admin asserts (tie-break 2)', () => {
  let engine: TriageEngine;
  beforeAll(() => {
    engine = sharedRules();
  });

  it('a log line that names the firewall leaves the symptom to decide', () => {
    const result = engine.triage('Since Monday two of our users cannot join Teams meetings, the client log says: media connection blocked by firewall policy');
    expect(result.category).toBe('skype.communication');
  });

  it('the admin saying it is the firewall still makes it a network matter', () => {
    expect(engine.triage('Our firewall blocks Teams meetings since Monday for two of our users').category).toBe('boundary.network');
  });
});
