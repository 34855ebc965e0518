import { describe, expect, it } from 'vitest';
import { applyPromotions, type Promotion, type PromotionLine } from '../../hub/domain/promotions/index.js';
import { promo as fixture } from './promotion-fixtures.js';

const NOW = '2026-11-22T12:00:00Z';
const ctx = { now: NOW, couponCodes: [] as string[], customerId: null as string | null };

const promo = (partial: Partial<Promotion> & Pick<Promotion, 'id' | 'rule'>): Promotion =>
  fixture({ target: { productIds: ['tea', 'coffee', 'milk'], categoryIds: [] }, ...partial });

function line(key: string, productId: string, unitPriceMinor: number, quantity: number): PromotionLine {
  return { key, productId, categoryIds: ['drinks'], unitPriceMinor, quantity, measured: false };
}

function discounts(result: ReturnType<typeof applyPromotions>): Record<string, number> {
  return Object.fromEntries(result.lines.map((l) => [l.key, l.discountMinor]));
}

describe('item price promotions', () => {
  it('takes percent, amount or fixed price off each unit, and never raises a price', () => {
    const lines = [line('a', 'tea', 2000, 3), line('b', 'coffee', 4550, 1), line('c', 'milk', 900, 2)];
    const promotions = [
      promo({
        id: 'p1',
        target: { productIds: ['tea'], categoryIds: [] },
        rule: { kind: 'percent_off', bp: 2500 },
      }),
      promo({
        id: 'p2',
        target: { productIds: ['coffee'], categoryIds: [] },
        rule: { kind: 'amount_off', amountMinor: 500 },
      }),
      promo({
        id: 'p3',
        target: { productIds: ['milk'], categoryIds: [] },
        rule: { kind: 'fixed_price', priceMinor: 1200 },
      }),
    ];
    const result = applyPromotions(lines, promotions, ctx);
    expect(discounts(result)).toEqual({ a: 1500, b: 500, c: 0 });
    expect(result.applied.map((a) => a.promotionId)).toEqual(['p1', 'p2']);
  });

  it('gives the single best item promotion when several match, never both', () => {
    const lines = [line('a', 'tea', 2000, 1)];
    const promotions = [
      promo({ id: 'small', rule: { kind: 'percent_off', bp: 1000 } }),
      promo({
        id: 'big',
        target: { productIds: [], categoryIds: ['drinks'] },
        rule: { kind: 'amount_off', amountMinor: 300 },
      }),
    ];
    const result = applyPromotions(lines, promotions, ctx);
    expect(result.lines[0]?.applied).toEqual([{ promotionId: 'big', name: 'big', discountMinor: 300 }]);
  });

  it('prices a weighed line per kilogram', () => {
    // 1.234 kg at 25.00/kg = 30.85; 20 % off = 6.17; 5.00 off a kilogram = 6.17 as well, so the tie goes by id.
    const weighed: PromotionLine = { ...line('w', 'tea', 2500, 1234), measured: true };
    const pct = applyPromotions(
      [weighed],
      [promo({ id: 'pct', rule: { kind: 'percent_off', bp: 2000 } })],
      ctx,
    );
    expect(discounts(pct)).toEqual({ w: 617 });
    const fixed = applyPromotions(
      [weighed],
      [promo({ id: 'fx', rule: { kind: 'fixed_price', priceMinor: 2000 } })],
      ctx,
    );
    expect(discounts(fixed)).toEqual({ w: 3085 - 2468 });
  });
});

describe('basket deals', () => {
  it('3 for 2 makes the cheapest of each group of three free, dearest units grouped first', () => {
    const lines = [line('a', 'tea', 1000, 2), line('b', 'coffee', 800, 2), line('c', 'milk', 500, 2)];
    const result = applyPromotions(
      lines,
      [promo({ id: 'm', rule: { kind: 'multibuy', buy: 3, pay: 2 } })],
      ctx,
    );
    // Groups: (1000, 1000, 800) frees an 800; (800, 500, 500) frees a 500.
    expect(discounts(result)).toEqual({ a: 0, b: 800, c: 500 });
  });

  it('applies a deal to a long line at once and leaves the remainder at full price', () => {
    const result = applyPromotions(
      [line('a', 'tea', 1000, 100_001)],
      [promo({ id: 'm', rule: { kind: 'multibuy', buy: 3, pay: 2 } })],
      ctx,
    );
    expect(discounts(result)).toEqual({ a: 33_333 * 1000 });
  });

  it('mix and match: any 3 of the teas for 50.00, the saving spread by price', () => {
    const lines = [line('a', 'tea', 2000, 1), line('b', 'coffee', 2500, 1), line('c', 'milk', 1500, 1)];
    const result = applyPromotions(
      lines,
      [promo({ id: 'mm', rule: { kind: 'bundle_price', quantity: 3, priceMinor: 5000 } })],
      ctx,
    );
    expect(discounts(result)).toEqual({ a: 333, b: 417, c: 250 });
    expect(result.applied).toEqual([{ promotionId: 'mm', name: 'mm', discountMinor: 1000 }]);
  });

  it('does not take a bundle that would cost more than the items', () => {
    const lines = [line('a', 'tea', 1000, 2)];
    const result = applyPromotions(
      lines,
      [promo({ id: 'mm', rule: { kind: 'bundle_price', quantity: 2, priceMinor: 2500 } })],
      ctx,
    );
    expect(discounts(result)).toEqual({ a: 0 });
  });

  it('buy 2 teas get 1 milk free, the cheapest milk, only when the milk is in the cart', () => {
    const rule = {
      kind: 'buy_get' as const,
      buy: 2,
      get: 1,
      getTarget: { productIds: ['milk'], categoryIds: [] },
      getPercentBp: 10_000,
    };
    const p = promo({ id: 'bg', target: { productIds: ['tea'], categoryIds: [] }, rule });
    const noMilk = applyPromotions([line('a', 'tea', 1000, 2)], [p], ctx);
    expect(noMilk.applied).toEqual([]);
    const withMilk = applyPromotions(
      [line('a', 'tea', 1000, 4), line('m1', 'milk', 900, 1), line('m2', 'milk', 700, 3)],
      [p],
      ctx,
    );
    expect(discounts(withMilk)).toEqual({ a: 0, m1: 0, m2: 1400 });
  });

  it('a unit in a deal gets no item promotion; the deal wins only where it saves more', () => {
    const lines = [line('a', 'tea', 1000, 4)];
    const promotions = [
      promo({ id: 'deal', rule: { kind: 'multibuy', buy: 2, pay: 1 } }),
      promo({ id: 'pct', rule: { kind: 'percent_off', bp: 1000 } }),
    ];
    const result = applyPromotions(lines, promotions, ctx);
    // Two groups of 2-for-1 save 2000; 10 % on four units would save 400.
    expect(result.lines[0]?.applied).toEqual([{ promotionId: 'deal', name: 'deal', discountMinor: 2000 }]);

    const weakDeal = [
      promo({ id: 'deal', rule: { kind: 'bundle_price', quantity: 2, priceMinor: 1900 } }),
      promo({ id: 'pct', rule: { kind: 'percent_off', bp: 1000 } }),
    ];
    const weak = applyPromotions([line('a', 'tea', 1000, 3)], weakDeal, ctx);
    expect(weak.lines[0]?.applied).toEqual([{ promotionId: 'pct', name: 'pct', discountMinor: 300 }]);
  });

  it('weighed items never join a basket deal', () => {
    const weighed: PromotionLine = { ...line('w', 'tea', 2500, 3000), measured: true };
    const result = applyPromotions(
      [weighed],
      [promo({ id: 'm', rule: { kind: 'multibuy', buy: 2, pay: 1 } })],
      ctx,
    );
    expect(discounts(result)).toEqual({ w: 0 });
  });

  it('higher priority deals take the units first', () => {
    const lines = [line('a', 'tea', 1000, 3)];
    const promotions = [
      promo({ id: 'a-first-by-id', rule: { kind: 'multibuy', buy: 3, pay: 2 } }),
      promo({ id: 'z-priority', priority: 5, rule: { kind: 'bundle_price', quantity: 3, priceMinor: 2500 } }),
    ];
    const result = applyPromotions(lines, promotions, ctx);
    expect(result.applied.map((a) => [a.promotionId, a.discountMinor])).toEqual([['z-priority', 500]]);
  });
});

describe('when a promotion applies', () => {
  const pct = (extra: Partial<Promotion>) =>
    promo({ id: 'p', rule: { kind: 'percent_off', bp: 5000 }, ...extra });
  const one = [line('a', 'tea', 1000, 1)];

  it('runs from its start (inclusive) to its end (exclusive), whatever the time zone spelling', () => {
    expect(applyPromotions(one, [pct({ startsAt: NOW })], ctx).lines[0]?.discountMinor).toBe(500);
    expect(
      applyPromotions(one, [pct({ startsAt: '2026-11-22T20:00:01+08:00' })], ctx).lines[0]?.discountMinor,
    ).toBe(0);
    expect(
      applyPromotions(one, [pct({ endsAt: '2026-11-22T20:00:00+08:00' })], ctx).lines[0]?.discountMinor,
    ).toBe(0);
    expect(applyPromotions(one, [pct({ endsAt: '2026-11-22T12:00:01Z' })], ctx).lines[0]?.discountMinor).toBe(
      500,
    );
  });

  it('needs its coupon code (any case) and reports codes that match nothing running', () => {
    const coupon = pct({ couponCode: 'WINTER10' });
    expect(applyPromotions(one, [coupon], ctx).lines[0]?.discountMinor).toBe(0);
    const withCode = applyPromotions(one, [coupon], { ...ctx, couponCodes: [' winter10 ', 'NOPE'] });
    expect(withCode.lines[0]?.discountMinor).toBe(500);
    expect(withCode.unknownCoupons).toEqual(['NOPE']);
    const expired = applyPromotions(one, [pct({ couponCode: 'WINTER10', endsAt: NOW })], {
      ...ctx,
      couponCodes: ['WINTER10'],
    });
    expect(expired.unknownCoupons).toEqual(['WINTER10']);
  });

  it('gives member prices only with a customer on the sale', () => {
    const member = pct({ customersOnly: true });
    expect(applyPromotions(one, [member], ctx).lines[0]?.discountMinor).toBe(0);
    expect(applyPromotions(one, [member], { ...ctx, customerId: 'c1' }).lines[0]?.discountMinor).toBe(500);
  });

  it('refuses a context without a valid instant', () => {
    expect(() => applyPromotions(one, [pct({})], { ...ctx, now: 'yesterday' })).toThrow(RangeError);
  });
});

describe('targets', () => {
  it('a promotion on a style covers its variants; one on a category covers what the line lists', () => {
    const variant: PromotionLine = {
      ...line('v', 'shirt-m', 10_000, 1),
      parentProductId: 'shirt',
      categoryIds: [],
    };
    const onStyle = promo({
      id: 's',
      target: { productIds: ['shirt'], categoryIds: [] },
      rule: { kind: 'percent_off', bp: 1000 },
    });
    expect(applyPromotions([variant], [onStyle], ctx).lines[0]?.discountMinor).toBe(1000);
    const elsewhere = promo({
      id: 'x',
      target: { productIds: [], categoryIds: ['shoes'] },
      rule: { kind: 'percent_off', bp: 1000 },
    });
    expect(applyPromotions([variant], [elsewhere], ctx).lines[0]?.discountMinor).toBe(0);
  });
});
