/**
 * The opening (structure.ts) is the admin's subject, never software's words pasted before it:
 * an error log pasted first names the product that logged it, while the request comes after.
 * Someone's words passed on (a user's complaint in a ticket) are still the subject. Every
 * message here is written for the test; none comes from a set.
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

/** The opening when every clause of three words or more from `firstAsking` on asks. */
function openingOf(message: string, firstAsking = 0): string {
  const text = analyze(message);
  const clause = openingClause(text, (candidate) => candidate >= firstAsking);
  return text.tokens.filter((token) => token.clause === clause).map((token) => token.word).join(' ');
}

describe('the opening reader skips pasted software output', () => {
  it('reads the request after an error pasted first', () => {
    expect(openingOf('Error: the calendar service is unavailable right now. How can we add a second domain?')).toBe('how can we add a second domain');
  });

  it('skips a fenced log block', () => {
    expect(openingOf("```\nsync cycle failed for the connector.\n```\nPasswords of new staff do not reach the cloud.")).toBe(
      'passwords of new staff do not reach the cloud',
    );
  });

  it('keeps a user\'s words passed on in a ticket as the opening', () => {
    // The intro clause (the ticket says) asks nothing; the user's words after it do.
    expect(openingOf('The ticket from a user in sales says: her calls drop after a minute. The new domain will not verify.', 1)).toBe(
      'her calls drop after a minute',
    );
  });

  it('keeps a clause that only quotes an error inside the admin\'s own sentence', () => {
    expect(openingOf('Outlook shows "cannot open your default folders" to everyone. We also need to add a domain.')).toBe(
      'outlook shows can not open your default folders to everyone',
    );
  });

  it('finds no opening when only software output asks', () => {
    const text = analyze('Error: the request failed with a timeout. Thanks in advance.');
    const asks = (clause: number) => clause === text.tokens[text.tokens.length - 1]!.clause - 1;
    expect(openingClause(text, asks)).toBe(-1);
  });
});

describe('a message that pastes output first and then asks about another area', () => {
  it.each([
    ['Error: the meeting join failed in Teams. We also want to add a new domain, how?', 'tenant.domains'],
    ['The client log says: the Teams call could not be connected. How do we add another domain to the tenant?', 'tenant.domains'],
    ['```\nError: the meeting join failed in Teams.\n```\nWe also want to add a new domain, how?', 'tenant.domains'],
  ])('%s → %s', (message, category) => {
    expect(categoryOf(message)).toBe(category);
  });
});

describe('openings that are not software output are unchanged', () => {
  it.each([
    // A user's complaint passed on is the subject, as if the admin said it.
    ['The ticket from a user in sales says: the meeting join failed in Teams. We also want to add a new domain, how?', 'skype.communication'],
    // The same words as the admin's own.
    ['The meeting join failed in Teams for our sales team. We also want to add a new domain, how?', 'skype.communication'],
    // An error quoted inside the admin's sentence: the sentence is still theirs.
    ['Teams shows "meeting join failed" to everyone in sales. We also want to add a new domain, how?', 'skype.communication'],
  ])('%s → %s', (message, category) => {
    expect(categoryOf(message)).toBe(category);
  });
});
