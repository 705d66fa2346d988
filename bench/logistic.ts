/**
 * A candidate second layer, kept with the benchmark that measures it (bench/learned-models.ts),
 * not used by the bot: measured against naive Bayes in README "Writing intent rules".
 * A multinomial logistic regression over TF-IDF vectors of the same features naive Bayes reads,
 * trained by stochastic gradient descent with L2 regularisation. Every vector has unit length,
 * so a 300-word message weighs as much as a 10-word example: long real messages do not make the
 * model sure of whichever category owns the most background words. Deterministic: a fixed seed
 * shuffles the documents and the number of epochs is fixed.
 */
import type { LearnedScore } from '../src/triage/learned.js';

export interface LogisticOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly seed?: number;
}

/** Chosen on 5 folds and the studied half of real-train (see README, "Writing intent rules"). */
const DEFAULTS: Required<LogisticOptions> = { epochs: 6, learningRate: 2, l2: 1e-4, seed: 15 };

type SparseVector = { readonly index: Int32Array; readonly value: Float64Array };

export class LogisticClassifier {
  private readonly documents: { features: readonly string[]; category: string }[] = [];
  private readonly options: Required<LogisticOptions>;
  private categories: string[] = [];
  private readonly featureIndex = new Map<string, number>();
  private idf = new Float64Array(0);
  /** Weights laid out feature by feature: a feature's weights for every category are contiguous. */
  private weights = new Float64Array(0);
  private bias = new Float64Array(0);

  constructor(options: LogisticOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  add(features: readonly string[], category: string): void {
    if (features.length > 0) this.documents.push({ features, category });
  }

  get size(): number {
    return this.documents.length;
  }

  train(): void {
    this.categories = [...new Set(this.documents.map((d) => d.category))];
    const categoryIndex = new Map(this.categories.map((c, i) => [c, i]));
    const documentFrequency: number[] = [];
    for (const { features } of this.documents) {
      for (const feature of new Set(features)) {
        let index = this.featureIndex.get(feature);
        if (index === undefined) this.featureIndex.set(feature, (index = documentFrequency.push(0) - 1));
        documentFrequency[index]!++;
      }
    }
    const n = this.documents.length;
    this.idf = Float64Array.from(documentFrequency, (df) => Math.log((1 + n) / (1 + df)) + 1);
    const vectors = this.documents.map((d) => this.vectorOf(d.features));
    const labels = this.documents.map((d) => categoryIndex.get(d.category)!);
    this.fit(vectors, labels);
  }

  private fit(vectors: readonly SparseVector[], labels: readonly number[]): void {
    const k = this.categories.length;
    const { epochs, learningRate, l2, seed } = this.options;
    this.weights = new Float64Array(this.featureIndex.size * k);
    this.bias = new Float64Array(k);
    const order = vectors.map((_, i) => i);
    const random = mulberry32(seed);
    const probabilities = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      const rate = learningRate / (1 + epoch * 0.5);
      for (const i of order) {
        const vector = vectors[i]!;
        this.probabilitiesOf(vector, probabilities);
        probabilities[labels[i]!]! -= 1; // now the gradient of the loss over the logits
        for (let c = 0; c < k; c++) this.bias[c]! -= rate * probabilities[c]!;
        for (let j = 0; j < vector.index.length; j++) {
          const base = vector.index[j]! * k;
          const x = vector.value[j]!;
          for (let c = 0; c < k; c++) {
            const w = this.weights[base + c]!;
            // L2 only on the features this document touches: the usual sparse approximation.
            this.weights[base + c] = w - rate * (probabilities[c]! * x + l2 * w);
          }
        }
      }
    }
  }

  /** Sublinear TF-IDF of the known features, unit length; unknown features are left out. */
  private vectorOf(features: readonly string[]): SparseVector {
    const counts = new Map<number, number>();
    for (const feature of features) {
      const index = this.featureIndex.get(feature);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    const index = Int32Array.from(counts.keys());
    const value = Float64Array.from(counts.values(), (count, j) => (1 + Math.log(count)) * this.idf[index[j]!]!);
    let squares = 0;
    for (const v of value) squares += v * v;
    const norm = Math.sqrt(squares) || 1;
    for (let j = 0; j < value.length; j++) value[j]! /= norm;
    return { index, value };
  }

  private probabilitiesOf(vector: SparseVector, out: Float64Array): void {
    const k = this.categories.length;
    out.set(this.bias);
    for (let j = 0; j < vector.index.length; j++) {
      const base = vector.index[j]! * k;
      const x = vector.value[j]!;
      for (let c = 0; c < k; c++) out[c]! += this.weights[base + c]! * x;
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, out[c]!);
    let total = 0;
    for (let c = 0; c < k; c++) total += out[c] = Math.exp(out[c]! - max);
    for (let c = 0; c < k; c++) out[c]! /= total;
  }

  /** How many distinct features of a message the model has seen: its evidence. */
  knownFeatures(features: readonly string[]): number {
    let known = 0;
    for (const feature of new Set(features)) if (this.featureIndex.has(feature)) known++;
    return known;
  }

  /** Categories with their probability, best first; empty when no feature is known. */
  scores(features: readonly string[]): LearnedScore[] {
    const vector = this.vectorOf(features);
    if (vector.index.length === 0) return [];
    const probabilities = new Float64Array(this.categories.length);
    this.probabilitiesOf(vector, probabilities);
    return this.categories
      .map((category, c) => ({ category, probability: probabilities[c]! }))
      .sort((a, b) => b.probability - a.probability);
  }
}

/** A small seeded generator: the same seed gives the same shuffles, so training is reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}
