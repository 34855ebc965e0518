// Numbers for receipts in the store's locale. Money is integer minor units: the decimal string is built
// from the integer with the currency's exponent and handed to Intl.NumberFormat as a string (exact, as
// ECMA-402 formats string decimals since Node 20), so no amount ever passes through a float.
import { currencyExponent } from '../../domain/money.js';
import { numberFormat } from '../../domain/locale.js';

type Decimal = `${number}`;

/** An integer scaled down by 10^exponent, as an exact decimal string ("-1234", 2 -> "-12.34"). */
export function scaledDecimal(value: number, exponent: number): Decimal {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a safe integer`);
  const digits = String(Math.abs(value)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const sign = value < 0 ? '-' : '';
  return (exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`) as Decimal;
}

export interface Formatter {
  /** With the currency sign: "kr. 123,45", "€12.30". */
  money(minor: number): string;
  /** Number only, for lines and columns: "123,45". */
  amount(minor: number): string;
  /** Grams as kilograms with three decimals: "1,234 kg". */
  kilograms(grams: number): string;
  /** Basis points as a percentage: 2550 -> "25,5 %". */
  rate(bp: number): string;
  /** An integer count: "1.234". */
  count(n: number): string;
  /** An ISO timestamp in the store's time zone, 24-hour clock. */
  dateTime(iso: string): string;
}

export function createFormatter(locale: string, currency: string, timeZone: string): Formatter {
  const e = currencyExponent(currency);
  const fixed = { minimumFractionDigits: e, maximumFractionDigits: e };
  const money = numberFormat(locale, { style: 'currency', currency, ...fixed });
  const amount = numberFormat(locale, { style: 'decimal', ...fixed });
  const kg = numberFormat(locale, { style: 'decimal', minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const count = numberFormat(locale, { style: 'decimal', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return {
    money: (minor) => money.format(scaledDecimal(minor, e)),
    amount: (minor) => amount.format(scaledDecimal(minor, e)),
    kilograms: (grams) => `${kg.format(scaledDecimal(grams, 3))} kg`,
    rate: (bp) => percent.format(scaledDecimal(bp, 4)),
    count: (n) => count.format(scaledDecimal(n, 0)),
    dateTime: (iso) => date.format(new Date(iso)),
  };
}
