/** One probe round as tests, shared by the probe-round files. */
import { describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';

type Severity = 'A' | 'B' | 'C' | null;
/** `open`: why a probe still fails, for a class not fixed yet (listed as a todo, not hidden). */
export type Probe = readonly [category: string, severity: Severity | undefined, text: string, open?: string];

/**
 * Every probe that passes is checked (category, and severity where it is labeled); those still
 * open are todos that carry their reason.
 */
export function describeProbeRound(title: string, probes: ReadonlyArray<Probe>, engine: () => TriageEngine): void {
  const placed = probes.filter(([, , , open]) => open === undefined).map(([category, severity, text]) => [category, severity, text] as const);
  const stillOpen = probes.filter(([, , , open]) => open !== undefined);
  describe(title, () => {
    it.each(placed)('%s (%s): %s', (category, severity, text) => {
      const result = engine().triage(text);
      expect(result.category).toBe(category);
      if (severity !== undefined) expect(result.severity).toBe(severity);
    });
    for (const [category, severity, text, open] of stillOpen) it.todo(`${category} (${severity}): ${text.slice(0, 60)}… — ${open}`);
  });
}
