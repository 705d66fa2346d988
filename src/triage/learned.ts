/**
 * The statistical layer: a multinomial naive Bayes over word stems (and CJK words and
 * bigrams), trained on the intents' examples and on intents/training/. Chosen by measurement
 * (see README, "Writing intent rules"): natural's Bernoulli-style BayesClassifier favours the
 * category with the fewest documents on long messages, because every word a category never saw
 * costs it less; the multinomial model with a shared vocabulary does not.
 */

import type { CategoryId } from '../domain/taxonomy.js';
import { analyze, type AnalyzedText } from './text.js';

export interface TrainingDocument {
  readonly category: CategoryId;
  readonly text: string;
  /** An example message, or an intent's phrase or keyword list joined into one document. */
  readonly kind: 'example' | 'terms';
}

const STOP_STEMS = new Set([
  'a', 'an', 'the', 'and', 'or', 'to', 'of', 'in', 'on', 'for', 'at', 'by', 'with', 'from', 'is', 'are', 'wa', 'be',
  'it', 'i', 'we', 'our', 'my', 'you', 'your', 'thi', 'that', 'do', 'doe', 'can', 'not', 'have', 'ha', 'get', 'so',
]);

/** Features of a message: content stems plus CJK words and character bigrams. */
export function featuresOf(text: AnalyzedText, stems: readonly string[]): string[] {
  const features = stems.filter((stem) => !STOP_STEMS.has(stem) && stem.length > 1);
  for (const word of text.cjkWords) {
    features.push(word);
    for (let i = 0; i + 1 < word.length; i++) features.push(word.slice(i, i + 2));
  }
  return features;
}

/** Features of a raw text, without typo correction (training and cross-validation). */
export function featuresOfText(raw: string): string[] {
  const text = analyze(raw);
  return featuresOf(text, text.tokens.map((t) => t.stem));
}

/** Add-alpha smoothing: 0.1-0.3 scored best on 5 folds (77%); 1 lost 6 of 123 on the studied half of real-train. */
const ALPHA = 0.1;

export interface LearnedScore {
  readonly category: string;
  /** Posterior over the trained categories, 0..1, summing to 1. */
  readonly probability: number;
}

export class LearnedClassifier {
  private readonly documents: { features: readonly string[]; category: string }[] = [];
  private categories: string[] = [];
  private logPriors: number[] = [];
  private readonly logLikelihoods = new Map<string, Float64Array>();
  private unseen: number[] = [];

  add(features: readonly string[], category: string): void {
    // Each word counts once per document: a long example should not outvote ten short ones.
    if (features.length > 0) this.documents.push({ features: [...new Set(features)], category });
  }

  get size(): number {
    return this.documents.length;
  }

  train(): void {
    this.categories = [...new Set(this.documents.map((d) => d.category))];
    const index = new Map(this.categories.map((c, i) => [c, i]));
    const counts = new Map<string, Float64Array>();
    const totals = new Float64Array(this.categories.length);
    const documentCounts = new Float64Array(this.categories.length);
    for (const { features, category } of this.documents) {
      const c = index.get(category)!;
      documentCounts[c]!++;
      for (const feature of features) {
        let row = counts.get(feature);
        if (!row) counts.set(feature, (row = new Float64Array(this.categories.length)));
        row[c]!++;
        totals[c]!++;
      }
    }
    const vocabularySize = counts.size;
    // A uniform prior: how many examples a category has says nothing about how often admins write about it.
    this.logPriors = this.categories.map(() => Math.log(1 / this.categories.length));
    this.unseen = this.categories.map((_, c) => Math.log(ALPHA / (totals[c]! + ALPHA * vocabularySize)));
    for (const [feature, row] of counts) {
      this.logLikelihoods.set(
        feature,
        row.map((count, c) => Math.log((count + ALPHA) / (totals[c]! + ALPHA * vocabularySize))),
      );
    }
  }

  /** How many distinct features of a message the model has seen: its evidence. */
  knownFeatures(features: readonly string[]): number {
    let known = 0;
    for (const feature of new Set(features)) if (this.logLikelihoods.has(feature)) known++;
    return known;
  }

  /** Categories with their posterior, best first; empty when no feature is known. */
  scores(features: readonly string[]): LearnedScore[] {
    const known = features.filter((f) => this.logLikelihoods.has(f));
    if (known.length === 0) return [];
    const sums = Float64Array.from(this.logPriors);
    for (const feature of new Set(known)) {
      const row = this.logLikelihoods.get(feature)!;
      for (let c = 0; c < sums.length; c++) sums[c]! += row[c]!;
    }
    const max = Math.max(...sums);
    const exps = Array.from(sums, (s) => Math.exp(s - max));
    const total = exps.reduce((a, b) => a + b, 0);
    return this.categories
      .map((category, c) => ({ category, probability: exps[c]! / total }))
      .sort((a, b) => b.probability - a.probability);
  }
}
