/**
 * Typo tolerance bends misspelled product words onto rule words, never ordinary English:
 * "chances" is not a misspelled "cancel", nor "chance" a misspelled "charge" (WordNet decides
 * what ordinary English is).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { EnglishWords } from '../../src/triage/english-words.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

const cues = (text: string) => Object.values(engine.explain(text).intents).flat().join(' | ');

describe('typo correction and ordinary English', () => {
  it('leaves English words alone, however close to a rule word', () => {
    expect(cues('what are the chances the tenant move finishes tonight?')).not.toMatch(/chances/);
    expect(cues('any chance of a how-to for our firewall?')).not.toMatch(/chance \[/);
  });

  it('still corrects a misspelled product word', () => {
    expect(cues('the sharepiont site is down for everyone')).toMatch(/sharepiont/);
    expect(engine.triage('the sharepiont site is down for everyone').category).toBe('sharepoint.sites');
  });
});

describe('EnglishWords', () => {
  const words = EnglishWords.load();

  it('knows lemmas and their inflections', () => {
    for (const word of ['chance', 'chances', 'specified', 'regarding', 'unlocked', 'difficult']) expect(words.has(word), word).toBe(true);
  });

  it('does not know misspellings or product names', () => {
    for (const word of ['sharepiont', 'permisions', 'autodiscovr', 'exchage', 'sharepoint']) expect(words.has(word), word).toBe(false);
  });
});
