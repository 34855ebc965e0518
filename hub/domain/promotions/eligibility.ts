import type { Promotion, PromotionContext, PromotionLine, PromotionTarget } from './types.js';

/** Coupon codes compare trimmed and case-insensitively: a cashier types what the flyer shows. */
export function normalizeCoupon(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Running now and allowed for this sale. Comparing instants as numbers (not strings) keeps "…Z" and
 * "+08:00" spellings of the same moment equal.
 */
export function isActive(promotion: Promotion, context: PromotionContext): boolean {
  const now = Date.parse(context.now);
  if (Number.isNaN(now)) throw new RangeError(`context.now is not an instant: ${context.now}`);
  if (Date.parse(promotion.startsAt) > now) return false;
  if (promotion.endsAt !== null && Date.parse(promotion.endsAt) <= now) return false;
  if (promotion.customersOnly && context.customerId === null) return false;
  if (promotion.couponCode !== null) {
    const wanted = normalizeCoupon(promotion.couponCode);
    if (!context.couponCodes.some((code) => normalizeCoupon(code) === wanted)) return false;
  }
  return true;
}

export function matchesTarget(target: PromotionTarget, line: PromotionLine): boolean {
  return (
    target.productIds.includes(line.productId) ||
    (line.parentProductId != null && target.productIds.includes(line.parentProductId)) ||
    line.categoryIds.some((category) => target.categoryIds.includes(category))
  );
}

/** The sale's codes that name no promotion running now, so the till can say the coupon is not valid. */
export function unknownCoupons(promotions: readonly Promotion[], context: PromotionContext): string[] {
  const valid = new Set(
    promotions
      .filter((p) => p.couponCode !== null && isActive(p, context))
      .map((p) => normalizeCoupon(p.couponCode ?? '')),
  );
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const code of context.couponCodes) {
    const normal = normalizeCoupon(code);
    if (valid.has(normal) || seen.has(normal)) continue;
    seen.add(normal);
    unknown.push(code.trim());
  }
  return unknown;
}
