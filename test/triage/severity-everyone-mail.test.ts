import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * Mail that reaches nobody said with "any of us" or in the perfect, and a person who "returns"
 * (comes back from leave), which is no message returned. Written for this test and labeled from
 * taxonomy.md before triaging.
 */
let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

function severityOf(text: string): string | null {
  return engine.triage(text).severity;
}

describe('mail that reaches none of us: everyone cut off (A)', () => {
  it.each([
    ['"any of us" after a negation', 'Since lunch no outside mail reaches any of us; customers say their messages go through without a bounce.'],
    ['nothing from outside, in the perfect', 'Nothing from outside has reached any of us since 7am and senders get no bounce.'],
    ['no mail arrives, the whole office', 'No mail from outside arrives since the MX change, the whole office is waiting.'],
  ])('%s', (_form, text) => {
    expect(severityOf(text)).toBe('A');
  });
});

describe('"returns": a person coming back is no failure, a message or a lookup returned is', () => {
  it.each([
    ['access until he returns', 'The sales director is on leave until the 20th. Please give his assistant access to his calendar until he returns.'],
    ['when the manager returns', 'When the new manager returns from training next week, please add her to the Finance group.'],
  ])('%s: C', (_form, text) => {
    expect(severityOf(text)).toBe('C');
  });

  it.each([
    ['a cmdlet that returns an old value', 'Get-Mailbox returns the old display name for one user although we changed it yesterday.'],
    ['mail that returns with an error', 'Mail to one customer returns with a 550 error since Tuesday.'],
  ])('%s: B', (_form, text) => {
    expect(severityOf(text)).toBe('B');
  });
});
