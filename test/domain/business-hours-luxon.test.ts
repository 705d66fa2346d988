/**
 * The business-hours arithmetic against luxon's own (the implementation it replaced, kept here as
 * the reference): the same answers across DST changes, for windows around the clock, across the
 * hour clocks change at, and on the usual office hours, in zones that change at 02:00, at midnight,
 * by 30 minutes, or never. One difference on purpose, in the reference too: where midnight falls
 * in a DST gap (Beirut), luxon's day moved to 01:00 stayed at 01:00 through `plus({ days: 1 })`,
 * so 24:00 and the next day started an hour late and that hour was counted twice.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, isWithinBusinessHours, nextBusinessOpening, parseBusinessHours, type BusinessHours } from '../../src/domain/business-hours.js';

interface Window {
  readonly days: ReadonlySet<number>;
  readonly startMinutes: number;
  readonly endMinutes: number;
}

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
const windowOf = (hours: BusinessHours): Window => ({ days: new Set(hours.days), startMinutes: minutesOf(hours.start), endMinutes: minutesOf(hours.end) });

function atLocalMinutes(day: DateTime, minutes: number): DateTime {
  const midnight = day.startOf('day');
  if (minutes === 24 * 60) return midnight.plus({ days: 1 }).startOf('day');
  return midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
}

function windowOn(day: DateTime, window: Window): { open: DateTime; close: DateTime } | undefined {
  if (!window.days.has(day.weekday)) return undefined;
  return { open: atLocalMinutes(day, window.startMinutes), close: atLocalMinutes(day, window.endMinutes) };
}

const luxon = {
  isWithin(at: Date, zone: string, hours: BusinessHours): boolean {
    const local = DateTime.fromJSDate(at, { zone });
    const today = windowOn(local, windowOf(hours));
    return today !== undefined && local >= today.open && local < today.close;
  },
  nextOpening(at: Date, zone: string, hours: BusinessHours): Date {
    const local = DateTime.fromJSDate(at, { zone });
    for (let offset = 0; offset <= 8; offset++) {
      const day = windowOn(local.plus({ days: offset }), windowOf(hours));
      if (!day) continue;
      if (local >= day.open && local < day.close) return at;
      if (day.open > local) return day.open.toJSDate();
    }
    throw new Error('none');
  },
  between(from: Date, to: Date, zone: string, hours: BusinessHours): number {
    const start = DateTime.fromJSDate(from, { zone });
    const end = DateTime.fromJSDate(to, { zone });
    if (end <= start) return 0;
    let total = 0;
    for (let day = start.startOf('day'); day <= end; day = day.plus({ days: 1 }).startOf('day')) {
      const w = windowOn(day, windowOf(hours));
      if (!w) continue;
      const overlap = Math.min(w.close.toMillis(), end.toMillis()) - Math.max(w.open.toMillis(), start.toMillis());
      if (overlap > 0) total += overlap;
    }
    return total;
  },
  add(from: Date, durationMs: number, zone: string, hours: BusinessHours): Date {
    let cursor: DateTime = DateTime.fromJSDate(from, { zone });
    let remaining = durationMs;
    for (let day = cursor.startOf('day'); ; day = day.plus({ days: 1 }).startOf('day')) {
      const w = windowOn(day, windowOf(hours));
      if (!w || w.close <= cursor) continue;
      const begin = w.open > cursor ? w.open : cursor;
      const available = w.close.toMillis() - begin.toMillis();
      if (remaining <= available) return new Date(begin.toMillis() + remaining);
      remaining -= available;
      cursor = w.close;
    }
  },
};

const ZONES = ['Europe/London', 'America/New_York', 'America/Santiago', 'Asia/Beirut', 'Australia/Lord_Howe', 'Asia/Taipei'];
const HOURS = ['Mon-Fri 09:00-17:00', 'Mon-Sun 00:00-24:00', 'Mon-Sun 01:30-03:30', 'Sat-Sun 00:00-02:30'].map((text) => {
  const parsed = parseBusinessHours(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return { text, hours: parsed.value };
});
const HOUR = 3_600_000;

/** Every 33 h 19 min through 2026 (all times of day in turn), and every hour over the day before each offset change. */
function instantsOf(zone: string): number[] {
  const instants: number[] = [];
  let previous = DateTime.fromMillis(Date.parse('2026-01-01T00:00:00Z'), { zone }).offset;
  for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 1_999 * 60_000) {
    instants.push(ms);
    const offset = DateTime.fromMillis(ms, { zone }).offset;
    if (offset !== previous) for (let dense = ms - 24 * HOUR; dense < ms + 8 * HOUR; dense += 60 * 60_000) instants.push(dense);
    previous = offset;
  }
  return instants;
}

describe('business-hours arithmetic agrees with luxon', () => {
  for (const zone of ZONES) {
    it(zone, () => {
      const wrong: string[] = [];
      for (const ms of instantsOf(zone)) {
        const at = new Date(ms);
        const later = new Date(ms + ((ms / 60_000) % 97) * HOUR);
        for (const { text, hours } of HOURS) {
          const where = `${text} at ${at.toISOString()}`;
          if (isWithinBusinessHours(at, zone, hours) !== luxon.isWithin(at, zone, hours)) wrong.push(`within, ${where}`);
          if (nextBusinessOpening(at, zone, hours).getTime() !== luxon.nextOpening(at, zone, hours).getTime()) wrong.push(`opening, ${where}`);
          if (businessTimeBetween(at, later, zone, hours) !== luxon.between(at, later, zone, hours)) wrong.push(`between, ${where} to ${later.toISOString()}`);
          const duration = ((ms / 60_000) % 37) * HOUR / 4;
          if (addBusinessTime(at, duration, zone, hours).getTime() !== luxon.add(at, duration, zone, hours).getTime()) wrong.push(`add ${duration} ms, ${where}`);
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    });
  }
});

it('counts a day whose midnight falls in a DST gap once: around the clock, business time is the time elapsed', () => {
  const hours = HOURS.find((h) => h.text === 'Mon-Sun 00:00-24:00')!.hours;
  // Beirut moved from 00:00 to 01:00 on Sunday 29 March 2026.
  const from = new Date('2026-03-28T14:24:00.000Z');
  const to = new Date('2026-03-31T02:24:00.000Z');
  expect(businessTimeBetween(from, to, 'Asia/Beirut', hours)).toBe(to.getTime() - from.getTime());
  expect(addBusinessTime(from, to.getTime() - from.getTime(), 'Asia/Beirut', hours)).toEqual(to);
});
