// SQL that keeps the report summaries (060_reports.sql) in step with completed documents. Each upsert
// adds a document's share to its row; nothing here reads a report.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface FactDocRow {
  id: string;
  kind: 'sale' | 'return';
  till_id: string;
  staff_id: string;
  completed_at: string;
  total_minor: number;
  rounding_minor: number;
}

export interface FactLineRow {
  product_id: string;
  category_id: string;
  measured: 0 | 1;
  quantity: number;
  gross_minor: number;
  promotion_discount_minor: number;
  line_discount_minor: number;
  sale_discount_minor: number;
  net_minor: number;
  tax_rate_bp: number;
  tax_minor: number;
  total_minor: number;
  cost_minor: number;
}

export interface FactPaymentRow {
  tender_id: string;
  tender_kind: string;
  direction: 'charge' | 'refund';
  amount_minor: number;
}

export function selectFactDoc(db: Db, saleId: string): FactDocRow | undefined {
  return stmt<[string], FactDocRow>(
    db,
    `SELECT id, kind, till_id, staff_id, completed_at, total_minor, rounding_minor
       FROM sales WHERE id = ? AND status = 'completed'`,
  ).get(saleId);
}

/**
 * Records each active line's unit cost now: a return's line takes its original line's cost (the goods
 * come back at what they cost when sold), anything else the product's cost at this moment.
 */
export function recordLineCosts(db: Db, saleId: string): void {
  stmt<[string]>(
    db,
    `UPDATE sale_lines
        SET unit_cost_minor = coalesce(
              (SELECT o.unit_cost_minor FROM sale_lines o WHERE o.id = sale_lines.original_line_id),
              (SELECT p.cost_minor FROM products p WHERE p.id = sale_lines.product_id), 0)
      WHERE sale_id = ? AND status = 'active'`,
  ).run(saleId);
  // Halves away from zero, as divRound: quantities and costs are never negative here.
  stmt<[string]>(
    db,
    `UPDATE sale_lines
        SET cost_minor = CASE WHEN measured = 1 THEN (unit_cost_minor * quantity + 500) / 1000
                              ELSE unit_cost_minor * quantity END
      WHERE sale_id = ? AND status = 'active'`,
  ).run(saleId);
}

/** Active lines with their product's category (a variant's own, else its style's). */
export function selectFactLines(db: Db, saleId: string): FactLineRow[] {
  return stmt<[string], FactLineRow>(
    db,
    `SELECT l.product_id, coalesce(p.category_id, pp.category_id, '') AS category_id, l.measured, l.quantity,
            l.gross_minor, l.promotion_discount_minor, l.line_discount_minor, l.sale_discount_minor,
            l.net_minor, l.tax_rate_bp, l.tax_minor, l.total_minor, coalesce(l.cost_minor, 0) AS cost_minor
       FROM sale_lines l
       JOIN products p ON p.id = l.product_id
       LEFT JOIN products pp ON pp.id = p.parent_id
      WHERE l.sale_id = ? AND l.status = 'active'`,
  ).all(saleId);
}

export function selectFactPayments(db: Db, saleId: string): FactPaymentRow[] {
  return stmt<[string], FactPaymentRow>(
    db,
    `SELECT tender_id, tender_kind, direction, amount_minor
       FROM payments WHERE sale_id = ? AND status = 'approved'`,
  ).all(saleId);
}

export interface LineHourDelta {
  hour: number;
  tillId: string;
  staffId: string;
  categoryId: string;
  taxRateBp: number;
  kind: string;
  /** Documents added by this delta (1 for one sale; more when a bulk load adds several at once). */
  docs: number;
  lines: number;
  items: number;
  grossMinor: number;
  promotionDiscountMinor: number;
  lineDiscountMinor: number;
  saleDiscountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  costMinor: number;
}

export function addLineHour(db: Db, d: LineHourDelta): void {
  stmt<LineHourDelta>(
    db,
    `INSERT INTO report_line_hours (hour, till_id, staff_id, category_id, tax_rate_bp, kind, docs, lines, items,
       gross_minor, promotion_discount_minor, line_discount_minor, sale_discount_minor, net_minor, tax_minor,
       total_minor, cost_minor)
     VALUES (@hour, @tillId, @staffId, @categoryId, @taxRateBp, @kind, @docs, @lines, @items, @grossMinor,
       @promotionDiscountMinor, @lineDiscountMinor, @saleDiscountMinor, @netMinor, @taxMinor, @totalMinor,
       @costMinor)
     ON CONFLICT DO UPDATE SET docs = docs + excluded.docs, lines = lines + excluded.lines, items = items + excluded.items,
       gross_minor = gross_minor + excluded.gross_minor,
       promotion_discount_minor = promotion_discount_minor + excluded.promotion_discount_minor,
       line_discount_minor = line_discount_minor + excluded.line_discount_minor,
       sale_discount_minor = sale_discount_minor + excluded.sale_discount_minor,
       net_minor = net_minor + excluded.net_minor, tax_minor = tax_minor + excluded.tax_minor,
       total_minor = total_minor + excluded.total_minor, cost_minor = cost_minor + excluded.cost_minor`,
  ).run(d);
}

export interface DocHourDelta {
  hour: number;
  tillId: string;
  staffId: string;
  kind: string;
  docs: number;
  lines: number;
  items: number;
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  costMinor: number;
  roundingMinor: number;
}

export function addDocHour(db: Db, d: DocHourDelta): void {
  stmt<DocHourDelta>(
    db,
    `INSERT INTO report_doc_hours (hour, till_id, staff_id, kind, docs, lines, items, gross_minor, discount_minor,
       tax_minor, total_minor, cost_minor, rounding_minor)
     VALUES (@hour, @tillId, @staffId, @kind, @docs, @lines, @items, @grossMinor, @discountMinor, @taxMinor,
       @totalMinor, @costMinor, @roundingMinor)
     ON CONFLICT DO UPDATE SET docs = docs + excluded.docs, lines = lines + excluded.lines, items = items + excluded.items,
       gross_minor = gross_minor + excluded.gross_minor, discount_minor = discount_minor + excluded.discount_minor,
       tax_minor = tax_minor + excluded.tax_minor, total_minor = total_minor + excluded.total_minor,
       cost_minor = cost_minor + excluded.cost_minor, rounding_minor = rounding_minor + excluded.rounding_minor`,
  ).run(d);
}

export interface ProductDayDelta {
  day: number;
  tillId: string;
  staffId: string;
  productId: string;
  kind: string;
  categoryId: string;
  lines: number;
  quantity: number;
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  costMinor: number;
}

export function addProductDay(db: Db, d: ProductDayDelta): void {
  stmt<ProductDayDelta>(db, productUpsert('report_product_days', 'day')).run(d);
}

/** The same delta into its month: `month` is year * 12 + month of year - 1. */
export function addProductMonth(db: Db, d: ProductDayDelta & { month: number }): void {
  const { day: _day, ...rest } = d;
  stmt<Omit<ProductDayDelta, 'day'> & { month: number }>(
    db,
    productUpsert('report_product_months', 'month'),
  ).run(rest);
}

function productUpsert(table: string, period: 'day' | 'month'): string {
  return `INSERT INTO ${table} (${period}, till_id, staff_id, product_id, kind, category_id, lines, quantity,
       gross_minor, discount_minor, tax_minor, total_minor, cost_minor)
     VALUES (@${period}, @tillId, @staffId, @productId, @kind, @categoryId, @lines, @quantity, @grossMinor,
       @discountMinor, @taxMinor, @totalMinor, @costMinor)
     ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, quantity = quantity + excluded.quantity,
       gross_minor = gross_minor + excluded.gross_minor, discount_minor = discount_minor + excluded.discount_minor,
       tax_minor = tax_minor + excluded.tax_minor, total_minor = total_minor + excluded.total_minor,
       cost_minor = cost_minor + excluded.cost_minor`;
}

export interface PaymentHourDelta {
  hour: number;
  tillId: string;
  staffId: string;
  tenderId: string;
  direction: string;
  tenderKind: string;
  payments: number;
  amountMinor: number;
}

export function addPaymentHour(db: Db, d: PaymentHourDelta): void {
  stmt<PaymentHourDelta>(
    db,
    `INSERT INTO report_payment_hours (hour, till_id, staff_id, tender_id, direction, tender_kind, payments,
       amount_minor)
     VALUES (@hour, @tillId, @staffId, @tenderId, @direction, @tenderKind, @payments, @amountMinor)
     ON CONFLICT DO UPDATE SET payments = payments + excluded.payments,
       amount_minor = amount_minor + excluded.amount_minor`,
  ).run(d);
}

export function reportsBuilt(db: Db): boolean {
  return stmt<[], { built: number }>(db, 'SELECT built FROM report_state WHERE id = 1').get()?.built === 1;
}

/** Empties the summaries before a rebuild from the documents. */
export function clearReportFacts(db: Db): void {
  for (const table of [
    'report_line_hours',
    'report_doc_hours',
    'report_product_days',
    'report_payment_hours',
  ]) {
    db.prepare(`DELETE FROM ${table}`).run();
  }
}

export function markReportsBuilt(db: Db): void {
  stmt(db, 'UPDATE report_state SET built = 1 WHERE id = 1').run();
}

export function completedDocIds(db: Db): string[] {
  return stmt<[], { id: string }>(db, "SELECT id FROM sales WHERE status = 'completed' ORDER BY completed_at")
    .all()
    .map((r) => r.id);
}
