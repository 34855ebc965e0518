import { getStoreTimeZone } from '../components/admin-format.js';
import type { DateRange } from './time-api.js';

/** The shop's calendar date of an instant (YYYY-MM-DD), in the store's time zone. */
export function shopDate(at: Date): string {
  const zone = getStoreTimeZone();
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(zone === undefined ? {} : { timeZone: zone }),
  }).format(at);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The range in the address (?from=&to=), or this month so far where the shop is. */
export function rangeFrom(query: URLSearchParams, now = new Date()): DateRange {
  const today = shopDate(now);
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  return {
    from: DATE.test(from) ? from : `${today.slice(0, 8)}01`,
    to: DATE.test(to) ? to : today,
  };
}
