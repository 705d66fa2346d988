import { beforeAll } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

/**
 * The two figures the severity-by-scope tests assert, read from the shared engine (test/support/rules.ts).
 * Call at the top level of the file: it registers a beforeAll that loads the rules.
 */
export function scopeReader(): (text: string) => { severity: string | null; scope: string } {
  let engine: TriageEngine;
  beforeAll(() => {
    engine = sharedRules();
  });
  return (text) => {
    const { severity, scope } = engine.triage(text);
    return { severity, scope };
  };
}
