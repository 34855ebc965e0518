import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeInvoiceTax, taxFromGross, taxFromNet } from '../../hub/domain/tax.js';

describe('taxFromGross / taxFromNet', () => {
  it('extracts inclusive tax', () => {
    expect(taxFromGross(12500, 2500)).toBe(2500); // DKK 125.00 incl. 25 % = 25.00 tax
    expect(taxFromGross(8161, 2500)).toBe(1632); // 8161 / 5 = 1632.2
    expect(taxFromGross(1598, 2550)).toBe(325); // 4074900 / 12550 = 324.69
    expect(taxFromGross(20500, 500)).toBe(976); // 10250000 / 10500 = 976.19
    expect(taxFromGross(0, 2500)).toBe(0);
    expect(taxFromGross(999, 0)).toBe(0);
  });

  it('adds exclusive tax', () => {
    expect(taxFromNet(6422, 888)).toBe(570); // 5702736 / 10000 = 570.27
    expect(taxFromNet(10000, 2500)).toBe(2500);
    expect(taxFromNet(50, 1000)).toBe(5);
    expect(taxFromNet(5, 1000)).toBe(1); // 0.5 rounds away from zero
    expect(taxFromNet(-5, 1000)).toBe(-1); // and a refund mirrors it
  });

  it('rejects fractional amounts and rates', () => {
    expect(() => taxFromGross(10.5, 2500)).toThrow(/grossMinor/);
    expect(() => taxFromNet(10, 887.5)).toThrow(/rateBp/);
    expect(() => taxFromNet(10, -1)).toThrow(/rateBp/);
    expect(() => taxFromNet(10, 10_001)).toThrow(/rateBp/);
  });
});

describe('computeInvoiceTax', () => {
  it('rounds once per rate and allocates back to lines', () => {
    // Exclusive 10 %: per line 0.4 + 0.4 + 0.4 would round to 0 each; the invoice has 1.2 -> 1.
    const result = computeInvoiceTax(
      [
        { amountMinor: 4, rateBp: 1000 },
        { amountMinor: 4, rateBp: 1000 },
        { amountMinor: 4, rateBp: 1000 },
      ],
      'exclusive',
    );
    expect(result.taxes).toEqual([{ rateBp: 1000, baseMinor: 12, taxMinor: 1, grossMinor: 13 }]);
    expect(result.lineTaxes).toEqual([1, 0, 0]);
  });

  it('groups rates, sorted ascending, with the 0 % rate listed', () => {
    const result = computeInvoiceTax(
      [
        { amountMinor: 1598, rateBp: 2550 },
        { amountMinor: 549, rateBp: 1400 },
        { amountMinor: 300, rateBp: 0 },
        { amountMinor: 1990, rateBp: 1000 },
      ],
      'inclusive',
    );
    expect(result.taxes).toEqual([
      { rateBp: 0, baseMinor: 300, taxMinor: 0, grossMinor: 300 },
      { rateBp: 1000, baseMinor: 1809, taxMinor: 181, grossMinor: 1990 }, // 1990/11 = 180.9
      { rateBp: 1400, baseMinor: 482, taxMinor: 67, grossMinor: 549 }, // 768600/11400 = 67.4
      { rateBp: 2550, baseMinor: 1273, taxMinor: 325, grossMinor: 1598 },
    ]);
    expect(result.lineTaxes).toEqual([325, 67, 0, 181]);
  });

  it('handles no lines and all-zero lines', () => {
    expect(computeInvoiceTax([], 'inclusive')).toEqual({ lineTaxes: [], taxes: [] });
    expect(computeInvoiceTax([{ amountMinor: 0, rateBp: 2500 }], 'exclusive').lineTaxes).toEqual([0]);
  });

  it('refuses negative amounts (returns are computed positive)', () => {
    expect(() => computeInvoiceTax([{ amountMinor: -1, rateBp: 2500 }], 'inclusive')).toThrow(RangeError);
  });

  it('keeps line taxes summing to the rate tax (property)', () => {
    const line = fc.record({
      amountMinor: fc.nat(10_000_000),
      rateBp: fc.constantFrom(0, 500, 700, 1000, 1400, 2000, 2500, 2550),
    });
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.constantFrom('inclusive', 'exclusive'),
        (lines, mode) => {
          const { lineTaxes, taxes } = computeInvoiceTax(lines, mode);
          for (const t of taxes) {
            const sum = lines.reduce((acc, l, i) => (l.rateBp === t.rateBp ? acc + lineTaxes[i]! : acc), 0);
            expect(sum).toBe(t.taxMinor);
            expect(t.baseMinor + t.taxMinor).toBe(t.grossMinor);
            expect(t.taxMinor).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
