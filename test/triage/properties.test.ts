import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.array(fc.constantFrom('outlook', 'not', 'everyone', '世紀互聯', '?', ',', 'firewall', 'only her', 'how do i', '550 5.7.1', '***', '\u0000'), {
    maxLength: 40,
  }).map((words) => words.join(' ')),
);

describe('triage properties', () => {
  it('never throws, and answers the same text the same way twice', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const first = engine.triage(text);
        const second = engine.triage(text);
        expect(second).toEqual(first);
        expect(first.confidence).toBeGreaterThanOrEqual(0);
        expect(first.confidence).toBeLessThanOrEqual(1);
        if (first.support === 'boundary' || first.support === 'redirect' || first.support === 'unknown') {
          expect(first.severity).toBeNull();
        } else {
          expect(['A', 'B', 'C']).toContain(first.severity);
        }
      }),
      { numRuns: 400 },
    );
  });
});
