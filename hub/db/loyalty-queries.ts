import type { Db } from './connection.js';

export type LoyaltyEntryKind = 'earn' | 'return' | 'redeem' | 'reversal' | 'adjust' | 'merge';

export interface LoyaltyEntryRow {
  id: string;
  customer_id: string;
  kind: LoyaltyEntryKind;
  points: number;
  sale_id: string | null;
  payment_id: string | null;
  staff_id: string | null;
  note: string;
  at: string;
}

export function insertLoyaltyEntry(db: Db, row: LoyaltyEntryRow): void {
  db.prepare(
    `INSERT INTO loyalty_entries (id, customer_id, kind, points, sale_id, payment_id, staff_id, note, at)
     VALUES (@id, @customer_id, @kind, @points, @sale_id, @payment_id, @staff_id, @note, @at)`,
  ).run(row);
}

/** The balance is the sum of the ledger, read inside the caller's transaction. */
export function selectPointsBalance(db: Db, customerId: string): number {
  return (
    db
      .prepare<[string], { n: number | null }>(
        'SELECT sum(points) AS n FROM loyalty_entries WHERE customer_id = ?',
      )
      .get(customerId)?.n ?? 0
  );
}

/** Points earned over the customer's life, net of returns: what tiers are measured by. */
export function selectLifetimePoints(db: Db, customerId: string): number {
  return (
    db
      .prepare<[string], { n: number | null }>(
        "SELECT sum(points) AS n FROM loyalty_entries WHERE customer_id = ? AND kind IN ('earn', 'return')",
      )
      .get(customerId)?.n ?? 0
  );
}

export function selectLoyaltyEntries(
  db: Db,
  customerId: string,
  limit: number,
  offset: number,
): { rows: LoyaltyEntryRow[]; total: number } {
  const rows = db
    .prepare<[string, number, number], LoyaltyEntryRow>(
      'SELECT * FROM loyalty_entries WHERE customer_id = ? ORDER BY at DESC, rowid DESC LIMIT ? OFFSET ?',
    )
    .all(customerId, limit, offset);
  const total =
    db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM loyalty_entries WHERE customer_id = ?')
      .get(customerId)?.n ?? 0;
  return { rows, total };
}

export function selectEntryForSale(
  db: Db,
  saleId: string,
  kind: LoyaltyEntryKind,
): LoyaltyEntryRow | undefined {
  return db
    .prepare<[string, string], LoyaltyEntryRow>(
      'SELECT * FROM loyalty_entries WHERE sale_id = ? AND kind = ?',
    )
    .get(saleId, kind);
}

export function selectLoyaltyEntryForPayment(
  db: Db,
  paymentId: string,
  kind: LoyaltyEntryKind,
): LoyaltyEntryRow | undefined {
  return db
    .prepare<[string, string], LoyaltyEntryRow>(
      'SELECT * FROM loyalty_entries WHERE payment_id = ? AND kind = ?',
    )
    .get(paymentId, kind);
}

/** Points already taken back by completed returns of a sale (a negative number or 0). */
export function selectTakenBackForSale(db: Db, originalSaleId: string): number {
  return (
    db
      .prepare<[string], { n: number | null }>(
        `SELECT sum(e.points) AS n FROM loyalty_entries e JOIN sales s ON s.id = e.sale_id
         WHERE s.original_sale_id = ? AND e.kind = 'return'`,
      )
      .get(originalSaleId)?.n ?? 0
  );
}

export function readLoyaltySettingsJson(db: Db): string | undefined {
  return db.prepare<[], { settings: string }>('SELECT settings FROM loyalty_settings WHERE id = 1').get()
    ?.settings;
}

export function writeLoyaltySettingsJson(db: Db, json: string, at: string): void {
  db.prepare(
    `INSERT INTO loyalty_settings (id, settings, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  ).run(json, at);
}
