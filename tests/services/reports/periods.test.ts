import { describe, expect, it } from 'vitest';
import { dayNumber, localHourOf, utcStartOfDay } from '../../../hub/services/reports/local-time.js';
import { bucketsOf, monthSpan, previousRange, rangeOf } from '../../../hub/services/reports/periods.js';

const day = (date: string) => dayNumber(date);

describe('report periods', () => {
  it('buckets a range by week (Monday), month and year, with empty buckets kept', () => {
    const range = rangeOf('2026-12-28', '2027-01-05');
    expect(bucketsOf(range, 'week')).toEqual(['2026-12-28', '2027-01-04']);
    expect(bucketsOf(range, 'month')).toEqual(['2026-12', '2027-01']);
    expect(bucketsOf(range, 'year')).toEqual(['2026', '2027']);
    expect(bucketsOf(range, 'day')).toHaveLength(9);
    expect(bucketsOf(range, 'hour')).toHaveLength(24);
  });

  it('compares whole months with as many months before, other ranges with as many days', () => {
    expect(previousRange(rangeOf('2026-03-01', '2026-03-31'))).toEqual(rangeOf('2026-02-01', '2026-02-28'));
    expect(previousRange(rangeOf('2026-01-01', '2026-12-31'))).toEqual(rangeOf('2025-01-01', '2025-12-31'));
    expect(previousRange(rangeOf('2026-03-10', '2026-03-16'))).toEqual(rangeOf('2026-03-03', '2026-03-09'));
  });

  it('cuts a range into whole months and the loose days at its ends', () => {
    expect(monthSpan(rangeOf('2026-01-15', '2026-04-10'))).toEqual({
      headFrom: day('2026-01-15'),
      headTo: day('2026-02-01'),
      monthFrom: 2026 * 12 + 1,
      monthTo: 2026 * 12 + 3,
      tailFrom: day('2026-04-01'),
      tailTo: day('2026-04-11'),
    });
    expect(monthSpan(rangeOf('2026-02-01', '2026-02-28'))).toMatchObject({
      headFrom: day('2026-02-01'),
      headTo: day('2026-02-01'),
      monthFrom: 2026 * 12 + 1,
      monthTo: 2026 * 12 + 2,
      tailTo: day('2026-03-01'),
    });
    expect(monthSpan(rangeOf('2026-02-03', '2026-02-20'))).toMatchObject({
      headFrom: day('2026-02-03'),
      headTo: day('2026-02-21'),
      monthTo: 0,
    });
  });

  it('puts an instant in the store-local hour and finds local midnight across a DST change', () => {
    // 2026-03-29 is the spring change in Helsinki: 03:00 local becomes 04:00.
    expect(localHourOf('2026-03-28T22:30:00Z', 'Europe/Helsinki') % 24).toBe(0);
    expect(localHourOf('2026-03-29T22:30:00Z', 'Europe/Helsinki') % 24).toBe(1);
    expect(utcStartOfDay(day('2026-03-29'), 'Europe/Helsinki')).toBe('2026-03-28T22:00:00.000Z');
    expect(utcStartOfDay(day('2026-03-30'), 'Europe/Helsinki')).toBe('2026-03-29T21:00:00.000Z');
    expect(utcStartOfDay(day('2026-06-01'), 'Asia/Taipei')).toBe('2026-05-31T16:00:00.000Z');
  });
});
