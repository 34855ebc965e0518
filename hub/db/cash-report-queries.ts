// The figures of an X or Z report, read from the sales tables of one cash session. Returns are stored with
// positive amounts (the kind gives the sign), so each query keeps sales and returns apart and the report
// code decides how they combine.
import type { Db } from './connection.js';

export interface SalesKindTotals {
  kind: 'sale' | 'return';
  count: number;
  total_minor: number;
  discount_minor: number;
  rounding_minor: number;
}

export function selectSalesTotals(db: Db, sessionId: string): SalesKindTotals[] {
  return db
    .prepare<[string], SalesKindTotals>(
      `SELECT kind, COUNT(*) AS count, COALESCE(SUM(total_minor), 0) AS total_minor,
              COALESCE(SUM(discount_minor), 0) AS discount_minor, COALESCE(SUM(rounding_minor), 0) AS rounding_minor
       FROM sales WHERE cash_session_id = ? AND status = 'completed' GROUP BY kind ORDER BY kind`,
    )
    .all(sessionId);
}

export interface TenderTotals {
  tender_id: string;
  tender_kind: string;
  name: string | null;
  direction: 'charge' | 'refund';
  count: number;
  amount_minor: number;
}

/** Approved payments only: a declined or cancelled attempt moved no money. */
export function selectTenderTotals(db: Db, sessionId: string): TenderTotals[] {
  return db
    .prepare<[string], TenderTotals>(
      `SELECT p.tender_id, p.tender_kind, t.name, p.direction, COUNT(*) AS count,
              COALESCE(SUM(p.amount_minor), 0) AS amount_minor
       FROM payments p
       JOIN sales s ON s.id = p.sale_id
       LEFT JOIN tenders t ON t.id = p.tender_id
       WHERE s.cash_session_id = ? AND s.status = 'completed' AND p.status = 'approved'
       GROUP BY p.tender_id, p.tender_kind, t.name, p.direction
       ORDER BY p.tender_kind, p.tender_id, p.direction`,
    )
    .all(sessionId);
}

export interface TaxRateTotals {
  kind: 'sale' | 'return';
  tax_rate_bp: number;
  tax_minor: number;
  gross_minor: number;
}

/** Per rate: tax and what the customer paid for those lines (net of tax = gross - tax, either tax mode). */
export function selectTaxTotals(db: Db, sessionId: string): TaxRateTotals[] {
  return db
    .prepare<[string], TaxRateTotals>(
      `SELECT s.kind, l.tax_rate_bp, COALESCE(SUM(l.tax_minor), 0) AS tax_minor,
              COALESCE(SUM(l.total_minor), 0) AS gross_minor
       FROM sale_lines l JOIN sales s ON s.id = l.sale_id
       WHERE s.cash_session_id = ? AND s.status = 'completed' AND l.status = 'active'
       GROUP BY s.kind, l.tax_rate_bp ORDER BY l.tax_rate_bp`,
    )
    .all(sessionId);
}

/**
 * Voided sales of the session. A sale voided before completion may never have been given a session, so
 * those are matched by till and by the session's time span instead.
 */
export function countVoidedSales(
  db: Db,
  sessionId: string,
  tillId: string,
  fromAt: string,
  toAt: string,
): number {
  return (
    db
      .prepare<[string, string, string, string], { n: number }>(
        `SELECT COUNT(*) AS n FROM sales
         WHERE status = 'voided' AND kind = 'sale'
           AND (cash_session_id = ?
                OR (cash_session_id IS NULL AND till_id = ? AND voided_at >= ? AND voided_at <= ?))`,
      )
      .get(sessionId, tillId, fromAt, toAt)?.n ?? 0
  );
}
