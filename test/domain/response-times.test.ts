import { describe, expect, it } from 'vitest';
import { responseExpectation, UnknownPlanError, type Availability, type ResponseObjective } from '../../src/domain/response-times.js';
import type { PlanFamily } from '../../src/domain/plans.js';
import type { Severity } from '../../src/domain/severity.js';

const HOUR = 3_600_000;
const utc = (iso: string): Date => new Date(iso);

/** Wednesday 11 March 2026, 10:00 in Taipei (UTC+8): inside business hours. */
const WEDNESDAY_10_TAIPEI = utc('2026-03-11T02:00:00Z');
const END_OF_THURSDAY_TAIPEI = '2026-03-12T15:59:59.999Z';

/** taxonomy.md's table, written out by hand so that a wrong data table fails here. */
const CELLS: ReadonlyArray<readonly [PlanFamily, Severity, Availability, ResponseObjective, string | undefined]> = [
  ['business', 'A', '24x7', 'one-hour', '2026-03-11T03:00:00.000Z'],
  ['business', 'B', 'business-hours', 'no-commitment', undefined],
  ['business', 'C', 'business-hours', 'no-commitment', undefined],
  ['enterprise', 'A', '24x7', 'one-hour', '2026-03-11T03:00:00.000Z'],
  ['enterprise', 'B', '24x7', 'next-day', END_OF_THURSDAY_TAIPEI],
  ['enterprise', 'C', '24x7', 'no-commitment', undefined],
  ['firstline', 'A', '24x7', 'one-hour', '2026-03-11T03:00:00.000Z'],
  ['firstline', 'B', '24x7', 'next-day', END_OF_THURSDAY_TAIPEI],
  ['firstline', 'C', '24x7', 'no-commitment', undefined],
  ['elevated', 'A', '24x7', 'one-hour', '2026-03-11T03:00:00.000Z'],
  ['elevated', 'B', '24x7', 'two-hours', '2026-03-11T04:00:00.000Z'],
  ['elevated', 'C', '24x7', 'four-hours', '2026-03-11T06:00:00.000Z'],
];

describe('the response-time table', () => {
  it.each(CELLS)('%s · Sev %s: %s, %s', (family, severity, availability, objective, respondBy) => {
    const result = responseExpectation({ plan: family, severity, at: WEDNESDAY_10_TAIPEI, timeZone: 'Asia/Taipei' });
    expect(result.family).toBe(family);
    expect(result.availability).toBe(availability);
    expect(result.objective).toBe(objective);
    expect(result.respondBy?.toISOString()).toBe(respondBy);
    expect(result.openNow).toBe(true);
    expect(result.resumesAt).toBeUndefined();
  });

  it('keeps 24/7 cells open at night and on weekends', () => {
    const sundayNight = utc('2026-03-15T15:00:00Z'); // Sunday 23:00 Taipei
    for (const family of ['business', 'enterprise', 'firstline', 'elevated'] as const) {
      const result = responseExpectation({ plan: family, severity: 'A', at: sundayNight, timeZone: 'Asia/Taipei' });
      expect(result.openNow).toBe(true);
      expect(result.respondBy?.getTime()).toBe(sundayNight.getTime() + HOUR);
    }
  });
});

describe('summary', () => {
  it('states availability, objective and the due time in the admin zone', () => {
    const result = responseExpectation({ plan: 'Office 365 E3', severity: 'A', at: utc('2026-03-11T05:05:00Z'), timeZone: 'Asia/Taipei' });
    expect(result.summary.en).toBe(
      'Enterprise · Sev A: 24/7, initial response within one hour; if you open a case now, expect a response by 14:05 your time',
    );
    expect(result.summary['zh-TW']).toBe('企業 · Sev A：全天候（24/7），一小時內初步回應；若現在提出案件，預計在 14:05（您當地時間）前獲得回應');
  });

  it('names the weekday when the due time is not today', () => {
    const result = responseExpectation({ plan: 'enterprise', severity: 'B', at: WEDNESDAY_10_TAIPEI, timeZone: 'Asia/Taipei' });
    expect(result.summary.en).toContain('by the end of the next day; if you open a case now, expect a response by Thursday 23:59 your time');
    expect(result.summary['zh-TW']).toContain('星期四 23:59');
  });

  it('gives the date when the next opening is a week or more away', () => {
    const mondaysOnly = { days: [1], start: '09:00', end: '17:00' };
    const mondayEvening = utc('2026-03-09T10:00:00Z'); // Monday 18:00 Taipei
    const result = responseExpectation({ plan: 'business', severity: 'C', at: mondayEvening, timeZone: 'Asia/Taipei', businessHours: mondaysOnly });
    expect(result.resumesAt?.toISOString()).toBe('2026-03-16T01:00:00.000Z');
    expect(result.summary.en).toContain('business hours resume Monday 16 March 09:00 your time');
    expect(result.summary['zh-TW']).toContain('3月16日 星期一 09:00');
  });

  it('says support is open now for business hours without a commitment', () => {
    const result = responseExpectation({ plan: 'business', severity: 'C', at: WEDNESDAY_10_TAIPEI, timeZone: 'Asia/Taipei' });
    expect(result.summary.en).toBe('Business · Sev C: business hours, no commitment; support is open now');
  });
});

describe('business-hours edges (business plan, Sev B, Taipei)', () => {
  const at = (iso: string) => responseExpectation({ plan: 'business', severity: 'B', at: utc(iso), timeZone: 'Asia/Taipei' });

  it('is open on Friday at 16:59', () => {
    const result = at('2026-03-13T08:59:00Z');
    expect(result.openNow).toBe(true);
    expect(result.resumesAt).toBeUndefined();
  });

  it('is closed on Friday at 17:00 and resumes on Monday at 09:00', () => {
    const result = at('2026-03-13T09:00:00Z');
    expect(result.openNow).toBe(false);
    expect(result.resumesAt?.toISOString()).toBe('2026-03-16T01:00:00.000Z');
    expect(result.respondBy).toBeUndefined();
    expect(result.summary.en).toContain('no commitment; business hours resume Monday 09:00');
  });

  it('on a Saturday says business hours resume Monday 09:00', () => {
    const result = at('2026-03-14T03:30:00Z'); // Saturday 11:30
    expect(result.openNow).toBe(false);
    expect(result.summary.en).toBe('Business · Sev B: business hours, no commitment; business hours resume Monday 09:00 your time');
    expect(result.summary['zh-TW']).toBe('商務 · Sev B：上班時間，無回應時間承諾；上班時間將於 星期一 09:00（您當地時間）恢復');
  });

  it('gives different answers for the same instant in two zones', () => {
    const instant = utc('2026-03-11T03:00:00Z'); // Wed 11:00 in Taipei, Tue 23:00 in New York
    const taipei = responseExpectation({ plan: 'business', severity: 'B', at: instant, timeZone: 'Asia/Taipei' });
    const newYork = responseExpectation({ plan: 'business', severity: 'B', at: instant, timeZone: 'America/New_York' });
    expect(taipei.openNow).toBe(true);
    expect(newYork.openNow).toBe(false);
    expect(newYork.resumesAt?.toISOString()).toBe('2026-03-11T13:00:00.000Z'); // Wed 09:00 EDT
    expect(newYork.summary.en).toContain('business hours resume Wednesday 09:00 your time');
  });

  it('also gives different next-day deadlines for the same instant in two zones', () => {
    const instant = utc('2026-03-11T03:00:00Z');
    const taipei = responseExpectation({ plan: 'enterprise', severity: 'B', at: instant, timeZone: 'Asia/Taipei' });
    const newYork = responseExpectation({ plan: 'enterprise', severity: 'B', at: instant, timeZone: 'America/New_York' });
    expect(taipei.respondBy?.toISOString()).toBe('2026-03-12T15:59:59.999Z'); // end of Thu, Taipei
    expect(newYork.respondBy?.toISOString()).toBe('2026-03-12T03:59:59.999Z'); // end of Wed, New York
  });
});

describe('daylight-saving weeks', () => {
  it('New York, spring forward on Sunday 8 March 2026: next day ends at 23:59:59.999 EDT', () => {
    const saturdayMorning = utc('2026-03-07T15:00:00Z'); // Saturday 10:00 EST (UTC-5)
    const result = responseExpectation({ plan: 'E3', severity: 'B', at: saturdayMorning, timeZone: 'America/New_York' });
    expect(result.respondBy?.toISOString()).toBe('2026-03-09T03:59:59.999Z'); // Sunday 23:59:59.999 EDT (UTC-4)
    expect(result.summary.en).toContain('expect a response by Sunday 23:59 your time');
  });

  it('New York, spring forward: business hours resume Monday 09:00 EDT', () => {
    const result = responseExpectation({ plan: 'business', severity: 'C', at: utc('2026-03-07T17:00:00Z'), timeZone: 'America/New_York' });
    expect(result.resumesAt?.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(result.summary.en).toContain('business hours resume Monday 09:00 your time');
  });

  it('Berlin, fall back on Sunday 25 October 2026: next day ends at 23:59:59.999 CET', () => {
    const saturday = utc('2026-10-24T10:00:00Z'); // Saturday 12:00 CEST (UTC+2)
    const result = responseExpectation({ plan: 'firstline', severity: 'B', at: saturday, timeZone: 'Europe/Berlin' });
    expect(result.respondBy?.toISOString()).toBe('2026-10-25T22:59:59.999Z'); // Sunday 23:59:59.999 CET (UTC+1)
  });

  it('Berlin, fall back: business hours resume Monday 09:00 CET', () => {
    const result = responseExpectation({ plan: 'business', severity: 'B', at: utc('2026-10-24T10:00:00Z'), timeZone: 'Europe/Berlin' });
    expect(result.resumesAt?.toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });
});

describe('plan names', () => {
  it.each([
    ['商務進階版', 'business'],
    ['Business Premium', 'business'],
    ['美國政府版 E3', 'enterprise'],
    ['U.S. Government E3', 'enterprise'],
    ['企業版 F1', 'firstline'],
    ['Premier', 'elevated'],
  ] as const)('%s resolves to the %s family', (plan, family) => {
    const result = responseExpectation({ plan, severity: 'B', at: WEDNESDAY_10_TAIPEI, timeZone: 'Asia/Taipei' });
    expect(result.family).toBe(family);
    expect(result.plan).toBeDefined();
  });

  it('throws UnknownPlanError for a plan it cannot place', () => {
    expect(() => responseExpectation({ plan: 'Gold Plus', severity: 'A', at: WEDNESDAY_10_TAIPEI, timeZone: 'Asia/Taipei' })).toThrow(UnknownPlanError);
  });
});

describe('billing and pre-sales', () => {
  const sundayNoonTaipei = utc('2026-03-15T04:00:00Z');

  it('billing on a Sunday is closed until Monday 09:00 with no commitment, whatever the plan', () => {
    for (const plan of ['elevated', 'enterprise', 'business'] as const) {
      const result = responseExpectation({ plan, severity: 'A', at: sundayNoonTaipei, timeZone: 'Asia/Taipei', support: 'billing' });
      expect(result.availability).toBe('business-hours');
      expect(result.objective).toBe('no-commitment');
      expect(result.respondBy).toBeUndefined();
      expect(result.openNow).toBe(false);
      expect(result.resumesAt?.toISOString()).toBe('2026-03-16T01:00:00.000Z');
      expect(result.summary.en).toBe(
        'Billing and subscriptions: business hours, Monday to Friday, no commitment; business hours resume Monday 09:00 your time',
      );
    }
  });

  it('keeps billing to Monday-Friday even when the configured hours include Sunday', () => {
    const everyDay = { days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '17:00' };
    const technical = responseExpectation({ plan: 'business', severity: 'B', at: sundayNoonTaipei, timeZone: 'Asia/Taipei', businessHours: everyDay });
    const billing = responseExpectation({ plan: 'business', severity: 'B', at: sundayNoonTaipei, timeZone: 'Asia/Taipei', businessHours: everyDay, support: 'billing' });
    expect(technical.openNow).toBe(true);
    expect(billing.openNow).toBe(false);
  });

  it('pre-sales on a weekday morning is open, with no commitment', () => {
    const result = responseExpectation({ plan: 'enterprise', severity: 'C', at: WEDNESDAY_10_TAIPEI, timeZone: 'Asia/Taipei', support: 'presales' });
    expect(result.openNow).toBe(true);
    expect(result.respondBy).toBeUndefined();
    expect(result.summary.en).toBe('Pre-sales: business hours, Monday to Friday, no commitment; support is open now');
  });
});

describe('time zone fallback', () => {
  it('uses UTC for an unknown zone, flags it and says UTC instead of "your time"', () => {
    const result = responseExpectation({ plan: 'enterprise', severity: 'A', at: utc('2026-03-11T05:05:00Z'), timeZone: 'Taipei' });
    expect(result.timeZone).toBe('UTC');
    expect(result.timeZoneFellBackToUtc).toBe(true);
    expect(result.summary.en).toContain('expect a response by 06:05 UTC');
    expect(result.summary['zh-TW']).toContain('06:05（UTC 時間）');
  });

  it('reports the zone it used when the zone is valid', () => {
    const result = responseExpectation({ plan: 'enterprise', severity: 'A', at: WEDNESDAY_10_TAIPEI, timeZone: 'Asia/Taipei' });
    expect(result.timeZone).toBe('Asia/Taipei');
    expect(result.timeZoneFellBackToUtc).toBe(false);
  });
});
