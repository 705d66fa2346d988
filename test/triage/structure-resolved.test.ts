/**
 * A message that ends by saying the problem is gone asks for nothing (taxonomy: unknown), however
 * clearly its story names an area; one that is still broken after a fix keeps its category.
 * Every message here is written for the test; none comes from a set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { endsResolved } from '../../src/triage/structure.js';
import { analyze } from '../../src/triage/text.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describe('a story that ends resolved', () => {
  it.each([
    'Outlook kept crashing on the reception PC all week. We repaired the Office install from the control panel and it works now.',
    'Two of our shared mailboxes stopped receiving mail yesterday. The connector had an old certificate; after replacing it the problem was resolved.',
    'Teams meetings would not start for the board. In the end, clearing the cache solved it.',
  ])('goes to unknown: %s', (message) => {
    const result = engine.triage(message);
    expect(result.category).toBe('unknown');
    expect(result.severity).toBeNull();
    expect(result.reasons[0]).toMatch(/solved/);
    expect(result.reasonsByLang['zh-TW'][0]).toMatch(/解決/);
  });
});

describe('still broken after a fix', () => {
  // What matters here is that the message is still placed: which category is the rules' matter.
  it.each([
    'Outlook was fixed on Monday by the repair tool. Today it crashes again on start.',
    'We reinstalled Office twice and nothing has fixed it: activation still fails for the new laptops',
    'The shared mailbox stopped receiving mail. Is this resolved if we recreate the connector?',
    'The sync errors for duplicate proxy addresses in Azure AD Connect are not resolved',
    'The domain we added last week still shows as unverified. Earlier we had trouble with Outlook profiles, all fixed now.',
  ])('is still placed: %s', (message) => {
    expect(engine.triage(message).category).not.toBe('unknown');
  });
});

describe('endsResolved', () => {
  it('reads only the last sentence', () => {
    expect(endsResolved(analyze('It was solved last week. Now it fails again.'))).toBe(false);
    expect(endsResolved(analyze('It failed all week. Now it was solved.'))).toBe(true);
  });

  it('reads a hope or a condition as no resolution', () => {
    expect(endsResolved(analyze('The site is down. Hopefully it gets resolved soon.'))).toBe(false);
    expect(endsResolved(analyze('The site is down. We wait until it is fixed.'))).toBe(false);
  });
});
