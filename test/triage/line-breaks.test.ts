/**
 * A line break ends a clause: a ticket's title line, or a line of its own, is a sentence even
 * without a full stop, so a negation in it ("no problem with …", "no Teams") does not reach the
 * first words of the next line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/triage/text.js';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describe('line breaks', () => {
  it('start a new clause, as a full stop does', () => {
    const { tokens } = analyze('no problem with OWA\nOutlook desktop cannot send');
    const clauseOf = (word: string) => tokens.find((t) => t.word === word)!.clause;
    expect(clauseOf('outlook')).toBeGreaterThan(clauseOf('owa'));
    expect(analyze('no problem with OWA Outlook desktop cannot send').tokens.every((t) => t.clause === 0)).toBe(true);
  });

  it('keep a title line\'s negation from cancelling the failure on the next line', () => {
    const result = engine.triage('No problem with OWA\nOutlook desktop cannot send mail for the whole office');
    expect(result.severity).toBe('A');
    expect(result.scope).toBe('everyone');
  });

  it('read the same as a full stop between the lines', () => {
    const lines = engine.triage('Not a billing question\nThe SharePoint site is down for everyone in finance');
    const sentences = engine.triage('Not a billing question. The SharePoint site is down for everyone in finance');
    expect(lines.category).toBe(sentences.category);
    expect(lines.severity).toBe(sentences.severity);
    expect(lines.category).toBe('sharepoint.sites');
  });

  it('leave a message on one line as it was', () => {
    expect(engine.triage('Outlook cannot send mail for the whole office').severity).toBe('A');
  });
});
