/**
 * The SLA clock's own zone arithmetic against luxon (which it replaces on the hot path): the same
 * offsets and the same "end of the next local day", at every time of day through a year and
 * densely around each DST change, in zones with changes at 02:00, at midnight (gaps and overlaps
 * of midnight itself), of 30 minutes, with 45-minute offsets, and without any.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { endOfLocalDay, offsetMinutes } from '../../src/domain/zone-offset.js';

const ZONES = ['Europe/London', 'America/New_York', 'America/Santiago', 'America/Asuncion', 'Asia/Beirut', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Taipei'];
const MINUTE = 60_000;
const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const YEAR_END = Date.parse('2027-01-01T00:00:00Z');

/** Every 331 minutes through 2026 (every time of day in turn), plus every 30 minutes over the two days before each offset change. */
function instantsOf(zone: string): number[] {
  const instants: number[] = [];
  let previous = DateTime.fromMillis(YEAR_START, { zone }).offset;
  for (let ms = YEAR_START; ms < YEAR_END; ms += 331 * MINUTE) {
    instants.push(ms);
    const offset = DateTime.fromMillis(ms, { zone }).offset;
    if (offset !== previous) for (let dense = ms - 2 * 1_440 * MINUTE; dense < ms + 120 * MINUTE; dense += 30 * MINUTE) instants.push(dense);
    previous = offset;
  }
  return instants;
}

describe('zone offsets without luxon', () => {
  for (const zone of ZONES) {
    it(`${zone}: the offset and the end of the next local day are luxon's`, () => {
      const wrong: string[] = [];
      for (const ms of instantsOf(zone)) {
        const luxon = DateTime.fromMillis(ms, { zone });
        if (offsetMinutes(zone, ms) !== luxon.offset) wrong.push(`offset at ${new Date(ms).toISOString()}`);
        const expected = luxon.plus({ days: 1 }).endOf('day').toMillis();
        const got = endOfLocalDay(new Date(ms), zone, 1).getTime();
        if (got !== expected) wrong.push(`next day from ${new Date(ms).toISOString()}: ${new Date(got).toISOString()}, luxon ${new Date(expected).toISOString()}`);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    });
  }

  it('throws a RangeError for a zone Intl does not know', () => {
    expect(() => offsetMinutes('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});
