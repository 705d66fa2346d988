/**
 * `npm run eval`: what a rule author reads about the category misses, and a set kept back
 * for honest measurement scored without its messages being shown.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, formatReport, type LabeledMessage } from '../../src/triage/evaluation.js';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
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

describe('where the right area stood in a category miss', () => {
  // Written for this test: the billing wording is read (its area scores), so labelling it with an
  // area whose words it lacks is a miss where the right area was never a candidate.
  const unread: LabeledMessage = { id: 'u1', text: 'please add 20 more Business Standard licenses to our subscription', category: 'skype.setup' };
  // Both areas are read: an NDR with a forwarding rule; labelled with the runner-up.
  const runnerUp: LabeledMessage = { id: 'u2', text: 'mail forwarded by an inbox rule to our partner bounces with an NDR 550 5.7.520', category: 'exchange.recipients' };

  it('tells a rule author whether the right area was a candidate or never read', () => {
    const report = evaluate(engine, [unread]);
    expect(report.rightArea.get('the right area was not among the candidates: no rule read its vocabulary')).toBe(1);
    expect(formatReport(report, { withMisses: false })).toContain('category wrong: where the right area stood');
  });

  it('counts a right area that scored but lost as a candidate', () => {
    const placed = engine.triage(runnerUp.text);
    expect(placed.category).not.toBe(runnerUp.category);
    expect(placed.alternatives).toContain(runnerUp.category);
    const report = evaluate(engine, [runnerUp]);
    expect(report.rightArea.get('the right area was a candidate, another scored higher')).toBe(1);
  });

  it('counts nothing for messages placed right', () => {
    expect(evaluate(engine, [rows[0]!]).rightArea.size).toBe(0);
  });
});
