import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishWords } from '../../src/triage/english-words.js';
import { DEFAULT_RULES_DIR } from '../../src/triage/index.js';
import { buildRules, RulesInvalidError, SEVERITY_FILE, type RuleSource } from '../../src/triage/rules/load.js';
import { findStemCollisions } from '../../src/triage/rules/stem-collisions.js';

/**
 * Rule words match by stem, so a one-word term whose stem is also a common word of another family
 * fires on everyday text. The loader refuses such terms, all at once, naming file, intent, field,
 * the word it would also match and the fix.
 */
const severity: RuleSource = { file: SEVERITY_FILE, text: readFileSync(join(DEFAULT_RULES_DIR, SEVERITY_FILE), 'utf8') };

function intentFile(lists: string): string {
  return `area: identity
intents:
  - id: dirsync
    category: identity.dirsync
${lists}
    examples:
      - azure ad connect reports a sync error for two accounts
      - the directory sync job stopped on our connect server
    links:
      - title: Troubleshoot sync
        url: https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/tshoot-connect-sync-errors
      - title: Connect Health
        url: https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/whatis-azure-ad-connect
`;
}

function problemsOf(lists: string): string[] {
  try {
    buildRules([severity, { file: 'identity.yaml', text: intentFile(lists) }]);
  } catch (error) {
    if (error instanceof RulesInvalidError) return [...error.problems];
    throw error;
  }
  return [];
}

const collisionsOf = (...words: string[]) =>
  findStemCollisions(words.map((term, i) => ({ file: 'x.yaml', owner: 'intent "x"', field: `keywords[${i}]`, term })), englishWords()).map(
    (found) => `${found.term}~${found.word}`,
  );

describe('a one-word term that also matches a common word of another family', () => {
  it('is refused at load with the file, intent, field, the word it would match and the fix', () => {
    const problems = problemsOf('    phrases: [azure ad connect, directory sync]\n    keywords: [sync, ad]');
    expect(problems).toEqual([
      expect.stringMatching(/^identity\.yaml: intent "dirsync", keywords\[1\]: "ad" also matches "added" .*stem to "ad".*pattern with word boundaries .*'\\bads\?\\b' under patterns/),
    ]);
  });

  it('lists every such term at once, and for a negative cue asks for a longer phrase (negative takes no patterns)', () => {
    const problems = problemsOf('    phrases: [directory sync, news]\n    keywords: [sync]\n    negative: [customer]');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/phrases\[1\]: "news" also matches "new"/);
    expect(problems[1]).toMatch(/negative\[0\]: "customer" also matches "custom".*phrase of two or more words/);
  });

  it('names the collisions that made rules misfire: an acronym, a noun made plural-looking, an agent noun', () => {
    expect(collisionsOf('ad', 'news', 'manager', 'developer', 'customer')).toEqual(['ad~added', 'news~new', 'manager~manage', 'developer~develop', 'customer~custom']);
  });

  it('leaves a term its own inflections and action nouns: that is what stems are for', () => {
    expect(collisionsOf('synced', 'failing', 'mailboxes', 'migration', 'cancellation', 'meetings', 'settings', 'licenses')).toEqual([]);
  });

  it('leaves words written as a stem on purpose and rare look-alikes', () => {
    // "freez" is written to match freeze/freezing; "sente" and "locke" are no words an admin writes.
    expect(collisionsOf('freez', 'sent', 'locked')).toEqual([]);
  });

  it('checks one-word terms only: in a longer phrase the other words keep it specific', () => {
    expect(problemsOf('    phrases: [azure ad connect, directory sync]\n    keywords: [sync]')).toEqual([]);
  });
});
