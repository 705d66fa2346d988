import { describe, expect, it } from 'vitest';
import { featuresOf } from '../../src/triage/learned.js';
import { analyze } from '../../src/triage/text.js';

/** The classifier's CJK features as defined: each run between non-CJK characters segmented on its own. */
function featuresRunByRun(message: string): string[] {
  const runs = analyze(message).normalized.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu) ?? [];
  const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });
  const features: string[] = [];
  for (const run of runs) {
    for (const segment of segmenter.segment(run)) {
      if (!segment.isWordLike) continue;
      features.push(segment.segment);
      for (let i = 0; i + 1 < segment.segment.length; i++) features.push(segment.segment.slice(i, i + 2));
    }
  }
  return features;
}

const cjkFeatures = (message: string) => featuresOf(analyze(message), []);

describe('the classifier reads CJK text run by run (one segmenter call per message)', () => {
  const messages = [
    '信箱寄不出去，外部的人都收不到。請盡快協助！',
    '會議錄影找不到了；昨天還在，今天就消失',
    'Teams 無法 登入 MFA 一直 失敗',
    'メールが届かない、設定は確認しました',
    '사용자 메일이 안 보내져요. 도와주세요',
    '授權到期了嗎?帳單上沒有看到續約',
  ];

  it.each(messages)('gives the features of segmenting each run alone: %s', (message) => {
    expect(cjkFeatures(message)).toEqual(featuresRunByRun(message));
  });

  it('never makes a word or bigram across punctuation or a space between runs', () => {
    const features = cjkFeatures('退信，外部');
    expect(features).not.toContain('信外');
    expect(features.some((f) => f.includes('信') && f.includes('外'))).toBe(false);
    expect(cjkFeatures('退信 外部').some((f) => f.includes('信') && f.includes('外'))).toBe(false);
  });

  it('has no CJK features for text without CJK characters', () => {
    expect(cjkFeatures('mail to external recipients bounces')).not.toContain('');
    expect(cjkFeatures('mail to external recipients bounces').every((f) => /^[a-z0-9]+$/.test(f))).toBe(true);
  });
});
