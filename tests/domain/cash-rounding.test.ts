import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCashIncrement, roundCash } from '../../hub/domain/cash-rounding.js';
import { MoneyOverflowError } from '../../hub/domain/money.js';

describe('roundCash', () => {
  it('follows the Danish 50-øre rule', () => {
    // x.01-x.24 down, x.25-x.74 to x.50, x.75-x.99 up
    expect(roundCash(5001, 50)).toEqual({ rounded: 5000, adjustment: -1 });
    expect(roundCash(5024, 50)).toEqual({ rounded: 5000, adjustment: -24 });
    expect(roundCash(5025, 50)).toEqual({ rounded: 5050, adjustment: 25 });
    expect(roundCash(5074, 50)).toEqual({ rounded: 5050, adjustment: -24 });
    expect(roundCash(5075, 50)).toEqual({ rounded: 5100, adjustment: 25 });
    expect(roundCash(5099, 50)).toEqual({ rounded: 5100, adjustment: 1 });
    expect(roundCash(25, 50)).toEqual({ rounded: 50, adjustment: 25 });
  });

  it('rounds a refund as the mirror of the sale', () => {
    expect(roundCash(-5025, 50)).toEqual({ rounded: -5050, adjustment: -25 });
    expect(roundCash(-5024, 50)).toEqual({ rounded: -5000, adjustment: 24 });
  });

  it('rounds to 5 cent, 10 kopiyka and 1 TWD', () => {
    expect(roundCash(4137, 5)).toEqual({ rounded: 4135, adjustment: -2 }); // 41.37 EUR -> 41.35
    expect(roundCash(4138, 5)).toEqual({ rounded: 4140, adjustment: 2 }); // 41.38 -> 41.40
    expect(roundCash(28645, 10)).toEqual({ rounded: 28650, adjustment: 5 }); // 286.45 UAH -> 286.50
    expect(roundCash(18450, 100)).toEqual({ rounded: 18500, adjustment: 50 }); // NT$184.50 -> 185
    expect(roundCash(18449, 100)).toEqual({ rounded: 18400, adjustment: -49 });
    expect(roundCash(1234, 1)).toEqual({ rounded: 1234, adjustment: 0 });
    expect(roundCash(0, 50)).toEqual({ rounded: 0, adjustment: 0 });
  });

  it('rejects bad input and results past the safe range', () => {
    expect(() => roundCash(1.5, 5)).toThrow(/amount/);
    expect(() => roundCash(100, 0)).toThrow(/incrementMinor/);
    expect(() => roundCash(100, -5)).toThrow(/incrementMinor/);
    expect(() => roundCash(Number.MAX_SAFE_INTEGER, 50)).toThrow(MoneyOverflowError);
  });

  it('lands on a multiple, within half an increment (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        fc.integer({ min: 1, max: 10_000 }),
        (amount, inc) => {
          const { rounded, adjustment } = roundCash(amount, inc);
          expect(rounded % inc === 0).toBe(true);
          expect(rounded - amount).toBe(adjustment);
          expect(2 * Math.abs(adjustment)).toBeLessThanOrEqual(inc);
          expect(roundCash(-amount, inc).rounded).toBe(-rounded || 0);
        },
      ),
    );
  });
});

describe('defaultCashIncrement', () => {
  it('knows the national rules', () => {
    expect(defaultCashIncrement('DKK')).toBe(50);
    expect(defaultCashIncrement('EUR', 'FI')).toBe(5);
    expect(defaultCashIncrement('EUR', 'NL')).toBe(5);
    expect(defaultCashIncrement('EUR', 'be')).toBe(5);
    expect(defaultCashIncrement('EUR', 'DE')).toBe(1);
    expect(defaultCashIncrement('EUR')).toBe(1);
    expect(defaultCashIncrement('UAH')).toBe(10);
    expect(defaultCashIncrement('TWD')).toBe(100);
    expect(defaultCashIncrement('CNY')).toBe(1);
    expect(defaultCashIncrement('SEK')).toBe(100);
    expect(defaultCashIncrement('NOK')).toBe(100);
    expect(defaultCashIncrement('CHF')).toBe(5);
    expect(defaultCashIncrement('USD')).toBe(1);
    expect(defaultCashIncrement('JPY')).toBe(1);
  });

  it('refuses an unknown currency instead of silently not rounding', () => {
    expect(() => defaultCashIncrement('dkk')).toThrow(/dkk/);
  });
});
