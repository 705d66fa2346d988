/**
 * K-fold cross-validation of the statistical layer over the project's own examples: each
 * example is classified once by a model trained without it (term lists always stay in), so
 * rule authors see what generalizes rather than what was memorized.
 */
import { featuresOfText, LearnedClassifier, type TrainingDocument } from './learned.js';

export interface FoldReport {
  readonly folds: number;
  readonly examples: number;
  readonly correct: number;
  /** Per fold: accuracy on its held-out examples. */
  readonly perFold: readonly number[];
  /** Per category: held-out examples and how many were classified right. */
  readonly perCategory: ReadonlyMap<string, { n: number; correct: number }>;
  /** The most frequent wrong answers, "gold -> got". */
  readonly confusions: ReadonlyArray<readonly [string, number]>;
}

/** What cross-validation needs of a model: the statistical layer's interface. */
export interface TrainableModel {
  add(features: readonly string[], category: string): void;
  train(): void;
  scores(features: readonly string[]): ReadonlyArray<{ readonly category: string }>;
}

export function crossValidate(
  documents: readonly TrainingDocument[],
  folds: number,
  newModel: () => TrainableModel = () => new LearnedClassifier(),
): FoldReport {
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError(`folds must be a whole number of at least 2, got ${folds}`);
  const features = documents.map((document) => featuresOfText(document.text));
  // Examples are dealt to folds round-robin within each category, so every fold sees every category.
  const foldOf = new Map<number, number>();
  const seen = new Map<string, number>();
  documents.forEach((document, index) => {
    if (document.kind !== 'example') return;
    const count = seen.get(document.category) ?? 0;
    seen.set(document.category, count + 1);
    foldOf.set(index, count % folds);
  });

  let correct = 0;
  const perFold: number[] = [];
  const perCategory = new Map<string, { n: number; correct: number }>();
  const confusions = new Map<string, number>();
  for (let fold = 0; fold < folds; fold++) {
    const classifier = newModel();
    documents.forEach((document, index) => {
      if (foldOf.get(index) !== fold) classifier.add(features[index]!, document.category);
    });
    classifier.train();
    let foldCorrect = 0;
    let foldSize = 0;
    for (const [index, f] of foldOf) {
      if (f !== fold) continue;
      const gold = documents[index]!.category;
      const got = classifier.scores(features[index]!)[0]?.category ?? 'unknown';
      const entry = perCategory.get(gold) ?? { n: 0, correct: 0 };
      perCategory.set(gold, entry);
      entry.n++;
      foldSize++;
      if (got === gold) {
        entry.correct++;
        foldCorrect++;
      } else {
        const key = `${gold} -> ${got}`;
        confusions.set(key, (confusions.get(key) ?? 0) + 1);
      }
    }
    correct += foldCorrect;
    perFold.push(foldSize === 0 ? 0 : foldCorrect / foldSize);
  }
  return {
    folds,
    examples: foldOf.size,
    correct,
    perFold,
    perCategory,
    confusions: [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 10),
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatFoldReport(report: FoldReport): string {
  const lines = [
    `${report.folds}-fold cross-validation of the statistical layer over ${report.examples} examples`,
    `accuracy ${percent(report.correct / Math.max(1, report.examples))}  (per fold: ${report.perFold.map(percent).join(', ')})`,
    '',
    'per category (held-out examples classified right):',
    ...[...report.perCategory]
      .sort((a, b) => a[1].correct / a[1].n - b[1].correct / b[1].n)
      .map(([category, { n, correct }]) => `  ${category.padEnd(26)} ${percent(correct / n).padStart(6)} of ${String(n).padStart(3)}`),
  ];
  if (report.confusions.length > 0) {
    lines.push('', 'most frequent confusions:', ...report.confusions.map(([pair, count]) => `  ${count}x ${pair}`));
  }
  return lines.join('\n') + '\n';
}
