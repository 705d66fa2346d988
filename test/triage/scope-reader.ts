import { beforeAll } from 'vitest';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';

/**
 * The two figures the severity-by-scope tests assert, read from one engine per test file.
 * Call at the top level of the file: it registers a beforeAll that loads the rules.
 */
export function scopeReader(): (text: string) => { severity: string | null; scope: string } {
  let engine: TriageEngine;
  beforeAll(() => {
    engine = loadDefaultRules();
  });
  return (text) => {
    const { severity, scope } = engine.triage(text);
    return { severity, scope };
  };
}
