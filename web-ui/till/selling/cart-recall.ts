import type { SaleView } from '../../shared/api/sales-endpoints.js';
import { emptyCart, type CartState, type LocalLine, type StoredCart } from './cart-state.js';
import type { AttachedCustomer } from './line-edits.js';

/**
 * A recalled sale as the till's cart: the hub's open lines and edits, accepted as they are (nothing to
 * send). A copy this till kept when it parked the sale gives back what the hub does not return, the
 * scanned label codes, for the lines that are still the same.
 */
export function cartFromHub(
  view: SaleView,
  kept: StoredCart | null,
  customer: AttachedCustomer | null,
): CartState {
  const keptLines = new Map((kept?.saleId === view.id ? kept.lines : []).map((l) => [l.id, l]));
  const lines: LocalLine[] = view.lines
    .filter((l) => l.status === 'active')
    .map((l) => {
      const kept = keptLines.get(l.id);
      const label = kept?.scannedCode ?? null;
      return {
        id: l.id,
        productId: l.productId,
        name: l.name,
        quantity: label === null ? l.quantity : null,
        scannedCode: label,
        // A weighed line parked elsewhere was weighed on a scale as far as this till knows.
        weightSource: kept?.weightSource ?? (l.measured && label === null ? 'scale' : null),
        edits: {
          unitPriceMinor: l.unitPriceMinor === l.catalogPriceMinor ? null : l.unitPriceMinor,
          discount: l.discount,
          discountReason: l.discountReason ?? '',
          note: l.note,
        },
      };
    });
  const sale = {
    discount: view.saleDiscount,
    discountReason: view.saleDiscountReason ?? '',
    note: view.note,
    customer: view.customerId === null ? null : (customer ?? { id: view.customerId, name: '' }),
    couponCodes: view.couponCodes,
  };
  return {
    ...emptyCart(view.id),
    lines,
    accepted: lines,
    sale,
    acceptedSale: sale,
    hub: view,
    sync: 'synced',
  };
}
