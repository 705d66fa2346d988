/** The triage reply's response expectation is remembered per minute: it must read as if computed afresh. */
import { describe, expect, it } from 'vitest';
import { computeExpectation, expectationView, expectationViewAt, type ExpectationInput } from '../../src/conversation/expectation.js';
import type { Severity } from '../../src/domain/severity.js';
import type { Lang } from '../../src/domain/taxonomy.js';

const fresh = (input: ExpectationInput, lang: Lang) => {
  const e = computeExpectation(input);
  return e && expectationView(e, lang);
};

describe('expectationViewAt', () => {
  it('within a minute, reads the same as computing afresh: plans, lines, zones, around openings, midnight and DST', () => {
    const minutes = ['2026-11-24T08:59:00Z', '2026-11-24T16:59:00Z', '2026-11-24T23:59:00Z', '2026-11-27T23:59:00Z', '2026-03-29T00:59:00Z', '2026-03-08T09:59:00Z'];
    const seconds = [0, 1, 29_999, 59_999];
    for (const minute of minutes)
      for (const plan of ['Office 365 E3', 'Business Premium', 'elevated', 'no such plan'])
        for (const severity of ['A', 'B', 'C'] as Severity[])
          for (const support of ['technical', 'billing'] as const)
            for (const timeZone of ['UTC', 'Europe/London', 'Asia/Taipei', 'America/New_York'])
              for (const lang of ['en', 'zh-TW'] as Lang[])
                for (const offset of seconds) {
                  const input: ExpectationInput = { plan, severity, support, timeZone, at: new Date(new Date(minute).getTime() + offset) };
                  expect(expectationViewAt(input, lang), `${minute}+${offset} ${plan} ${severity} ${support} ${timeZone} ${lang}`).toEqual(fresh(input, lang));
                }
  });

  it('business hours are part of the key', () => {
    const at = new Date('2026-11-24T17:30:00Z');
    const base = { plan: 'Business Premium', severity: 'B' as Severity, support: 'technical' as const, timeZone: 'UTC', at };
    const late: ExpectationInput = { ...base, businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' } };
    expect(expectationViewAt(base, 'en')).toEqual(fresh(base, 'en'));
    expect(expectationViewAt(late, 'en')).toEqual(fresh(late, 'en'));
    expect(expectationViewAt(late, 'en')).not.toEqual(expectationViewAt(base, 'en'));
  });
});
