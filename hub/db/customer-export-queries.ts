import type { Db } from './connection.js';

export interface CustomerExportRow {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  tax_id: string | null;
  marketing_consent: number;
  consent_at: string | null;
  created_at: string;
  points: number;
  lifetime_points: number;
  purchases: number;
  net_minor: number;
  last_purchase_at: string | null;
}

/**
 * Every customer (or only those who consented to marketing) with their points and lifetime value, one
 * row at a time in name order: the export of a large store never holds the table in memory twice.
 */
export function iterateCustomerExport(db: Db, consentedOnly: boolean): IterableIterator<CustomerExportRow> {
  return db
    .prepare<[number], CustomerExportRow>(
      `SELECT c.id, c.name, c.phone, c.email, c.tax_id, c.marketing_consent, c.consent_at, c.created_at,
         (SELECT coalesce(sum(points), 0) FROM loyalty_entries WHERE customer_id = c.id) AS points,
         (SELECT coalesce(sum(points), 0) FROM loyalty_entries
           WHERE customer_id = c.id AND kind IN ('earn', 'return')) AS lifetime_points,
         (SELECT count(*) FROM sales WHERE customer_id = c.id AND status = 'completed' AND kind = 'sale') AS purchases,
         (SELECT coalesce(sum(CASE kind WHEN 'sale' THEN total_minor ELSE -total_minor END), 0) FROM sales
           WHERE customer_id = c.id AND status = 'completed') AS net_minor,
         (SELECT max(completed_at) FROM sales WHERE customer_id = c.id AND status = 'completed') AS last_purchase_at
       FROM customers c WHERE c.marketing_consent >= ? ORDER BY c.name_key, c.id`,
    )
    .iterate(consentedOnly ? 1 : 0);
}
