// Per-staff figures summed from the sales tables (sales, sale_lines): the performance report.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface StaffFiguresRow {
  staff_id: string;
  transactions: number;
  sales_minor: number;
  items: number;
  /** Discounts the person keyed in (line and sale discounts); promotions are counted apart. */
  discounts_minor: number;
  discounted_sales: number;
  promotions_minor: number;
  refunds: number;
  refunds_minor: number;
  voided_sales: number;
  voided_minor: number;
  removed_lines: number;
}

/**
 * One row per person with any activity in [from, to) (ISO instants). Sales and refunds belong to the
 * person who rang them up, and count when completed; a void belongs to who voided the sale, a removed line
 * to who removed it. A weighed line is one item; a piece line is its quantity.
 */
export function staffFigures(db: Db, from: string, to: string): StaffFiguresRow[] {
  return stmt<{ from: string; to: string }, StaffFiguresRow>(
    db,
    `WITH done AS (
       SELECT id, kind, staff_id, total_minor FROM sales
       WHERE status = 'completed' AND completed_at >= @from AND completed_at < @to
     ),
     sold AS (
       SELECT staff_id, count(*) AS transactions, sum(total_minor) AS sales_minor
       FROM done WHERE kind = 'sale' GROUP BY staff_id
     ),
     lines AS (
       SELECT d.staff_id,
         sum(CASE WHEN l.measured = 1 THEN 1 ELSE l.quantity END) AS items,
         sum(l.line_discount_minor + l.sale_discount_minor) AS discounts_minor,
         count(DISTINCT CASE WHEN l.line_discount_minor + l.sale_discount_minor > 0 THEN d.id END)
           AS discounted_sales,
         sum(l.promotion_discount_minor) AS promotions_minor
       FROM done d JOIN sale_lines l ON l.sale_id = d.id AND l.status = 'active'
       WHERE d.kind = 'sale' GROUP BY d.staff_id
     ),
     refunded AS (
       SELECT staff_id, count(*) AS refunds, sum(total_minor) AS refunds_minor
       FROM done WHERE kind = 'return' GROUP BY staff_id
     ),
     voided AS (
       SELECT coalesce(voided_by, staff_id) AS staff_id, count(*) AS voided_sales, sum(total_minor) AS voided_minor
       FROM sales WHERE status = 'voided' AND voided_at >= @from AND voided_at < @to GROUP BY 1
     ),
     removed AS (
       SELECT removed_by AS staff_id, count(*) AS removed_lines FROM sale_lines
       WHERE status = 'removed' AND removed_by IS NOT NULL AND removed_at >= @from AND removed_at < @to
       GROUP BY removed_by
     ),
     people AS (
       SELECT staff_id FROM sold UNION SELECT staff_id FROM refunded
       UNION SELECT staff_id FROM voided UNION SELECT staff_id FROM removed
     )
     SELECT p.staff_id,
       coalesce(sold.transactions, 0) AS transactions, coalesce(sold.sales_minor, 0) AS sales_minor,
       coalesce(lines.items, 0) AS items, coalesce(lines.discounts_minor, 0) AS discounts_minor,
       coalesce(lines.discounted_sales, 0) AS discounted_sales,
       coalesce(lines.promotions_minor, 0) AS promotions_minor,
       coalesce(refunded.refunds, 0) AS refunds, coalesce(refunded.refunds_minor, 0) AS refunds_minor,
       coalesce(voided.voided_sales, 0) AS voided_sales, coalesce(voided.voided_minor, 0) AS voided_minor,
       coalesce(removed.removed_lines, 0) AS removed_lines
     FROM people p
     LEFT JOIN sold ON sold.staff_id = p.staff_id
     LEFT JOIN lines ON lines.staff_id = p.staff_id
     LEFT JOIN refunded ON refunded.staff_id = p.staff_id
     LEFT JOIN voided ON voided.staff_id = p.staff_id
     LEFT JOIN removed ON removed.staff_id = p.staff_id`,
  ).all({ from, to });
}
