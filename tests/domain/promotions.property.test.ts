import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound } from '../../hub/domain/money.js';
import {
  applyPromotions,
  type Promotion,
  type PromotionLine,
  type PromotionRule,
} from '../../hub/domain/promotions/index.js';

const PRODUCTS = ['p1', 'p2', 'p3', 'p4'];
const CATEGORIES = ['c1', 'c2'];

const arbTarget = fc.record({
  productIds: fc.subarray(PRODUCTS),
  categoryIds: fc.subarray(CATEGORIES),
});

const arbRule: fc.Arbitrary<PromotionRule> = fc.oneof(
  fc.record({ kind: fc.constant('percent_off' as const), bp: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('amount_off' as const), amountMinor: fc.nat(5000) }),
  fc.record({ kind: fc.constant('fixed_price' as const), priceMinor: fc.nat(5000) }),
  fc
    .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 4 }))
    .filter(([buy, pay]) => pay < buy)
    .map(([buy, pay]) => ({ kind: 'multibuy' as const, buy, pay })),
  fc.record({
    kind: fc.constant('bundle_price' as const),
    quantity: fc.integer({ min: 2, max: 4 }),
    priceMinor: fc.nat(8000),
  }),
  fc.record({
    kind: fc.constant('buy_get' as const),
    buy: fc.integer({ min: 1, max: 3 }),
    get: fc.integer({ min: 1, max: 2 }),
    getTarget: arbTarget,
    getPercentBp: fc.integer({ min: 0, max: 10_000 }),
  }),
);

const arbPromotions: fc.Arbitrary<Promotion[]> = fc
  .array(fc.record({ target: arbTarget, rule: arbRule, priority: fc.integer({ min: 0, max: 3 }) }), {
    maxLength: 5,
  })
  .map((list) =>
    list.map((p, i) => ({
      id: `promo-${i}`,
      name: `Promo ${i}`,
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: null,
      couponCode: null,
      customersOnly: false,
      ...p,
    })),
  );

const arbLines: fc.Arbitrary<PromotionLine[]> = fc
  .array(
    fc.record({
      productId: fc.constantFrom(...PRODUCTS),
      categoryIds: fc.subarray(CATEGORIES),
      unitPriceMinor: fc.nat(5000),
      quantity: fc.integer({ min: 1, max: 40 }),
      measured: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  .map((lines) => lines.map((l, i) => ({ key: `line-${i}`, ...l })));

const context = { now: '2026-11-22T12:00:00Z', couponCodes: [], customerId: null };

function gross(line: PromotionLine): number {
  const product = BigInt(line.unitPriceMinor) * BigInt(line.quantity);
  return Number(line.measured ? divRound(product, 1000n) : product);
}

describe('promotion invariants (property)', () => {
  it('never discounts a line below zero or by a negative amount, and the sale summary adds up', () => {
    fc.assert(
      fc.property(arbLines, arbPromotions, (lines, promotions) => {
        const result = applyPromotions(lines, promotions, context);
        result.lines.forEach((resultLine, i) => {
          const source = lines[i];
          if (source === undefined) throw new Error('lost a line');
          expect(resultLine.key).toBe(source.key);
          expect(Number.isSafeInteger(resultLine.discountMinor)).toBe(true);
          expect(resultLine.discountMinor).toBeGreaterThanOrEqual(0);
          expect(resultLine.discountMinor).toBeLessThanOrEqual(gross(source));
          for (const a of resultLine.applied) expect(a.discountMinor).toBeGreaterThan(0);
        });
        const byLines = result.lines.reduce((s, l) => s + l.discountMinor, 0);
        expect(result.applied.reduce((s, a) => s + a.discountMinor, 0)).toBe(byLines);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same answer whatever order the promotions are listed in', () => {
    fc.assert(
      fc.property(arbLines, arbPromotions, (lines, promotions) => {
        const forward = applyPromotions(lines, promotions, context);
        const backward = applyPromotions(lines, [...promotions].reverse(), context);
        expect(backward.lines.map((l) => l.discountMinor)).toEqual(forward.lines.map((l) => l.discountMinor));
      }),
      { numRuns: 300 },
    );
  });

  it('without promotions running, nothing is discounted', () => {
    fc.assert(
      fc.property(arbLines, arbPromotions, (lines, promotions) => {
        const ended = promotions.map((p) => ({ ...p, endsAt: '2026-02-01T00:00:00Z' }));
        const result = applyPromotions(lines, ended, context);
        expect(result.lines.every((l) => l.discountMinor === 0 && l.applied.length === 0)).toBe(true);
        expect(result.applied).toEqual([]);
      }),
    );
  });
});
