/**
 * A naive Bayes classifier over the intents' examples and phrases. The rules decide where they
 * fire; this only breaks ties between categories the rules scored equally.
 */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
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

export class CategoryClassifier {
  private readonly bayes = new BayesClassifier();
  private trained = false;

  add(features: string[], category: string): void {
    if (features.length > 0) this.bayes.addDocument(features, category);
  }

  train(): void {
    this.bayes.train();
    this.trained = true;
  }

  /** Probability-like scores per category, summing to 1 over the trained categories. */
  scores(features: string[]): Map<string, number> {
    const result = new Map<string, number>();
    if (!this.trained || features.length === 0) return result;
    const classifications = this.bayes.getClassifications(features);
    const total = classifications.reduce((sum, c) => sum + c.value, 0) || 1;
    for (const c of classifications) result.set(c.label, c.value / total);
    return result;
  }
}
