import type { Discount } from '../../shared/api/sales-endpoints.js';
import { changed, type CartState, type LocalLine } from './cart-state.js';
import {
  givesDiscount,
  MAX_LINE_TEXT,
  MAX_COUPON_LENGTH,
  MAX_COUPONS,
  MAX_SALE_NOTE,
  normalCoupon,
  sameDiscount,
  type AttachedCustomer,
  type LineEdits,
  type SaleEdits,
} from './line-edits.js';

/**
 * Setting a price override, discounts, notes and the customer in a cart. Every function is pure and
 * returns the cart unchanged for an unknown line or a value that is the same; the hub judges permissions
 * and limits and computes every amount (the till never works out a discount).
 */
function editLine(
  state: CartState,
  lineId: string,
  edit: (line: LocalLine) => Partial<LineEdits>,
): CartState {
  const line = state.lines.find((l) => l.id === lineId);
  if (!line) return state;
  const next: LineEdits = { ...line.edits, ...edit(line) };
  const same =
    next.unitPriceMinor === line.edits.unitPriceMinor &&
    sameDiscount(next.discount, line.edits.discount) &&
    next.discountReason === line.edits.discountReason &&
    next.note === line.edits.note;
  if (same) return state;
  return changed(
    state,
    state.lines.map((l) => (l.id === lineId ? { ...l, edits: next } : l)),
  );
}

/** A line discount with its reason; null (or nothing taken off) removes it. */
export function setLineDiscount(
  state: CartState,
  lineId: string,
  discount: Discount | null,
  reason: string,
): CartState {
  const gives = givesDiscount(discount);
  return editLine(state, lineId, () => ({
    discount: gives ? discount : null,
    discountReason: gives ? reason.trim().slice(0, MAX_LINE_TEXT) : '',
  }));
}

/** A unit price instead of the catalog's (minor units, 0 or more); null goes back to the catalog price. */
export function setLinePrice(state: CartState, lineId: string, unitPriceMinor: number | null): CartState {
  if (unitPriceMinor !== null && (!Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0)) return state;
  return editLine(state, lineId, () => ({ unitPriceMinor }));
}

export function setLineNote(state: CartState, lineId: string, note: string): CartState {
  return editLine(state, lineId, () => ({ note: note.trim().slice(0, MAX_LINE_TEXT) }));
}

function editSale(state: CartState, edit: Partial<SaleEdits>): CartState {
  const next: SaleEdits = { ...state.sale, ...edit };
  const same =
    sameDiscount(next.discount, state.sale.discount) &&
    next.discountReason === state.sale.discountReason &&
    next.note === state.sale.note &&
    next.customer?.id === state.sale.customer?.id &&
    next.couponCodes.join('\n') === state.sale.couponCodes.join('\n');
  if (same) return state;
  return { ...changed(state, state.lines), sale: next };
}

/** A discount on the whole sale (after line discounts) with its reason; null removes it. */
export function setSaleDiscount(state: CartState, discount: Discount | null, reason: string): CartState {
  const gives = givesDiscount(discount);
  return editSale(state, {
    discount: gives ? discount : null,
    discountReason: gives ? reason.trim().slice(0, MAX_LINE_TEXT) : '',
  });
}

export function setSaleNote(state: CartState, note: string): CartState {
  return editSale(state, { note: note.trim().slice(0, MAX_SALE_NOTE) });
}

export function setCustomer(state: CartState, customer: AttachedCustomer | null): CartState {
  return editSale(state, { customer });
}

/** Enters a coupon code (once; the hub says whether a running promotion takes it). */
export function addCoupon(state: CartState, code: string): CartState {
  const normal = normalCoupon(code);
  const codes = state.sale.couponCodes;
  if (normal === '' || normal.length > MAX_COUPON_LENGTH || codes.includes(normal)) return state;
  if (codes.length >= MAX_COUPONS) return state;
  return editSale(state, { couponCodes: [...codes, normal] });
}

export function removeCoupon(state: CartState, code: string): CartState {
  const normal = normalCoupon(code);
  return editSale(state, { couponCodes: state.sale.couponCodes.filter((c) => c !== normal) });
}
