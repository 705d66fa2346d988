/**
 * Case numbers: `SR-` + yymmdd (UTC day of creation) + `-` + the day's sequence, zero-padded to
 * four digits and simply longer past 9999 (`SR-261124-10000`), so numbers never collide.
 * Numbers are for people; order cases by creation time, not by number text.
 */

const MIN_SEQUENCE_DIGITS = 4;

export const CASE_NUMBER_PATTERN = /^SR-\d{6}-\d{4,}$/;

/** The yymmdd part; also the key the daily sequence is counted under. */
export function utcDayKey(at: Date): string {
  const yy = String(at.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(at.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

export function formatCaseNumber(dayKey: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`case sequence must be a positive integer, got ${sequence}`);
  }
  return `SR-${dayKey}-${String(sequence).padStart(MIN_SEQUENCE_DIGITS, '0')}`;
}

export function isCaseNumber(text: string): boolean {
  return CASE_NUMBER_PATTERN.test(text);
}
