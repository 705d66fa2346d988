import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { CategoryClassifier, classifierFeatures } from '../../src/triage/classifier.js';
import { DEFAULT_RULES_DIR } from '../../src/triage/index.js';
import { readRuleSources, SEVERITY_FILE } from '../../src/triage/rules/load.js';
import { intentFileSchema } from '../../src/triage/rules/schema.js';
import { analyze } from '../../src/triage/text.js';

/** natural's classifier, as the engine used it before: the reference for the scores. */
function naturalScores(bayes: BayesClassifier, features: string[]): Map<string, number> {
  const result = new Map<string, number>();
  if (features.length === 0) return result;
  const classifications = bayes.getClassifications(features);
  const total = classifications.reduce((sum, c) => sum + c.value, 0) || 1;
  for (const c of classifications) result.set(c.label, c.value / total);
  return result;
}

const featuresOf = (text: string) => {
  const analyzed = analyze(text);
  return classifierFeatures(analyzed, analyzed.tokens.map((t) => t.stem));
};

let ours: CategoryClassifier;
let natural: BayesClassifier;
let vocabulary: string[];
let messages: string[];

beforeAll(() => {
  ours = new CategoryClassifier();
  natural = new BayesClassifier();
  // The documents compileRules trains on: each example, the phrases, the keywords.
  for (const source of readRuleSources(DEFAULT_RULES_DIR)) {
    if (source.file === SEVERITY_FILE) continue;
    for (const rule of intentFileSchema.parse(parse(source.text)).intents) {
      for (const document of [...rule.examples, rule.phrases.join(' '), rule.keywords.join(' ')]) {
        const features = featuresOf(document);
        ours.add(features, rule.category);
        if (features.length > 0) natural.addDocument(features, rule.category);
      }
    }
  }
  ours.train();
  natural.train();
  vocabulary = Object.keys((natural as unknown as { features: Record<string, number> }).features);
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
  messages = lines(projectPath('test/fixtures/holdout.jsonl'));
});

describe('category classifier', () => {
  it("scores exactly as natural's BayesClassifier did, on the held-out messages", () => {
    for (const message of messages) {
      const features = featuresOf(message);
      expect([...ours.scores(features)], message).toEqual([...naturalScores(natural, features)]);
    }
  });

  it("scores exactly as natural's BayesClassifier did, on any mix of known and unknown features", () => {
    const feature = fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.constantFrom('365', '2016', '0', 'constructor', 'toString', '__proto__', '世紀', '互聯', 'unknownword'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 40 }), (features) => {
        expect([...ours.scores(features)]).toEqual([...naturalScores(natural, features)]);
      }),
      { numRuns: 500 },
    );
  });

  it('uses integer-like features too (natural orders them first)', () => {
    expect(vocabulary.some((f) => /^\d+$/.test(f))).toBe(true);
  });
});
