import type { ProductSpan } from '../../db/reports-queries.js';
import { dateOfDay, dayNumber, firstDayOfMonth, monthOfDay } from './local-time.js';

// Pure calendar arithmetic on local day numbers: which bucket a day falls in, and the period before.

export type Granularity = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface DayRange {
  /** First and last local day numbers, both included. */
  fromDay: number;
  toDay: number;
}

export function rangeOf(from: string, to: string): DayRange {
  return { fromDay: dayNumber(from), toDay: dayNumber(to) };
}

/** Monday of the ISO week of a day (day 0, 1970-01-01, was a Thursday). */
function mondayOf(day: number): number {
  return day - ((day + 3) % 7);
}

/** The bucket key of a local hour: hour of day ('00'..'23'), or the day, Monday, month or year it is in. */
export function bucketOf(hour: number, granularity: Granularity): string {
  const day = Math.floor(hour / 24);
  switch (granularity) {
    case 'hour':
      return String(hour - day * 24).padStart(2, '0');
    case 'day':
      return dateOfDay(day);
    case 'week':
      return dateOfDay(mondayOf(day));
    case 'month':
      return dateOfDay(day).slice(0, 7);
    case 'year':
      return dateOfDay(day).slice(0, 4);
  }
}

/** Every bucket key of a range, in order, so days without sales show as zero. */
export function bucketsOf(range: DayRange, granularity: Granularity): string[] {
  if (granularity === 'hour') return Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const keys: string[] = [];
  for (let day = range.fromDay; day <= range.toDay; day++) {
    const key = bucketOf(day * 24, granularity);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}

function isFirstOfMonth(day: number): boolean {
  return dateOfDay(day).endsWith('-01');
}

function addMonths(day: number, months: number): number {
  const d = new Date(day * 86_400_000);
  const shifted = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  return Math.floor(shifted / 86_400_000);
}

/**
 * The period to compare with: whole calendar months (or years) compare with as many months just before;
 * any other range with the same number of days just before.
 */
export function previousRange(range: DayRange): DayRange {
  const wholeMonths = isFirstOfMonth(range.fromDay) && isFirstOfMonth(range.toDay + 1);
  if (wholeMonths) {
    const fromDate = new Date(range.fromDay * 86_400_000);
    const endDate = new Date((range.toDay + 1) * 86_400_000);
    const months =
      (endDate.getUTCFullYear() - fromDate.getUTCFullYear()) * 12 +
      endDate.getUTCMonth() -
      fromDate.getUTCMonth();
    return { fromDay: addMonths(range.fromDay, -months), toDay: range.fromDay - 1 };
  }
  const length = range.toDay - range.fromDay + 1;
  return { fromDay: range.fromDay - length, toDay: range.fromDay - 1 };
}

/** Whole months inside a range, and the loose days before and after them (ends exclusive). */
export function monthSpan(range: DayRange): ProductSpan {
  const end = range.toDay + 1;
  const first = monthOfDay(range.fromDay);
  const monthFrom = firstDayOfMonth(first) === range.fromDay ? first : first + 1;
  const monthTo = monthOfDay(end);
  if (monthFrom >= monthTo) {
    return { headFrom: range.fromDay, headTo: end, monthFrom: 0, monthTo: 0, tailFrom: 0, tailTo: 0 };
  }
  return {
    headFrom: range.fromDay,
    headTo: firstDayOfMonth(monthFrom),
    monthFrom,
    monthTo,
    tailFrom: firstDayOfMonth(monthTo),
    tailTo: end,
  };
}
