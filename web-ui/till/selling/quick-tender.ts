/**
 * Quick-tender amounts for the cash screen, mirrored from hub/domain/denominations.ts (notes only, in
 * minor units): for each note, the due rounded up to a multiple of it, above the due, smallest first.
 * A currency the table does not know gets the 1-2-5 series from one major unit up.
 */
const NOTES: Readonly<Record<string, readonly number[]>> = {
  DKK: [5000, 10000, 20000, 50000, 100000],
  EUR: [500, 1000, 2000, 5000, 10000, 20000, 50000],
  TWD: [10000, 20000, 50000, 100000, 200000],
  UAH: [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000],
  CNY: [10, 50, 100, 500, 1000, 2000, 5000, 10000],
  USD: [100, 200, 500, 1000, 2000, 5000, 10000],
  GBP: [500, 1000, 2000, 5000],
  SEK: [2000, 5000, 10000, 20000, 50000, 100000],
  NOK: [5000, 10000, 20000, 50000, 100000],
};

const MAX_QUICK_TENDERS = 4;

function seriesFor(exponent: number): number[] {
  const out: number[] = [];
  for (let unit = 10 ** exponent; out.length < 12; unit *= 10) out.push(unit, unit * 2, unit * 5);
  return out;
}

export function noteValues(currency: string, exponent: number): readonly number[] {
  return NOTES[currency] ?? seriesFor(exponent);
}

export function quickTenderAmounts(
  currency: string,
  exponent: number,
  dueMinor: number,
  max = MAX_QUICK_TENDERS,
): number[] {
  if (!Number.isSafeInteger(dueMinor) || dueMinor <= 0) return [];
  const amounts = new Set<number>();
  for (const value of noteValues(currency, exponent)) {
    const roundedUp = dueMinor + ((value - (dueMinor % value)) % value);
    if (roundedUp > dueMinor) amounts.add(roundedUp);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, max);
}
