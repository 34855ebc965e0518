// Notes and coins per currency, as data, in minor units (all currencies here have exponent 2, so 100 is
// one krone / euro / dollar / yuan). Used by the drawer count at open and close and by the till's
// quick-tender buttons. A denomination is listed once per value: where a note and a coin of the same
// value are both legal tender (1 yuan, 1-10 hryvnia, 1 US dollar), the drawer count adds them together,
// so `alsoIssuedAs` records the second form for the till's labels instead of a second entry.
import { defaultCashIncrement } from './cash-rounding.js';

export type DenominationKind = 'note' | 'coin';

export interface Denomination {
  valueMinor: number;
  kind: DenominationKind;
  alsoIssuedAs?: DenominationKind;
}

export interface CirculatingDenomination extends Denomination {
  /**
   * false where the store's cash rounding makes the coin pointless (1 and 2 euro cent in Finland): still
   * legal tender, so a count may include one, but the till does not offer it by default.
   */
  circulates: boolean;
}

const notes = (...values: number[]): Denomination[] =>
  values.map((valueMinor) => ({ valueMinor, kind: 'note' }));
const coins = (...values: number[]): Denomination[] =>
  values.map((valueMinor) => ({ valueMinor, kind: 'coin' }));

/** Largest first, the order a drawer is counted in. */
const TABLE: Readonly<Record<string, readonly Denomination[]>> = {
  // The 25-øre coin went in 2008; 50 øre is the smallest coin.
  DKK: [...notes(100000, 50000, 20000, 10000, 5000), ...coins(2000, 1000, 500, 200, 100, 50)],
  // The €500 note is no longer issued (2019) but stays legal tender, so it can turn up in a drawer.
  EUR: [...notes(50000, 20000, 10000, 5000, 2000, 1000, 500), ...coins(200, 100, 50, 20, 10, 5, 2, 1)],
  // The NT$20 coin is rare but legal tender; the half-dollar coin no longer circulates.
  TWD: [...notes(200000, 100000, 50000, 20000, 10000), ...coins(5000, 2000, 1000, 500, 100)],
  // The NBU withdrew the 1, 2, 5 and 25 kopiyka coins in 2018-2019 and has been replacing the 1-10
  // hryvnia notes with coins since 2018; those notes remain legal tender and are counted with the coins.
  UAH: [
    ...notes(100000, 50000, 20000, 10000, 5000, 2000),
    { valueMinor: 1000, kind: 'coin', alsoIssuedAs: 'note' },
    { valueMinor: 500, kind: 'coin', alsoIssuedAs: 'note' },
    { valueMinor: 200, kind: 'coin', alsoIssuedAs: 'note' },
    { valueMinor: 100, kind: 'coin', alsoIssuedAs: 'note' },
    ...coins(50, 10),
  ],
  // Fen coins are legal tender but practically unseen; the 1 yuan and 5/1 jiao come as notes and coins.
  CNY: [
    ...notes(10000, 5000, 2000, 1000, 500),
    { valueMinor: 100, kind: 'note', alsoIssuedAs: 'coin' },
    { valueMinor: 50, kind: 'coin', alsoIssuedAs: 'note' },
    { valueMinor: 10, kind: 'coin', alsoIssuedAs: 'note' },
  ],
  // The $1 and 50 cent coins are legal tender but rare; the mint stopped striking cents in 2025, which
  // remain legal tender and still circulate.
  USD: [
    ...notes(10000, 5000, 2000, 1000, 500, 200),
    { valueMinor: 100, kind: 'note', alsoIssuedAs: 'coin' },
    ...coins(50, 25, 10, 5, 1),
  ],
  GBP: [...notes(5000, 2000, 1000, 500), ...coins(200, 100, 50, 20, 10, 5, 2, 1)],
  // Öre coins were withdrawn in 2010.
  SEK: [...notes(100000, 50000, 20000, 10000, 5000, 2000), ...coins(1000, 500, 200, 100)],
  // The 50-øre coin went in 2012.
  NOK: [...notes(100000, 50000, 20000, 10000, 5000), ...coins(2000, 1000, 500, 100)],
};

export function hasDenominations(currency: string): boolean {
  return Object.hasOwn(TABLE, currency);
}

/** Every legal denomination, largest first. Throws a RangeError for a currency without a table. */
export function denominations(currency: string): readonly Denomination[] {
  const list = Object.hasOwn(TABLE, currency) ? TABLE[currency] : undefined;
  if (list === undefined) throw new RangeError(`No denominations for currency "${currency}"`);
  return list;
}

/**
 * The denominations with a circulation flag derived from the cash increment, so the flag cannot disagree
 * with cash rounding: a coin smaller than, or not a multiple of, the increment is never handed out.
 * `cashIncrementMinor` defaults to the country's rule in cash-rounding.ts; a store's configured override
 * can be passed instead.
 */
export function circulatingDenominations(
  currency: string,
  country?: string,
  cashIncrementMinor: number = defaultCashIncrement(currency, country),
): CirculatingDenomination[] {
  return denominations(currency).map((d) => ({ ...d, circulates: d.valueMinor % cashIncrementMinor === 0 }));
}

const MAX_QUICK_TENDERS = 4;

/**
 * Amounts a customer plausibly hands over for `dueMinor`: for each note, the due rounded up to a multiple
 * of that note, keeping those above the due, smallest first (due 13.45 USD -> 14, 15, 20, 50). Exact
 * payment is not included: the till shows it as its own button. Empty for a due of zero or less.
 */
export function quickTenderAmounts(currency: string, dueMinor: number, max = MAX_QUICK_TENDERS): number[] {
  if (!Number.isSafeInteger(dueMinor))
    throw new RangeError(`dueMinor must be a safe integer, got ${dueMinor}`);
  if (dueMinor <= 0) return [];
  const noteValues = denominations(currency)
    .filter((d) => d.kind === 'note' || d.alsoIssuedAs === 'note')
    .map((d) => d.valueMinor);
  const amounts = new Set<number>();
  for (const value of [...noteValues].sort((a, b) => a - b)) {
    // Integer arithmetic: the due plus what is missing to the next multiple of the note.
    const roundedUp = dueMinor + ((value - (dueMinor % value)) % value);
    if (roundedUp > dueMinor) amounts.add(roundedUp);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, max);
}
