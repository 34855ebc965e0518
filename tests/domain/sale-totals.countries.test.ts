// One realistic receipt per market, figures worked by hand in the comments (amounts in minor units).
import { describe, expect, it } from 'vitest';
import { defaultCashIncrement, roundCash } from '../../hub/domain/cash-rounding.js';
import { byKey, line, totalsOf } from './sale-totals.helpers.js';

describe('Denmark, DKK, 25 % inclusive, 0.50 cash rounding', () => {
  it('prices a basket with a weighed cheese', () => {
    const totals = totalsOf({
      taxMode: 'inclusive',
      saleDiscount: null,
      lines: [
        line('milk', 1295, 2, 2500), // 2 x 12.95 = 25.90
        line('bread', 2450, 1, 2500), // 24.50
        line('cheese', 8995, 347, 2500, { measured: true }), // 89.95/kg x 347 g = 31.21265 -> 31.21
      ],
    });
    expect(totals.lines.map((l) => l.grossMinor)).toEqual([2590, 2450, 3121]);
    expect(totals.subtotalMinor).toBe(8161);
    // 8161 x 2500 / 12500 = 1632.2 -> 16.32 DKK tax, base 65.29
    expect(totals.taxes).toEqual([{ rateBp: 2500, baseMinor: 6529, taxMinor: 1632, grossMinor: 8161 }]);
    // 1632 spread over 2590/2450/3121: 517.94, 489.94, 624.12 -> floors 1630, +1 to bread and milk
    expect(totals.lines.map((l) => l.taxMinor)).toEqual([518, 490, 624]);
    expect(totals.totalMinor).toBe(8161);
    // 81.61 is in .25-.74: pays 81.50
    expect(roundCash(totals.totalMinor, defaultCashIncrement('DKK'))).toEqual({
      rounded: 8150,
      adjustment: -11,
    });
  });
});

describe('Finland, EUR, 25.5 / 14 / 10 % inclusive, 0.05 cash rounding', () => {
  const lines = [
    line('coffee', 549, 1, 1400), // 5.49 at 14 %
    line('book', 1990, 1, 1000), // 19.90 at 10 %
    line('batteries', 799, 2, 2550), // 2 x 7.99 = 15.98 at 25.5 %
  ];

  it('breaks tax down per rate', () => {
    const totals = totalsOf({ taxMode: 'inclusive', saleDiscount: null, lines });
    expect(totals.totalMinor).toBe(4137);
    expect(totals.taxes).toEqual([
      { rateBp: 1000, baseMinor: 1809, taxMinor: 181, grossMinor: 1990 }, // 1990000/11000 = 180.91
      { rateBp: 1400, baseMinor: 482, taxMinor: 67, grossMinor: 549 }, // 768600/11400 = 67.42
      { rateBp: 2550, baseMinor: 1273, taxMinor: 325, grossMinor: 1598 }, // 4074900/12550 = 324.69
    ]);
    expect(totals.taxMinor).toBe(573);
    // 41.37 -> 41.35
    expect(roundCash(totals.totalMinor, defaultCashIncrement('EUR', 'FI'))).toEqual({
      rounded: 4135,
      adjustment: -2,
    });
  });

  it('spreads a 10 % sale discount over the rates before taxing', () => {
    const totals = totalsOf({ taxMode: 'inclusive', saleDiscount: { kind: 'percent', bp: 1000 }, lines });
    // 10 % of 4137 = 413.7 -> 414, spread 54.94 / 199.14 / 159.92 -> floors 412, +1 coffee, +1 batteries
    expect(totals.lines.map((l) => l.saleDiscountMinor)).toEqual([55, 199, 160]);
    expect(totals.lines.map((l) => l.netMinor)).toEqual([494, 1791, 1438]);
    expect(totals.discountMinor).toBe(414);
    // 14 %: 691600/11400 = 60.67 -> 61; 10 %: 1791000/11000 = 162.82 -> 163; 25.5 %: 3666900/12550 = 292.18
    expect(totals.taxes.map((t) => t.taxMinor)).toEqual([163, 61, 292]);
    expect(totals.totalMinor).toBe(3723);
    // 37.23 -> 37.25
    expect(roundCash(3723, 5)).toEqual({ rounded: 3725, adjustment: 2 });
  });
});

describe('Taiwan, TWD, 5 % inclusive, NT$1 cash rounding', () => {
  it('rounds tax in cents and cash to whole dollars', () => {
    const lines = [line('bento', 8500, 2, 500), line('tea', 3500, 1, 500)]; // 170.00 + 35.00
    const plain = totalsOf({ taxMode: 'inclusive', saleDiscount: null, lines });
    expect(plain.totalMinor).toBe(20500);
    expect(plain.taxMinor).toBe(976); // 10250000 / 10500 = 976.19

    const discounted = totalsOf({ taxMode: 'inclusive', saleDiscount: { kind: 'percent', bp: 1000 }, lines });
    // 10 % of 205.00 = 20.50, split exactly 17.00 / 3.50
    expect(discounted.lines.map((l) => l.saleDiscountMinor)).toEqual([1700, 350]);
    expect(discounted.totalMinor).toBe(18450);
    // 18450 x 500 / 10500 = 878.57 -> 879; lines 728.93 / 150.07 -> +1 to bento
    expect(discounted.taxMinor).toBe(879);
    expect(discounted.lines.map((l) => l.taxMinor)).toEqual([729, 150]);
    // NT$184.50 is a half: away from zero to 185
    expect(roundCash(18450, defaultCashIncrement('TWD'))).toEqual({ rounded: 18500, adjustment: 50 });
  });
});

describe('Ukraine, UAH, 20 / 7 % inclusive, 0.10 cash rounding', () => {
  it('taxes medicine at 7 % and goods at 20 %', () => {
    const totals = totalsOf({
      taxMode: 'inclusive',
      saleDiscount: null,
      lines: [line('medicine', 14999, 1, 700), line('chocolate', 4550, 3, 2000)], // 149.99 + 136.50
    });
    expect(totals.totalMinor).toBe(28649);
    expect(totals.taxes).toEqual([
      { rateBp: 700, baseMinor: 14018, taxMinor: 981, grossMinor: 14999 }, // 10499300/10700 = 981.24
      { rateBp: 2000, baseMinor: 11375, taxMinor: 2275, grossMinor: 13650 }, // 27300000/12000 = 2275
    ]);
    // 286.49 -> 286.50
    expect(roundCash(28649, defaultCashIncrement('UAH'))).toEqual({ rounded: 28650, adjustment: 1 });
  });
});

describe('China, CNY, 13 / 9 / 6 % inclusive, no cash rounding', () => {
  it('prices goods, weighed rice and a service', () => {
    const totals = totalsOf({
      taxMode: 'inclusive',
      saleDiscount: null,
      lines: [
        line('kettle', 12900, 1, 1300), // 129.00
        line('rice', 680, 2500, 900, { measured: true }), // 6.80/kg x 2.5 kg = 17.00
        line('delivery', 2000, 1, 600), // 20.00
      ],
    });
    expect(byKey(totals, 'rice').grossMinor).toBe(1700);
    expect(totals.taxes).toEqual([
      { rateBp: 600, baseMinor: 1887, taxMinor: 113, grossMinor: 2000 }, // 1200000/10600 = 113.21
      { rateBp: 900, baseMinor: 1560, taxMinor: 140, grossMinor: 1700 }, // 1530000/10900 = 140.37
      { rateBp: 1300, baseMinor: 11416, taxMinor: 1484, grossMinor: 12900 }, // 16770000/11300 = 1484.07
    ]);
    expect(totals.taxMinor).toBe(1737);
    expect(totals.totalMinor).toBe(16600);
    expect(roundCash(16600, defaultCashIncrement('CNY'))).toEqual({ rounded: 16600, adjustment: 0 });
  });
});

describe('USA, USD, 8.88 % exclusive sales tax', () => {
  it('adds tax on top, rounded once on the taxable sum', () => {
    const totals = totalsOf({
      taxMode: 'exclusive',
      saleDiscount: null,
      lines: [
        line('shirt', 1999, 3, 888), // 59.97
        line('socks', 425, 1, 888), // 4.25
        line('groceries', 349, 1, 0), // 3.49, exempt
      ],
    });
    expect(totals.subtotalMinor).toBe(6771);
    // 6422 x 888 / 10000 = 570.27 -> 570 (per-line rounding would give 533 + 38 = 571)
    expect(totals.taxes).toEqual([
      { rateBp: 0, baseMinor: 349, taxMinor: 0, grossMinor: 349 },
      { rateBp: 888, baseMinor: 6422, taxMinor: 570, grossMinor: 6992 },
    ]);
    // 570 over 5997 / 425: 532.28 / 37.72 -> +1 to socks
    expect(totals.lines.map((l) => l.taxMinor)).toEqual([532, 38, 0]);
    expect(totals.lines.map((l) => l.totalMinor)).toEqual([6529, 463, 349]);
    expect(totals.totalMinor).toBe(7341);
  });
});
