/** Scores the engine on labeled messages; pure, so tests and the eval command share it. */
import type { TriageEngine } from './engine.js';

export interface LabeledMessage {
  readonly id: string;
  readonly text: string;
  readonly category: string;
  readonly severity?: 'A' | 'B' | 'C' | null;
  readonly lang?: string;
}

export interface Miss {
  readonly id: string;
  readonly text: string;
  readonly expected: string;
  readonly got: string;
  readonly reasons: readonly string[];
}

export interface EvaluationReport {
  readonly total: number;
  readonly categoryCorrect: number;
  readonly severityScored: number;
  readonly severityCorrect: number;
  readonly perCategory: ReadonlyMap<string, { gold: number; predicted: number; correct: number }>;
  readonly confusions: ReadonlyMap<string, number>;
  readonly misses: readonly Miss[];
}

export function evaluate(engine: TriageEngine, rows: readonly LabeledMessage[]): EvaluationReport {
  const perCategory = new Map<string, { gold: number; predicted: number; correct: number }>();
  const confusions = new Map<string, number>();
  const misses: Miss[] = [];
  let categoryCorrect = 0;
  let severityScored = 0;
  let severityCorrect = 0;
  const stats = (id: string) => {
    let entry = perCategory.get(id);
    if (!entry) perCategory.set(id, (entry = { gold: 0, predicted: 0, correct: 0 }));
    return entry;
  };
  for (const row of rows) {
    const result = engine.triage(row.text);
    const categoryOk = result.category === row.category;
    stats(row.category).gold++;
    stats(result.category).predicted++;
    if (categoryOk) {
      categoryCorrect++;
      stats(row.category).correct++;
    } else {
      const pair = `${row.category} -> ${result.category}`;
      confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
    }
    const expectedSeverity = row.severity ?? null;
    let severityOk = true;
    if (expectedSeverity !== null) {
      severityScored++;
      severityOk = result.severity === expectedSeverity;
      if (severityOk) severityCorrect++;
    }
    if (!categoryOk || !severityOk) {
      misses.push({
        id: row.id,
        text: row.text,
        expected: `${row.category}/${expectedSeverity ?? '-'}`,
        got: `${result.category}/${result.severity ?? '-'}`,
        reasons: result.reasons,
      });
    }
  }
  return { total: rows.length, categoryCorrect, severityScored, severityCorrect, perCategory, confusions, misses };
}

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

export function formatReport(report: EvaluationReport): string {
  const lines: string[] = [];
  lines.push(`messages: ${report.total}`);
  lines.push(`category accuracy: ${percent(report.categoryCorrect, report.total)}`);
  lines.push(`severity accuracy: ${percent(report.severityCorrect, report.severityScored)} (of ${report.severityScored} with a severity)`);
  lines.push('', 'category                    recall   precision   (gold / predicted)');
  for (const [id, s] of [...report.perCategory].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${id.padEnd(26)} ${percent(s.correct, s.gold).padStart(6)}   ${percent(s.correct, s.predicted).padStart(9)}   (${s.gold} / ${s.predicted})`);
  }
  if (report.confusions.size > 0) {
    lines.push('', 'confusions (expected -> got):');
    for (const [pair, count] of [...report.confusions].sort((a, b) => b[1] - a[1])) lines.push(`  ${count}x ${pair}`);
  }
  if (report.misses.length > 0) {
    lines.push('', `misses (${report.misses.length}):`);
    for (const miss of report.misses) {
      lines.push(`  ${miss.id}  expected ${miss.expected}  got ${miss.got}`, `      ${miss.text.slice(0, 140)}`);
      for (const reason of miss.reasons) lines.push(`      · ${reason}`);
    }
  }
  return lines.join('\n') + '\n';
}
