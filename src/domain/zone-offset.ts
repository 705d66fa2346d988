/**
 * UTC offsets of IANA zones, and local wall-clock times turned back into instants, for the SLA
 * clock's hot path. luxon answers the same questions but asks Intl for the offset several times
 * per operation (about 100 µs per due time, warm); an SLA pass computes one for every case due.
 * Here an offset is asked of Intl once per zone and six-hour slot, then read from a bounded cache.
 * The same rules as luxon (the tests compare both over DST changes in several zones).
 */
import { LRUCache } from 'lru-cache';

const MINUTE_MS = 60_000;
/** Zones change offset a few times a year at most: a slot with one offset at both ends has one throughout. */
const SLOT_MS = 6 * 60 * MINUTE_MS;
/** A slot holding a change: its instants are asked of Intl one by one. */
const MIXED = Number.NaN;
const DAY_MS = 24 * 60 * MINUTE_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 1_000;
const slots = new LRUCache<string, number>({ max: 50_000 });

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // Throws a RangeError for a zone Intl does not know, as luxon's callers expect of a bad zone.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The offset Intl gives for one instant, in minutes east of UTC (luxon's IANAZone.offset). */
function intlOffsetMinutes(zone: string, ms: number): number {
  let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, bc = false;
  for (const { type, value } of formatterOf(zone).formatToParts(ms)) {
    if (type === 'era') bc = value === 'BC';
    else if (type === 'year') year = Number(value);
    else if (type === 'month') month = Number(value);
    else if (type === 'day') day = Number(value);
    else if (type === 'hour') hour = Number(value) % 24;
    else if (type === 'minute') minute = Number(value);
    else if (type === 'second') second = Number(value);
  }
  const asUtc = utcOf(bc ? 1 - year : year, month, day, hour, minute, second);
  const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
  return (asUtc - wholeSeconds) / MINUTE_MS;
}

/** Date.UTC without its 0-99 → 1900s rule. */
function utcOf(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Minutes east of UTC in `zone` at `ms`. */
export function offsetMinutes(zone: string, ms: number): number {
  const slot = Math.floor(ms / SLOT_MS);
  const key = `${zone}\0${slot}`;
  let offset = slots.get(key);
  if (offset === undefined) {
    const first = intlOffsetMinutes(zone, slot * SLOT_MS);
    offset = first === intlOffsetMinutes(zone, (slot + 1) * SLOT_MS - 1) ? first : MIXED;
    slots.set(key, offset);
  }
  return Number.isNaN(offset) ? intlOffsetMinutes(zone, ms) : offset;
}

/**
 * The instant of a local wall-clock time (`localMs`: the wall time read as if it were UTC), as
 * luxon resolves it (its `fixOffset`): `guess` is the offset expected there; a wall time in a
 * DST gap moves forward by the gap, one in an overlap takes the offset nearest the guess.
 */
export function instantOfLocal(zone: string, localMs: number, guess: number): number {
  let utc = localMs - guess * MINUTE_MS;
  const second = offsetMinutes(zone, utc);
  if (second === guess) return utc;
  utc -= (second - guess) * MINUTE_MS;
  const third = offsetMinutes(zone, utc);
  if (second === third) return utc;
  return localMs - Math.min(second, third) * MINUTE_MS;
}

/** An instant with its zone's offset there (minutes east of UTC): what a luxon DateTime holds. */
export interface LocalInstant {
  readonly ms: number;
  readonly offset: number;
}

export function localInstant(zone: string, ms: number): LocalInstant {
  return { ms, offset: offsetMinutes(zone, ms) };
}

/** The local calendar day of an instant, as days since 1970-01-01. */
export function localDayOf(at: LocalInstant): number {
  return Math.floor((at.ms + at.offset * MINUTE_MS) / DAY_MS);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local day number (1970-01-01 was a Thursday). */
export function weekdayOfLocalDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** A wall time resolved from `guess` (luxon's objToTS), with its own offset. */
function resolve(zone: string, wallMs: number, guess: number): LocalInstant {
  return localInstant(zone, instantOfLocal(zone, wallMs, guess));
}

/** The same wall time `days` later (luxon's `plus({ days })`). */
export function plusDays(zone: string, at: LocalInstant, days: number): LocalInstant {
  return resolve(zone, at.ms + at.offset * MINUTE_MS + days * DAY_MS, at.offset);
}

/** Local midnight of the instant's day (luxon's `startOf('day')`). */
export function startOfLocalDay(zone: string, at: LocalInstant): LocalInstant {
  return resolve(zone, localDayOf(at) * DAY_MS, at.offset);
}

/**
 * `minutes` after local midnight on the local day of `at` (luxon's `startOf('day').set({ hour,
 * minute })`); 24:00 is the next day's first instant, also on a day whose midnight falls in a DST
 * gap (where luxon's `plus({ days: 1 })` from the moved midnight would overshoot by the gap).
 */
export function atLocalMinutes(zone: string, at: LocalInstant, minutes: number): LocalInstant {
  const midnight = startOfLocalDay(zone, at);
  return resolve(zone, localDayOf(at) * DAY_MS + minutes * MINUTE_MS, midnight.offset);
}

/**
 * The last millisecond of the local calendar day `days` after the day of `at` in `zone`: luxon's
 * `fromJSDate(at, { zone }).plus({ days }).endOf('day')`, step for step.
 */
export function endOfLocalDay(at: Date, zone: string, days: number): Date {
  // endOf('day') is plus({ days: 1 }).startOf('day').minus(1).
  const after = plusDays(zone, plusDays(zone, localInstant(zone, at.getTime()), days), 1);
  return new Date(startOfLocalDay(zone, after).ms - 1);
}
