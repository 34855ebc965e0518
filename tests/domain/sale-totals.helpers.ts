import { expect } from 'vitest';
import type { SaleTotals, TotalsInput, TotalsLineInput } from '../../hub/domain/sale-totals.js';
import { computeSaleTotals } from '../../hub/domain/sale-totals.js';

export function line(
  key: string,
  unitPriceMinor: number,
  quantity: number,
  taxRateBp: number,
  extra: Partial<TotalsLineInput> = {},
): TotalsLineInput {
  return { key, unitPriceMinor, quantity, measured: false, taxRateBp, discount: null, ...extra };
}

/** Computes and fails the test with the error message if the result is not ok. */
export function totalsOf(input: TotalsInput): SaleTotals {
  const result = computeSaleTotals(input);
  if (!result.ok) expect.fail(`${result.code}: ${result.message}`);
  return result.totals;
}

export function byKey(totals: SaleTotals, key: string): SaleTotals['lines'][number] {
  const found = totals.lines.find((l) => l.key === key);
  if (found === undefined) expect.fail(`no line ${key}`);
  return found;
}
