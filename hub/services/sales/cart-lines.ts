import type { Permission } from '../../contract/permissions.js';
import type { StaffPrincipal } from '../../contract/principal.js';
import type { SaleProductRow } from '../../db/sale-effects-queries.js';
import type { SaleLineRow } from '../../db/sales-queries.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import { divRound } from '../../domain/money.js';
import { BusinessRuleError, ValidationError } from '../../errors.js';
import type { ScanReading } from './cart-scans.js';
import type { LineDraft, PricedCart } from './sale-pricing.js';
import type { Discount } from '../../domain/sale-totals.js';
import type { CartInput, CartLineInput } from './types.js';

export interface PermissionNeed {
  permission: Permission;
  details: Record<string, unknown>;
}

export interface ResolvedCart {
  active: LineDraft[];
  removed: SaleLineRow[];
  needs: PermissionNeed[];
}

interface ResolveArgs {
  saleId: string;
  input: CartInput;
  existing: readonly SaleLineRow[];
  products: ReadonlyMap<string, SaleProductRow>;
  /** What the hub decoded from the lines' scanned labels (readScans), by line id. */
  scans: ReadonlyMap<string, ScanReading>;
  staffId: string;
  at: string;
}

export const discountJson = (d: CartLineInput['discount']): string | null =>
  d === undefined || d === null ? null : canonicalJson(d);

function refuseProduct(product: SaleProductRow | undefined, line: CartLineInput): SaleProductRow {
  if (product === undefined) {
    throw new BusinessRuleError('PRODUCT_NOT_FOUND', `Product ${line.productId} does not exist`, {
      lineId: line.id,
    });
  }
  if (product.active !== 1) {
    throw new BusinessRuleError('PRODUCT_INACTIVE', `${product.name} is not for sale`, { lineId: line.id });
  }
  if (product.has_variants === 1) {
    throw new BusinessRuleError(
      'PRODUCT_IS_STYLE',
      `${product.name} is sold by its variants; scan a variant`,
      {
        lineId: line.id,
      },
    );
  }
  return product;
}

/**
 * Quantity of a line: a label's weight; else pieces default to 1; a measured product needs its weight,
 * from a scale, keyed in, or derived from a price-embedded label (grams = price / price per kg, for the
 * stock ledger only).
 */
function quantityOf(
  line: CartLineInput,
  scan: ScanReading | undefined,
  measured: boolean,
  pricePerUnit: number,
): number {
  if (scan?.weightGrams !== undefined) return scan.weightGrams;
  if (line.quantity !== undefined) return line.quantity;
  if (!measured) return 1;
  if (scan?.priceMinor !== undefined && pricePerUnit > 0) {
    return Math.max(1, Number(divRound(BigInt(scan.priceMinor) * 1000n, BigInt(pricePerUnit))));
  }
  throw new BusinessRuleError('WEIGHT_REQUIRED', 'This product is sold by weight; weigh it first', {
    lineId: line.id,
    productId: line.productId,
  });
}

function draftLine(
  args: ResolveArgs,
  line: CartLineInput,
  lineNo: number,
  previous: SaleLineRow | undefined,
): LineDraft {
  // Prices and tax rate are captured when a line is first added; later cart updates keep them.
  const product = previous === undefined ? refuseProduct(args.products.get(line.productId), line) : undefined;
  const measured = previous ? previous.measured === 1 : product?.unit !== 'piece';
  const catalogPrice = previous?.catalog_price_minor ?? product?.price_minor ?? 0;
  const scan = args.scans.get(line.id);
  const quantity = quantityOf(line, scan, measured, catalogPrice);
  return {
    id: line.id,
    sale_id: args.saleId,
    line_no: lineNo,
    status: 'active',
    product_id: line.productId,
    sku: previous?.sku ?? product?.sku ?? '',
    name: previous?.name ?? product?.name ?? '',
    quantity,
    measured: measured ? 1 : 0,
    weight_source: measured ? (scan === undefined ? (line.weightSource ?? 'scale') : 'label') : null,
    unit_price_minor: line.unitPriceMinor ?? catalogPrice,
    catalog_price_minor: catalogPrice,
    embedded_price_minor: scan?.priceMinor ?? null,
    discount: discountJson(line.discount),
    discount_reason: line.discountReason ?? null,
    tax_class_id: previous?.tax_class_id ?? product?.tax_class_id ?? '',
    tax_rate_bp: previous?.tax_rate_bp ?? product?.rate_bp ?? 0,
    original_line_id: null,
    restock: null,
    return_reason: null,
    note: line.note ?? '',
    removed_at: null,
    removed_by: null,
  };
}

/** Merges the till's full cart with the stored lines: new, changed, kept and removed lines. */
export function resolveCart(args: ResolveArgs): ResolvedCart {
  const previousById = new Map(args.existing.map((l) => [l.id, l]));
  const seen = new Set<string>();
  let nextNo = args.existing.reduce((max, l) => Math.max(max, l.line_no), 0) + 1;
  const active: LineDraft[] = [];
  const needs: PermissionNeed[] = [];
  for (const line of args.input.lines) {
    if (seen.has(line.id))
      throw new ValidationError('A line id appears twice in the cart', { lineId: line.id });
    seen.add(line.id);
    const previous = previousById.get(line.id);
    if (previous?.status === 'removed') {
      throw new BusinessRuleError('LINE_REMOVED', 'This line was removed; add the item as a new line', {
        lineId: line.id,
      });
    }
    if (previous && previous.product_id !== line.productId) {
      throw new BusinessRuleError(
        'LINE_PRODUCT_CHANGED',
        'A line cannot change its product; add a new line',
        {
          lineId: line.id,
        },
      );
    }
    const draft = draftLine(args, line, previous?.line_no ?? nextNo++, previous);
    if (previous && draft.quantity < previous.quantity) {
      // Taking part of a line back after it was rung up is a removal, with the same loss-prevention rule.
      needs.push({
        permission: 'sale.remove_line',
        details: { lineId: line.id, from: previous.quantity, to: draft.quantity },
      });
    }
    if (
      draft.unit_price_minor !== draft.catalog_price_minor &&
      draft.unit_price_minor !== previous?.unit_price_minor
    ) {
      needs.push({
        permission: 'sale.price_override',
        details: {
          lineId: line.id,
          catalogPriceMinor: draft.catalog_price_minor,
          unitPriceMinor: draft.unit_price_minor,
        },
      });
    }
    if (
      draft.weight_source === 'manual' &&
      (previous?.weight_source !== 'manual' || previous.quantity !== draft.quantity)
    ) {
      needs.push({
        permission: 'sale.manual_weight',
        details: { lineId: line.id, quantity: draft.quantity },
      });
    }
    active.push(draft);
  }
  const removed: SaleLineRow[] = [];
  for (const previous of args.existing) {
    if (seen.has(previous.id)) continue;
    if (previous.status === 'active') {
      needs.push({
        permission: 'sale.remove_line',
        details: { lineId: previous.id, quantity: previous.quantity },
      });
      removed.push({ ...previous, status: 'removed', removed_at: args.at, removed_by: args.staffId });
    } else {
      removed.push(previous);
    }
  }
  return { active, removed, needs };
}

/**
 * Discounts above the staff member's limit, judged on the priced cart (so an amount discount is
 * measured against the real line amount). Only discounts that changed in this request count: one
 * approved earlier is not asked for again.
 */
export function discountNeeds(
  priced: PricedCart,
  previous: ReadonlyMap<string, SaleLineRow>,
  saleDiscount: { json: string | null; previousJson: string | null; reason: string | null },
  staff: StaffPrincipal,
): PermissionNeed[] {
  const needs: PermissionNeed[] = [];
  let base = 0;
  let saleShare = 0;
  for (const line of priced.lines) {
    if (line.status !== 'active') continue;
    // A manual discount is taken from what is left after promotions, and judged against that.
    const promoted = line.gross_minor - line.promotion_discount_minor;
    base += promoted - line.line_discount_minor;
    saleShare += line.sale_discount_minor;
    const changed = line.discount !== (previous.get(line.id)?.discount ?? null);
    if (changed && aboveLimit(line.discount, line.line_discount_minor, promoted, staff.discountLimitBp)) {
      needs.push({
        permission: 'sale.discount_above_limit',
        details: {
          lineId: line.id,
          discountMinor: line.line_discount_minor,
          limitBp: staff.discountLimitBp,
          reason: line.discount_reason,
        },
      });
    }
  }
  if (
    saleDiscount.json !== saleDiscount.previousJson &&
    aboveLimit(saleDiscount.json, saleShare, base, staff.discountLimitBp)
  ) {
    needs.push({
      permission: 'sale.discount_above_limit',
      details: { saleDiscountMinor: saleShare, limitBp: staff.discountLimitBp, reason: saleDiscount.reason },
    });
  }
  return needs;
}

const gives = (d: Discount | null | undefined): boolean =>
  d !== undefined && d !== null && (d.kind === 'percent' ? d.bp > 0 : d.amountMinor > 0);
const blank = (reason: string | undefined): boolean => reason === undefined || reason.trim() === '';

/**
 * Every discount given needs its reason (damaged, loyalty, staff...): a discount without one is a loss
 * nobody can explain afterwards. 422 DISCOUNT_REASON_REQUIRED naming the line, or the sale discount.
 */
export function assertDiscountReasons(cart: CartInput): void {
  for (const line of cart.lines) {
    if (gives(line.discount) && blank(line.discountReason)) {
      throw new BusinessRuleError('DISCOUNT_REASON_REQUIRED', 'Give a reason for the line discount', {
        lineId: line.id,
      });
    }
  }
  if (gives(cart.saleDiscount) && blank(cart.saleDiscountReason)) {
    throw new BusinessRuleError('DISCOUNT_REASON_REQUIRED', 'Give a reason for the sale discount', {
      saleDiscount: true,
    });
  }
}

/**
 * A percent discount is judged by its rate (10 % is within a 10 % limit even when rounding makes it a
 * unit more); an amount discount by its share of what it is taken off.
 */
function aboveLimit(json: string | null, discountMinor: number, baseMinor: number, limitBp: number): boolean {
  if (json === null || discountMinor <= 0) return false;
  const discount = JSON.parse(json) as Discount;
  if (discount.kind === 'percent') return discount.bp > limitBp;
  return BigInt(discountMinor) * 10_000n > BigInt(limitBp) * BigInt(baseMinor);
}
