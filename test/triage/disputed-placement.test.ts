/**
 * A rule that places a message on one cue while the wording as a whole reads like another
 * category's examples: the rule's category stays the best guess, but the admin is asked between
 * the two and the confidence is low (issue 15: a wrong answer placed confidently is worse than a
 * question). Built from a small rule set of its own, so new training examples elsewhere cannot
 * change what it checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR } from '../../src/triage/index.js';
import { buildRules, SEVERITY_FILE, type RuleSource } from '../../src/triage/rules/load.js';
import { categoryDisplayName } from '../../src/domain/taxonomy.js';
import { harness, only } from '../conversation/helpers.js';

const severity: RuleSource = { file: SEVERITY_FILE, text: readFileSync(join(DEFAULT_RULES_DIR, SEVERITY_FILE), 'utf8') };

const rules: RuleSource = {
  file: 'mixed.yaml',
  text: `area: mixed
intents:
  - id: usage
    category: exchange.usage
    phrases: [duplicate items, duplicate]
    keywords: [calendar, folder]
    examples: [Outlook shows duplicate items in the calendar folder, the shared folder has a duplicate of every mail]
    links:
      - { title: Duplicates, url: https://learn.microsoft.com/en-us/outlook/a }
      - { title: Calendar, url: https://learn.microsoft.com/en-us/outlook/b }
  - id: invoice
    category: billing.invoice
    phrases: [invoice, charged twice]
    keywords: [payment, refund]
    examples: [the invoice charged twice for the same month, where is the invoice for March]
    links:
      - { title: Invoices, url: https://learn.microsoft.com/en-us/billing/a }
      - { title: Payments, url: https://learn.microsoft.com/en-us/billing/b }
`,
};

const training: RuleSource = {
  file: 'training/mixed.yaml',
  text: `examples:
  billing.invoice:
    - we paid twice this month and the money has to come back
    - the card was debited two times for one month, please return the money
    - finance sees two payments for the same month on the bank statement
    - we want our money back for the month we paid two times
    - accounting asks why the bank shows the subscription paid two times this month
  exchange.usage:
    - every meeting shows up two times in my calendar since the move
    - the inbox folder lists the same message three times after the sync
    - reminders pop up twice for each calendar entry in Outlook
    - the sent items folder keeps copies of each message two times
    - the contacts folder has two of every entry after the import
`,
};

const engine = buildRules([severity, rules], [training]);
/** One cue of the usage rule ('duplicate'), in wording that reads like the billing examples. */
const disputed = 'we paid twice this month and need the money back for the duplicate payment';

describe('a rule placement the statistical layer disputes', () => {
  it('keeps the rule as the best guess but asks between the two, with low confidence', () => {
    const result = engine.triage(disputed);
    expect(result.category).toBe('exchange.usage');
    expect(result.clarify).toEqual(['exchange.usage', 'billing.invoice']);
    expect(result.alternatives[0]).toBe('billing.invoice');
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.reasons[0]).toContain('reads like the examples of Billing and subscriptions');
    expect(result.reasonsByLang['zh-TW'][0]).toContain('用字較接近');
  });

  it('does not ask when the wording agrees with the rule', () => {
    const result = engine.triage('Outlook shows duplicate items in every calendar folder since the move');
    expect(result.category).toBe('exchange.usage');
    expect(result.clarify).toEqual([]);
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('asks the admin in the conversation, and the pick answers the message in that category', async () => {
    const h = await harness(engine);
    const question = only(await h.say(disputed), 'question');
    expect(question.verb).toBe('pickCategory');
    expect(question.options.map((o) => o.value)).toEqual(['exchange.usage', 'billing.invoice']);
    const answer = only(await h.act('pickCategory', { category: 'billing.invoice' }), 'triage');
    expect(answer.message).toBe(disputed);
    expect(answer.categoryName).toBe(categoryDisplayName('billing.invoice', 'en'));
  });
});
