import type { SaleLineRow } from '../../db/sales-queries.js';
import { allocate } from '../../domain/money.js';
import type { AppliedPromotion } from '../../domain/promotions/index.js';

/** The share of `total` that belongs to the first `n` of `sold` units, split with the one allocate(). */
function cumulative(total: number, sold: number, n: number): number {
  if (n <= 0) return 0;
  if (n >= sold) return total;
  return allocate(total, [n, sold - n])[0] ?? 0;
}

/** The part of a line's figure for units (returned+1)..(returned+quantity). */
function slice(total: number, sold: number, returned: number, quantity: number): number {
  return cumulative(total, sold, returned + quantity) - cumulative(total, sold, returned);
}

export interface ReturnFigures {
  gross_minor: number;
  promotion_discount_minor: number;
  /** The original line's promotions (JSON), each with its share for these units. */
  promotions: string;
  line_discount_minor: number;
  sale_discount_minor: number;
  net_minor: number;
  tax_minor: number;
  total_minor: number;
}

/**
 * What returning `quantity` units of an original line gives back: the line's actually paid figures
 * (after its discounts and its share of the sale discount), prorated by quantity. Each figure is a
 * difference of cumulative shares, so any sequence of partial returns that takes back the whole line sums
 * exactly to the original line: nobody gains or loses a cent by returning one at a time.
 */
export function prorateReturn(
  original: SaleLineRow,
  returned: number,
  quantity: number,
  exclusive: boolean,
): ReturnFigures {
  const sold = original.quantity;
  const gross = slice(original.gross_minor, sold, returned, quantity);
  const lineDiscount = slice(original.line_discount_minor, sold, returned, quantity);
  const net = slice(original.net_minor, sold, returned, quantity);
  const tax = slice(original.tax_minor, sold, returned, quantity);
  const promotions = (JSON.parse(original.promotions) as AppliedPromotion[]).map((p) => ({
    ...p,
    discountMinor: slice(p.discountMinor, sold, returned, quantity),
  }));
  const promotion = promotions.reduce((sum, p) => sum + p.discountMinor, 0);
  return {
    gross_minor: gross,
    promotion_discount_minor: promotion,
    promotions: JSON.stringify(promotions),
    line_discount_minor: lineDiscount,
    sale_discount_minor: gross - promotion - lineDiscount - net,
    net_minor: net,
    tax_minor: tax,
    total_minor: exclusive ? net + tax : net,
  };
}
