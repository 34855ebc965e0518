// Counting a drawer: pieces per denomination (or one total when the store counts on a scale or by hand)
// become one integer amount, and the close compares it with what the movement ledger says should be there.
import { denominations, hasDenominations } from './denominations.js';
import { toSafeNumber } from './money.js';

export interface DenominationCount {
  denominationMinor: number;
  count: number;
}

export type CashCountInput = { counts: readonly DenominationCount[] } | { totalMinor: number };

export interface CashCount {
  totalMinor: number;
  /** Largest first, zero counts dropped; null when only a total was given. */
  counts: DenominationCount[] | null;
}

export type CountErrorCode =
  'UNKNOWN_DENOMINATION' | 'DUPLICATE_DENOMINATION' | 'INVALID_COUNT' | 'INVALID_TOTAL';

export type CountResult =
  | { ok: true; count: CashCount }
  | { ok: false; code: CountErrorCode; message: string; denominationMinor?: number };

/** More pieces of one kind than any drawer or safe bag holds is a typing error, not a count. */
export const MAX_PIECES_PER_DENOMINATION = 100_000;
/** 100 million major units: far above any drawer, far below the safe-integer limit. */
export const MAX_COUNTED_MINOR = 10_000_000_000;

export function countCash(currency: string, input: CashCountInput): CountResult {
  if ('totalMinor' in input) {
    const total = input.totalMinor;
    if (!Number.isSafeInteger(total) || total < 0 || total > MAX_COUNTED_MINOR) {
      return {
        ok: false,
        code: 'INVALID_TOTAL',
        message: `The counted total must be 0..${MAX_COUNTED_MINOR}`,
      };
    }
    return { ok: true, count: { totalMinor: total, counts: null } };
  }
  // A currency without a denomination table can still be counted, as one total.
  const legal = new Set(hasDenominations(currency) ? denominations(currency).map((d) => d.valueMinor) : []);
  const seen = new Set<number>();
  let total = 0n;
  for (const { denominationMinor, count } of input.counts) {
    if (!legal.has(denominationMinor)) {
      return {
        ok: false,
        code: 'UNKNOWN_DENOMINATION',
        message: `${String(denominationMinor)} is not a ${currency} note or coin`,
        denominationMinor,
      };
    }
    if (seen.has(denominationMinor)) {
      return {
        ok: false,
        code: 'DUPLICATE_DENOMINATION',
        message: `${String(denominationMinor)} is counted twice`,
        denominationMinor,
      };
    }
    seen.add(denominationMinor);
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_PIECES_PER_DENOMINATION) {
      return {
        ok: false,
        code: 'INVALID_COUNT',
        message: `The count of ${String(denominationMinor)} must be 0..${MAX_PIECES_PER_DENOMINATION}`,
        denominationMinor,
      };
    }
    total += BigInt(denominationMinor) * BigInt(count);
  }
  const totalMinor = toSafeNumber(total, 'counted total');
  if (totalMinor > MAX_COUNTED_MINOR) {
    return { ok: false, code: 'INVALID_TOTAL', message: `The counted total must be 0..${MAX_COUNTED_MINOR}` };
  }
  const counts = input.counts
    .filter((c) => c.count > 0)
    .map((c) => ({ denominationMinor: c.denominationMinor, count: c.count }))
    .sort((a, b) => b.denominationMinor - a.denominationMinor);
  return { ok: true, count: { totalMinor, counts } };
}

export interface CashDifference {
  expectedMinor: number;
  countedMinor: number;
  /** counted - expected: positive when the drawer holds more than the ledger says (over), negative short. */
  differenceMinor: number;
  outcome: 'balanced' | 'over' | 'short';
}

export function compareCash(expectedMinor: number, countedMinor: number): CashDifference {
  const differenceMinor = countedMinor - expectedMinor;
  const outcome = differenceMinor === 0 ? 'balanced' : differenceMinor > 0 ? 'over' : 'short';
  return { expectedMinor, countedMinor, differenceMinor, outcome };
}

/** Two counts are the same request when their normalised forms match (used to make close idempotent). */
export function sameCount(a: CashCount, b: CashCount): boolean {
  if (a.totalMinor !== b.totalMinor) return false;
  if (a.counts === null || b.counts === null) return a.counts === b.counts;
  return (
    a.counts.length === b.counts.length &&
    a.counts.every((c, i) => {
      const other = b.counts?.[i];
      return (
        other !== undefined && c.denominationMinor === other.denominationMinor && c.count === other.count
      );
    })
  );
}
