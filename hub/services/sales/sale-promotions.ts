import type { Db } from '../../db/connection.js';
import type { SaleLineRow, SaleRow } from '../../db/sales-queries.js';
import type { Discount } from '../../domain/sale-totals.js';
import { selectProductPromotionKeys } from '../../db/promotion-queries.js';
import { applyPromotions, type PromotionLine } from '../../domain/promotions/index.js';
import { BusinessRuleError } from '../../errors.js';
import { pricingPromotions } from '../promotions/promotion-service.js';
import { priceCart, type LineDraft, type LinePromotions, type PricedCart } from './sale-pricing.js';

export interface PromotionTerms {
  at: string;
  customerId: string | null;
  couponCodes: readonly string[];
}

/**
 * A line whose price the store already decided by hand gets no promotion: a label printed with its
 * price (the scale's own reduction) or a price a supervisor overrode. Everything else is matched by
 * product, style and category chain.
 */
function promotable(line: LineDraft): boolean {
  return line.embedded_price_minor === null && line.unit_price_minor === line.catalog_price_minor;
}

/**
 * What the store's running promotions take off each active line of a cart (hub/domain/promotions, rule
 * in docs/promotions.md). A coupon code no running promotion knows is refused, so the cashier hears it
 * while the customer is there rather than finding out on the receipt.
 */
export function promotionsFor(db: Db, active: readonly LineDraft[], terms: PromotionTerms): LinePromotions {
  const promotions = pricingPromotions(db);
  if (promotions.length === 0 && terms.couponCodes.length === 0) return new Map();
  const candidates = active.filter(promotable);
  const keys = selectProductPromotionKeys(
    db,
    candidates.map((l) => l.product_id),
  );
  const lines = candidates.map((l): PromotionLine => ({
    key: l.id,
    productId: l.product_id,
    parentProductId: keys.get(l.product_id)?.parentProductId ?? null,
    categoryIds: keys.get(l.product_id)?.categoryIds ?? [],
    unitPriceMinor: l.unit_price_minor,
    quantity: l.quantity,
    measured: l.measured === 1,
  }));
  const result = applyPromotions(lines, promotions, {
    now: terms.at,
    customerId: terms.customerId,
    couponCodes: terms.couponCodes,
  });
  if (result.unknownCoupons.length > 0) {
    throw new BusinessRuleError(
      'COUPON_NOT_VALID',
      `No running promotion takes the code ${result.unknownCoupons.join(', ')}`,
      {
        couponCodes: result.unknownCoupons,
      },
    );
  }
  return new Map(result.lines.filter((l) => l.applied.length > 0).map((l) => [l.key, l]));
}

/**
 * Prices the stored lines again, as they are, for new terms (a customer attached or taken off: member
 * prices). Nothing the cashier entered changes, so nothing new needs approving.
 */
export function repriceStored(
  db: Db,
  sale: SaleRow,
  lines: readonly SaleLineRow[],
  terms: PromotionTerms,
): PricedCart {
  const active = lines.filter((l) => l.status === 'active');
  const removed = lines.filter((l) => l.status !== 'active');
  const saleDiscount = sale.sale_discount === null ? null : (JSON.parse(sale.sale_discount) as Discount);
  return priceCart(sale.tax_mode, saleDiscount, active, removed, promotionsFor(db, active, terms));
}
