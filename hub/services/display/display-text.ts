// Text as the pole display will show it. The hub lays lines out with the driver's own cleaning and
// transliteration (devices/display/text.ts), so a column count here is a column count on the glass:
// "€" that becomes "EUR" or "Щ" that becomes "Shch" is measured after the change, not before.
import iconv from 'iconv-lite';
import { fitLine } from '../../../devices/display/text.js';
import { currencyExponent } from '../../domain/money.js';
import { scaledDecimal } from '../receipts/index.js';
import { numberFormat } from '../../domain/locale.js';

/** The characters the display shows for `text` in `codePage` (one column each), trailing spaces cut. */
export function shown(text: string, codePage: string): string {
  // A transliteration is at most four characters long ("Щ" -> "Shch"), so nothing is cut here.
  const room = Array.from(text).length * 4 + 1;
  return iconv.decode(fitLine(text, room, codePage), codePage).trimEnd();
}

/** False when some character would come out as "?" (CJK on a single-byte display, emoji). */
export function showable(text: string, codePage: string): boolean {
  const marks = (s: string) => s.split('?').length;
  return marks(shown(text, codePage)) === marks(text);
}

export interface MoneySettings {
  locale: string;
  currency: string;
  /** Cash rounding in minor units: a multiple of the major unit (TWD: 100) means whole-unit prices. */
  cashRoundingMinor: number;
}

/**
 * An amount in integer minor units as the display shows it, longest form first: with the currency sign
 * ("12,30 EUR" on a display without "€"), the number with grouping, the bare number. The caller takes the
 * first that fits. The decimal string is exact (never a float); a whole amount in a store that rounds cash
 * to whole units (TWD) drops its ".00".
 */
export function moneyForms(minor: number, money: MoneySettings, codePage: string): string[] {
  const exponent = currencyExponent(money.currency);
  const unit = 10 ** exponent;
  const whole = money.cashRoundingMinor % unit === 0 && minor % unit === 0;
  const digits = whole ? 0 : exponent;
  const fixed = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  const decimal = scaledDecimal(minor, exponent);
  const forms = [
    numberFormat(money.locale, {
      style: 'currency',
      currency: money.currency,
      currencyDisplay: 'narrowSymbol',
      ...fixed,
    }),
    numberFormat(money.locale, { style: 'decimal', ...fixed }),
    numberFormat(money.locale, { style: 'decimal', useGrouping: false, ...fixed }),
  ].map((nf) => shown(nf.format(decimal).replace(/\s/gu, ' '), codePage));
  return [...new Set(forms)];
}
