import { describe, expect, it } from 'vitest';
import type { Discount, TotalsInput, TotalsLineInput } from '../../hub/domain/sale-totals.js';
import { computeSaleTotals } from '../../hub/domain/sale-totals.js';
import { byKey, line, totalsOf } from './sale-totals.helpers.js';

const MAX = Number.MAX_SAFE_INTEGER;
const input = (lines: TotalsLineInput[], saleDiscount: Discount | null = null): TotalsInput => ({
  taxMode: 'inclusive',
  lines,
  saleDiscount,
});

describe('weighed goods', () => {
  it('prices per kg on grams, rounded once', () => {
    // 39.95/kg x 1234 g = 4929830 / 1000 = 49.2983 -> 49.30
    expect(totalsOf(input([line('a', 3995, 1234, 0, { measured: true })])).totalMinor).toBe(4930);
    // 1.00/kg x 5 g = 0.005 -> half a cent rounds up to 0.01; 4.99/kg x 1 g = 0.00499 -> 0.00
    expect(totalsOf(input([line('b', 100, 5, 0, { measured: true })])).totalMinor).toBe(1);
    expect(totalsOf(input([line('c', 499, 1, 0, { measured: true })])).totalMinor).toBe(0);
  });

  it('keeps price x grams exact past 2^53', () => {
    // The product is ~9e18; a float would lose the last units.
    const totals = totalsOf(input([line('gold', MAX, 1000, 0, { measured: true })]));
    expect(totals.totalMinor).toBe(MAX);
  });
});

describe('line discounts', () => {
  it('takes amounts and rounded percentages', () => {
    const totals = totalsOf(
      input([
        line('a', 1000, 1, 2500, { discount: { kind: 'amount', amountMinor: 250 } }),
        line('b', 333, 1, 2500, { discount: { kind: 'percent', bp: 1500 } }), // 49.95 -> 50
        line('c', 100, 1, 2500, { discount: { kind: 'percent', bp: 10_000 } }), // free
      ]),
    );
    expect(totals.lines.map((l) => l.lineDiscountMinor)).toEqual([250, 50, 100]);
    expect(totals.lines.map((l) => l.netMinor)).toEqual([750, 283, 0]);
    expect(totals.discountMinor).toBe(400);
    expect(totals.totalMinor).toBe(1033);
  });

  it('refuses a discount larger than the line, naming it', () => {
    const result = computeSaleTotals(
      input([
        line('ok', 500, 1, 0),
        line('big', 500, 1, 0, { discount: { kind: 'amount', amountMinor: 501 } }),
      ]),
    );
    expect(result).toMatchObject({ ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT', key: 'big' });
    const overPercent = computeSaleTotals(
      input([line('p', 500, 1, 0, { discount: { kind: 'percent', bp: 10_001 } })]),
    );
    expect(overPercent).toMatchObject({ ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT', key: 'p' });
    const onFree = computeSaleTotals(
      input([line('f', 0, 1, 0, { discount: { kind: 'amount', amountMinor: 1 } })]),
    );
    expect(onFree).toMatchObject({ ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT', key: 'f' });
  });

  it('refuses malformed discounts', () => {
    for (const discount of [
      { kind: 'amount', amountMinor: -1 },
      { kind: 'amount', amountMinor: 1.5 },
      { kind: 'percent', bp: -100 },
      { kind: 'percent', bp: 12.5 },
    ] satisfies Discount[]) {
      expect(computeSaleTotals(input([line('x', 500, 1, 0, { discount })]))).toMatchObject({
        ok: false,
        code: 'INVALID_LINE',
        key: 'x',
      });
    }
  });
});

describe('sale discount', () => {
  it('spreads with remainders so the shares sum exactly', () => {
    const totals = totalsOf(
      input([line('a', 100, 1, 0), line('b', 100, 1, 0), line('c', 100, 1, 0)], {
        kind: 'amount',
        amountMinor: 100,
      }),
    );
    expect(totals.lines.map((l) => l.saleDiscountMinor)).toEqual([34, 33, 33]);
    expect(totals.totalMinor).toBe(200);
  });

  it('weights by what is left after line discounts', () => {
    const totals = totalsOf(
      input(
        [
          line('half', 1000, 1, 2500, { discount: { kind: 'percent', bp: 5000 } }), // 500 left
          line('full', 500, 1, 2500),
          line('free', 300, 1, 2500, { discount: { kind: 'amount', amountMinor: 300 } }), // 0 left
        ],
        { kind: 'percent', bp: 1000 }, // 10 % of 1000 = 100
      ),
    );
    expect(totals.lines.map((l) => l.saleDiscountMinor)).toEqual([50, 50, 0]);
    expect(byKey(totals, 'free').netMinor).toBe(0);
    expect(totals.discountMinor).toBe(500 + 300 + 100);
    expect(totals.totalMinor).toBe(900);
  });

  it('refuses a sale discount over the remaining amount, without a line key', () => {
    const result = computeSaleTotals(input([line('a', 100, 1, 0)], { kind: 'amount', amountMinor: 101 }));
    expect(result).toEqual(expect.objectContaining({ ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT' }));
    expect(result).not.toHaveProperty('key');
    expect(
      computeSaleTotals(input([line('a', 100, 1, 0)], { kind: 'amount', amountMinor: -1 })),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_LINE',
    });
  });

  it('takes a 100 % sale discount to zero', () => {
    const totals = totalsOf(
      input([line('a', 1999, 2, 2500), line('b', 1, 1, 1400)], { kind: 'percent', bp: 10_000 }),
    );
    expect(totals.totalMinor).toBe(0);
    expect(totals.taxMinor).toBe(0);
  });
});

describe('zero and empty', () => {
  it('totals an empty sale to zero', () => {
    expect(totalsOf(input([]))).toEqual({
      lines: [],
      subtotalMinor: 0,
      discountMinor: 0,
      taxMinor: 0,
      taxes: [],
      totalMinor: 0,
    });
    expect(totalsOf(input([], { kind: 'percent', bp: 1000 })).totalMinor).toBe(0);
  });

  it('accepts zero-priced lines, also under a sale discount', () => {
    const totals = totalsOf(
      input([line('gift', 0, 3, 2500), line('bag', 0, 1, 0)], { kind: 'amount', amountMinor: 0 }),
    );
    expect(totals.lines.every((l) => l.totalMinor === 0 && l.taxMinor === 0)).toBe(true);
    expect(totals.taxes).toEqual([
      { rateBp: 0, baseMinor: 0, taxMinor: 0, grossMinor: 0 },
      { rateBp: 2500, baseMinor: 0, taxMinor: 0, grossMinor: 0 },
    ]);
  });
});

describe('invalid lines', () => {
  it.each([
    ['fractional price', { unitPriceMinor: 12.5 }],
    ['negative price', { unitPriceMinor: -1 }],
    ['NaN price', { unitPriceMinor: Number.NaN }],
    ['zero quantity', { quantity: 0 }],
    ['negative quantity', { quantity: -2 }],
    ['fractional quantity', { quantity: 1.5 }],
    ['fractional rate', { taxRateBp: 887.5 }],
    ['negative rate', { taxRateBp: -1 }],
    ['rate over 100 %', { taxRateBp: 10_001 }],
  ] satisfies [string, Partial<TotalsLineInput>][])('refuses a %s', (_name, patch) => {
    expect(computeSaleTotals(input([line('ok', 100, 1, 0), line('bad', 100, 1, 2500, patch)]))).toMatchObject(
      {
        ok: false,
        code: 'INVALID_LINE',
        key: 'bad',
      },
    );
  });

  it('refuses empty and duplicate keys', () => {
    expect(computeSaleTotals(input([line('', 100, 1, 0)]))).toMatchObject({
      ok: false,
      code: 'INVALID_LINE',
    });
    expect(computeSaleTotals(input([line('a', 100, 1, 0), line('a', 5, 1, 0)]))).toMatchObject({
      ok: false,
      code: 'INVALID_LINE',
      key: 'a',
    });
  });
});

describe('near the 2^53 limit', () => {
  it('accepts the largest safe amount where it fits', () => {
    const totals = totalsOf(input([line('a', MAX, 1, 2500)]));
    expect(totals.totalMinor).toBe(MAX);
    expect(totals.taxMinor).toBe(1801439850948198); // 9007199254740991 x 2500 / 12500 = ...198.2
  });

  it('refuses a line, a subtotal or an exclusive total past it, cleanly', () => {
    expect(computeSaleTotals(input([line('a', MAX, 2, 0)]))).toMatchObject({
      ok: false,
      code: 'INVALID_LINE',
      key: 'a',
    });
    expect(computeSaleTotals(input([line('a', 2 ** 52, 1, 0), line('b', 2 ** 52, 1, 0)]))).toMatchObject({
      ok: false,
      code: 'INVALID_LINE',
    });
    expect(
      computeSaleTotals({ taxMode: 'exclusive', saleDiscount: null, lines: [line('a', MAX - 10, 1, 2500)] }),
    ).toMatchObject({ ok: false, code: 'INVALID_LINE' });
  });
});
