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
  return {
    id: cart.saleId,
    status: 'open',
    version,
    currency: 'DKK',
    lines,
    totals: {
      subtotalMinor: total,
      discountMinor: 0,
      taxMinor: Math.floor(total / 5),
      totalMinor: total,
      roundingMinor: 0,
      toPayMinor: total,
      paidMinor: 0,
      pendingMinor: 0,
      dueMinor: total,
      changeMinor: 0,
    },
    payments: [],
    receipt: null,
    promotions: [],
    saleDiscount: cart.sale.discount,
    saleDiscountReason: cart.sale.discount === null ? null : cart.sale.discountReason,
    note: cart.sale.note,
    customerId: cart.sale.customer?.id ?? null,
    updatedAt: '2026-11-22T12:00:00.000Z',
  };
}
