import type { ReceiptLink } from '../../shared/api/receipt-link.js';
import type { SaleView } from '../../shared/api/sales-endpoints.js';
import type { CartSnapshot, SnapshotLine, SnapshotTotals } from '../../shared/display/cart-snapshot.js';
import { currentTotals, displayLines, type CartState } from './cart-state.js';

/** What the customer display mirrors, as the selling screen knows it. */
export interface DisplaySource {
  cart: CartState;
  /** The sale as the pay dialog last saw it (payments, change): newer than the cart's own hub view. */
  paying: SaleView | null;
  /** The completed sale, kept until the next sale starts so the thank-you and QR stay up. */
  done: { sale: SaleView; receipt: ReceiptLink | null } | null;
}

/**
 * The snapshot for the customer display: pure, every figure taken from the hub's answers (a line the hub
 * has not priced yet goes out without an amount, totals without a current answer as null). A completed
 * sale wins until the next sale has lines; then a sale that is being paid; then the cart as rung up.
 */
export function cartSnapshot(source: DisplaySource, currency: string, at: string): CartSnapshot {
  const { cart, paying, done } = source;
  // The thank-you stays while the cart still holds that sale or nothing; the next sale's lines end it.
  if (done !== null && (cart.lines.length === 0 || cart.saleId === done.sale.id)) {
    return {
      ...fromSale(done.sale, 'done', at),
      receiptCode: done.sale.receipt?.code ?? null,
      receiptUrl: done.receipt?.url ?? null,
      receiptQrPath: done.receipt?.qrPath ?? null,
    };
  }
  const hub = paying ?? cart.hub;
  if (hub !== null && hub.id === cart.saleId && (paying !== null || moneyTaken(hub))) {
    return fromSale(hub, 'paying', at);
  }
  const totals = currentTotals(cart);
  return {
    ...empty(cart.lines.length === 0 ? 'idle' : 'selling', currency, at),
    saleId: cart.lines.length === 0 ? null : cart.saleId,
    lines: displayLines(cart).map((line) => ({
      id: line.id,
      name: line.name,
      quantity: line.quantity,
      measured: line.measured,
      unitPriceMinor: line.unitPriceMinor,
      totalMinor: line.totalMinor,
      discountMinor: line.totalMinor === null ? 0 : discountOf(cart.hub, line.id),
    })),
    promotions: totals === null || cart.hub === null ? [] : promotionsOf(cart.hub),
    totals: totals === null ? null : pickTotals(totals),
  };
}

function promotionsOf(sale: SaleView): CartSnapshot['promotions'] {
  return sale.promotions.map((p) => ({ name: p.name, amountMinor: p.discountMinor }));
}

function moneyTaken(sale: SaleView): boolean {
  return sale.totals.paidMinor !== 0 || sale.totals.pendingMinor !== 0;
}

function discountOf(sale: SaleView | null, lineId: string): number {
  return sale?.lines.find((l) => l.id === lineId)?.discountMinor ?? 0;
}

function fromSale(sale: SaleView, state: 'paying' | 'done', at: string): CartSnapshot {
  return {
    ...empty(state, sale.currency, at),
    saleId: sale.id,
    lines: sale.lines
      .filter((l) => l.status === 'active')
      .map((l): SnapshotLine => ({
        id: l.id,
        name: l.name,
        quantity: l.quantity,
        measured: l.measured,
        unitPriceMinor: l.unitPriceMinor,
        totalMinor: l.totalMinor,
        discountMinor: l.discountMinor,
      })),
    promotions: promotionsOf(sale),
    totals: pickTotals(sale.totals),
  };
}

function pickTotals(t: SnapshotTotals): SnapshotTotals {
  return {
    subtotalMinor: t.subtotalMinor,
    discountMinor: t.discountMinor,
    totalMinor: t.totalMinor,
    roundingMinor: t.roundingMinor,
    toPayMinor: t.toPayMinor,
    paidMinor: t.paidMinor,
    dueMinor: t.dueMinor,
    changeMinor: t.changeMinor,
  };
}

function empty(state: CartSnapshot['state'], currency: string, at: string): CartSnapshot {
  return {
    state,
    saleId: null,
    currency,
    lines: [],
    promotions: [],
    totals: null,
    receiptCode: null,
    receiptUrl: null,
    receiptQrPath: null,
    at,
  };
}

/** Two snapshots that show the same thing (the time they were made aside): nothing to publish. */
export function sameSnapshot(a: CartSnapshot | null, b: CartSnapshot): boolean {
  return a !== null && JSON.stringify({ ...a, at: '' }) === JSON.stringify({ ...b, at: '' });
}
