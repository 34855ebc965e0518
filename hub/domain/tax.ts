// VAT / GST / sales tax on integer minor units. Rates are basis points of a percent (25 % = 2500,
// 25.5 % = 2550) so no rate is ever a float.
import { allocate, assertMinor, divRound, toSafeNumber } from './money.js';

export type TaxMode = 'inclusive' | 'exclusive';

export interface TaxBreakdown {
  rateBp: number;
  /** Amount excluding tax. */
  baseMinor: number;
  taxMinor: number;
  /** baseMinor + taxMinor. */
  grossMinor: number;
}

/** 100 %: no VAT, GST or sales tax comes near it, so anything above is a data-entry error. */
export const MAX_TAX_RATE_BP = 10_000;

export function isValidTaxRate(rateBp: number): boolean {
  return Number.isSafeInteger(rateBp) && rateBp >= 0 && rateBp <= MAX_TAX_RATE_BP;
}

function assertRate(rateBp: number): void {
  if (!isValidTaxRate(rateBp)) {
    throw new RangeError(`rateBp must be an integer from 0 to ${MAX_TAX_RATE_BP}, got ${String(rateBp)}`);
  }
}

/** The tax contained in a tax-inclusive amount: gross * rate / (100 % + rate), rounded once. */
export function taxFromGross(grossMinor: number, rateBp: number): number {
  assertMinor(grossMinor, 'grossMinor');
  assertRate(rateBp);
  return toSafeNumber(divRound(BigInt(grossMinor) * BigInt(rateBp), 10_000n + BigInt(rateBp)), 'tax');
}

/** The tax to add to a tax-exclusive amount: net * rate / 100 %, rounded once. */
export function taxFromNet(netMinor: number, rateBp: number): number {
  assertMinor(netMinor, 'netMinor');
  assertRate(rateBp);
  return toSafeNumber(divRound(BigInt(netMinor) * BigInt(rateBp), 10_000n), 'tax');
}

export interface TaxableLine {
  /** The line's amount in the price basis of `mode`: tax included when inclusive, excluded otherwise. */
  amountMinor: number;
  rateBp: number;
}

export interface InvoiceTax {
  /** Per input line, in input order; per rate they sum exactly to that rate's tax. */
  lineTaxes: number[];
  /** One entry per rate present, ascending by rate. */
  taxes: TaxBreakdown[];
}

/**
 * Invoice-level tax: one rounding per rate on the sum of that rate's lines, as EU and Taiwanese receipts
 * print it, instead of one rounding per line, whose errors add up and make the printed breakdown disagree
 * with the lines. The rate's tax is then allocated back to its lines by amount. Amounts must be
 * non-negative (a return is computed positive and negated by the caller).
 */
export function computeInvoiceTax(lines: readonly TaxableLine[], mode: TaxMode): InvoiceTax {
  const byRate = new Map<number, number[]>();
  for (const [i, line] of lines.entries()) {
    assertMinor(line.amountMinor, `lines[${i}].amountMinor`);
    if (line.amountMinor < 0) throw new RangeError(`lines[${i}].amountMinor must not be negative`);
    assertRate(line.rateBp);
    const indexes = byRate.get(line.rateBp);
    if (indexes === undefined) byRate.set(line.rateBp, [i]);
    else indexes.push(i);
  }
  const lineTaxes: number[] = lines.map(() => 0);
  const taxes: TaxBreakdown[] = [];
  for (const rateBp of [...byRate.keys()].sort((a, b) => a - b)) {
    const indexes = byRate.get(rateBp) ?? [];
    const amounts = indexes.map((i) => lines[i]?.amountMinor ?? 0);
    const sum = toSafeNumber(
      amounts.reduce((acc, a) => acc + BigInt(a), 0n),
      `sum of lines at ${rateBp} bp`,
    );
    const taxMinor = mode === 'inclusive' ? taxFromGross(sum, rateBp) : taxFromNet(sum, rateBp);
    const parts = allocate(taxMinor, amounts);
    for (const [k, i] of indexes.entries()) lineTaxes[i] = parts[k] ?? 0;
    taxes.push(
      mode === 'inclusive'
        ? { rateBp, baseMinor: sum - taxMinor, taxMinor, grossMinor: sum }
        : {
            rateBp,
            baseMinor: sum,
            taxMinor,
            grossMinor: toSafeNumber(BigInt(sum) + BigInt(taxMinor), 'gross'),
          },
    );
  }
  return { lineTaxes, taxes };
}
