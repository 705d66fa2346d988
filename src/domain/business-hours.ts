/**
 * Local business hours ("Mon-Fri 09:00-17:00") and the arithmetic the response-time rules need:
 * is support open at an instant, when does it open next, how much business time lies between
 * two instants. Business hours are wall-clock times in the admin's IANA time zone; the zone and
 * daylight-saving work follows luxon's rules (zone-offset.ts, checked against luxon in its tests).
 *
 * Time zones: these helpers throw a RangeError for a zone luxon does not know, because a bad
 * zone here is a caller bug. `checkTimeZone` is the place to turn admin input into a zone; it
 * falls back to UTC and says so (responseExpectation reports that to the admin).
 */
import { IANAZone } from 'luxon';
import { atLocalMinutes, localDayOf, localInstant, plusDays, startOfLocalDay, weekdayOfLocalDay, type LocalInstant } from './zone-offset.js';

export interface BusinessHours {
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  readonly days: readonly number[];
  /** "09:00", 24-hour local time. */
  readonly start: string;
  /** "17:00"; "24:00" means until midnight. Must be after `start`: no overnight windows. */
  readonly end: string;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]),
  start: '09:00',
  end: '17:00',
});

/** The seed's "local business hours, Monday through Friday" for billing and pre-sales. */
export const WEEKDAYS: readonly number[] = Object.freeze([1, 2, 3, 4, 5]);

// ---- time zones ----------------------------------------------------------------------------

/**
 * Answers are memoized: luxon's check builds an Intl.DateTimeFormat on every call, which was the
 * largest single cost of a turn in the end-to-end profile. Bounded, since zones come from users.
 */
const zoneValidity = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 1_000;

export function isValidTimeZone(zone: string): boolean {
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  const valid = IANAZone.isValidZone(zone);
  if (zoneValidity.size >= MAX_REMEMBERED_ZONES) zoneValidity.clear();
  zoneValidity.set(zone, valid);
  return valid;
}

export interface CheckedTimeZone {
  /** The zone to compute in: the one asked for, or "UTC". */
  readonly zone: string;
  /** True when the requested zone was not a valid IANA name and UTC is used instead. */
  readonly fellBackToUtc: boolean;
}

export function checkTimeZone(zone: string): CheckedTimeZone {
  return isValidTimeZone(zone) ? { zone, fellBackToUtc: false } : { zone: 'UTC', fellBackToUtc: true };
}

function requireZone(zone: string): string {
  if (!isValidTimeZone(zone)) {
    throw new RangeError(`Unknown time zone "${zone}": expected an IANA name such as "Asia/Taipei" or "Europe/Berlin"`);
  }
  return zone;
}

// ---- parsing -------------------------------------------------------------------------------

const DAY_NAMES: Readonly<Record<string, number>> = {
  mon: 1, monday: 1,
  tue: 2, tues: 2, tuesday: 2,
  wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5,
  sat: 6, saturday: 6,
  sun: 7, sunday: 7,
};

const DAY_ABBREVIATIONS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const EXPECTED_FORM = 'expected days then a time range, for example "Mon-Fri 09:00-17:00" or "Mon,Wed,Fri 08:30-18:00"';

function parseDay(token: string): number | undefined {
  return DAY_NAMES[token.trim().toLowerCase()];
}

/** "Mon-Fri", "Sat-Sun", "Fri-Mon" (wraps over the weekend), or one day. */
function parseDayRange(token: string): ParseResult<number[]> {
  const [from, to, extra] = token.split(/[-–]/);
  if (extra !== undefined || from === undefined) return { ok: false, error: `"${token}" is not a day or a day range` };
  const first = parseDay(from);
  if (first === undefined) return { ok: false, error: `unknown day "${from.trim()}"` };
  if (to === undefined) return { ok: true, value: [first] };
  const last = parseDay(to);
  if (last === undefined) return { ok: false, error: `unknown day "${to.trim()}"` };
  const days: number[] = [];
  for (let day = first; ; day = (day % 7) + 1) {
    days.push(day);
    if (day === last) break;
  }
  return { ok: true, value: days };
}

/** Minutes after midnight for "HH:MM"; 24:00 only where `allowMidnightEnd`. */
function parseClock(text: string, allowMidnightEnd: boolean): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return undefined;
  if (hours === 24 && minutes === 0 && allowMidnightEnd) return 24 * 60;
  if (hours > 23) return undefined;
  return hours * 60 + minutes;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const clockText = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/**
 * Parses a BUSINESS_HOURS-style setting: "Mon-Fri 09:00-17:00". Days are names or ranges
 * separated by commas; times are 24-hour local wall-clock times. The error names what is wrong
 * and shows the expected form, so it can be shown as is for a bad configuration variable.
 */
export function parseBusinessHours(text: string): ParseResult<BusinessHours> {
  const fail = (reason: string): ParseResult<BusinessHours> => ({
    ok: false,
    error: `Invalid business hours "${text}": ${reason}; ${EXPECTED_FORM}.`,
  });

  // "Mon - Fri 09:00 - 17:00" and "Mon-Fri 09:00-17:00" are the same setting.
  const tidy = text.trim().replace(/\s*([-–,])\s*/g, '$1');
  const parts = tidy.split(/\s+/);
  const times = parts[1]?.split(/[-–]/) ?? [];
  if (parts.length !== 2 || times.length !== 2) return fail('could not find days followed by a time range');
  const [dayPart = ''] = parts;
  const [startText = '', endText = ''] = times;

  const days = new Set<number>();
  for (const token of dayPart.split(',')) {
    if (!token) return fail('empty day in the day list');
    const range = parseDayRange(token);
    if (!range.ok) return fail(range.error);
    range.value.forEach((d) => days.add(d));
  }

  const start = parseClock(startText, false);
  if (start === undefined) return fail(`start time "${startText}" is not a 24-hour HH:MM time`);
  const end = parseClock(endText, true);
  if (end === undefined) return fail(`end time "${endText}" is not a 24-hour HH:MM time (24:00 allowed)`);
  if (end <= start) return fail(`start ${clockText(start)} must be before end ${clockText(end)} (overnight hours are not supported)`);

  return {
    ok: true,
    value: { days: [...days].sort((a, b) => a - b), start: clockText(start), end: clockText(end) },
  };
}

/** "Mon-Fri 09:00-17:00" for the default; day lists come out in compact ranges. */
export function formatBusinessHours(hours: BusinessHours): string {
  const sorted = [...new Set(hours.days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const first = DAY_ABBREVIATIONS[(sorted[i] ?? 1) - 1];
    const last = DAY_ABBREVIATIONS[(sorted[j] ?? 1) - 1];
    parts.push(i === j ? `${first}` : `${first}-${last}`);
    i = j + 1;
  }
  return `${parts.join(',')} ${hours.start}-${hours.end}`;
}

// ---- arithmetic ----------------------------------------------------------------------------

interface Window {
  readonly days: ReadonlySet<number>;
  readonly startMinutes: number;
  readonly endMinutes: number;
}

/** Validates hours that did not come through the parser (code, tests, stored config). */
function toWindow(hours: BusinessHours): Window {
  const startMinutes = parseClock(hours.start, false);
  const endMinutes = parseClock(hours.end, true);
  const days = new Set(hours.days);
  if (startMinutes === undefined || endMinutes === undefined || endMinutes <= startMinutes) {
    throw new RangeError(`Invalid business hours ${hours.start}-${hours.end}: need HH:MM times with start before end`);
  }
  if (days.size === 0 || [...days].some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new RangeError(`Invalid business days [${hours.days.join(',')}]: need ISO weekdays 1 (Monday) to 7 (Sunday)`);
  }
  return { days, startMinutes, endMinutes };
}

/**
 * The opening and closing instants of the business window on the local day of `dayStart`. Times
 * in a DST gap move forward, as luxon moves them; the zone arithmetic is zone-offset.ts's, which
 * asks Intl once per zone and six hours rather than several times per call.
 */
function windowOn(zone: string, dayStart: LocalInstant, window: Window): { open: number; close: number } | undefined {
  if (!window.days.has(weekdayOfLocalDay(localDayOf(dayStart)))) return undefined;
  return { open: atLocalMinutes(zone, dayStart, window.startMinutes).ms, close: atLocalMinutes(zone, dayStart, window.endMinutes).ms };
}

/**
 * The local midnights from the day of `from` on. Each is the start of its day (a midnight in a DST
 * gap moves forward), never a day that carried the moved time along as luxon's `plus` does.
 */
function* localDays(zone: string, from: number): Generator<LocalInstant> {
  for (let day = startOfLocalDay(zone, localInstant(zone, from)); ; day = startOfLocalDay(zone, plusDays(zone, day, 1))) yield day;
}

export function isWithinBusinessHours(at: Date, timeZone: string, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): boolean {
  const zone = requireZone(timeZone);
  const ms = at.getTime();
  const today = windowOn(zone, startOfLocalDay(zone, localInstant(zone, ms)), toWindow(hours));
  return today !== undefined && ms >= today.open && ms < today.close;
}

/**
 * The next moment business hours open, or `at` itself when they are open now. The search
 * covers eight local days, enough to reach any weekday from any instant.
 */
export function nextBusinessOpening(at: Date, timeZone: string, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): Date {
  const window = toWindow(hours);
  const zone = requireZone(timeZone);
  const ms = at.getTime();
  let offset = 0;
  for (const dayStart of localDays(zone, ms)) {
    if (offset++ > 8) break;
    const day = windowOn(zone, dayStart, window);
    if (!day) continue;
    if (ms >= day.open && ms < day.close) return at;
    if (day.open > ms) return new Date(day.open);
  }
  // Unreachable for validated hours: some weekday in the next eight days is a business day.
  throw new Error('no business opening found within eight days');
}

/**
 * Milliseconds of business time between two instants, for SLA clocks that only run during
 * business hours. Zero when `to` is not after `from`. Each day's window is taken in local wall
 * time, so a DST change on a business day is counted as the hours that really elapsed.
 */
export function businessTimeBetween(
  from: Date,
  to: Date,
  timeZone: string,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): number {
  const window = toWindow(hours);
  const zone = requireZone(timeZone);
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;

  let total = 0;
  for (const dayStart of localDays(zone, start)) {
    if (dayStart.ms > end) break;
    const w = windowOn(zone, dayStart, window);
    if (!w) continue;
    const overlap = Math.min(w.close, end) - Math.max(w.open, start);
    if (overlap > 0) total += overlap;
  }
  return total;
}

/**
 * The instant at which `durationMs` of business time has elapsed after `from` (the inverse of
 * businessTimeBetween): the due time of an SLA measured in business hours.
 */
export function addBusinessTime(
  from: Date,
  durationMs: number,
  timeZone: string,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Date {
  if (!(durationMs >= 0) || !Number.isFinite(durationMs)) {
    throw new RangeError(`Business time to add must be a finite, non-negative number of milliseconds, got ${durationMs}`);
  }
  const window = toWindow(hours);
  const zone = requireZone(timeZone);
  let cursor = from.getTime();
  let remaining = durationMs;
  for (const dayStart of localDays(zone, cursor)) {
    const w = windowOn(zone, dayStart, window);
    if (!w || w.close <= cursor) continue;
    const begin = Math.max(w.open, cursor);
    const available = w.close - begin;
    if (remaining <= available) return new Date(begin + remaining);
    remaining -= available;
    cursor = w.close;
  }
  throw new Error('unreachable: the days never end');
}
