/**
 * What the statistical layer, the scope readers, the clarifying candidates, the chosen category,
 * the input cap and the bounded typo correction change for an admin.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { crossValidate } from '../../src/triage/folds.js';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { MAX_ANALYZED_CHARS } from '../../src/triage/text.js';
import { boundedDistance, MAX_LOOKUPS_PER_MESSAGE, TypoCorrector } from '../../src/triage/typos.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describe('a product named with an outage is placed, and scope read from the whole message', () => {
  it.each([
    ['nobody in the company can open SharePoint since the morning, board meeting at 2pm', 'sharepoint.sites', 'A'],
    ['我們公司的 Teams 會議都無法加入', 'skype.communication', 'A'],
    ['me and 5 others get a password prompt loop in outlook since this morning', 'identity.users', 'A'],
  ])('%s', (message, category, severity) => {
    const result = engine.triage(message);
    expect(result.category).toBe(category);
    expect(result.severity).toBe(severity);
  });

  it('reads the scope of a message it cannot place, for the question that follows', () => {
    const result = engine.triage('me and 5 others are stuck since this morning');
    expect(result.category).toBe('unknown');
    expect(result.scope).toBe('several');
  });

  it('places a message no rule fires on from the examples, and says so', () => {
    const result = engine.triage('our Teams live event will not start and attendees are stuck on a waiting screen');
    expect(result.category).toBe('skype.communication');
    expect(result.reasons.join(' ')).toBeTruthy();
  });

  it('an access request is nothing broken: Sev C', () => {
    const result = engine.triage('I need access to the finance shared mailbox to answer supplier emails');
    expect(result.category).toBe('exchange.recipients');
    expect(result.severity).toBe('C');
  });
});

describe('asking instead of guessing', () => {
  const unsure = 'mail sent to the sales distribution group bounces back for outside senders';

  it('names 2-3 close candidates, best first, and keeps the best as the category', () => {
    const result = engine.triage(unsure);
    expect(result.clarify.length).toBeGreaterThanOrEqual(2);
    expect(result.clarify.length).toBeLessThanOrEqual(3);
    expect(result.clarify[0]).toBe(result.category);
    expect(new Set(result.clarify)).toEqual(new Set(['exchange.mailflow', 'exchange.recipients']));
  });

  it('offers the runners-up when the evidence for the best is weak, without a near tie', () => {
    const result = engine.triage('the script that exports mailbox sizes stopped giving numbers');
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.clarify).toEqual([result.category, ...result.alternatives.slice(0, 2)]);
    expect(result.clarify).toContain('exchange.usage');
  });

  it('asks nothing when one category is clear', () => {
    expect(engine.triage('our cutover migration batch is stuck at syncing for all 40 mailboxes').clarify).toEqual([]);
  });

  it("triages the same text as the admin's chosen category: its intent, links and severity", () => {
    const chosen = engine.triage(unsure, { category: 'exchange.recipients' });
    expect(chosen.category).toBe('exchange.recipients');
    expect(chosen.decidedBy).toBe('admin');
    expect(chosen.links.length).toBeGreaterThanOrEqual(2);
    expect(chosen.severity).toMatch(/^[ABC]$/);
    expect(chosen.clarify).toEqual([]);
    expect(engine.triage('we were charged twice', { category: 'billing.invoice' }).severity).toBe('C');
  });
});

describe('bounded cost', () => {
  // What these cost is printed by `npm run bench` (the 100 KB and misspelled-words lines), not timed here.
  it('reads only the first MAX_ANALYZED_CHARS of a huge message and says so', () => {
    const huge = 'outlook cannot send mail for anyone since 9am. '.repeat(21_000);
    const result = engine.triage(huge);
    expect(result.truncated).toBe(true);
    expect(result.category).toBe('exchange.mailflow');
    expect(engine.triage('outlook cannot send mail').truncated).toBe(false);
    expect(MAX_ANALYZED_CHARS).toBeLessThanOrEqual(4000);
  });

  it('4 KB of distinct misspelled product words is triaged, and typos are still corrected after it', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from({ length: 400 }, (_, i) => `sharepiont${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}`);
    engine.triage(words.join(' '));
    expect(engine.triage('the sharepiont site is down for everyone').category).toBe('sharepoint.sites');
  });
});

describe('typo correction', () => {
  it('corrects within distance and leaves a word with no near neighbour alone', () => {
    const corrector = new TypoCorrector(['sharepoint', 'autodiscover', 'permissions', 'distribution'], new Set());
    expect(corrector.correctedStem('sharepiont', 'sharepiont')).toBe('sharepoint');
    expect(corrector.correctedStem('autodiscovr', 'autodiscovr')).toBe('autodiscov');
    expect(corrector.correctedStem('shipment', 'shipment')).toBe('shipment');
    expect(corrector.correctedStem('sharepxyzaq', 'sharepxyzaq')).toBe('sharepxyzaq');
  });

  it('looks up at most MAX_LOOKUPS_PER_MESSAGE new words in one message', () => {
    const corrector = new TypoCorrector(['sharepoint'], new Set());
    const correct = corrector.forMessage();
    const word = (i: number) => `unknownword${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
    for (let i = 0; i < MAX_LOOKUPS_PER_MESSAGE; i++) correct(word(i), word(i));
    expect(correct('sharepiont', 'sharepiont')).toBe('sharepiont');
    expect(corrector.forMessage()('sharepiont', 'sharepiont')).toBe('sharepoint');
  });

  it('bounded distance equals natural\'s Damerau-Levenshtein distance whenever that is within the bound', () => {
    const word = fc.stringMatching(/^[a-e]{0,9}$/);
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const plain = DamerauLevenshteinDistance(a, b, { restricted: true });
        const bounded = boundedDistance(a, b, max);
        return plain <= max ? bounded === plain : bounded > max;
      }),
      { numRuns: 2000 },
    );
  });

  it('bounded distance agrees with the plain distance within the bound', () => {
    expect(boundedDistance('teams', 'taems', 2)).toBe(1);
    expect(boundedDistance('outlook', 'outlok', 2)).toBe(1);
    expect(boundedDistance('exchange', 'exchagne', 2)).toBe(1);
    expect(boundedDistance('domain', 'tenant', 2)).toBe(3);
  });
});

describe('cross-validation of the statistical layer', () => {
  it('holds every example out exactly once and generalizes well above chance', () => {
    const report = crossValidate(engine.documents, 5);
    const examples = engine.documents.filter((d) => d.kind === 'example').length;
    expect(report.examples).toBe(examples);
    expect(report.perFold).toHaveLength(5);
    // 29 categories: chance is ~3%; the examples must teach far more than that.
    expect(report.correct / report.examples).toBeGreaterThan(0.6);
  });

  it('refuses fewer than 2 folds', () => {
    expect(() => crossValidate(engine.documents, 1)).toThrow(/at least 2/);
  });
});

describe('command line', () => {
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', projectPath(script), ...args], { encoding: 'utf8', env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } });

  it('eval: a missing file or a bad flag gets one clear line, no stack trace', () => {
    const missing = run('src/cli/eval.ts', ['no-such-file.jsonl']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no-such-file\.jsonl: no such file/);
    const badFolds = run('src/cli/eval.ts', ['--folds', 'x']);
    expect(badFolds.status).toBe(2);
    expect(badFolds.stderr).toMatch(/--folds needs a whole number of at least 2/);
    expect(badFolds.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('triage --help prints the usage, with --explain', () => {
    const help = run('src/cli/triage.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/usage: npm run triage/);
    expect(help.stdout).toMatch(/--explain/);
    expect(help.stdout).toMatch(/--jsonl/);
  });
});
