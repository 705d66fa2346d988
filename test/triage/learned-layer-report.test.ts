/**
 * `npm run eval`: which layer placed each message and how often it was right, so a rule author
 * sees whether the statistical layer earns its place on a set, even on one kept back unread.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, formatReport, type LabeledMessage } from '../../src/triage/evaluation.js';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

// Written for this test. The sync message is placed by the examples (no rule fires on it), and is
// labelled once right and once wrong; the NDR is placed by a rule; "any update?" by none.
const rows: LabeledMessage[] = [
  { id: 'l1', text: 'new starters from our local ad have not appeared in the portal since friday', category: 'identity.dirsync' },
  { id: 'l2', text: 'new starters from our local ad have not appeared in the portal since friday', category: 'office.install' },
  { id: 'l3', text: 'external senders get an NDR 550 5.7.1 when they mail our sales address', category: 'exchange.mailflow' },
  { id: 'l4', text: 'same issue as last week, any update?', category: 'unknown' },
];

describe('placements counted by the layer that made them', () => {
  it('tallies the rules, the statistical layer and unplaced messages apart, with how many were right', () => {
    const report = evaluate(engine, rows);
    expect(report.byLayer.get('examples')).toEqual({ placed: 2, correct: 1 });
    expect(report.byLayer.get('rules')).toEqual({ placed: 1, correct: 1 });
    expect(report.byLayer.get('none')).toEqual({ placed: 1, correct: 1 });
  });

  it('prints the tally in the counts-only report of a set kept back, without its messages', () => {
    const countsOnly = formatReport(evaluate(engine, rows), { withMisses: false });
    expect(countsOnly).toMatch(/statistical layer\s+1 \/ 2/);
    expect(countsOnly).toMatch(/rules\s+1 \/ 1/);
    expect(countsOnly).not.toContain('new starters');
  });
});
