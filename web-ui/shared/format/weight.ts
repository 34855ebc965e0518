import { minorToDecimalString } from './money.js';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A weight in whole grams shown in kilograms with three decimals ("0.456 kg", "0,456 kg", "0.456公斤"),
 * the way a POS scale shows it. Built from the integer's digits (like money), never a float.
 */
export function formatWeight(grams: number, locale: string): string {
  let found = formatters.get(locale);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'kilogram',
      minimumFractionDigits: 3,
      maximumFractionDigits: 3,
    });
    formatters.set(locale, found);
  }
  return found.format(minorToDecimalString(grams, 3));
}
