import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUSINESS_HOURS,
  addBusinessTime,
  businessTimeBetween,
  checkTimeZone,
  formatBusinessHours,
  isWithinBusinessHours,
  nextBusinessOpening,
  parseBusinessHours,
  type BusinessHours,
} from '../../src/domain/business-hours.js';

const HOUR = 3_600_000;
const utc = (iso: string): Date => new Date(iso);

describe('parseBusinessHours', () => {
  it('reads the default form', () => {
    expect(parseBusinessHours('Mon-Fri 09:00-17:00')).toEqual({ ok: true, value: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
  });

  it('reads lists, full names, single days, weekend wrap-around, 24:00 and loose spacing', () => {
    expect(parseBusinessHours('Mon,Wed,Fri 8:30-18:00')).toEqual({ ok: true, value: { days: [1, 3, 5], start: '08:30', end: '18:00' } });
    expect(parseBusinessHours('monday-thursday 10:00 - 16:00')).toEqual({ ok: true, value: { days: [1, 2, 3, 4], start: '10:00', end: '16:00' } });
    expect(parseBusinessHours('Sat 10:00-14:00')).toEqual({ ok: true, value: { days: [6], start: '10:00', end: '14:00' } });
    expect(parseBusinessHours(' Mon - Fri  09:00 - 17:00 ')).toEqual({ ok: true, value: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
    expect(parseBusinessHours('Fri-Mon 00:00-24:00')).toEqual({ ok: true, value: { days: [1, 5, 6, 7], start: '00:00', end: '24:00' } });
  });

  it.each([
    ['', 'could not find days'],
    ['9-5', 'could not find days'],
    ['Mon-Fry 09:00-17:00', 'unknown day "Fry"'],
    ['Mon-Fri 9am-5pm', 'start time "9am"'],
    ['Mon-Fri 09:00-25:00', 'end time "25:00"'],
    ['Mon-Fri 09:60-17:00', 'start time "09:60"'],
    ['Mon-Fri 17:00-09:00', 'must be before end'],
    ['Mon-Fri 09:00-09:00', 'must be before end'],
    ['Mon,,Fri 09:00-17:00', 'empty day'],
    ['Mon-Fri 09:00-12:00-17:00', 'could not find days'],
    ['Mon-Fri', 'could not find days'],
  ])('rejects %j, saying %j, and shows the expected form', (text, reason) => {
    const result = parseBusinessHours(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(reason);
    expect(result.error).toContain('Mon-Fri 09:00-17:00');
  });

  it('formats what it parses back to the same hours', () => {
    for (const text of ['Mon-Fri 09:00-17:00', 'Mon,Wed,Fri 08:30-18:00', 'Mon-Sun 00:00-24:00']) {
      const parsed = parseBusinessHours(text);
      expect(parsed.ok && formatBusinessHours(parsed.value)).toBe(text);
    }
  });
});

describe('isWithinBusinessHours', () => {
  // Friday 13 March 2026 in Taipei (UTC+8, no daylight saving).
  it('is open from 09:00 up to but not including 17:00 local time', () => {
    expect(isWithinBusinessHours(utc('2026-03-13T00:59:59Z'), 'Asia/Taipei', DEFAULT_BUSINESS_HOURS)).toBe(false); // 08:59:59
    expect(isWithinBusinessHours(utc('2026-03-13T01:00:00Z'), 'Asia/Taipei', DEFAULT_BUSINESS_HOURS)).toBe(true); // 09:00
    expect(isWithinBusinessHours(utc('2026-03-13T08:59:00Z'), 'Asia/Taipei', DEFAULT_BUSINESS_HOURS)).toBe(true); // 16:59
    expect(isWithinBusinessHours(utc('2026-03-13T09:00:00Z'), 'Asia/Taipei', DEFAULT_BUSINESS_HOURS)).toBe(false); // 17:00
  });

  it('is closed all Saturday', () => {
    expect(isWithinBusinessHours(utc('2026-03-14T04:00:00Z'), 'Asia/Taipei')).toBe(false); // Sat 12:00
  });

  it('answers in the given zone: the same instant is open in Taipei and closed in New York', () => {
    const instant = utc('2026-03-11T03:00:00Z'); // Wed 11:00 Taipei, Tue 23:00 New York
    expect(isWithinBusinessHours(instant, 'Asia/Taipei')).toBe(true);
    expect(isWithinBusinessHours(instant, 'America/New_York')).toBe(false);
  });

  it('uses local wall-clock hours across a daylight-saving change', () => {
    // Monday 9 March 2026, the day after New York moved to EDT (UTC-4): 09:00 local is 13:00Z.
    expect(isWithinBusinessHours(utc('2026-03-09T12:59:00Z'), 'America/New_York')).toBe(false);
    expect(isWithinBusinessHours(utc('2026-03-09T13:00:00Z'), 'America/New_York')).toBe(true);
  });

  it('throws a clear error for an unknown zone', () => {
    expect(() => isWithinBusinessHours(new Date(), 'Mars/Olympus_Mons')).toThrow(/Unknown time zone "Mars\/Olympus_Mons"/);
  });

  it('rejects hours without days', () => {
    expect(() => isWithinBusinessHours(new Date(), 'UTC', { days: [], start: '09:00', end: '17:00' })).toThrow(/business days/);
  });
});

describe('nextBusinessOpening', () => {
  it('returns the instant itself inside business hours', () => {
    const at = utc('2026-03-13T08:59:00Z'); // Fri 16:59 Taipei
    expect(nextBusinessOpening(at, 'Asia/Taipei')).toBe(at);
  });

  it('from Friday 17:00 is Monday 09:00', () => {
    expect(nextBusinessOpening(utc('2026-03-13T09:00:00Z'), 'Asia/Taipei').toISOString()).toBe('2026-03-16T01:00:00.000Z');
  });

  it('from early morning is 09:00 the same day', () => {
    expect(nextBusinessOpening(utc('2026-03-10T22:30:00Z'), 'Asia/Taipei').toISOString()).toBe('2026-03-11T01:00:00.000Z'); // Wed 06:30
  });

  it('from the weekend before a spring-forward Monday is 09:00 EDT, not EST', () => {
    // Saturday 7 March 12:00 EST; clocks go forward on Sunday 8 March.
    expect(nextBusinessOpening(utc('2026-03-07T17:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('from the weekend of a fall-back in Berlin is 09:00 CET', () => {
    // Saturday 24 October 2026 12:00 CEST; Berlin returns to CET (UTC+1) on Sunday 25 October.
    expect(nextBusinessOpening(utc('2026-10-24T10:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('follows custom days', () => {
    const saturdays: BusinessHours = { days: [6], start: '10:00', end: '14:00' };
    expect(nextBusinessOpening(utc('2026-03-16T02:00:00Z'), 'Asia/Taipei', saturdays).toISOString()).toBe('2026-03-21T02:00:00.000Z');
  });
});

describe('businessTimeBetween', () => {
  it('counts only business hours', () => {
    // Fri 16:00 Taipei to Mon 10:00 Taipei: one hour on Friday, one on Monday.
    expect(businessTimeBetween(utc('2026-03-13T08:00:00Z'), utc('2026-03-16T02:00:00Z'), 'Asia/Taipei')).toBe(2 * HOUR);
  });

  it('counts a full week as five eight-hour days', () => {
    expect(businessTimeBetween(utc('2026-03-08T16:00:00Z'), utc('2026-03-15T16:00:00Z'), 'Asia/Taipei')).toBe(40 * HOUR);
  });

  it('is zero inside a weekend and when the end is not after the start', () => {
    expect(businessTimeBetween(utc('2026-03-14T01:00:00Z'), utc('2026-03-15T09:00:00Z'), 'Asia/Taipei')).toBe(0);
    expect(businessTimeBetween(utc('2026-03-16T05:00:00Z'), utc('2026-03-16T02:00:00Z'), 'Asia/Taipei')).toBe(0);
  });

  it('counts the real hours of a day whose window spans a clock change', () => {
    // New York's clocks jump from 02:00 to 03:00 on Sunday 8 March 2026: 00:00-24:00 lasts 23 hours.
    const allDay: BusinessHours = { days: [7], start: '00:00', end: '24:00' };
    expect(businessTimeBetween(utc('2026-03-08T00:00:00Z'), utc('2026-03-10T00:00:00Z'), 'America/New_York', allDay)).toBe(23 * HOUR);
  });
});

describe('addBusinessTime', () => {
  it('carries what is left of the day over the weekend', () => {
    // Fri 16:00 Taipei plus 4 business hours: 1 on Friday, 3 on Monday -> Mon 12:00.
    expect(addBusinessTime(utc('2026-03-13T08:00:00Z'), 4 * HOUR, 'Asia/Taipei').toISOString()).toBe('2026-03-16T04:00:00.000Z');
  });

  it('starts counting at the next opening when closed', () => {
    expect(addBusinessTime(utc('2026-03-14T04:00:00Z'), HOUR, 'Asia/Taipei').toISOString()).toBe('2026-03-16T02:00:00.000Z');
  });

  it('inverts businessTimeBetween', () => {
    const from = utc('2026-03-05T20:00:00Z');
    for (const hours of [0.5, 3, 8, 13, 41]) {
      const due = addBusinessTime(from, hours * HOUR, 'America/New_York');
      expect(businessTimeBetween(from, due, 'America/New_York')).toBe(hours * HOUR);
    }
  });

  it('rejects a negative duration', () => {
    expect(() => addBusinessTime(new Date(), -1, 'UTC')).toThrow(/non-negative/);
  });
});

describe('checkTimeZone', () => {
  it('keeps a valid zone and falls back to UTC for an invalid one, saying so', () => {
    expect(checkTimeZone('Europe/Berlin')).toEqual({ zone: 'Europe/Berlin', fellBackToUtc: false });
    expect(checkTimeZone('Taipei')).toEqual({ zone: 'UTC', fellBackToUtc: true });
    expect(checkTimeZone('')).toEqual({ zone: 'UTC', fellBackToUtc: true });
  });
});
