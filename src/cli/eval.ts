/**
 * `npm run eval -- FILE.jsonl`: for rule authors. Triages every labeled line and prints
 * accuracy, per-category precision and recall, the confusion pairs and the misses with the
 * engine's reasons, in the spirit of `rasa test`. The shared scorer stays the neutral referee.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { evaluate, formatReport } from '../triage/evaluation.js';
import { loadRulesOrExit } from './rules.js';

const labeledLine = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  category: z.string(),
  severity: z.enum(['A', 'B', 'C']).nullable().optional(),
  lang: z.string().optional(),
});

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run eval -- FILE.jsonl   (lines: {"id","text","category","severity"})\n');
  process.exit(2);
}

const engine = loadRulesOrExit();

const rows = readFileSync(file, 'utf8')
  .split('\n')
  .map((line, index) => ({ line, index }))
  .filter(({ line }) => line.trim())
  .map(({ line, index }) => {
    const parsed = labeledLine.safeParse(JSON.parse(line));
    if (!parsed.success) {
      process.stderr.write(`${file}:${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
      process.exit(2);
    }
    return parsed.data;
  });

const report = evaluate(engine, rows);
process.stdout.write(formatReport(report));
