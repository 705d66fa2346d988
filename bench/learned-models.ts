/**
 * The statistical layer's candidate models ALONE (no rules): K-fold cross-validation over the
 * project's examples, and accuracy on labelled JSONL files given as arguments (every line, the
 * best category counts; "unknown" gold lines count as misses, as the scorer does).
 *
 *   npx tsx bench/learned-models.ts [--folds 5] FILE.jsonl...
 */
import { readFileSync } from 'node:fs';
import { crossValidate, type TrainableModel } from '../src/triage/folds.js';
import { loadDefaultRules } from '../src/triage/index.js';
import { featuresOfText, LearnedClassifier } from '../src/triage/learned.js';
import { LogisticClassifier } from './logistic.js';

const args = process.argv.slice(2);
const foldsAt = args.indexOf('--folds');
const folds = foldsAt >= 0 ? Number(args.splice(foldsAt, 2)[1]) : 5;
const engine = loadDefaultRules();
const models: Record<string, () => TrainableModel> = {
  'naive Bayes': () => new LearnedClassifier(),
  'logistic regression': () => new LogisticClassifier(),
};
const features = engine.documents.map((d) => featuresOfText(d.text));
for (const [name, newModel] of Object.entries(models)) {
  const started = performance.now();
  const model = newModel();
  engine.documents.forEach((d, i) => model.add(features[i]!, d.category));
  model.train();
  const trainMs = performance.now() - started;
  const report = crossValidate(engine.documents, folds, newModel);
  const cells = [`${name}: train ${trainMs.toFixed(0)} ms`, `folds ${((100 * report.correct) / report.examples).toFixed(1)}%`];
  const timings: number[] = [];
  for (const file of args) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; category: string });
    const right = lines.filter((l) => {
      const messageFeatures = featuresOfText(l.text);
      const scoring = performance.now();
      const best = model.scores(messageFeatures)[0]?.category;
      timings.push(performance.now() - scoring);
      return best === l.category;
    }).length;
    cells.push(`${file.split('/').pop()} ${right}/${lines.length} ${((100 * right) / lines.length).toFixed(1)}%`);
  }
  timings.sort((a, b) => a - b);
  if (timings.length > 0) cells.push(`scoring p99 ${timings[Math.floor(timings.length * 0.99)]!.toFixed(3)} ms`);
  console.log(cells.join('  '));
}
