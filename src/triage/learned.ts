/**
 * The statistical layer: a multinomial naive Bayes over word stems (and CJK words and
 * bigrams), trained on the intents' examples and on intents/training/. Chosen by measurement
 * (see README, "Writing intent rules"): natural's Bernoulli-style BayesClassifier favours the
 * category with the fewest documents on long messages, because every word a category never saw
 * costs it less; the multinomial model with a shared vocabulary does not.
 */

import type { CategoryId } from '../domain/taxonomy.js';
import { readWords, type WordReading } from './text.js';

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
export function featuresOf(text: Pick<WordReading, 'hasCjk' | 'cjkWords'>, stems: readonly string[]): string[] {
  const features = stems.filter((stem) => !STOP_STEMS.has(stem) && stem.length > 1);
  if (text.hasCjk) {
    for (const word of text.cjkWords) {
      features.push(word);
      for (let i = 0; i + 1 < word.length; i++) features.push(word.slice(i, i + 2));
    }
  }
  return features;
}

/** Features of a raw text, without typo correction (training and cross-validation). */
export function featuresOfText(raw: string): string[] {
  const words = readWords(raw);
  return featuresOf(words, words.stems);
}

/** Add-alpha smoothing: 0.1-0.3 scored best on 5 folds (77%); 1 lost 6 of 123 on the studied half of real-train. */
const ALPHA = 0.1;

export interface LearnedScore {
  readonly category: string;
  /** Posterior over the trained categories, 0..1, summing to 1. */
  readonly probability: number;
}

/**
 * The classifier's reading of one message: computed once (one pass over its distinct known
 * features into a vector of posteriors), then asked for what the engine needs; the sorted list
 * of scores is only built when something asks for it.
 */
export class LearnedReading {
  private sorted: LearnedScore[] | undefined;

  constructor(
    private readonly categories: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    /** Posteriors in the order of `categories`; empty when no feature is known. */
    private readonly probabilities: Float64Array,
    /** How many distinct features of the message the model has seen: its evidence. */
    readonly known: number,
  ) {}

  /** A category's posterior; 0 when no feature is known or the model has no such category. */
  probabilityOf(category: string): number {
    if (this.known === 0) return 0;
    const c = this.index.get(category);
    return c === undefined ? 0 : this.probabilities[c]!;
  }

  /** The most likely category: the first of `scores()`, without sorting them all. */
  best(): LearnedScore | undefined {
    if (this.known === 0) return undefined;
    let best = 0;
    for (let c = 1; c < this.probabilities.length; c++) if (this.probabilities[c]! > this.probabilities[best]!) best = c;
    return { category: this.categories[best]!, probability: this.probabilities[best]! };
  }

  /** Categories with their posterior, best first (equal ones in training order); empty when no feature is known. */
  scores(): LearnedScore[] {
    if (this.sorted === undefined) {
      this.sorted =
        this.known === 0
          ? []
          : this.categories.map((category, c) => ({ category, probability: this.probabilities[c]! })).sort((a, b) => b.probability - a.probability);
    }
    return this.sorted;
  }
}

export class LearnedClassifier {
  private readonly documents: { features: readonly string[]; category: string }[] = [];
  private categories: string[] = [];
  private categoryIndex = new Map<string, number>();
  private logPriors = new Float64Array(0);
  /** Feature → its row in `logLikelihoods` (one log-likelihood per category, rows end to end). */
  private readonly featureRows = new Map<string, number>();
  private logLikelihoods = new Float64Array(0);
  private unseen: number[] = [];
  /** Per message: `seenIn[row] === round` marks a feature already counted (no Set per message). */
  private seenIn = new Int32Array(0);
  private round = 0;

  add(features: readonly string[], category: string): void {
    // Each word counts once per document: a long example should not outvote ten short ones.
    if (features.length > 0) this.documents.push({ features: [...new Set(features)], category });
  }

  get size(): number {
    return this.documents.length;
  }

  train(): void {
    this.categories = [...new Set(this.documents.map((d) => d.category))];
    this.categoryIndex = new Map(this.categories.map((c, i) => [c, i]));
    const index = this.categoryIndex;
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
    const width = this.categories.length;
    // A uniform prior: how many examples a category has says nothing about how often admins write about it.
    this.logPriors = Float64Array.from(this.categories, () => Math.log(1 / width));
    this.unseen = this.categories.map((_, c) => Math.log(ALPHA / (totals[c]! + ALPHA * vocabularySize)));
    this.featureRows.clear();
    this.logLikelihoods = new Float64Array(counts.size * width);
    for (const [feature, row] of counts) {
      const at = this.featureRows.size * width;
      this.featureRows.set(feature, this.featureRows.size);
      for (let c = 0; c < width; c++) this.logLikelihoods[at + c] = Math.log((row[c]! + ALPHA) / (totals[c]! + ALPHA * vocabularySize));
    }
    this.seenIn = new Int32Array(counts.size);
    this.round = 0;
  }

  /** Categories with their posterior, best first; empty when no feature is known. */
  scores(features: readonly string[]): LearnedScore[] {
    return this.read(features).scores();
  }

  /**
   * The posteriors of a message: the log-likelihoods of its distinct known features summed
   * per category, in the order the features first occur.
   */
  read(features: readonly string[]): LearnedReading {
    const width = this.categories.length;
    const sums = Float64Array.from(this.logPriors);
    const round = this.nextRound();
    let known = 0;
    for (const feature of features) {
      const row = this.featureRows.get(feature);
      if (row === undefined || this.seenIn[row] === round) continue;
      this.seenIn[row] = round;
      known++;
      const at = row * width;
      for (let c = 0; c < width; c++) sums[c]! += this.logLikelihoods[at + c]!;
    }
    if (known === 0) return new LearnedReading(this.categories, this.categoryIndex, new Float64Array(0), 0);
    let max = -Infinity;
    for (let c = 0; c < width; c++) if (sums[c]! > max) max = sums[c]!;
    let total = 0;
    for (let c = 0; c < width; c++) {
      sums[c] = Math.exp(sums[c]! - max);
      total += sums[c]!;
    }
    for (let c = 0; c < width; c++) sums[c] = sums[c]! / total;
    return new LearnedReading(this.categories, this.categoryIndex, sums, known);
  }

  private nextRound(): number {
    if (this.round === 0x7fffffff) {
      this.seenIn.fill(0);
      this.round = 0;
    }
    return ++this.round;
  }
}
