import { formatMoney } from './money.js';

/**
 * Money is shown the way the store's country writes it ("65,85 kr." in Denmark, "$65" in Taiwan),
 * whatever language the cashier reads the buttons in: the customer hears and pays that amount, and a
 * receipt, the till and the customer display must agree. The app sets the store's locale and currency
 * once it knows them (from the hub's settings, or as remembered from the last visit); every money figure
 * in every app goes through `storeMoney`.
 */
export interface StoreFormat {
  /** BCP 47, as the hub's settings give it (da-DK, zh-TW). */
  locale: string;
  /** ISO 4217 (DKK, TWD). */
  currency: string;
  /** The smallest coin in minor units (50 for DKK): cash totals round to it. 1 when unknown. */
  cashStepMinor?: number;
}

/** Until the app knows its store: an unambiguous form (ISO code) that no shopper would mistake. */
export const FALLBACK_STORE_FORMAT: StoreFormat = { locale: 'en', currency: 'DKK' };

let current: StoreFormat = FALLBACK_STORE_FORMAT;

/** Takes the store's format; false (and nothing changes) when Intl knows neither the locale nor the currency. */
export function setStoreFormat(format: StoreFormat): boolean {
  try {
    new Intl.NumberFormat(format.locale, { style: 'currency', currency: format.currency });
  } catch {
    return false;
  }
  current = { ...format };
  return true;
}

export function storeFormat(): StoreFormat {
  return current;
}

/** An amount in minor units, in the store's locale; `currency` defaults to the store's own. */
export function storeMoney(minor: number, currency: string = current.currency): string {
  return formatMoney(minor, currency, current.locale);
}
