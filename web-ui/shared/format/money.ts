/**
 * Money for display. Amounts are integer minor units (the hub's contract); they are never divided as
 * floats: the decimal string is built from the integer's digits and handed to Intl.NumberFormat, which
 * formats decimal strings exactly.
 */

// Currencies whose prices are customarily shown without the minor unit even though ISO 4217 gives it
// two digits: New Taiwan dollars are priced in whole dollars (cash rounding makes cash totals whole).
const DISPLAY_DIGITS: ReadonlyMap<string, number> = new Map([['TWD', 0]]);

const exponentCache = new Map<string, number>();

/**
 * Digits of the currency's minor unit as ISO 4217 (and so the hub) counts them: DKK 2, JPY 0, BHD 3.
 * Intl carries the ISO table, so the browser needs no copy of it.
 */
export function currencyExponent(currency: string): number {
  const cached = exponentCache.get(currency);
  if (cached !== undefined) return cached;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const exponent = digits ?? 2;
  exponentCache.set(currency, exponent);
  return exponent;
}

/** "-1234.50" from (-123450, 2): the integer's own digits with a point put in, no float arithmetic. */
export function minorToDecimalString(minor: number, exponent: number): Intl.StringNumericLiteral {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money must be a safe integer, got ${minor}`);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const sign = minor < 0 ? '-' : '';
  return (exponent > 0 ? `${sign}${whole}.${fraction}` : `${sign}${whole}`) as Intl.StringNumericLiteral;
}

/**
 * How many fraction digits to show: the currency's display digits, unless that would hide a part of the
 * amount (NT$1,234.50 is shown with its cents rather than rounded to NT$1,235).
 */
export function displayDigits(minor: number, currency: string): number {
  const exponent = currencyExponent(currency);
  const preferred = DISPLAY_DIGITS.get(currency) ?? exponent;
  if (preferred >= exponent) return exponent;
  const hidden = 10 ** (exponent - preferred);
  return minor % hidden === 0 ? preferred : exponent;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${digits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, found);
  }
  return found;
}

/** 123450 DKK in da-DK -> "1.234,50 kr."; 123400 TWD in zh-TW -> "$1,234". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const digits = displayDigits(minor, currency);
  // Drop the trailing zeros the display hides before formatting, so Intl never has to round.
  const shown = digits < exponent ? minor / 10 ** (exponent - digits) : minor;
  return formatter(locale, currency, digits).format(minorToDecimalString(shown, digits));
}
