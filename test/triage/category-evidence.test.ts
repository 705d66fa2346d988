/**
 * What an admin sees change in the category when the evidence is a product name, a feature
 * name, an outside product, or a denied developer platform (issue 15, the category half).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, type TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { buildRules, SEVERITY_FILE, type RuleSource } from '../../src/triage/rules/load.js';

const severity: RuleSource = { file: SEVERITY_FILE, text: readFileSync(join(DEFAULT_RULES_DIR, SEVERITY_FILE), 'utf8') };

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describe('a product named without a known symptom', () => {
  it('is placed in that product, with low confidence, instead of unknown', () => {
    const result = engine.triage('we have a problem with Outlook');
    expect(result.category).toBe('exchange.usage');
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.reasons[0]).toContain("'Outlook' points to Exchange Online");
    expect(engine.triage('nobody in the company can open SharePoint since the morning, board meeting at 2pm').category).toBe('sharepoint.sites');
  });

  it('offers the other product named as the question to ask', () => {
    const result = engine.triage('Outlook and OneNote are acting up');
    expect(['exchange.usage', 'office.install']).toContain(result.category);
    const other = result.category === 'exchange.usage' ? 'office.install' : 'exchange.usage';
    expect(result.alternatives).toContain(other);
    expect(result.clarify).toEqual([result.category, other]);
  });

  it('gives way to a rule that names a symptom', () => {
    expect(engine.triage('Outlook: mail to one partner bounces with 550 5.7.1').category).toBe('exchange.mailflow');
  });

  it('leaves a message with no product and no service unknown', () => {
    expect(engine.triage('same issue as last week, any update??').category).toBe('unknown');
  });

  it('is read from the intent file: only the products an intent lists place its messages', () => {
    const build = (products: string) =>
      buildRules([
        severity,
        {
          file: 'sharepoint.yaml',
          text: `area: sharepoint
intents:
  - id: sites
    category: sharepoint.sites
    phrases: [site is down]
    products: [${products}]
    examples: [the site is down for everyone, our intranet site is down]
    links:
      - { title: Site down, url: https://learn.microsoft.com/en-us/sharepoint/a }
      - { title: Site storage, url: https://learn.microsoft.com/en-us/sharepoint/b }
`,
        },
      ]);
    expect(build('contoso portal').triage('the contoso portal acts strange').category).toBe('sharepoint.sites');
    expect(build('fabrikam').triage('the contoso portal acts strange').category).toBe('unknown');
  });
});

describe('feature names decide between a product\'s categories', () => {
  it.each([
    ['several users cannot log into Teams on their laptops, web works', 'skype.setup'],
    ['Microsoft Teams on the lobby kiosk PC will not launch after the update', 'skype.setup'],
    ['how do I see missed calls that went to voicemail in the Teams admin center?', 'skype.communication'],
    ['our copier stopped sending scans after SMTP AUTH was disabled', 'exchange.mailflow'],
    ['how do I set ExcludeScpLookup for Outlook through group policy?', 'exchange.autodiscover'],
    ['convert the leaver to a shared mailbox after the mailbox was moved to the cloud', 'exchange.recipients'],
    ['the SharePoint Migration Tool fails to copy our file share', 'sharepoint.sites'],
    ['what happens to our files when the Teams trial expires?', 'billing.renewal'],
    ['our trial expires tomorrow and we want to pay to keep it', 'billing.conversion'],
    ['do our kiosk workers need a license to use Teams?', 'presales.inquiry'],
  ])('%s → %s', (message, category) => {
    expect(engine.triage(message).category).toBe(category);
  });
});

describe('outside products and developer platforms', () => {
  it('reads a third-party backup product as the cause', () => {
    expect(engine.triage('restoring a mailbox with our backup software fails with an error, restore to PST works').category).toBe(
      'boundary.third-party',
    );
  });

  it('does not send a message to developer support for a platform it rules out', () => {
    const result = engine.triage('modern sites will not open for anyone, they show error.aspx. No SPFx components are on these sites.');
    expect(result.category).toBe('sharepoint.sites');
  });

  it('still sends a developer platform the admin works with to developer support', () => {
    expect(engine.triage('our SPFx web part fails to load in the workbench').category).toBe('redirect.developer');
  });
});
