import { describe, expect, it } from 'vitest';
import {
  applyPromotions,
  type Promotion,
  type PromotionContext,
  type PromotionLine,
} from '../../hub/domain/promotions/index.js';
import { promo as fixture } from './promotion-fixtures.js';

// One worked example of the written rule (hub/domain/promotions/apply.ts, docs/promotions.md): every
// kind of campaign in one cart, priced with and without a customer and a code, and around a campaign's end.

const NOW = '2026-11-22T12:00:00.000Z';
const drinks = { productIds: [], categoryIds: ['drinks'] };

const promo = (partial: Partial<Promotion> & Pick<Promotion, 'id' | 'rule'>): Promotion =>
  fixture({ target: drinks, ...partial });

const line = (key: string, unitPriceMinor: number, quantity: number): PromotionLine => ({
  key,
  productId: key,
  categoryIds: ['drinks'],
  unitPriceMinor,
  quantity,
  measured: false,
});

const cart = [line('tea', 1000, 3), line('coffee', 1500, 1), line('milk', 900, 2)];
const only = (ids: string[]) => ({ productIds: ids, categoryIds: [] });
const campaigns: Promotion[] = [
  promo({ id: 'tea-3for2', target: only(['tea']), rule: { kind: 'multibuy', buy: 3, pay: 2 } }),
  promo({ id: 'all-10', rule: { kind: 'percent_off', bp: 1000 } }),
  promo({
    id: 'flyer',
    target: only(['coffee']),
    rule: { kind: 'percent_off', bp: 2000 },
    couponCode: 'FLYER',
  }),
  promo({
    id: 'members',
    target: only(['milk']),
    rule: { kind: 'fixed_price', priceMinor: 700 },
    customersOnly: true,
  }),
  promo({ id: 'ended-half', rule: { kind: 'percent_off', bp: 5000 }, endsAt: NOW }),
  promo({ id: 'next-week', rule: { kind: 'percent_off', bp: 9000 }, startsAt: '2026-11-29T00:00:00Z' }),
];

function applied(context: Partial<PromotionContext> = {}): Record<string, [string, number][]> {
  const result = applyPromotions(cart, campaigns, {
    now: NOW,
    couponCodes: [],
    customerId: null,
    ...context,
  });
  return Object.fromEntries(
    result.lines.map((l) => [
      l.key,
      l.applied.map((a): [string, number] => [a.promotionId, a.discountMinor]),
    ]),
  );
}

describe('how promotions combine (the one rule)', () => {
  it('gives each unit one promotion: the deal where it saves more, else the single best item price', () => {
    expect(applied()).toEqual({
      tea: [['tea-3for2', 1000]],
      coffee: [['all-10', 150]],
      milk: [['all-10', 180]],
    });
  });

  it('lets a coupon or a member price win a unit only by being better, never by stacking', () => {
    expect(applied({ couponCodes: ['flyer'], customerId: 'c1' })).toEqual({
      tea: [['tea-3for2', 1000]],
      coffee: [['flyer', 300]],
      milk: [['members', 400]],
    });
  });

  it('counts only campaigns running at the moment priced: prices return to normal at the end by themselves', () => {
    const justBefore = new Date(Date.parse(NOW) - 1).toISOString();
    // Half off beats the 3 for 2 on the teas while it runs (rule 3: a deal only where it saves more).
    expect(applied({ now: justBefore })).toEqual({
      tea: [['ended-half', 1500]],
      coffee: [['ended-half', 750]],
      milk: [['ended-half', 900]],
    });
    expect(applied({ now: NOW }).tea).toEqual([['tea-3for2', 1000]]);
    expect(applied({ now: '2026-11-29T00:00:00Z' }).coffee).toEqual([['next-week', 1350]]);
  });
});
