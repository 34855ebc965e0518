import { ValidationError } from '../../errors.js';
import { dayCount, isLocalDate } from './local-days.js';

/** Local dates where the shop is, both included. */
export interface DateRange {
  from: string;
  to: string;
}

/** Long enough for a year's review, short enough that one request stays cheap. */
export const MAX_RANGE_DAYS = 366;

export function checkRange(range: DateRange): void {
  if (!isLocalDate(range.from))
    throw new ValidationError('from is not a date (YYYY-MM-DD)', { field: 'from' });
  if (!isLocalDate(range.to)) throw new ValidationError('to is not a date (YYYY-MM-DD)', { field: 'to' });
  if (range.to < range.from) throw new ValidationError('to comes before from', { field: 'to' });
  if (dayCount(range.from, range.to) > MAX_RANGE_DAYS) {
    throw new ValidationError(`At most ${MAX_RANGE_DAYS} days at a time`, { field: 'to' });
  }
}
