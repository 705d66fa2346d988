import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayMatch, patternRequirements } from '../../src/triage/pattern-prefilter.js';
import { normalize } from '../../src/triage/text.js';
import { holdoutTexts, rulePatterns } from './rule-corpus.js';

function corpus(): string[] {
  return holdoutTexts().map(normalize);
}

describe('pattern prefilter', () => {
  it('reads what a match must contain', () => {
    expect(patternRequirements('\\bcharged\\b')).toEqual([['charged']]);
    expect(patternRequirements('\\b[a-z0-9-]+\\.sharepoint\\.com\\b')).toEqual([['.sharepoint.com']]);
    expect(patternRequirements('\\btakes? ~?\\d+')).toEqual([['take'], [' ']]);
    expect(patternRequirements('\\b(blocked|stopped|stops)\\b')).toEqual([['blocked', 'stopped', 'stops']]);
    // Optional groups, negative lookarounds and classes require nothing.
    expect(patternRequirements('\\b(ms |microsoft )?teams\\b(?! site)')).toEqual([['teams']]);
    expect(patternRequirements('(?<!since )\\b(monday|friday)\\b')).toEqual([['monday', 'friday']]);
    // What a positive lookaround must see is required as well.
    expect(patternRequirements('(?<=\\bimpact:\\s?)\\d+')).toEqual([['impact:']]);
    expect(patternRequirements('\\bsync(?= (error|failed))')).toEqual([['sync'], [' '], ['error', 'failed']]);
    // Alternatives (at the top, or in a group that is not plain literals): one of what each requires.
    expect(patternRequirements('charged|refund')).toEqual([['charged', 'refund']]);
    expect(patternRequirements('^\\s*(e[1-5]|f[1-3])\\s*(=|vs\\.?)')).toEqual([['e', 'f'], ['=', 'vs']]);
    expect(patternRequirements('\\b(?:app set ?up polic(y|ies)|teams? (client )?(won.t|will not) (launch|start))\\b')).toEqual([
      ['up polic', 'launch', 'start'],
    ]);
    // An alternative that requires nothing leaves the whole group (or pattern) requiring nothing: always run.
    expect(patternRequirements('\\b(charged|\\d+ ?k?)\\b')).toEqual([]);
    expect(patternRequirements('charged|[0-9]+')).toEqual([]);
  });

  it('never skips a rule pattern on a message it matches (the held-out messages)', () => {
    const texts = corpus();
    let matched = 0;
    for (const source of rulePatterns()) {
      const regex = new RegExp(source, 'u');
      const requirements = patternRequirements(source);
      for (const text of texts) {
        if (!regex.test(text)) continue;
        matched += 1;
        expect(mayMatch(text, requirements), `/${source}/ on "${text}"`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(200);
  });

  it('never skips a rule pattern on random text built from its own pieces', () => {
    const patterns = rulePatterns();
    const pieces = [...new Set(patterns.flatMap((p) => p.split(/[\\()[\]|?*+{}^$]+/)).filter((s) => s.length > 0))];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '.', '5', '@', '-', 'users', 'user', 'x'), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...patterns), text, (source, sample) => {
        if (new RegExp(source, 'u').test(sample)) expect(mayMatch(sample, patternRequirements(source))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
