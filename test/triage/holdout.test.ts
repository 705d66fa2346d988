import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, type LabeledMessage } from '../../src/triage/evaluation.js';
import { sharedRules } from '../support/rules.js';

// A labeled set written by someone who had not seen the rules (test/fixtures/holdout.jsonl).
// The rules were tuned on it afterwards, so these floors guard against regressions; they are
// not the generalization figure (see the closing notes for blind runs).
const rows = readFileSync(new URL('../fixtures/holdout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as LabeledMessage);

describe('held-out messages', () => {
  it('keeps category and severity accuracy above their floors', () => {
    const report = evaluate(sharedRules(), rows);
    expect(report.total).toBe(240);
    expect(report.categoryCorrect / report.total).toBeGreaterThanOrEqual(0.93);
    expect(report.severityCorrect / report.severityScored).toBeGreaterThanOrEqual(0.88);
  });
});
