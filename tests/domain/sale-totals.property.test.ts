import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound } from '../../hub/domain/money.js';
import type { TotalsInput, TotalsLineInput } from '../../hub/domain/sale-totals.js';
import { computeSaleTotals } from '../../hub/domain/sale-totals.js';

describe('invariants (property)', () => {
  const rates = [0, 500, 700, 888, 900, 1300, 1400, 2000, 2500, 2550];
  const arbLine: fc.Arbitrary<Omit<TotalsLineInput, 'key'>> = fc.record({
    unitPriceMinor: fc.oneof(fc.nat(5000), fc.nat(100_000_000)),
    quantity: fc.integer({ min: 1, max: 5000 }),
    measured: fc.boolean(),
    taxRateBp: fc.constantFrom(...rates),
    discount: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('amount' as const), amountMinor: fc.nat(20_000) }),
        fc.record({ kind: fc.constant('percent' as const), bp: fc.nat(10_000) }),
      ),
    ),
  });
  const arbInput: fc.Arbitrary<TotalsInput> = fc.record({
    taxMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
    lines: fc
      .array(arbLine, { maxLength: 12 })
      .map((lines) => lines.map((l, i): TotalsLineInput => ({ key: `k${i}`, ...l }))),
    saleDiscount: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('amount' as const), amountMinor: fc.nat(50_000) }),
        fc.record({ kind: fc.constant('percent' as const), bp: fc.nat(10_000) }),
      ),
    ),
  });

  // Independent of the code under test: amount discounts are the only way past 100 % in these inputs.
  const discountExceeds = (sale: TotalsInput): boolean => {
    let left = 0n;
    for (const l of sale.lines) {
      const product = BigInt(l.unitPriceMinor) * BigInt(l.quantity);
      const gross = l.measured ? divRound(product, 1000n) : product;
      const d = l.discount;
      if (d?.kind === 'amount' && BigInt(d.amountMinor) > gross) return true;
      left +=
        gross -
        (d === null
          ? 0n
          : d.kind === 'amount'
            ? BigInt(d.amountMinor)
            : divRound(gross * BigInt(d.bp), 10_000n));
    }
    return sale.saleDiscount?.kind === 'amount' && BigInt(sale.saleDiscount.amountMinor) > left;
  };

  it('adds up whenever it succeeds, and fails only on a discount over its amount', () => {
    fc.assert(
      fc.property(arbInput, (sale) => {
        const result = computeSaleTotals(sale);
        if (!result.ok) {
          expect(result.code).toBe('DISCOUNT_EXCEEDS_AMOUNT');
          expect(discountExceeds(sale)).toBe(true);
          return;
        }
        const t = result.totals;
        const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
        const exclusive = sale.taxMode === 'exclusive';
        expect(sum(t.lines.map((l) => l.totalMinor))).toBe(t.totalMinor);
        expect(t.subtotalMinor - t.discountMinor + (exclusive ? t.taxMinor : 0)).toBe(t.totalMinor);
        expect(sum(t.lines.map((l) => l.grossMinor))).toBe(t.subtotalMinor);
        expect(sum(t.taxes.map((x) => x.taxMinor))).toBe(t.taxMinor);
        expect(sum(t.taxes.map((x) => x.grossMinor))).toBe(t.totalMinor);
        for (const [i, x] of t.taxes.entries()) {
          if (i > 0) expect(x.rateBp).toBeGreaterThan(t.taxes[i - 1]!.rateBp);
          expect(x.baseMinor + x.taxMinor).toBe(x.grossMinor);
          expect(sum(t.lines.filter((l) => l.taxRateBp === x.rateBp).map((l) => l.taxMinor))).toBe(
            x.taxMinor,
          );
          // One rounding per rate: within half a unit of the exact tax.
          const r = BigInt(x.rateBp);
          const err = exclusive
            ? BigInt(x.taxMinor) * 10_000n - BigInt(x.baseMinor) * r
            : BigInt(x.taxMinor) * (10_000n + r) - BigInt(x.grossMinor) * r;
          const den = exclusive ? 10_000n : 10_000n + r;
          expect(2n * (err < 0n ? -err : err) <= den).toBe(true);
        }
        for (const l of t.lines) {
          for (const v of [
            l.grossMinor,
            l.lineDiscountMinor,
            l.saleDiscountMinor,
            l.netMinor,
            l.taxMinor,
            l.totalMinor,
          ]) {
            expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          }
          expect(l.grossMinor - l.lineDiscountMinor - l.saleDiscountMinor).toBe(l.netMinor);
          expect(l.totalMinor).toBe(exclusive ? l.netMinor + l.taxMinor : l.netMinor);
        }
      }),
      { numRuns: 500 },
    );
  });
});
