import { currencyExponent } from '../../shared/format/money.js';
import { parseAmount } from '../../shared/format/parse-amount.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { adminLocale } from '../i18n/admin-localization.js';

/** An amount typed the store's way or the manager's (12,50 or 12.50), in minor units; null if it is not one. */
export function typedMoney(text: string): number | null {
  const format = storeFormat();
  const negative = /^\s*[-−]/.test(text);
  const minor = parseAmount(text.replace(/^\s*[-−]/, ''), currencyExponent(format.currency), [
    format.locale,
    adminLocale(),
  ]);
  if (minor === null) return null;
  return negative ? -minor : minor;
}
