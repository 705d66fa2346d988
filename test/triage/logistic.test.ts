/**
 * The logistic-regression candidate for the statistical layer (measured, not shipped in the
 * pipeline: see README, "Writing intent rules"): reproducible training, honest probabilities,
 * and long messages read by what they ask rather than by how many background words they carry.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { crossValidate } from '../../src/triage/folds.js';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { featuresOfText } from '../../src/triage/learned.js';
import { LogisticClassifier } from '../../bench/logistic.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

function trained(options = {}): LogisticClassifier {
  const model = new LogisticClassifier(options);
  for (const document of engine.documents) model.add(featuresOfText(document.text), document.category);
  model.train();
  return model;
}

const background =
  'we are a small accounting firm with two offices and about forty people, most of them work from home on laptops we bought last year, and our previous IT person left in the spring. ';

describe('logistic regression over TF-IDF features', () => {
  it('gives the same probabilities every time it is trained (fixed seed and epochs)', () => {
    const message = featuresOfText('external senders get a bounce when mailing our sales address');
    expect(trained().scores(message)).toEqual(trained().scores(message));
  });

  it('a different seed is a different model: the seed is what makes it reproducible', () => {
    const message = featuresOfText('external senders get a bounce when mailing our sales address');
    expect(trained({ seed: 99 }).scores(message)).not.toEqual(trained().scores(message));
  });

  it('returns probabilities over every trained category that sum to 1, best first', () => {
    const scores = trained().scores(featuresOfText('please give Maria full access to the shared finance mailbox'));
    const total = scores.reduce((sum, s) => sum + s.probability, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(scores.map((s) => s.probability)).toEqual([...scores.map((s) => s.probability)].sort((a, b) => b - a));
    expect(scores[0]!.category).toBe('exchange.recipients');
  });

  it('says nothing about words it never saw', () => {
    const model = trained();
    const features = featuresOfText('zxqv plorb wumble');
    expect(model.knownFeatures(features)).toBe(0);
    expect(model.scores(features)).toEqual([]);
  });

  it('reads a request after a long paragraph of background as that request', () => {
    const model = trained();
    const short = 'outside senders get a bounce 550 5.7.1 when they mail our sales address';
    expect(model.scores(featuresOfText(short))[0]!.category).toBe('exchange.mailflow');
    expect(model.scores(featuresOfText(background + short))[0]!.category).toBe('exchange.mailflow');
  });

  it('can be cross-validated like naive Bayes (npm run eval -- --folds K uses the same split)', () => {
    const report = crossValidate(engine.documents, 3, () => new LogisticClassifier({ epochs: 2 }));
    expect(report.examples).toBeGreaterThan(100);
    expect(report.perFold).toHaveLength(3);
    expect(report.correct / report.examples).toBeGreaterThan(0.5);
  });
});
