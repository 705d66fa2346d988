/**
 * `npm run eval`: what a rule author reads about the category misses, and a set kept back
 * for honest measurement scored without its messages being shown.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, formatReport, type LabeledMessage } from '../../src/triage/evaluation.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

// Written for this test: one placed right, one placed wrong on purpose (its label is another
// category), one whose severity alone is labelled wrong.
const rows: LabeledMessage[] = [
  { id: 'r1', text: 'external senders get an NDR 550 5.7.1 when they mail our sales address', category: 'exchange.mailflow' },
  { id: 'r2', text: 'please add 20 more Business Standard licenses to our subscription', category: 'exchange.usage' },
  { id: 'r3', text: 'how do I set up automatic replies for someone on leave?', category: 'exchange.usage', severity: 'A' },
];

describe('misses by likely cause', () => {
  it('counts the category misses apart from the severity-only misses', () => {
    const report = evaluate(engine, rows);
    expect([...report.causes.values()].reduce((a, b) => a + b, 0)).toBe(2);
    expect([...report.categoryCauses.values()].reduce((a, b) => a + b, 0)).toBe(1);
    expect(formatReport(report)).toContain('of which the category is wrong:');
  });

  it('shows the missed messages by default, and only the counts for a set kept back', () => {
    const report = evaluate(engine, rows);
    expect(formatReport(report)).toContain('Business Standard licenses');
    const countsOnly = formatReport(report, { withMisses: false });
    expect(countsOnly).not.toContain('Business Standard licenses');
    expect(countsOnly).not.toContain('automatic replies');
    expect(countsOnly).toContain('category accuracy: 66.7%');
    expect(countsOnly).toContain('of which the category is wrong:');
  });
});
