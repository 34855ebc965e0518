import { applyBasketDeal, isBasketPromotion, type BasketPromotion } from './basket-deals.js';
import { isActive, matchesTarget, unknownCoupons } from './eligibility.js';
import { bestItemPrice, isItemPricePromotion, type BestItemPrice } from './item-price.js';
import type {
  AppliedPromotion,
  LinePromotionResult,
  Promotion,
  PromotionContext,
  PromotionLine,
  PromotionResult,
  PromotionTarget,
} from './types.js';
import type { UnitRun } from './unit-runs.js';

/**
 * How promotions combine — the one rule, written once (docs/promotions.md says the same for managers):
 *
 * 1. Only campaigns running at the moment the cart is priced count: from their start (inclusive) to their
 *    end (exclusive), with their coupon code on the sale if they have one, with a customer attached if
 *    they are customer-only. So prices return to normal by themselves when a campaign ends.
 * 2. A unit gets at most one promotion. Promotions never stack on the same unit.
 * 3. Basket deals (multibuy, N for a price / mix and match, buy X get Y) go first, highest priority first
 *    (ties by id). Each takes the dearest units its target matches, gives its discount to the cheapest
 *    (multibuy, buy X get Y) or spreads it by price (N for a price), and repeats while a group saves the
 *    customer more than the item price promotions would on the same units.
 * 4. Every unit no deal took gets the single best item price promotion (percent off, amount off, fixed
 *    price, member price): the largest discount, then the higher priority, then the smaller id.
 * 5. Items sold by weight take item price promotions only (a kilogram is not a piece).
 * 6. A cashier's manual discount applies after promotions, on the promoted amount; the sale discount last.
 */
export function applyPromotions(
  lines: readonly PromotionLine[],
  promotions: readonly Promotion[],
  context: PromotionContext,
): PromotionResult {
  const active = promotions.filter((p) => isActive(p, context));
  const itemPromotions = active.filter(isItemPricePromotion);
  const best = lines.map((line) =>
    bestItemPrice(
      line,
      itemPromotions.filter((p) => matchesTarget(p.target, line)),
    ),
  );

  const runs: (UnitRun | null)[] = lines.map((line, lineIndex) =>
    line.measured ? null : { lineIndex, priceMinor: line.unitPriceMinor, remaining: line.quantity },
  );
  const perLine = lines.map(() => new Map<string, AppliedPromotion>());
  const credit = (lineIndex: number, promotion: Promotion, discountMinor: number): void => {
    if (discountMinor <= 0) return;
    const applied = perLine[lineIndex];
    if (applied === undefined) throw new Error(`promotion credited to unknown line ${lineIndex}`);
    const before = applied.get(promotion.id);
    applied.set(promotion.id, {
      promotionId: promotion.id,
      name: promotion.name,
      discountMinor: (before?.discountMinor ?? 0) + discountMinor,
    });
  };

  const runsFor = (target: PromotionTarget): UnitRun[] =>
    runs.filter((run): run is UnitRun => {
      const line = run === null ? undefined : lines[run.lineIndex];
      return line !== undefined && matchesTarget(target, line);
    });
  const itemDiscountPerUnit = (lineIndex: number): number => {
    const line = lines[lineIndex];
    return line === undefined || line.measured ? 0 : (best[lineIndex]?.discountMinor ?? 0);
  };

  for (const promotion of basketOrder(active.filter(isBasketPromotion))) {
    for (const d of applyBasketDeal({ promotion, runsFor, itemDiscountPerUnit })) {
      credit(d.lineIndex, promotion, d.discountMinor);
    }
  }

  lines.forEach((line, lineIndex) => {
    const item: BestItemPrice | null = best[lineIndex] ?? null;
    if (item === null) return;
    const units = line.measured ? 1 : (runs[lineIndex]?.remaining ?? 0);
    credit(lineIndex, item.promotion, item.discountMinor * units);
  });

  return summarize(lines, perLine, active, promotions, context);
}

function basketOrder(deals: BasketPromotion[]): BasketPromotion[] {
  return [...deals].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function summarize(
  lines: readonly PromotionLine[],
  perLine: Map<string, AppliedPromotion>[],
  active: readonly Promotion[],
  promotions: readonly Promotion[],
  context: PromotionContext,
): PromotionResult {
  const resultLines: LinePromotionResult[] = lines.map((line, i) => {
    const applied = [...(perLine[i]?.values() ?? [])];
    return { key: line.key, discountMinor: applied.reduce((s, a) => s + a.discountMinor, 0), applied };
  });
  const total = new Map<string, AppliedPromotion>();
  for (const line of resultLines) {
    for (const a of line.applied) {
      const before = total.get(a.promotionId);
      total.set(a.promotionId, { ...a, discountMinor: (before?.discountMinor ?? 0) + a.discountMinor });
    }
  }
  const order = new Map(active.map((p, i) => [p.id, i]));
  const applied = [...total.values()].sort(
    (a, b) => (order.get(a.promotionId) ?? 0) - (order.get(b.promotionId) ?? 0),
  );
  return { lines: resultLines, applied, unknownCoupons: unknownCoupons(promotions, context) };
}
