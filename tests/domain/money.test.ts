import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  assertMinor,
  currencyExponent,
  divRound,
  divRoundToNumber,
  isKnownCurrency,
  MoneyOverflowError,
  toSafeNumber,
} from '../../hub/domain/money.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('divRound', () => {
  it('rounds halves away from zero in every sign combination', () => {
    expect(divRound(5n, 2n)).toBe(3n); // 2.5
    expect(divRound(-5n, 2n)).toBe(-3n); // -2.5
    expect(divRound(5n, -2n)).toBe(-3n);
    expect(divRound(-5n, -2n)).toBe(3n);
    expect(divRound(7n, 2n)).toBe(4n); // 3.5
    expect(divRound(25n, 50n)).toBe(1n); // 0.5
  });

  it('rounds non-halves to the nearest', () => {
    expect(divRound(4929830n, 1000n)).toBe(4930n); // 4929.83
    expect(divRound(4929499n, 1000n)).toBe(4929n); // 4929.499
    expect(divRound(-4929499n, 1000n)).toBe(-4929n);
    expect(divRound(0n, 7n)).toBe(0n);
    expect(divRound(12n, 4n)).toBe(3n);
  });

  it('refuses division by zero', () => {
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
  });

  it('is the nearest integer, ties away from zero (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt().filter((d) => d !== 0n),
        (n, d) => {
          const r = divRound(n, d);
          const abs = (x: bigint): bigint => (x < 0n ? -x : x);
          const twiceError = 2n * abs(n - r * d);
          expect(twiceError <= abs(d)).toBe(true);
          if (twiceError === abs(d)) expect(abs(r * d) > abs(n)).toBe(true);
          expect(divRound(-n, d)).toBe(-r);
        },
      ),
    );
  });

  it('has a number wrapper that refuses results outside the safe range', () => {
    expect(divRoundToNumber(10n, 4n)).toBe(3);
    expect(divRoundToNumber(BigInt(MAX) * 3n, 3n)).toBe(MAX);
    expect(() => divRoundToNumber(BigInt(MAX) * 3n + 3n, 3n)).toThrow(MoneyOverflowError);
    expect(() => toSafeNumber(-BigInt(MAX) - 1n, 'x')).toThrow(/x is outside/);
  });
});

describe('assertMinor', () => {
  it('accepts safe integers and names the field otherwise', () => {
    expect(() => {
      assertMinor(-MAX, 'a');
    }).not.toThrow();
    expect(() => {
      assertMinor(12.5, 'unitPriceMinor');
    }).toThrow(/unitPriceMinor/);
    for (const bad of [Number.NaN, Infinity, MAX + 1, '12', null, 10n]) {
      expect(() => {
        assertMinor(bad, 'f');
      }).toThrow(RangeError);
    }
  });
});

describe('allocate', () => {
  it('splits with largest remainders, ties to the lower index', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(101, [1, 1, 1])).toEqual([34, 34, 33]);
    // 1632 over 2590/2450/3121 (sum 8161): exact 517.94 / 489.94 / 624.12 -> floors 1630, two units
    // left go to the two largest fractions (indexes 1 then 0).
    expect(allocate(1632, [2590, 2450, 3121])).toEqual([518, 490, 624]);
  });

  it('mirrors negative totals', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(-1632, [2590, 2450, 3121])).toEqual([-518, -490, -624]);
  });

  it('gives zero weights nothing, and spreads evenly when all weights are zero', () => {
    expect(allocate(10, [0, 3, 0, 1])).toEqual([0, 8, 0, 2]); // 7.5 / 2.5: tie goes to index 1
    expect(allocate(10, [0, 0, 0])).toEqual([4, 3, 3]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    expect(allocate(5, [7])).toEqual([5]);
  });

  it('handles no parts only for a zero total', () => {
    expect(allocate(0, [])).toEqual([]);
    expect(() => allocate(1, [])).toThrow(RangeError);
  });

  it('rejects bad input', () => {
    expect(() => allocate(1.5, [1])).toThrow(/total/);
    expect(() => allocate(1, [1, -1])).toThrow(/weights\[1\]/);
    expect(() => allocate(1, [0.5])).toThrow(RangeError);
  });

  it('stays exact near the safe-integer limit', () => {
    expect(allocate(MAX, [MAX, MAX])).toEqual([(MAX + 1) / 2, (MAX - 1) / 2]);
    expect(allocate(MAX, [1, MAX - 1])).toEqual([1, MAX - 1]);
  });

  it('always sums, never goes negative, is within one unit of the exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX, max: MAX }),
        fc.array(fc.oneof(fc.nat(1000), fc.nat(MAX)), { minLength: 1, maxLength: 25 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((sum, p) => sum + BigInt(p), 0n)).toBe(BigInt(total));
          const w = weights.some((x) => x > 0) ? weights : weights.map(() => 1);
          const wSum = w.reduce((sum, x) => sum + BigInt(x), 0n);
          parts.forEach((part, i) => {
            expect(Number.isSafeInteger(part)).toBe(true);
            if (total >= 0) expect(part).toBeGreaterThanOrEqual(0);
            const error = BigInt(part) * wSum - BigInt(total) * BigInt(w[i]!);
            expect((error < 0n ? -error : error) < wSum).toBe(true);
          });
          expect(allocate(-total, weights)).toEqual(parts.map((p) => -p || 0));
          expect(allocate(total, weights)).toEqual(parts);
        },
      ),
    );
  });
});

describe('currencies', () => {
  it('knows the ISO 4217 exponents', () => {
    for (const code of ['DKK', 'EUR', 'UAH', 'TWD', 'CNY', 'USD', 'GBP', 'SEK', 'NOK', 'HKD', 'CHF', 'PLN']) {
      expect(currencyExponent(code)).toBe(2);
    }
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
  });

  it('refuses unknown or mis-cased codes', () => {
    expect(isKnownCurrency('DKK')).toBe(true);
    expect(isKnownCurrency('dkk')).toBe(false);
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect(() => currencyExponent('XYZ')).toThrow(/XYZ/);
  });
});
