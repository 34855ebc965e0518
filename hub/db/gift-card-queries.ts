import type { Db } from './connection.js';

export type GiftCardEntryKind = 'load' | 'redeem' | 'reversal' | 'adjust';

export interface GiftCardRow {
  code: string;
  currency: string;
  activated_sale_id: string | null;
  created_at: string;
}

export interface GiftCardEntryRow {
  id: string;
  code: string;
  kind: GiftCardEntryKind;
  amount_minor: number;
  sale_id: string | null;
  line_id: string | null;
  payment_id: string | null;
  staff_id: string | null;
  note: string;
  at: string;
}

export interface GiftCardListRow extends GiftCardRow {
  balance_minor: number;
  last_at: string;
}

export function selectGiftCard(db: Db, code: string): GiftCardRow | undefined {
  return db.prepare<[string], GiftCardRow>('SELECT * FROM gift_cards WHERE code = ?').get(code);
}

export function insertGiftCard(db: Db, row: GiftCardRow): void {
  db.prepare(
    `INSERT INTO gift_cards (code, currency, activated_sale_id, created_at)
     VALUES (@code, @currency, @activated_sale_id, @created_at) ON CONFLICT (code) DO NOTHING`,
  ).run(row);
}

/** The balance is the sum of the ledger, read inside the caller's transaction. */
export function selectGiftCardBalance(db: Db, code: string): number {
  return (
    db
      .prepare<[string], { n: number | null }>(
        'SELECT sum(amount_minor) AS n FROM gift_card_entries WHERE code = ?',
      )
      .get(code)?.n ?? 0
  );
}

export function selectGiftCardEntries(db: Db, code: string): GiftCardEntryRow[] {
  return db
    .prepare<[string], GiftCardEntryRow>('SELECT * FROM gift_card_entries WHERE code = ? ORDER BY at, rowid')
    .all(code);
}

export function selectGiftCardEntryForPayment(
  db: Db,
  paymentId: string,
  kind: GiftCardEntryKind,
): GiftCardEntryRow | undefined {
  return db
    .prepare<[string, string], GiftCardEntryRow>(
      'SELECT * FROM gift_card_entries WHERE payment_id = ? AND kind = ?',
    )
    .get(paymentId, kind);
}

export function selectGiftCardEntryForLine(db: Db, lineId: string): GiftCardEntryRow | undefined {
  return db
    .prepare<[string], GiftCardEntryRow>('SELECT * FROM gift_card_entries WHERE line_id = ?')
    .get(lineId);
}

export function insertGiftCardEntry(db: Db, row: GiftCardEntryRow): void {
  db.prepare(
    `INSERT INTO gift_card_entries (id, code, kind, amount_minor, sale_id, line_id, payment_id, staff_id, note, at)
     VALUES (@id, @code, @kind, @amount_minor, @sale_id, @line_id, @payment_id, @staff_id, @note, @at)`,
  ).run(row);
}

/** Cards whose code starts with the prefix, newest activity first, with their balances. */
export function listGiftCards(
  db: Db,
  prefix: string,
  limit: number,
  offset: number,
): { rows: GiftCardListRow[]; total: number } {
  const upper = `${prefix}\u{10FFFF}`;
  const rows = db
    .prepare<[string, string, number, number], GiftCardListRow>(
      `SELECT g.*, coalesce(sum(e.amount_minor), 0) AS balance_minor, coalesce(max(e.at), g.created_at) AS last_at
       FROM gift_cards g LEFT JOIN gift_card_entries e ON e.code = g.code
       WHERE g.code >= ? AND g.code < ?
       GROUP BY g.code ORDER BY last_at DESC, g.code LIMIT ? OFFSET ?`,
    )
    .all(prefix, upper, limit, offset);
  const total =
    db
      .prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM gift_cards WHERE code >= ? AND code < ?',
      )
      .get(prefix, upper)?.n ?? 0;
  return { rows, total };
}

export interface GiftCardProductRow {
  product_id: string;
  sku: string;
  name: string;
  price_minor: number;
  active: number;
}

export function selectGiftCardProducts(db: Db): GiftCardProductRow[] {
  return db
    .prepare<[], GiftCardProductRow>(
      `SELECT g.product_id, p.sku, p.name, p.price_minor, p.active
       FROM gift_card_products g JOIN products p ON p.id = g.product_id ORDER BY p.price_minor, p.name`,
    )
    .all();
}

export function isGiftCardProduct(db: Db, productId: string): boolean {
  return (
    db
      .prepare<[string], { n: number }>('SELECT 1 AS n FROM gift_card_products WHERE product_id = ?')
      .get(productId) !== undefined
  );
}

export function insertGiftCardProduct(db: Db, productId: string, at: string): boolean {
  return (
    db
      .prepare('INSERT INTO gift_card_products (product_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING')
      .run(productId, at).changes > 0
  );
}

export function deleteGiftCardProduct(db: Db, productId: string): boolean {
  return db.prepare('DELETE FROM gift_card_products WHERE product_id = ?').run(productId).changes > 0;
}

export function productExists(db: Db, productId: string): boolean {
  return (
    db.prepare<[string], { n: number }>('SELECT 1 AS n FROM products WHERE id = ?').get(productId) !==
    undefined
  );
}
