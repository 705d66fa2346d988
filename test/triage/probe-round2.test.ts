import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { PROBES_ROUND2 } from './probe-messages-round2.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = loadDefaultRules();
});

describe('probe round 2: messages written before triaging them', () => {
  it.each(PROBES_ROUND2)('%s (%s): %s', (category, severity, text) => {
    const result = engine.triage(text);
    expect(result.category).toBe(category);
    if (severity !== undefined) expect(result.severity).toBe(severity);
  });
});
