import type { SaleView } from '../../web-ui/shared/api/sales-endpoints.js';
import type { CartState } from '../../web-ui/till/selling/cart-state.js';

/** A stand-in for the hub's pricing: the catalog price is `totalEach`, a line discount comes off its line. */
export function hubView(cart: CartState, version: number, totalEach = 1000): SaleView {
  const lines = cart.lines.map((l) => {
    const unit = l.edits.unitPriceMinor ?? totalEach;
    const gross = unit * (l.quantity ?? 1);
    const d = l.edits.discount;
    const off = d === null ? 0 : d.kind === 'amount' ? d.amountMinor : Math.floor((gross * d.bp) / 10_000);
    return {
      id: l.id,
      status: 'active' as const,
      productId: l.productId,
      name: `${l.name} (hub)`,
      quantity: l.quantity ?? 250,
      measured: l.quantity === null,
      unitPriceMinor: unit,
      catalogPriceMinor: totalEach,
      discount: d,
      discountReason: d === null ? null : l.edits.discountReason,
      lineDiscountMinor: off,
      saleDiscountMinor: 0,
      note: l.edits.note,
      discountMinor: off,
      promotions: [],
      totalMinor: gross - off,
    };
  });
  const total = lines.reduce((s, l) => s + l.totalMinor, 0);
  return saleViewOf(cart, lines, { version, taxMinor: Math.floor(total / 5) });
}

export interface SaleViewOptions {
  version: number;
  status?: SaleView['status'];
  taxMinor: number;
  /** Figures other than those summed from the lines (paid, due, change...). */
  totals?: Partial<SaleView['totals']>;
  updatedAt?: string;
}

/**
 * The hub's answer for `cart` around `lines`: the total summed from the lines and nothing paid yet (unless
 * `totals` says otherwise), the cart's own sale discount, note and customer, and a receipt once completed.
 */
export function saleViewOf(cart: CartState, lines: SaleView['lines'], o: SaleViewOptions): SaleView {
  const total = lines.reduce((s, l) => s + l.totalMinor, 0);
  const status = o.status ?? 'open';
  return {
    id: cart.saleId,
    status,
    version: o.version,
    currency: 'DKK',
    lines,
    totals: {
      subtotalMinor: total,
      discountMinor: 0,
      taxMinor: o.taxMinor,
      totalMinor: total,
      roundingMinor: 0,
      toPayMinor: total,
      paidMinor: 0,
      pendingMinor: 0,
      dueMinor: total,
      changeMinor: 0,
      ...o.totals,
    },
    payments: [],
    receipt: status === 'completed' ? { number: 27, code: '1-27' } : null,
    promotions: [],
    couponCodes: [],
    saleDiscount: cart.sale.discount,
    saleDiscountReason: cart.sale.discount === null ? null : cart.sale.discountReason,
    note: cart.sale.note,
    customerId: cart.sale.customer?.id ?? null,
    updatedAt: o.updatedAt ?? '2026-11-22T12:00:00.000Z',
  };
}
