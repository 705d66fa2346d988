import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { analyze, FIRST_CJK_CODE, normalize, phraseStems, readWords, stemWord, type AnalyzedText } from '../../src/triage/text.js';

/**
 * The tokenizer as it was first written, with regular expressions: `analyze` now walks the
 * characters itself and builds CJK data on demand, and must give exactly this, plus the code fence
 * (''' once normalized) that ends a clause since the fence reader came. (Whose words a
 * token is comes from quoted.ts and is tested in quoted-voice.test.ts.)
 */
function referenceAnalyze(raw: string) {
  const normalized = normalize(raw);
  const tokens = [];
  const questionClauses = new Set<number>();
  let clause = 0;
  let segment = 0;
  for (const match of normalized.matchAll(/[a-z0-9]+|'''|[.!?;:\n。！？；：,，、]/gu)) {
    const word = match[0];
    if ([',', '，', '、'].includes(word)) {
      segment++;
      continue;
    }
    if (['.', '!', '?', ';', ':', '\n', '。', '！', '？', '；', '：', "'''"].includes(word)) {
      segment++;
      if (word === '?' || word === '？') questionClauses.add(clause);
      clause++;
      continue;
    }
    if (['but', 'although', 'though', 'however', 'except'].includes(word)) {
      clause++;
      segment++;
    }
    const from = match.index;
    tokens.push({ word, stem: stemWord(word), clause, segment, from, to: from + word.length });
  }
  const cjkRuns = normalized.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu) ?? [];
  const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });
  const cjkWords = cjkRuns.flatMap((run) => [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment));
  return { normalized, tokens, compact: normalized.replace(/\s+/g, ''), cjkWords, hasCjk: cjkRuns.length > 0, questionClauses };
}

const plain = (text: AnalyzedText) => ({
  normalized: text.normalized,
  tokens: text.tokens.map(({ voice: _voice, ...token }) => token),
  compact: text.compact,
  cjkWords: [...text.cjkWords],
  hasCjk: text.hasCjk,
  questionClauses: text.questionClauses,
});

describe('analyze', () => {
  it('tokenizes the held-out messages exactly as the regex tokenizer did', () => {
    const lines = readFileSync(projectPath('test/fixtures/holdout.jsonl'), 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      const { text } = JSON.parse(line) as { text: string };
      expect(plain(analyze(text)), text).toEqual(referenceAnalyze(text));
    }
  });

  it('tokenizes any text exactly as the regex tokenizer did', () => {
    const piece = fc.oneof(
      fc.constantFrom('not', "isn't", 'but', 'However', 'users', 'e-mail', 'sign-in', '365', 'x2', 'Ünïcödé', 'ﬁle', '①'),
      fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u3000', '.', '?', '？', '。', ',', '，', '、', ';', ':', '!', '"', "'", '「', '」', '’', '```', "'''"),
      fc.constantFrom('世紀互聯', '不是', '無法登入', 'テスト', '한국어', 'ᄀ', '\u{20000}', '😀'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join(pieces.length % 2 ? ' ' : '');
        expect(plain(analyze(text))).toEqual(referenceAnalyze(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the same stems and CJK words without the analysis (rule phrases, training texts)', () => {
    const piece = fc.oneof(
      fc.constantFrom('not', "can't", 'cannot', 'e-mail', 'log-in', 'Set-Up', '365', 'x2', 'Ünïcödé', 'ﬁle', '①', 'Outlook'),
      fc.constantFrom(' ', '\n', '\u3000', '.', '？', '。', '，', '、', '"', "'", '「', '」', '’', '```', ': '),
      fc.constantFrom('世紀互聯', '不是', '無法登入', 'テスト', '한국어', '\u{20000}', '😀'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join(pieces.length % 2 ? ' ' : '');
        const analyzed = analyze(text);
        const words = readWords(text);
        expect(words.stems).toEqual(analyzed.tokens.map((token) => token.stem));
        expect(phraseStems(text)).toEqual(words.stems);
        expect({ hasCjk: words.hasCjk, cjkWords: [...words.cjkWords] }).toEqual({ hasCjk: analyzed.hasCjk, cjkWords: [...analyzed.cjkWords] });
      }),
      { numRuns: 1000 },
    );
  });

  it('has no CJK-script character below FIRST_CJK_CODE (the CJK pass is skipped without one)', () => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    for (let code = 0; code < FIRST_CJK_CODE; code++) expect(cjk.test(String.fromCharCode(code)), code.toString(16)).toBe(false);
    expect(cjk.test(String.fromCharCode(FIRST_CJK_CODE))).toBe(true);
  });

  it('expands "n\'t" contractions typed with or without the apostrophe, and leaves other words with "nt" alone', () => {
    expect(normalize("We dont get mail and it isn't synced")).toBe('we do not get mail and it is not synced');
    expect(normalize('Outlook DOESNT open; the tenant hasn’t changed')).toBe('outlook does not open; the tenant has not changed');
    expect(normalize("Can't sign-in, won't set-up")).toBe('can not sign in, will not set up');
    expect(normalize('Our tenant wants a client update')).toBe('our tenant wants a client update');
  });

  it('collapses each run of whitespace to one space, or to one line break when the run holds one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff'), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(normalize(text)).toBe(text.replace(/\s+/g, (run) => (/[\n\r]/.test(run) ? '\n' : ' ')).trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('gives every word its Porter stem, however many distinct words it has seen (a long-running bot sees thousands)', () => {
    // Thousands of new words: the lexicon's table doubles several times while these are read.
    const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
    const words = Array.from({ length: 6000 }, (_, i) => `zq${letters(i)}ing`);
    const tokens = words.flatMap((_, i) => (i % 200 === 0 ? analyze(words.slice(i, i + 200).join(' ')).tokens : []));
    expect(tokens.map((t) => t.word)).toEqual(words);
    expect(tokens.map((t) => t.stem)).toEqual(words.map((word) => PorterStemmer.stem(word)));
    // Read again (now known), and with digits (never stemmed), they come back the same.
    expect(analyze(`${words[0]} ${words[5999]} running 5.7.1 ndr550`).tokens.map((t) => t.stem)).toEqual([
      PorterStemmer.stem(words[0]!),
      PorterStemmer.stem(words[5999]!),
      'run',
      '5',
      '7',
      '1',
      'ndr550',
    ]);
  });
});
