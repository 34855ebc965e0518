import type { SaleLineRow } from '../../db/sales-queries.js';
import { divRound } from '../../domain/money.js';
import { computeSaleTotals, type Discount, type TotalsLineInput } from '../../domain/sale-totals.js';
import type { TaxMode } from '../../domain/tax.js';
import type { LinePromotionResult } from '../../domain/promotions/index.js';
import { BusinessRuleError } from '../../errors.js';

type Computed =
  | 'gross_minor'
  | 'promotion_discount_minor'
  | 'promotions'
  | 'line_discount_minor'
  | 'sale_discount_minor'
  | 'net_minor'
  | 'tax_minor'
  | 'total_minor';

/** What the promotion engine gave a line (hub/domain/promotions); absent means none. */
export type LinePromotions = ReadonlyMap<string, LinePromotionResult>;

/** A line with everything but the figures computeSaleTotals works out. */
export type LineDraft = Omit<SaleLineRow, Computed>;

export interface PricedCart {
  lines: SaleLineRow[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/**
 * What the totals code is given for a line. The price the hub decoded from a scanned label is the line
 * amount as printed (one unit at that price), while the line keeps its real quantity (grams) for the
 * stock ledger.
 */
export function totalsInputOf(line: LineDraft, promotionDiscountMinor = 0): TotalsLineInput {
  const discount = line.discount === null ? null : (JSON.parse(line.discount) as Discount);
  if (line.embedded_price_minor !== null) {
    return {
      key: line.id,
      unitPriceMinor: line.embedded_price_minor,
      quantity: 1,
      measured: false,
      taxRateBp: line.tax_rate_bp,
      discount,
      promotionDiscountMinor,
    };
  }
  return {
    key: line.id,
    unitPriceMinor: line.unit_price_minor,
    quantity: line.quantity,
    measured: line.measured === 1,
    taxRateBp: line.tax_rate_bp,
    discount,
    promotionDiscountMinor,
  };
}

/** The gross amount of a line before discounts, as computeSaleTotals will compute it. */
export function grossOf(line: LineDraft): number {
  const input = totalsInputOf(line);
  const product = BigInt(input.unitPriceMinor) * BigInt(input.quantity);
  return Number(input.measured ? divRound(product, 1000n) : product);
}

/**
 * Prices the active lines with the one totals function; removed lines keep the figures they had when
 * they were removed and count for nothing.
 */
export function priceCart(
  taxMode: TaxMode,
  saleDiscount: Discount | null,
  active: readonly LineDraft[],
  removed: readonly SaleLineRow[],
  promotions: LinePromotions = new Map(),
): PricedCart {
  const result = computeSaleTotals({
    taxMode,
    saleDiscount,
    lines: active.map((line) => totalsInputOf(line, promotions.get(line.id)?.discountMinor ?? 0)),
  });
  if (!result.ok) {
    throw new BusinessRuleError(
      result.code,
      result.message,
      result.key === undefined ? {} : { lineId: result.key },
    );
  }
  const byKey = new Map(result.totals.lines.map((l) => [l.key, l]));
  const priced = active.map((draft): SaleLineRow => {
    const t = byKey.get(draft.id);
    if (t === undefined) throw new Error(`totals lost line ${draft.id}`);
    return {
      ...draft,
      gross_minor: t.grossMinor,
      promotion_discount_minor: t.promotionDiscountMinor,
      promotions: JSON.stringify(promotions.get(draft.id)?.applied ?? []),
      line_discount_minor: t.lineDiscountMinor,
      sale_discount_minor: t.saleDiscountMinor,
      net_minor: t.netMinor,
      tax_minor: t.taxMinor,
      total_minor: t.totalMinor,
    };
  });
  return {
    lines: [...priced, ...removed].sort((a, b) => a.line_no - b.line_no),
    subtotalMinor: result.totals.subtotalMinor,
    discountMinor: result.totals.discountMinor,
    taxMinor: result.totals.taxMinor,
    totalMinor: result.totals.totalMinor,
  };
}
