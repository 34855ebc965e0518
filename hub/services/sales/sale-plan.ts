import type { Db } from '../../db/connection.js';
import { customerExists, selectSaleProducts } from '../../db/sale-effects-queries.js';
import type { SaleLineRow } from '../../db/sales-queries.js';
import { normalizeCoupon } from '../../domain/promotions/index.js';
import type { TaxMode } from '../../domain/tax.js';
import { BusinessRuleError, ConflictError } from '../../errors.js';
import {
  assertDiscountReasons,
  discountJson,
  discountNeeds,
  resolveCart,
  type PermissionNeed,
} from './cart-lines.js';
import { readScans } from './cart-scans.js';
import type { ScanLookup } from './deps.js';
import { requestHash } from './request-hash.js';
import type { Approval } from './sale-authorize.js';
import { priceCart, type PricedCart } from './sale-pricing.js';
import { promotionsFor } from './sale-promotions.js';
import type { CartInput, SaleActor } from './types.js';

/** The cart with every optional field made explicit, so absent and default hash the same. */
export function normalizeCart(input: CartInput): CartInput {
  return {
    lines: input.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      ...(l.quantity === undefined ? {} : { quantity: l.quantity }),
      ...(l.unitPriceMinor === undefined ? {} : { unitPriceMinor: l.unitPriceMinor }),
      discount: l.discount ?? null,
      ...(l.discountReason === undefined ? {} : { discountReason: l.discountReason }),
      note: l.note ?? '',
      ...(l.scannedCode === undefined ? {} : { scannedCode: l.scannedCode }),
      ...(l.weightSource === undefined ? {} : { weightSource: l.weightSource }),
    })),
    saleDiscount: input.saleDiscount ?? null,
    ...(input.saleDiscountReason === undefined ? {} : { saleDiscountReason: input.saleDiscountReason }),
    customerId: input.customerId ?? null,
    note: input.note ?? '',
    // Only when present, so the hash of a cart without coupons is what it was before coupons existed.
    ...(couponsOf(input).length === 0 ? {} : { couponCodes: couponsOf(input) }),
  };
}

/** Trimmed, upper-case, each once, in the order given. */
function couponsOf(input: CartInput): string[] {
  return [...new Set((input.couponCodes ?? []).map(normalizeCoupon))];
}

export const cartHash = (cart: CartInput): string => requestHash(normalizeCart(cart));

export interface CartPlan {
  priced: PricedCart;
  needs: PermissionNeed[];
  saleDiscountJson: string | null;
}

interface PlanArgs {
  saleId: string;
  cart: CartInput;
  existing: readonly SaleLineRow[];
  previousSaleDiscount: string | null;
  taxMode: TaxMode;
  actor: SaleActor;
  at: string;
  /** Decodes the lines' scanned codes on `db`, so both plans read the labels the same way. */
  scans: ScanLookup;
}

/** Resolves and prices a cart against the catalog and the stored lines, and lists the permissions it needs. */
export function planCart(db: Db, args: PlanArgs): CartPlan {
  assertDiscountReasons(args.cart);
  const customerId = args.cart.customerId ?? null;
  if (customerId !== null && !customerExists(db, customerId)) {
    throw new BusinessRuleError('CUSTOMER_NOT_FOUND', `Customer ${customerId} does not exist`, {
      customerId,
    });
  }
  const products = selectSaleProducts(
    db,
    args.cart.lines.map((l) => l.productId),
  );
  const resolved = resolveCart({
    saleId: args.saleId,
    input: args.cart,
    existing: args.existing,
    products,
    scans: readScans(db, args.scans, args.cart.lines),
    staffId: args.actor.staff.id,
    at: args.at,
  });
  const saleDiscount = args.cart.saleDiscount ?? null;
  const promotions = promotionsFor(db, resolved.active, {
    at: args.at,
    customerId,
    couponCodes: args.cart.couponCodes ?? [],
  });
  const priced = priceCart(args.taxMode, saleDiscount, resolved.active, resolved.removed, promotions);
  const saleDiscountJson = discountJson(saleDiscount);
  const needs = [
    ...resolved.needs,
    ...discountNeeds(
      priced,
      new Map(args.existing.map((l) => [l.id, l])),
      {
        json: saleDiscountJson,
        previousJson: args.previousSaleDiscount,
        reason: args.cart.saleDiscountReason ?? null,
      },
      args.actor.staff,
    ),
  ];
  return { priced, needs, saleDiscountJson };
}

/**
 * The plan is made twice: before the transaction to ask for permissions (PIN checks stay outside the
 * write lock), and inside it on fresh data. If the catalog moved in between and the cart now needs more,
 * the till is asked to send it again rather than writing something nobody approved.
 */
export function assertApproved(needs: readonly PermissionNeed[], approvals: readonly Approval[]): void {
  const approved = new Set(approvals.map((a) => a.permission));
  const missing = needs.filter((n) => !approved.has(n.permission)).map((n) => n.permission);
  if (missing.length > 0) {
    throw new ConflictError(
      'The sale changed while it was being approved; send it again',
      { missing },
      'RETRY',
    );
  }
}
