/**
 * `npm run eval -- FILE.jsonl`: for rule authors. Triages every labeled line and prints
 * accuracy, per-category precision and recall, the confusion pairs, the misses by likely cause
 * and each miss with the engine's reasons, in the spirit of `rasa test` (`--no-misses`: all but
 * the missed messages themselves, for a set that is measured but never read).
 * `npm run eval -- --folds K`: K-fold cross-validation of the statistical layer over the
 * project's own examples. The shared scorer stays the neutral referee.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { evaluate, formatReport, type LabeledMessage } from '../triage/evaluation.js';
import { crossValidate, formatFoldReport } from '../triage/folds.js';
import { loadRulesOrExit } from './rules.js';

const USAGE =
  'usage: npm run eval -- FILE.jsonl        (lines: {"id","text","category","severity"}; optional "alt", "alt_severity")\n' +
  '       npm run eval -- --folds K         (K-fold cross-validation of the statistical layer, K >= 2)\n' +
  '       npm run eval -- --no-misses FILE  (the counts only, not the missed messages: for a set kept back unread)';

const labeledLine = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  category: z.string(),
  severity: z.enum(['A', 'B', 'C']).nullable().optional(),
  lang: z.string().optional(),
  alt: z.array(z.string()).optional(),
  alt_severity: z.array(z.string()).optional(),
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function readLabeled(file: string): LabeledMessage[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a JSONL file' : 'cannot be read'}. ${USAGE.split('\n')[0]}`);
  }
  const rows: LabeledMessage[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      fail(`${file}:${index + 1}: not valid JSON; each line must be one object like {"id":"1","text":"…","category":"exchange.mailflow"}`);
    }
    const parsed = labeledLine.safeParse(json);
    if (!parsed.success) fail(`${file}:${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    rows.push(parsed.data);
  });
  return rows;
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}
const foldsAt = args.indexOf('--folds');
let folds: number | undefined;
if (foldsAt >= 0) {
  const value = args[foldsAt + 1];
  folds = Number(value);
  if (value === undefined || !Number.isInteger(folds) || folds < 2) fail(`--folds needs a whole number of at least 2 (got ${value ?? 'nothing'}). ${USAGE.split('\n')[1]!.trim()}`);
  args.splice(foldsAt, 2);
}
const noMissesAt = args.indexOf('--no-misses');
if (noMissesAt >= 0) args.splice(noMissesAt, 1);
const unknownFlag = args.find((arg) => arg.startsWith('-'));
if (unknownFlag) fail(`unknown option ${unknownFlag}.\n${USAGE}`);
const file = args[0];
if (!file && folds === undefined) fail(USAGE);

const rows = file ? readLabeled(file) : [];
const engine = loadRulesOrExit();
if (folds !== undefined) process.stdout.write(formatFoldReport(crossValidate(engine.documents, folds)));
if (file) process.stdout.write(formatReport(evaluate(engine, rows), { withMisses: noMissesAt < 0 }));
