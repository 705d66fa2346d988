import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_PATTERN, formatCaseNumber, isCaseNumber, utcDayKey } from '../../src/store/case-number.js';

describe('case numbers', () => {
  it('formats SR-yymmdd-nnnn from the UTC day and a zero-padded sequence', () => {
    expect(formatCaseNumber(utcDayKey(new Date('2026-11-24T10:00:00Z')), 7)).toBe('SR-261124-0007');
  });

  it('uses the UTC day, not the local one', () => {
    // 23:30 in New York is already the next day in UTC.
    expect(utcDayKey(new Date('2026-11-24T23:30:00-05:00'))).toBe('261125');
  });

  it('keeps going with more digits past 9999 in a day', () => {
    expect(formatCaseNumber('261124', 9999)).toBe('SR-261124-9999');
    expect(formatCaseNumber('261124', 10000)).toBe('SR-261124-10000');
    expect(isCaseNumber('SR-261124-10000')).toBe(true);
  });

  it('rejects sequences that are not positive integers', () => {
    expect(() => formatCaseNumber('261124', 0)).toThrow(RangeError);
    expect(() => formatCaseNumber('261124', 1.5)).toThrow(RangeError);
  });

  it('recognises only well-formed numbers', () => {
    expect(CASE_NUMBER_PATTERN.test('SR-261124-007')).toBe(false);
    expect(isCaseNumber('SR-2611-0007')).toBe(false);
    expect(isCaseNumber('sr-261124-0007')).toBe(false);
  });
});
