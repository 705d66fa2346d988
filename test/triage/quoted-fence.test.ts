/**
 * A code fence (```) closes what software printed: the admin's words after a fenced block are
 * their own and start a new sentence, even with no punctuation between. Messages are written
 * for the test.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/triage/text.js';
import { scopeReader } from './scope-reader.js';
import { sharedRules } from '../support/rules.js';

const read = scopeReader();

describe('a code fence ends the pasted block and the sentence', () => {
  it("the words after a closing fence are the admin's, in a sentence of their own", () => {
    const text = analyze('```Error: the sync job failed```we also need a new domain');
    const after = text.tokens.filter((token) => token.from > text.normalized.lastIndexOf("'''"));
    expect(after.map((token) => token.voice)).toEqual(['own', 'own', 'own', 'own', 'own', 'own']);
    const inside = text.tokens.find((token) => token.word === 'failed')!;
    expect(after[0]!.clause).toBeGreaterThan(inside.clause);
  });

  it('a question after a fenced error names the area asked about', () => {
    const engine = sharedRules();
    expect(engine.triage('```Error: the meeting join failed in Teams``` We also want to add a new domain, how?').category).toBe('tenant.domains');
  });

  it('who is affected, said after a fenced error, is read', () => {
    expect(read('```Error: cannot reach the mail server``` nobody in the company can send mail since 8am')).toEqual({ severity: 'A', scope: 'everyone' });
  });

  it('the same words inside the fence are still the error speaking', () => {
    expect(read('Outlook shows ```Error: nobody in the company can be found``` on one laptop when I search the address book').scope).not.toBe('everyone');
  });
});
