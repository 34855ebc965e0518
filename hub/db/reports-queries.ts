// Read-only SQL of the reports, over the summaries of 060_reports.sql. Returns are subtracted here
// (they are stored positive), so every figure is "sales minus returns" unless the name says otherwise.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface FactFilter {
  /** Local hour numbers: from included, to excluded. */
  fromHour: number;
  toHour: number;
  tillId: string | null;
  staffId: string | null;
  categoryId: string | null;
}

export interface PeriodRow {
  hour: number;
  kind: 'sale' | 'return';
  docs: number;
  lines: number;
  items: number;
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  costMinor: number;
}

const WHO = `(@tillId IS NULL OR till_id = @tillId) AND (@staffId IS NULL OR staff_id = @staffId)`;

/** Hour by hour; without a category filter from the document summary, else from the line summary. */
export function selectPeriodRows(db: Db, f: FactFilter): PeriodRow[] {
  if (f.categoryId === null) {
    return stmt<FactFilter, PeriodRow>(
      db,
      `SELECT hour, kind, sum(docs) AS docs, sum(lines) AS lines, sum(items) AS items,
              sum(gross_minor) AS grossMinor, sum(discount_minor) AS discountMinor, sum(tax_minor) AS taxMinor,
              sum(total_minor) AS totalMinor, sum(cost_minor) AS costMinor
         FROM report_doc_hours
        WHERE hour >= @fromHour AND hour < @toHour AND ${WHO} AND @categoryId IS NULL
        GROUP BY hour, kind`,
    ).all(f);
  }
  return stmt<FactFilter, PeriodRow>(
    db,
    `SELECT hour, kind, sum(docs) AS docs, sum(lines) AS lines, sum(items) AS items,
            sum(gross_minor) AS grossMinor,
            sum(promotion_discount_minor + line_discount_minor + sale_discount_minor) AS discountMinor,
            sum(tax_minor) AS taxMinor, sum(total_minor) AS totalMinor, sum(cost_minor) AS costMinor
       FROM report_line_hours
      WHERE hour >= @fromHour AND hour < @toHour AND ${WHO} AND category_id = @categoryId
      GROUP BY hour, kind`,
  ).all(f);
}

export type ProductSort = 'revenue' | 'quantity' | 'margin';

export interface ProductRow {
  productId: string;
  sku: string | null;
  name: string | null;
  categoryId: string;
  quantity: number;
  returnedQuantity: number;
  lines: number;
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  costMinor: number;
  marginMinor: number;
}

/**
 * Which product rows answer a filter: the store-wide '*' rows when neither till nor staff is chosen,
 * else the per-till-and-staff rows. Each variant is plain equality on the key's first columns, so SQLite
 * reads only the matching range of the primary key.
 */
function productScope(f: FactFilter): string {
  if (f.tillId === null && f.staffId === null) return `till_id = '*' AND staff_id = '*'`;
  if (f.staffId === null) return `till_id = @tillId AND staff_id <> '*'`;
  if (f.tillId === null) return `till_id <> '*' AND staff_id = @staffId`;
  return `till_id = @tillId AND staff_id = @staffId`;
}

/**
 * A day range cut into whole calendar months (read from report_product_months) and the days before and
 * after them (from report_product_days). Ends are exclusive.
 */
export interface ProductSpan {
  headFrom: number;
  headTo: number;
  monthFrom: number;
  monthTo: number;
  tailFrom: number;
  tailTo: number;
}

type ProductParams = FactFilter & ProductSpan;

const PRODUCT_COLUMNS = `product_id, kind, category_id, lines, quantity, gross_minor, discount_minor, tax_minor,
  total_minor, cost_minor`;

function productSource(f: FactFilter): string {
  const scope = productScope(f);
  return `SELECT ${PRODUCT_COLUMNS} FROM report_product_days WHERE ${scope} AND day >= @headFrom AND day < @headTo
    UNION ALL
    SELECT ${PRODUCT_COLUMNS} FROM report_product_months WHERE ${scope} AND month >= @monthFrom AND month < @monthTo
    UNION ALL
    SELECT ${PRODUCT_COLUMNS} FROM report_product_days WHERE ${scope} AND day >= @tailFrom AND day < @tailTo`;
}

const SIGN = `(CASE kind WHEN 'sale' THEN 1 ELSE -1 END)`;

/** One page of ranked products, and the totals over every product of the filter, read in one pass. */
export function selectProductPage(
  db: Db,
  f: FactFilter,
  span: ProductSpan,
  sort: ProductSort,
  descending: boolean,
  limit: number,
  offset: number,
): { rows: ProductRow[]; totals: ProductTotals | null } {
  const column = { revenue: 'g.totalMinor - g.taxMinor', quantity: 'g.quantity', margin: 'g.marginMinor' }[
    sort
  ];
  const direction = descending ? 'DESC' : 'ASC';
  // The window sums run over every group before LIMIT: the totals need no second pass over the rows.
  const raw = stmt<ProductParams & { limit: number; offset: number }, ProductRow & WindowTotals>(
    db,
    `SELECT g.*, p.sku, p.name, count(*) OVER () AS allProducts, sum(g.quantity) OVER () AS allQuantity,
            sum(g.taxMinor) OVER () AS allTaxMinor, sum(g.totalMinor) OVER () AS allTotalMinor,
            sum(g.costMinor) OVER () AS allCostMinor
       FROM (
       SELECT product_id AS productId, max(category_id) AS categoryId,
              sum(${SIGN} * quantity) AS quantity,
              sum(CASE kind WHEN 'return' THEN quantity ELSE 0 END) AS returnedQuantity,
              sum(CASE kind WHEN 'sale' THEN lines ELSE 0 END) AS lines,
              sum(${SIGN} * gross_minor) AS grossMinor, sum(${SIGN} * discount_minor) AS discountMinor,
              sum(${SIGN} * tax_minor) AS taxMinor, sum(${SIGN} * total_minor) AS totalMinor,
              sum(${SIGN} * cost_minor) AS costMinor,
              sum(${SIGN} * (total_minor - tax_minor - cost_minor)) AS marginMinor
         FROM (${productSource(f)})
        WHERE @categoryId IS NULL OR category_id = @categoryId
        GROUP BY product_id) g
     LEFT JOIN products p ON p.id = g.productId
     ORDER BY ${column} ${direction}, g.productId
     LIMIT @limit OFFSET @offset`,
  ).all({ ...f, ...span, limit, offset });
  const first = raw[0];
  const totals =
    first === undefined
      ? null
      : {
          products: first.allProducts,
          quantity: first.allQuantity,
          taxMinor: first.allTaxMinor,
          totalMinor: first.allTotalMinor,
          costMinor: first.allCostMinor,
        };
  const rows = raw.map(
    ({ allProducts: _p, allQuantity: _q, allTaxMinor: _t, allTotalMinor: _s, allCostMinor: _c, ...row }) =>
      row,
  );
  return { rows, totals };
}

interface WindowTotals {
  allProducts: number;
  allQuantity: number;
  allTaxMinor: number;
  allTotalMinor: number;
  allCostMinor: number;
}

export interface ProductTotals {
  products: number;
  quantity: number;
  taxMinor: number;
  totalMinor: number;
  costMinor: number;
}

export function selectProductTotals(db: Db, f: FactFilter, span: ProductSpan): ProductTotals {
  return (
    stmt<ProductParams, ProductTotals>(
      db,
      `SELECT count(DISTINCT product_id) AS products, coalesce(sum(${SIGN} * quantity), 0) AS quantity,
              coalesce(sum(${SIGN} * tax_minor), 0) AS taxMinor,
              coalesce(sum(${SIGN} * total_minor), 0) AS totalMinor,
              coalesce(sum(${SIGN} * cost_minor), 0) AS costMinor
         FROM (${productSource(f)})
        WHERE @categoryId IS NULL OR category_id = @categoryId`,
    ).get({ ...f, ...span }) ?? { products: 0, quantity: 0, taxMinor: 0, totalMinor: 0, costMinor: 0 }
  );
}

export interface CategoryRow {
  categoryId: string;
  name: string | null;
  lines: number;
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  costMinor: number;
}

/** Categories from the product summaries (a product's category as it was when sold). */
export function selectCategoryRows(db: Db, f: FactFilter, span: ProductSpan): CategoryRow[] {
  return stmt<ProductParams, CategoryRow>(
    db,
    `SELECT g.*, c.name FROM (
       SELECT category_id AS categoryId, sum(CASE kind WHEN 'sale' THEN lines ELSE 0 END) AS lines,
              sum(${SIGN} * gross_minor) AS grossMinor, sum(${SIGN} * discount_minor) AS discountMinor,
              sum(${SIGN} * tax_minor) AS taxMinor, sum(${SIGN} * total_minor) AS totalMinor,
              sum(${SIGN} * cost_minor) AS costMinor
         FROM (${productSource(f)})
        WHERE @categoryId IS NULL OR category_id = @categoryId
        GROUP BY category_id) g
     LEFT JOIN categories c ON c.id = g.categoryId
     ORDER BY g.totalMinor DESC, g.categoryId`,
  ).all({ ...f, ...span });
}

const LINE_WHERE = `hour >= @fromHour AND hour < @toHour AND ${WHO}
   AND (@categoryId IS NULL OR category_id = @categoryId)`;

export interface TaxRow {
  taxRateBp: number;
  kind: 'sale' | 'return';
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** netMinor here is the amount before tax (total - tax) whatever the store's tax mode. */
export function selectTaxRows(db: Db, f: FactFilter): TaxRow[] {
  return stmt<FactFilter, TaxRow>(
    db,
    `SELECT tax_rate_bp AS taxRateBp, kind, sum(total_minor - tax_minor) AS netMinor, sum(tax_minor) AS taxMinor,
            sum(total_minor) AS totalMinor
       FROM report_line_hours WHERE ${LINE_WHERE} GROUP BY tax_rate_bp, kind ORDER BY tax_rate_bp DESC, kind`,
  ).all(f);
}

export interface PaymentRow {
  tenderId: string;
  name: string | null;
  tenderKind: string;
  direction: 'charge' | 'refund';
  payments: number;
  amountMinor: number;
}

export function selectPaymentRows(db: Db, f: FactFilter): PaymentRow[] {
  return stmt<FactFilter, PaymentRow>(
    db,
    `SELECT g.*, t.name FROM (
       SELECT tender_id AS tenderId, max(tender_kind) AS tenderKind, direction, sum(payments) AS payments,
              sum(amount_minor) AS amountMinor
         FROM report_payment_hours WHERE hour >= @fromHour AND hour < @toHour AND ${WHO}
        GROUP BY tender_id, direction) g
     LEFT JOIN tenders t ON t.id = g.tenderId
     ORDER BY g.direction, g.amountMinor DESC`,
  ).all(f);
}

export interface DiscountDayRow {
  day: number;
  promotionMinor: number;
  lineMinor: number;
  saleMinor: number;
  grossMinor: number;
}

/** Discounts given on sales (returns hand their share back, and are shown on the refunds report). */
export function selectDiscountDays(db: Db, f: FactFilter): DiscountDayRow[] {
  return stmt<FactFilter, DiscountDayRow>(
    db,
    `SELECT hour / 24 AS day, sum(promotion_discount_minor) AS promotionMinor, sum(line_discount_minor) AS lineMinor,
            sum(sale_discount_minor) AS saleMinor, sum(gross_minor) AS grossMinor
       FROM report_line_hours WHERE ${LINE_WHERE} AND kind = 'sale' GROUP BY hour / 24 ORDER BY day`,
  ).all(f);
}

/** Instants (UTC ISO) bounding the same local range, for tables kept by timestamp. */
export interface InstantFilter {
  fromAt: string;
  toAt: string;
  tillId: string | null;
  staffId: string | null;
}

export interface VoidRow {
  saleId: string;
  voidedAt: string;
  tillId: string;
  tillName: string | null;
  staffId: string;
  staffName: string | null;
  voidedBy: string | null;
  voidedByName: string | null;
  lines: number;
  totalMinor: number;
}

export function selectVoids(db: Db, f: InstantFilter, limit: number): VoidRow[] {
  return stmt<InstantFilter & { limit: number }, VoidRow>(
    db,
    `SELECT s.id AS saleId, s.voided_at AS voidedAt, s.till_id AS tillId, t.name AS tillName, s.staff_id AS staffId,
            st.name AS staffName, s.voided_by AS voidedBy, vb.name AS voidedByName,
            (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id AND l.status = 'active') AS lines,
            s.total_minor AS totalMinor
       FROM sales s
       LEFT JOIN tills t ON t.id = s.till_id
       LEFT JOIN staff st ON st.id = s.staff_id
       LEFT JOIN staff vb ON vb.id = s.voided_by
      WHERE s.status = 'voided' AND s.voided_at >= @fromAt AND s.voided_at < @toAt
        AND (@tillId IS NULL OR s.till_id = @tillId) AND (@staffId IS NULL OR s.staff_id = @staffId)
      ORDER BY s.voided_at DESC LIMIT @limit`,
  ).all({ ...f, limit });
}

export function selectVoidTotals(db: Db, f: InstantFilter): { count: number; totalMinor: number } {
  return (
    stmt<InstantFilter, { count: number; totalMinor: number }>(
      db,
      `SELECT count(*) AS count, coalesce(sum(total_minor), 0) AS totalMinor FROM sales
        WHERE status = 'voided' AND voided_at >= @fromAt AND voided_at < @toAt
          AND (@tillId IS NULL OR till_id = @tillId) AND (@staffId IS NULL OR staff_id = @staffId)`,
    ).get(f) ?? { count: 0, totalMinor: 0 }
  );
}

export interface RemovedLinesRow {
  staffId: string | null;
  staffName: string | null;
  lines: number;
  grossMinor: number;
}

/** Lines scanned and then removed from a sale, by who removed them. */
export function selectRemovedLines(db: Db, f: InstantFilter): RemovedLinesRow[] {
  return stmt<InstantFilter, RemovedLinesRow>(
    db,
    `SELECT l.removed_by AS staffId, st.name AS staffName, count(*) AS lines, sum(l.gross_minor) AS grossMinor
       FROM sale_lines l JOIN sales s ON s.id = l.sale_id
       LEFT JOIN staff st ON st.id = l.removed_by
      WHERE l.status = 'removed' AND l.removed_at >= @fromAt AND l.removed_at < @toAt
        AND (@tillId IS NULL OR s.till_id = @tillId) AND (@staffId IS NULL OR s.staff_id = @staffId)
      GROUP BY l.removed_by ORDER BY lines DESC`,
  ).all(f);
}

export interface ReturnReasonRow {
  reason: string;
  lines: number;
  quantity: number;
  totalMinor: number;
}

export function selectReturnReasons(
  db: Db,
  f: InstantFilter & { categoryId: string | null },
): ReturnReasonRow[] {
  return stmt<InstantFilter & { categoryId: string | null }, ReturnReasonRow>(
    db,
    `SELECT coalesce(l.return_reason, '') AS reason, count(*) AS lines, sum(l.quantity) AS quantity,
            sum(l.total_minor) AS totalMinor
       FROM sales s JOIN sale_lines l ON l.sale_id = s.id AND l.status = 'active'
       JOIN products p ON p.id = l.product_id LEFT JOIN products pp ON pp.id = p.parent_id
      WHERE s.kind = 'return' AND s.status = 'completed' AND s.completed_at >= @fromAt AND s.completed_at < @toAt
        AND (@tillId IS NULL OR s.till_id = @tillId) AND (@staffId IS NULL OR s.staff_id = @staffId)
        AND (@categoryId IS NULL OR coalesce(p.category_id, pp.category_id, '') = @categoryId)
      GROUP BY reason ORDER BY totalMinor DESC`,
  ).all(f);
}

export interface CashSessionRow {
  id: string;
  tillId: string;
  tillName: string | null;
  status: 'open' | 'closed';
  openedAt: string;
  openedBy: string;
  openedByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  floatMinor: number;
  expectedMinor: number | null;
  countedMinor: number | null;
  differenceMinor: number | null;
  zNumber: number | null;
  grandTotalMinor: number | null;
}

const SESSION_WHERE = `cs.opened_at >= @fromAt AND cs.opened_at < @toAt AND (@tillId IS NULL OR cs.till_id = @tillId)
   AND (@staffId IS NULL OR cs.opened_by = @staffId OR cs.closed_by = @staffId)`;

export function selectCashSessions(
  db: Db,
  f: InstantFilter,
  limit: number,
  offset: number,
): CashSessionRow[] {
  return stmt<InstantFilter & { limit: number; offset: number }, CashSessionRow>(
    db,
    `SELECT cs.id, cs.till_id AS tillId, t.name AS tillName, cs.status, cs.opened_at AS openedAt,
            cs.opened_by AS openedBy, ob.name AS openedByName, cs.closed_at AS closedAt, cb.name AS closedByName,
            cs.float_minor AS floatMinor, cs.expected_minor AS expectedMinor, cs.counted_minor AS countedMinor,
            cs.difference_minor AS differenceMinor, z.number AS zNumber, z.grand_total_minor AS grandTotalMinor
       FROM cash_sessions cs
       LEFT JOIN tills t ON t.id = cs.till_id
       LEFT JOIN staff ob ON ob.id = cs.opened_by
       LEFT JOIN staff cb ON cb.id = cs.closed_by
       LEFT JOIN z_reports z ON z.session_id = cs.id
      WHERE ${SESSION_WHERE}
      ORDER BY cs.opened_at DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...f, limit, offset });
}

export function selectCashSessionTotals(
  db: Db,
  f: InstantFilter,
): { count: number; differenceMinor: number; open: number } {
  return (
    stmt<InstantFilter, { count: number; differenceMinor: number; open: number }>(
      db,
      `SELECT count(*) AS count, coalesce(sum(cs.difference_minor), 0) AS differenceMinor,
              coalesce(sum(cs.status = 'open'), 0) AS open
         FROM cash_sessions cs WHERE ${SESSION_WHERE}`,
    ).get(f) ?? { count: 0, differenceMinor: 0, open: 0 }
  );
}

export interface LowStockRow {
  productId: string;
  sku: string;
  name: string;
  categoryId: string | null;
  onHand: number;
  reorderPoint: number;
}

/** Active products at or below their reorder point, lowest first (the stock ledger summed per product). */
export function selectLowStock(
  db: Db,
  categoryId: string | null,
  limit: number,
  offset: number,
): LowStockRow[] {
  return stmt<{ categoryId: string | null; limit: number; offset: number }, LowStockRow>(
    db,
    `SELECT p.id AS productId, p.sku, p.name, p.category_id AS categoryId,
            coalesce((SELECT sum(m.quantity) FROM stock_movements m WHERE m.product_id = p.id), 0) AS onHand,
            p.reorder_point AS reorderPoint
       FROM products p
      WHERE p.active = 1 AND p.reorder_point IS NOT NULL AND (@categoryId IS NULL OR p.category_id = @categoryId)
        AND coalesce((SELECT sum(m.quantity) FROM stock_movements m WHERE m.product_id = p.id), 0) <= p.reorder_point
      ORDER BY onHand, p.name LIMIT @limit OFFSET @offset`,
  ).all({ categoryId, limit, offset });
}

export function countLowStock(db: Db, categoryId: string | null): number {
  return (
    stmt<{ categoryId: string | null }, { n: number }>(
      db,
      `SELECT count(*) AS n FROM products p
        WHERE p.active = 1 AND p.reorder_point IS NOT NULL AND (@categoryId IS NULL OR p.category_id = @categoryId)
          AND coalesce((SELECT sum(m.quantity) FROM stock_movements m WHERE m.product_id = p.id), 0) <= p.reorder_point`,
    ).get({ categoryId })?.n ?? 0
  );
}
