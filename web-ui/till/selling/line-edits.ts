import type { Discount } from '../../shared/api/sales-endpoints.js';

/**
 * What the cashier set on a line or the whole sale besides products and quantities, as values: a price
 * override, discounts with their reasons, notes and the customer; how they go to the hub and how they
 * read back from storage. cart-edits.ts changes them in a cart.
 */
export interface LineEdits {
  /** A price the cashier set instead of the catalog's, minor units; null for the catalog price. */
  unitPriceMinor: number | null;
  discount: Discount | null;
  discountReason: string;
  note: string;
}

export interface SaleEdits {
  discount: Discount | null;
  discountReason: string;
  note: string;
  customer: AttachedCustomer | null;
  /** Coupon codes entered on the sale, as the hub keeps them (trimmed, upper case). */
  couponCodes: readonly string[];
}

/** The customer on the sale: the id the hub keeps, the name the till shows. */
export interface AttachedCustomer {
  id: string;
  name: string;
}

export const NO_LINE_EDITS: LineEdits = {
  unitPriceMinor: null,
  discount: null,
  discountReason: '',
  note: '',
};
export const NO_SALE_EDITS: SaleEdits = {
  discount: null,
  discountReason: '',
  note: '',
  customer: null,
  couponCodes: [],
};

// The hub's coupon limits (sales-schemas.ts): at most 10 codes of at most 32 characters.
export const MAX_COUPONS = 10;
export const MAX_COUPON_LENGTH = 32;

/** A code as the hub compares it: trimmed and upper case (what the flyer shows, however it was typed). */
export function normalCoupon(code: string): string {
  return code.trim().toUpperCase();
}

// The hub's limits on free text (sales-schemas.ts): a line note or reason 200, a sale note 500.
export const MAX_LINE_TEXT = 200;
export const MAX_SALE_NOTE = 500;

/** A discount that takes something off; a 0 % or 0 amount is no discount at all. */
export function givesDiscount(discount: Discount | null): discount is Discount {
  return discount !== null && (discount.kind === 'percent' ? discount.bp > 0 : discount.amountMinor > 0);
}

export function sameDiscount(a: Discount | null, b: Discount | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'percent' && b.kind === 'percent') return a.bp === b.bp;
  if (a.kind === 'amount' && b.kind === 'amount') return a.amountMinor === b.amountMinor;
  return false;
}

/** The cart fields the hub takes beside the lines, for a create or a replace. */
export function saleFields(sale: SaleEdits) {
  return {
    ...(sale.discount === null
      ? {}
      : { saleDiscount: sale.discount, saleDiscountReason: sale.discountReason }),
    ...(sale.note === '' ? {} : { note: sale.note }),
    ...(sale.customer === null ? {} : { customerId: sale.customer.id }),
    // Always sent: the hub keeps a sale's codes when a cart leaves them out, so taking the last one off
    // must say so with an empty list.
    couponCodes: [...sale.couponCodes],
  };
}

/** A line's edits as the hub takes them on a cart line. */
export function lineFields(edits: LineEdits) {
  return {
    ...(edits.unitPriceMinor === null ? {} : { unitPriceMinor: edits.unitPriceMinor }),
    ...(edits.discount === null ? {} : { discount: edits.discount, discountReason: edits.discountReason }),
    ...(edits.note === '' ? {} : { note: edits.note }),
  };
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** A discount read back from storage, or null when it does not read as one. */
export function discountFromStored(value: unknown): Discount | null {
  if (typeof value !== 'object' || value === null) return null;
  const d = value as Record<string, unknown>;
  if (d.kind === 'percent' && Number.isSafeInteger(d.bp)) return { kind: 'percent', bp: d.bp as number };
  if (d.kind === 'amount' && Number.isSafeInteger(d.amountMinor)) {
    return { kind: 'amount', amountMinor: d.amountMinor as number };
  }
  return null;
}

/** Line edits read back from storage; a cart stored before edits existed has none. */
export function lineEditsFromStored(value: unknown): LineEdits {
  if (typeof value !== 'object' || value === null) return NO_LINE_EDITS;
  const e = value as Record<string, unknown>;
  const price = e.unitPriceMinor;
  return {
    unitPriceMinor: typeof price === 'number' && Number.isSafeInteger(price) && price >= 0 ? price : null,
    discount: discountFromStored(e.discount),
    discountReason: text(e.discountReason, MAX_LINE_TEXT),
    note: text(e.note, MAX_LINE_TEXT),
  };
}

export function saleEditsFromStored(value: unknown): SaleEdits {
  if (typeof value !== 'object' || value === null) return NO_SALE_EDITS;
  const e = value as Record<string, unknown>;
  const c = e.customer as Record<string, unknown> | null | undefined;
  const customer =
    typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.name === 'string'
      ? { id: c.id, name: c.name }
      : null;
  return {
    discount: discountFromStored(e.discount),
    discountReason: text(e.discountReason, MAX_LINE_TEXT),
    note: text(e.note, MAX_SALE_NOTE),
    customer,
    couponCodes: Array.isArray(e.couponCodes)
      ? e.couponCodes
          .filter((c): c is string => typeof c === 'string')
          .map((c) => normalCoupon(c).slice(0, MAX_COUPON_LENGTH))
          .filter((c) => c !== '')
          .slice(0, MAX_COUPONS)
      : [],
  };
}
