// Cash rounding: where the smallest coin is larger than the minor unit, a cash payment is rounded to the
// nearest coin and the difference is booked as a rounding adjustment. Card payments are never rounded.
import { assertMinor, currencyExponent, divRound, toSafeNumber } from './money.js';

export interface CashRounding {
  /** The amount the customer hands over (or gets back), a multiple of the increment. */
  rounded: number;
  /** rounded - amount: positive when the customer pays more than the exact total. */
  adjustment: number;
}

/**
 * Rounds to the nearest multiple of `incrementMinor`, halves away from zero. With DKK's 50 øre that is
 * the Danish rule: x.01-x.24 down to x.00, x.25-x.74 to x.50, x.75-x.99 up to the next krone. A refund
 * (negative amount) rounds as the mirror of the sale.
 */
export function roundCash(amount: number, incrementMinor: number): CashRounding {
  assertMinor(amount, 'amount');
  if (!Number.isSafeInteger(incrementMinor) || incrementMinor <= 0) {
    throw new RangeError(`incrementMinor must be a positive safe integer, got ${String(incrementMinor)}`);
  }
  const increment = BigInt(incrementMinor);
  const rounded = toSafeNumber(divRound(BigInt(amount), increment) * increment, 'rounded cash amount');
  return { rounded, adjustment: rounded - amount };
}

// Euro countries that round cash totals to 5 cent by law or by national agreement. Elsewhere in the euro
// area 1- and 2-cent coins circulate and cash is exact. Stores can override the default in config.
const EURO_FIVE_CENT_COUNTRIES: ReadonlySet<string> = new Set(['FI', 'NL', 'BE']);

const INCREMENTS: ReadonlyMap<string, number> = new Map([
  // The 25-øre coin went in 2008; 50 øre is the smallest coin.
  ['DKK', 50],
  // The National Bank of Ukraine withdrew 1-, 2- and 5-kopiyka coins in 2018-2019 and set rounding to 10.
  ['UAH', 10],
  // NT$1 is the smallest coin; prices carry cents only in the ISO sense.
  ['TWD', 100],
  // Öre coins were withdrawn in 2010 (Sweden) and the 50-øre coin in 2012 (Norway).
  ['SEK', 100],
  ['NOK', 100],
  // 5 Rappen is the smallest Swiss coin.
  ['CHF', 5],
  // CNY stays exact although fen are rarely seen: fen and jiao are legal tender, China has no national
  // cash-rounding rule, and the local habit of dropping small change (抹零) is in the customer's favour
  // only, which makes it a discount the store chooses, not a symmetric rounding the hub may impose.
  ['CNY', 1],
]);

/**
 * The default cash increment in minor units for a currency (and, for the euro, a country as an ISO 3166
 * alpha-2 code). 1 means no rounding. Throws a RangeError for an unknown currency so a typo such as
 * 'dkk' cannot silently turn rounding off.
 */
export function defaultCashIncrement(currency: string, country?: string): number {
  currencyExponent(currency);
  if (currency === 'EUR') {
    return country !== undefined && EURO_FIVE_CENT_COUNTRIES.has(country.toUpperCase()) ? 5 : 1;
  }
  return INCREMENTS.get(currency) ?? 1;
}
