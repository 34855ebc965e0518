import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareCash,
  countCash,
  sameCount,
  MAX_PIECES_PER_DENOMINATION,
} from '../../hub/domain/cash-count.js';
import { denominations } from '../../hub/domain/denominations.js';

describe('countCash', () => {
  it('adds pieces per denomination and orders the count largest first without zeros', () => {
    const result = countCash('DKK', {
      counts: [
        { denominationMinor: 50, count: 3 },
        { denominationMinor: 20000, count: 2 },
        { denominationMinor: 100, count: 0 },
        { denominationMinor: 2000, count: 4 },
      ],
    });
    expect(result).toEqual({
      ok: true,
      count: {
        totalMinor: 48150,
        counts: [
          { denominationMinor: 20000, count: 2 },
          { denominationMinor: 2000, count: 4 },
          { denominationMinor: 50, count: 3 },
        ],
      },
    });
  });

  it('takes a total when the drawer is counted in one go', () => {
    expect(countCash('EUR', { totalMinor: 15075 })).toEqual({
      ok: true,
      count: { totalMinor: 15075, counts: null },
    });
  });

  it('refuses a piece the currency does not have, a duplicate line, and bad counts', () => {
    expect(countCash('DKK', { counts: [{ denominationMinor: 25, count: 1 }] })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_DENOMINATION',
      denominationMinor: 25,
    });
    const twice = [
      { denominationMinor: 100, count: 1 },
      { denominationMinor: 100, count: 2 },
    ];
    expect(countCash('EUR', { counts: twice })).toMatchObject({ ok: false, code: 'DUPLICATE_DENOMINATION' });
    for (const count of [-1, 1.5, MAX_PIECES_PER_DENOMINATION + 1, Number.NaN]) {
      expect(countCash('EUR', { counts: [{ denominationMinor: 100, count }] })).toMatchObject({
        ok: false,
        code: 'INVALID_COUNT',
      });
    }
    for (const totalMinor of [-1, 0.5, Number.MAX_SAFE_INTEGER]) {
      expect(countCash('EUR', { totalMinor })).toMatchObject({ ok: false, code: 'INVALID_TOTAL' });
    }
  });

  it('counts a currency without a denomination table only as a total', () => {
    expect(countCash('CHF', { totalMinor: 500 })).toMatchObject({ ok: true });
    expect(countCash('CHF', { counts: [{ denominationMinor: 500, count: 1 }] })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_DENOMINATION',
    });
  });

  it('always totals the sum of value x count, in integers', () => {
    const values = denominations('UAH').map((d) => d.valueMinor);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: values.length, maxLength: values.length }),
        (pieces) => {
          const counts = values.map((denominationMinor, i) => ({ denominationMinor, count: pieces[i]! }));
          const result = countCash('UAH', { counts });
          const expected = counts.reduce((sum, c) => sum + c.denominationMinor * c.count, 0);
          return (
            result.ok && result.count.totalMinor === expected && Number.isSafeInteger(result.count.totalMinor)
          );
        },
      ),
    );
  });
});

describe('compareCash and sameCount', () => {
  it('reports over, short and balanced as counted minus expected', () => {
    expect(compareCash(10000, 10050)).toEqual({
      expectedMinor: 10000,
      countedMinor: 10050,
      differenceMinor: 50,
      outcome: 'over',
    });
    expect(compareCash(10000, 9900).outcome).toBe('short');
    expect(compareCash(10000, 9900).differenceMinor).toBe(-100);
    expect(compareCash(0, 0).outcome).toBe('balanced');
  });

  it('treats the same pieces in another order as the same count', () => {
    const a = countCash('DKK', {
      counts: [
        { denominationMinor: 100, count: 2 },
        { denominationMinor: 50, count: 1 },
      ],
    });
    const b = countCash('DKK', {
      counts: [
        { denominationMinor: 50, count: 1 },
        { denominationMinor: 100, count: 2 },
      ],
    });
    const total = countCash('DKK', { totalMinor: 250 });
    if (!a.ok || !b.ok || !total.ok) throw new Error('counts should be valid');
    expect(sameCount(a.count, b.count)).toBe(true);
    expect(sameCount(a.count, total.count)).toBe(false);
  });
});
