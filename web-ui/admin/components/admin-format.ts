import { formatDateTime, formatInteger } from '../../shared/format/numbers.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { adminLocale } from '../i18n/admin-localization.js';

let storeTimeZone: string | undefined;

/** The store's time zone, from its settings: dates and times on the admin pages are the shop's. */
export function setStoreTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    storeTimeZone = timeZone;
  } catch {
    storeTimeZone = undefined;
  }
}

export function getStoreTimeZone(): string | undefined {
  return storeTimeZone;
}

/** A moment in the manager's language, at the shop's clock; '—' for none. */
export function dateTime(iso: string | null): string {
  return iso === null ? '—' : formatDateTime(iso, adminLocale(), storeTimeZone);
}

/** A count the way the store's country writes numbers. */
export function count(value: number): string {
  return formatInteger(value, storeFormat().locale);
}
