import type { Db } from './connection.js';

export type StoreCreditEntryKind = 'issue' | 'redeem' | 'reversal';

export interface StoreCreditRow {
  code: string;
  currency: string;
  issued_sale_id: string | null;
  created_at: string;
}

export interface StoreCreditEntryRow {
  id: string;
  code: string;
  kind: StoreCreditEntryKind;
  amount_minor: number;
  sale_id: string | null;
  payment_id: string | null;
  staff_id: string | null;
  at: string;
}

export function selectStoreCredit(db: Db, code: string): StoreCreditRow | undefined {
  return db.prepare<[string], StoreCreditRow>('SELECT * FROM store_credits WHERE code = ?').get(code);
}

export function insertStoreCredit(db: Db, row: StoreCreditRow): void {
  db.prepare(
    `INSERT INTO store_credits (code, currency, issued_sale_id, created_at)
     VALUES (@code, @currency, @issued_sale_id, @created_at) ON CONFLICT (code) DO NOTHING`,
  ).run(row);
}

/** The balance is the sum of the ledger, read inside the caller's transaction. */
export function selectStoreCreditBalance(db: Db, code: string): number {
  return (
    db
      .prepare<[string], { n: number | null }>(
        'SELECT sum(amount_minor) AS n FROM store_credit_entries WHERE code = ?',
      )
      .get(code)?.n ?? 0
  );
}

export function selectStoreCreditEntries(db: Db, code: string): StoreCreditEntryRow[] {
  return db
    .prepare<[string], StoreCreditEntryRow>(
      'SELECT * FROM store_credit_entries WHERE code = ? ORDER BY at, rowid',
    )
    .all(code);
}

export function selectEntryForPayment(
  db: Db,
  paymentId: string,
  kind: StoreCreditEntryKind,
): StoreCreditEntryRow | undefined {
  return db
    .prepare<[string, string], StoreCreditEntryRow>(
      'SELECT * FROM store_credit_entries WHERE payment_id = ? AND kind = ?',
    )
    .get(paymentId, kind);
}

export function insertStoreCreditEntry(db: Db, row: StoreCreditEntryRow): void {
  db.prepare(
    `INSERT INTO store_credit_entries (id, code, kind, amount_minor, sale_id, payment_id, staff_id, at)
     VALUES (@id, @code, @kind, @amount_minor, @sale_id, @payment_id, @staff_id, @at)`,
  ).run(row);
}
