import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRules, loadRules, RulesInvalidError, SEVERITY_FILE, type RuleSource } from '../../src/triage/rules/load.js';
import { DEFAULT_RULES_DIR } from '../../src/triage/index.js';

const severity: RuleSource = { file: SEVERITY_FILE, text: readFileSync(join(DEFAULT_RULES_DIR, SEVERITY_FILE), 'utf8') };

const LINKS = `
    links:
      - title: Message trace
        url: https://learn.microsoft.com/en-us/exchange/monitoring/trace-an-email-message/message-trace-modern-eac
      - title: NDRs in Exchange Online
        url: https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online`;

function intentFile(body: string): string {
  return `area: exchange\nintents:\n${body}`;
}

const MAILFLOW = `  - id: mailflow
    category: exchange.mailflow
    phrases: [ndr, message trace]
    keywords: [mail]
    examples:
      - external senders get an NDR when they mail us
      - where do I run a message trace?${LINKS}
`;

function problemsOf(sources: RuleSource[]): string[] {
  try {
    buildRules(sources);
  } catch (error) {
    if (error instanceof RulesInvalidError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('rule validation: every problem names the file, the intent, the field and the fix', () => {
  it('accepts a valid file', () => {
    expect(problemsOf([severity, { file: 'exchange.yaml', text: intentFile(MAILFLOW) }])).toEqual([]);
  });

  it('unknown category', () => {
    const text = intentFile(MAILFLOW.replace('exchange.mailflow', 'exchange.mail-flow'));
    const [problem] = problemsOf([severity, { file: 'exchange.yaml', text }]);
    expect(problem).toMatch(/^exchange\.yaml: intent "mailflow", category: .*not a category id.*e\.g\. "exchange\.mailflow"/);
  });

  it('duplicate intent ids across files', () => {
    const problems = problemsOf([
      severity,
      { file: 'a.yaml', text: intentFile(MAILFLOW) },
      { file: 'b.yaml', text: intentFile(MAILFLOW) },
    ]);
    expect(problems).toContainEqual(expect.stringMatching(/^b\.yaml: intent "mailflow", id: already used in a\.yaml/));
  });

  it('an example that the rules place in another intent', () => {
    const text = intentFile(
      MAILFLOW.replace('where do I run a message trace?', 'Outlook crashes when she opens the calendar'),
    );
    const problems = problemsOf([severity, { file: 'exchange.yaml', text }]);
    expect(problems).toContainEqual(
      expect.stringMatching(/^exchange\.yaml: intent "mailflow", examples\[1\] \("Outlook crashes.*is placed in unknown, not exchange\.mailflow\. Add a phrase/),
    );
  });

  it('duplicate YAML keys', () => {
    const text = intentFile(MAILFLOW.replace('    keywords: [mail]\n', '    keywords: [mail]\n    keywords: [email]\n'));
    const [problem] = problemsOf([severity, { file: 'exchange.yaml', text }]);
    expect(problem).toMatch(/^exchange\.yaml:\d+: a key is written twice.*Merge the two lists/);
  });

  it('a link that is not public Microsoft documentation', () => {
    const text = intentFile(MAILFLOW.replace('https://learn.microsoft.com/en-us/exchange/monitoring', 'https://example.com/exchange/monitoring'));
    const [problem] = problemsOf([severity, { file: 'exchange.yaml', text }]);
    expect(problem).toMatch(/^exchange\.yaml: intent "mailflow", links\.0\.url: must be an https:\/\/ page on learn\.microsoft\.com or support\.microsoft\.com/);
  });

  it('too few links', () => {
    const text = intentFile(MAILFLOW.replace(/      - title: NDRs[\s\S]*$/, ''));
    const [problem] = problemsOf([severity, { file: 'exchange.yaml', text }]);
    expect(problem).toMatch(/intent "mailflow", links: needs 2 to 4 self-service links/);
  });

  it('too many links', () => {
    const extra = ['service-health', 'a', 'b'].map((page) => `\n      - title: Page ${page}\n        url: https://learn.microsoft.com/en-us/microsoft-365/enterprise/${page}`).join('');
    const text = intentFile(MAILFLOW.replace(/(non-delivery-reports-in-exchange-online)/, `$1${extra}`));
    const [problem] = problemsOf([severity, { file: 'exchange.yaml', text }]);
    expect(problem).toMatch(/intent "mailflow", links: has more than 4 links: keep the 2 to 4 most useful/);
  });

  it('a missing field', () => {
    const text = intentFile(MAILFLOW.replace('    category: exchange.mailflow\n', ''));
    const [problem] = problemsOf([severity, { file: 'exchange.yaml', text }]);
    expect(problem).toMatch(/^exchange\.yaml: intent "mailflow", category: is missing: add it/);
  });

  it('a misspelled field', () => {
    const text = intentFile(MAILFLOW.replace('    keywords:', '    keywrods:'));
    const [problem] = problemsOf([severity, { file: 'exchange.yaml', text }]);
    expect(problem).toMatch(/intent "mailflow", entry: unknown field\(s\) "keywrods": check the spelling/);
  });

  it('a pattern that is not a regular expression', () => {
    const text = intentFile(MAILFLOW.replace('    keywords: [mail]\n', "    keywords: [mail]\n    patterns: ['5\\.7\\.(1']\n"));
    const [problem] = problemsOf([severity, { file: 'exchange.yaml', text }]);
    expect(problem).toMatch(/^exchange\.yaml: intent "mailflow", patterns\[0\]: pattern .* is not a valid regular expression/);
  });

  it('broken YAML', () => {
    const [problem] = problemsOf([severity, { file: 'exchange.yaml', text: 'area: exchange\nintents:\n  - id: [unclosed\n' }]);
    expect(problem).toMatch(/^exchange\.yaml(:\d+)?: not valid YAML .*Check the indentation and quotes/);
  });

  it('a missing severity file', () => {
    const [problem] = problemsOf([{ file: 'exchange.yaml', text: intentFile(MAILFLOW) }]);
    expect(problem).toMatch(/^severity\.yaml: missing/);
  });

  it('an unknown severity cue group', () => {
    const text = severity.text.replace('\n  doubt:\n', '\n  dout:\n');
    const problems = problemsOf([{ file: SEVERITY_FILE, text }, { file: 'exchange.yaml', text: intentFile(MAILFLOW) }]);
    expect(problems.join('\n')).toMatch(/severity\.yaml: cues: unknown field\(s\) "dout"/);
  });

  it('the bot refuses to start: loading a folder with a bad file throws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    try {
      writeFileSync(join(dir, SEVERITY_FILE), severity.text);
      writeFileSync(join(dir, 'exchange.yaml'), intentFile(MAILFLOW.replace('exchange.mailflow', 'nope')));
      expect(() => loadRules(dir)).toThrow(RulesInvalidError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the shipped rules are valid', () => {
    expect(() => loadRules(DEFAULT_RULES_DIR)).not.toThrow();
  });
});
