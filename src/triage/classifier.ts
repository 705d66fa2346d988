/**
 * A naive Bayes classifier over the intents' examples and phrases. The rules decide where they
 * fire; this only breaks ties between categories the rules scored equally.
 *
 * The arithmetic is that of natural's BayesClassifier (with apparatus underneath), which this
 * replaced: same counts, same smoothing, same order of every floating-point operation, so the
 * same scores to the last bit (test/triage/classifier.test.ts checks it against natural).
 * natural turns each message into a 0/1 vector over the whole vocabulary (~1,300 features,
 * each looked up in the message) and takes a logarithm per feature and category: ~125 µs per
 * tie. Here only the message's own features are visited and the logarithms are computed once.
 */
import type { AnalyzedText } from './text.js';

const STOP_STEMS = new Set([
  'a', 'an', 'the', 'and', 'or', 'to', 'of', 'in', 'on', 'for', 'at', 'by', 'with', 'from', 'is', 'are', 'wa', 'be',
  'it', 'i', 'we', 'our', 'my', 'you', 'your', 'thi', 'that', 'do', 'doe', 'can', 'not', 'have', 'ha', 'get', 'so',
]);

/** Features of a message: content stems plus CJK words and character bigrams. */
export function classifierFeatures(text: AnalyzedText, stems: readonly string[]): string[] {
  const features = stems.filter((stem) => !STOP_STEMS.has(stem) && stem.length > 1);
  for (const word of text.cjkWords) {
    features.push(word);
    for (let i = 0; i + 1 < word.length; i++) features.push(word.slice(i, i + 2));
  }
  return features;
}

/** natural's smoothing: a feature a category never saw counts as seen once. */
const SMOOTHING = 1;

export class CategoryClassifier {
  private readonly documents: { features: string[]; category: string }[] = [];
  private trained = false;
  /** Categories in the order of their first document (the order natural reports them in). */
  private categories: string[] = [];
  /** Per category: its prior, classTotals / totalExamples in natural. */
  private priors: number[] = [];
  /** Feature → its position in natural's feature vector. */
  private readonly positions = new Map<string, number>();
  /** Per feature position, per category: log(count / classTotal), the term natural adds up. */
  private logLikelihoods: Float64Array[] = [];
  /** Per category: the term for a feature the category never saw. */
  private unseen: number[] = [];

  add(features: string[], category: string): void {
    if (features.length > 0) this.documents.push({ features, category });
  }

  train(): void {
    const vocabulary = this.vocabulary();
    vocabulary.forEach((feature, position) => this.positions.set(feature, position));
    this.categories = [...new Set(this.documents.map((document) => document.category))];
    // natural starts every total at one, and counts a feature once per document that has it.
    const documentsOf = this.categories.map((category) => this.documents.filter((d) => d.category === category));
    const totals = documentsOf.map((documents) => 1 + documents.length);
    const totalExamples = 1 + this.documents.length;
    this.priors = totals.map((total) => total / totalExamples);
    this.unseen = totals.map((total) => Math.log(SMOOTHING / total));
    this.logLikelihoods = vocabulary.map(() => Float64Array.from(this.unseen));
    documentsOf.forEach((documents, category) => {
      const counts = new Map<number, number>();
      for (const document of documents) {
        for (const position of this.presentPositions(document.features)) counts.set(position, (counts.get(position) ?? 0) + 1);
      }
      // natural's count for a seen feature: 1 + smoothing on the first document, +1 after.
      for (const [position, count] of counts) this.logLikelihoods[position]![category] = Math.log((SMOOTHING + count) / totals[category]!);
    });
    this.trained = true;
  }

  /** Probability-like scores per category, summing to 1 over the trained categories. */
  scores(features: string[]): Map<string, number> {
    const result = new Map<string, number>();
    if (!this.trained || features.length === 0) return result;
    // natural sums its vector from the last position down: the same order gives the same sums.
    const positions = this.presentPositions(features).sort((a, b) => b - a);
    const classifications = this.categories.map((label, category) => {
      let logProbability = 0;
      for (const position of positions) logProbability += this.logLikelihoods[position]![category]!;
      return { label, value: this.priors[category]! * Math.exp(logProbability) };
    });
    classifications.sort((x, y) => y.value - x.value);
    const total = classifications.reduce((sum, c) => sum + c.value, 0) || 1;
    for (const c of classifications) result.set(c.label, c.value / total);
    return result;
  }

  /**
   * Every feature of the training documents, in natural's vector order: the key order of the
   * plain object it counts them in (integer-like keys ascending, then first-seen order).
   */
  private vocabulary(): string[] {
    const seen: Record<string, number> = {};
    for (const document of this.documents) for (const feature of document.features) seen[feature] = 1;
    return Object.keys(seen);
  }

  /** The distinct vector positions of the features the vocabulary has. */
  private presentPositions(features: readonly string[]): number[] {
    const positions = new Set<number>();
    for (const feature of features) {
      const position = this.positions.get(feature);
      if (position !== undefined) positions.add(position);
    }
    return [...positions];
  }
}
