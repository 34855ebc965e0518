import { divRoundToNumber } from '../money.js';
import type { ItemPriceRule, Promotion, PromotionLine } from './types.js';

export type ItemPricePromotion = Promotion & { rule: ItemPriceRule };

export function isItemPricePromotion(promotion: Promotion): promotion is ItemPricePromotion {
  const kind = promotion.rule.kind;
  return kind === 'percent_off' || kind === 'amount_off' || kind === 'fixed_price';
}

/** The discount a rule gives on an amount that stands for `grams` grams of the item (1000 = one unit). */
function discountOn(rule: ItemPriceRule, amountMinor: number, grams: number): number {
  switch (rule.kind) {
    case 'percent_off':
      return divRoundToNumber(BigInt(amountMinor) * BigInt(rule.bp), 10_000n, 'promotion discount');
    case 'amount_off':
      return Math.min(amountMinor, divRoundToNumber(BigInt(rule.amountMinor) * BigInt(grams), 1000n));
    case 'fixed_price':
      return Math.max(0, amountMinor - divRoundToNumber(BigInt(rule.priceMinor) * BigInt(grams), 1000n));
  }
}

/** What the rule takes off one unit of a piece line. */
export function unitDiscount(rule: ItemPriceRule, unitPriceMinor: number): number {
  return discountOn(rule, unitPriceMinor, 1000);
}

/** What the rule takes off a whole measured line (price per kilogram, quantity in grams). */
export function measuredLineDiscount(rule: ItemPriceRule, line: PromotionLine): number {
  const gross = divRoundToNumber(BigInt(line.unitPriceMinor) * BigInt(line.quantity), 1000n, 'line gross');
  return discountOn(rule, gross, line.quantity);
}

export interface BestItemPrice {
  promotion: ItemPricePromotion;
  /** Per unit for a piece line, for the whole line when measured. */
  discountMinor: number;
}

/**
 * The single best item price promotion for a line (they never stack): the largest discount, then the
 * higher priority, then the smaller id, so the answer does not depend on the order promotions are listed.
 */
export function bestItemPrice(
  line: PromotionLine,
  candidates: readonly ItemPricePromotion[],
): BestItemPrice | null {
  let best: BestItemPrice | null = null;
  for (const promotion of candidates) {
    const discountMinor = line.measured
      ? measuredLineDiscount(promotion.rule, line)
      : unitDiscount(promotion.rule, line.unitPriceMinor);
    if (discountMinor <= 0) continue;
    if (best === null || beats(discountMinor, promotion, best)) best = { promotion, discountMinor };
  }
  return best;
}

function beats(discount: number, promotion: Promotion, best: BestItemPrice): boolean {
  if (discount !== best.discountMinor) return discount > best.discountMinor;
  if (promotion.priority !== best.promotion.priority) return promotion.priority > best.promotion.priority;
  return promotion.id < best.promotion.id;
}
