import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermSet } from '../../src/triage/matcher.js';
import { PatternIndex } from '../../src/triage/pattern-index.js';
import { mayMatch, patternRequirements } from '../../src/triage/pattern-prefilter.js';
import { analyze } from '../../src/triage/text.js';
import { holdoutTexts, rulePatterns } from './rule-corpus.js';

describe('pattern index', () => {
  const patterns = rulePatterns();
  const requirements = patterns.map(patternRequirements);
  const index = new PatternIndex();
  const numbers = requirements.map((r) => index.add(r));
  /** What running `mayMatch` per pattern gives: the index must pick exactly these. */
  const expected = (normalized: string) => requirements.flatMap((r, i) => (mayMatch(normalized, r) ? [i] : []));
  const candidates = (text: string) => {
    const analyzed = analyze(text);
    // Asked twice, as the two term sets of the engine do: the second answer reuses the first scan.
    expect(index.candidates(analyzed, numbers.slice(0, 10))).toEqual(expected(analyzed.normalized).filter((i) => i < 10));
    return index.candidates(analyzed, numbers);
  };

  it('picks exactly the patterns mayMatch lets through, on the held-out messages', () => {
    for (const text of holdoutTexts()) expect(candidates(text), text).toEqual(expected(analyze(text).normalized));
  });

  it('picks exactly the patterns mayMatch lets through, on text built from the patterns’ pieces', () => {
    const pieces = [...new Set(patterns.flatMap((p) => p.split(/[\\()[\]|?*+{}^$]+/)).filter((s) => s.length > 0))];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '.', '5', '@', '-', 'users', 'user', 'x', '位'), fc.string({ maxLength: 3 })), { maxLength: 16 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(candidates(sample)).toEqual(expected(analyze(sample).normalized));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('term set', () => {
  const phrases = ['can not * send', 'not everyone', 'outlook', 'outlook on the web', 'sign in', 'a * b * c', 'user'];
  const cjk = ['世紀互聯', '世紀', '互聯網', '無法', '無法登入', '登入', '不是', '不', '。不'];
  const terms = new TermSet<string>();
  for (const p of [...phrases, ...cjk]) terms.addPhrase(p, p, 1);

  /** The first occurrence of each CJK phrase, in the order the phrases were added. */
  const expectedCjk = (compact: string) =>
    cjk.flatMap((phrase) => {
      const offset = compact.indexOf(phrase);
      return offset >= 0 ? [{ phrase, offset }] : [];
    });

  it('finds each CJK phrase at its first occurrence, in the order the phrases were added', () => {
    const text = fc.array(fc.constantFrom('世', '紀', '互', '聯', '網', '無', '法', '登', '入', '不', '是', '。', ' ', 'a'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        const analyzed = analyze(`x ${sample}`);
        const hits = terms.match(analyzed, analyzed.tokens.map((t) => t.stem)).filter((hit) => hit.start < 0);
        expect(hits.map((hit) => ({ phrase: hit.term.owner, offset: hit.offset }))).toEqual(analyzed.hasCjk ? expectedCjk(analyzed.compact) : []);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches English phrases with gaps, word by word', () => {
    const analyzed = analyze("We can't even send, not everyone; Outlook on the web and a x b y y c. One user");
    const hits = terms.match(analyzed, analyzed.tokens.map((t) => t.stem));
    expect(hits.map((hit) => [hit.term.owner, hit.start, hit.end, hit.text])).toEqual([
      ['can not * send', 1, 4, 'can not even send'],
      ['not everyone', 5, 6, 'not everyone'],
      ['outlook', 7, 7, 'outlook'],
      ['outlook on the web', 7, 10, 'outlook on the web'],
      ['a * b * c', 12, 17, 'a x b y y c'],
      ['user', 19, 19, 'user'],
    ]);
  });
});
