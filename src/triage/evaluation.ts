/** Scores the engine on labeled messages; pure, so tests and the eval command share it. */
import type { TriageEngine, TriageResult } from './engine.js';

export interface LabeledMessage {
  readonly id: string;
  readonly text: string;
  readonly category: string;
  readonly severity?: 'A' | 'B' | 'C' | null;
  readonly lang?: string;
  /** Other categories the contract honestly allows for this message. */
  readonly alt?: readonly string[];
  readonly alt_severity?: readonly string[];
}

/** Why a message was missed, guessed from its text and the result: where rule authors should look. */
export type MissCause =
  | 'vocabulary missing (sent to unknown)'
  | 'statistical layer guessed wrong'
  | 'quoted error or log'
  | 'third-person help-desk wording'
  | 'several sentences, one request'
  | 'how-to after context'
  | 'scope read wrongly'
  | 'wrong category, short message';

export interface Miss {
  readonly cause: MissCause;
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
  readonly causes: ReadonlyMap<MissCause, number>;
  /** The same, for the misses whose category is wrong (what the category rules can fix). */
  readonly categoryCauses: ReadonlyMap<MissCause, number>;
  /**
   * Per layer that placed a message (the rules, the statistical layer's examples, or none: sent
   * to unknown), how many it placed and how many of those were right: whether the statistical
   * layer earns its place on a set, readable for a set kept back too (counts only).
   */
  readonly byLayer: ReadonlyMap<PlacingLayer, { placed: number; correct: number }>;
  /**
   * For the misses whose category is wrong: did the rules read the right area at all? The cause
   * above is guessed from the text's shape ("several sentences" is any long message); this tells a
   * rule author whether to add vocabulary (not read) or to weigh what was read (a candidate).
   */
  readonly rightArea: ReadonlyMap<RightAreaReading, number>;
}

export type RightAreaReading =
  | 'the right area was a candidate, another scored higher'
  | 'the right area was not among the candidates: no rule read its vocabulary'
  | 'the message belongs to no area (unknown), one was placed';

/** Where the expected category stood in the result, for a miss whose category is wrong. */
export function rightAreaReading(result: Pick<TriageResult, 'alternatives'>, row: Pick<LabeledMessage, 'category' | 'alt'>): RightAreaReading {
  if (row.category === 'unknown') return 'the message belongs to no area (unknown), one was placed';
  const accepted = [row.category, ...(row.alt ?? [])];
  return result.alternatives.some((c) => accepted.includes(c)) ? 'the right area was a candidate, another scored higher' : 'the right area was not among the candidates: no rule read its vocabulary';
}

/** The engine's `decidedBy`, with 'none' for a message sent to unknown. */
export type PlacingLayer = NonNullable<TriageResult['decidedBy']> | 'none';

const QUOTED_ERROR = /["“'`][^"”'`]{12,}["”'`]|\b(0x[0-9a-f]{4,}|aadsts\d+|[45]\.\d\.\d+|error:|exception|\d{3} [a-z]+ error)/i;
const HELP_DESK = /^\s*(it support|help ?desk|ticket|\[|user\b|user\d|the user|a user|customer|one of our users|employee)/i;
const QUESTION = /\?|\b(how (do|can|to)|is (it|there)|can (i|we)|what|which|where)\b/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?。！？])\s+|\n+/).filter((s) => s.trim().length > 0);
}

/** The first cause that fits, most specific first. */
export function missCause(text: string, categoryOk: boolean, got: { category: string; decidedBy: string | null }): MissCause {
  if (!categoryOk && got.category === 'unknown') return 'vocabulary missing (sent to unknown)';
  if (!categoryOk && got.decidedBy === 'examples') return 'statistical layer guessed wrong';
  if (QUOTED_ERROR.test(text)) return 'quoted error or log';
  if (HELP_DESK.test(text)) return 'third-person help-desk wording';
  const parts = sentences(text);
  if (categoryOk) {
    const asksLater = parts.length > 1 && parts.slice(1).some((s) => QUESTION.test(s)) && !QUESTION.test(parts[0]!);
    return asksLater ? 'how-to after context' : 'scope read wrongly';
  }
  return parts.length > 2 ? 'several sentences, one request' : 'wrong category, short message';
}

export function evaluate(engine: TriageEngine, rows: readonly LabeledMessage[]): EvaluationReport {
  const perCategory = new Map<string, { gold: number; predicted: number; correct: number }>();
  const confusions = new Map<string, number>();
  const misses: Miss[] = [];
  const causes = new Map<MissCause, number>();
  const categoryCauses = new Map<MissCause, number>();
  const byLayer = new Map<PlacingLayer, { placed: number; correct: number }>();
  const rightArea = new Map<RightAreaReading, number>();
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
    const categoryOk = result.category === row.category || (row.alt ?? []).includes(result.category);
    stats(row.category).gold++;
    stats(result.category).predicted++;
    const layer = byLayer.get(result.decidedBy ?? 'none') ?? { placed: 0, correct: 0 };
    byLayer.set(result.decidedBy ?? 'none', layer);
    layer.placed++;
    if (categoryOk) layer.correct++;
    if (categoryOk) {
      categoryCorrect++;
      stats(row.category).correct++;
    } else {
      const pair = `${row.category} -> ${result.category}`;
      confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
      const reading = rightAreaReading(result, row);
      rightArea.set(reading, (rightArea.get(reading) ?? 0) + 1);
    }
    const expectedSeverity = row.severity ?? null;
    let severityOk = true;
    if (expectedSeverity !== null) {
      severityScored++;
      severityOk = result.severity === expectedSeverity || (row.alt_severity ?? []).includes(result.severity ?? '');
      if (severityOk) severityCorrect++;
    }
    if (!categoryOk || !severityOk) {
      const cause = missCause(row.text, categoryOk, result);
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
      if (!categoryOk) categoryCauses.set(cause, (categoryCauses.get(cause) ?? 0) + 1);
      misses.push({
        cause,
        id: row.id,
        text: row.text,
        expected: `${row.category}/${expectedSeverity ?? '-'}`,
        got: `${result.category}/${result.severity ?? '-'}`,
        reasons: result.reasons,
      });
    }
  }
  return { total: rows.length, categoryCorrect, severityScored, severityCorrect, perCategory, confusions, misses, causes, categoryCauses, byLayer, rightArea };
}

const LAYER_ORDER: readonly PlacingLayer[] = ['rules', 'examples', 'admin', 'none'];
const LAYER_NAMES: Record<PlacingLayer, string> = {
  rules: 'rules',
  examples: 'statistical layer',
  admin: "admin's choice",
  none: 'nothing (unknown)',
};

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

/**
 * `withMisses: false` leaves out the missed messages and their reasons: a set kept back to
 * measure honestly can be scored by cause without being read.
 */
export function formatReport(report: EvaluationReport, { withMisses = true }: { withMisses?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`messages: ${report.total}`);
  lines.push(`category accuracy: ${percent(report.categoryCorrect, report.total)}`);
  lines.push(`severity accuracy: ${percent(report.severityCorrect, report.severityScored)} (of ${report.severityScored} with a severity)`);
  lines.push('', 'category                    recall   precision   (gold / predicted)');
  for (const [id, s] of [...report.perCategory].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${id.padEnd(26)} ${percent(s.correct, s.gold).padStart(6)}   ${percent(s.correct, s.predicted).padStart(9)}   (${s.gold} / ${s.predicted})`);
  }
  lines.push('', 'placed by (category right / messages):');
  for (const layer of LAYER_ORDER) {
    const tally = report.byLayer.get(layer);
    if (tally) lines.push(`  ${LAYER_NAMES[layer].padEnd(26)} ${String(tally.correct).padStart(4)} / ${tally.placed}`);
  }
  if (report.confusions.size > 0) {
    lines.push('', 'confusions (expected -> got):');
    for (const [pair, count] of [...report.confusions].sort((a, b) => b[1] - a[1])) lines.push(`  ${count}x ${pair}`);
  }
  if (report.causes.size > 0) {
    lines.push('', 'misses by likely cause (category or severity wrong):');
    for (const [cause, count] of [...report.causes].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(count).padStart(4)}  ${cause}`);
  }
  if (report.categoryCauses.size > 0) {
    lines.push('', 'of which the category is wrong:');
    for (const [cause, count] of [...report.categoryCauses].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(count).padStart(4)}  ${cause}`);
  }
  if (report.rightArea.size > 0) {
    lines.push('', 'category wrong: where the right area stood');
    for (const [reading, count] of [...report.rightArea].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(count).padStart(4)}  ${reading}`);
  }
  if (withMisses && report.misses.length > 0) {
    lines.push('', `misses (${report.misses.length}):`);
    for (const miss of report.misses) {
      lines.push(`  ${miss.id}  expected ${miss.expected}  got ${miss.got}  [${miss.cause}]`, `      ${miss.text.slice(0, 140)}`);
      for (const reason of miss.reasons) lines.push(`      · ${reason}`);
    }
  }
  return lines.join('\n') + '\n';
}
