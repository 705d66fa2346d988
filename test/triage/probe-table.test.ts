import { beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/index.js';
import { sharedRules } from '../support/rules.js';
import { PROBES } from './probe-messages.js';

let engine: TriageEngine;
beforeAll(() => {
  engine = sharedRules();
});

describe('probe messages written for issue 15 (en, zh-TW, Japanese)', () => {
  it('cover every category of taxonomy.md at least twice', () => {
    const counts = new Map<string, number>();
    for (const [category] of PROBES) counts.set(category, (counts.get(category) ?? 0) + 1);
    expect(counts.size).toBe(30);
    for (const [category, count] of counts) expect(count, category).toBeGreaterThanOrEqual(2);
  });

  it.each(PROBES)('%s: %s', (category, text) => {
    expect(engine.triage(text).category).toBe(category);
  });
});

describe('the classes the probes found', () => {
  it('places a product named with a generic failure in that product, never unknown', () => {
    expect(engine.triage('All 30 people in the Boston office lost email').category).toBe('exchange.mailflow');
    expect(engine.triage('Nobody can open SharePoint this morning').category).toBe('sharepoint.sites');
  });

  it('reads "no email" as mail that is missing, and "the finance team" as no mention of Teams', () => {
    const result = engine.triage('The whole finance team has had no email since 9am');
    expect(result.category).toBe('exchange.mailflow');
    expect(result.severity).toBe('A');
    expect(engine.triage('our CEO is not getting any email today').category).toBe('exchange.mailflow');
  });

  it('does not send a message naming a product to a boundary category on wording alone', () => {
    const result = engine.triage('The payroll export from SharePoint fails for me');
    expect(result.support).toBe('technical');
    expect(result.category).toBe('sharepoint.sites');
  });

  it('still sends an asserted outside cause to its boundary category', () => {
    expect(engine.triage('My PowerShell script that creates users from a CSV throws an error on line 12').category).toBe('boundary.scripts');
  });

  it('matches rule phrases written only in Japanese kana', () => {
    expect(engine.triage('共有メールボックスの作成方法を教えてください').category).toBe('exchange.recipients');
    expect(engine.triage('外部からのメールが届きません').category).toBe('exchange.mailflow');
  });

  it('places a Japanese message by the product it names, not by English and Chinese examples', () => {
    const result = engine.triage('全社で Outlook が使えません');
    expect(result.category).toBe('exchange.usage');
    expect(result.severity).toBe('A');
  });

  it('does not take a place name for a sovereign cloud', () => {
    expect(engine.triage('全台北分公司的人都無法加入 Teams 會議').support).toBe('technical');
  });
});
