import type { Db } from './connection.js';

// What a sale reads from the catalog and writes into other areas' ledgers (stock, cash) when it completes.

export interface SaleProductRow {
  id: string;
  sku: string;
  name: string;
  unit: 'piece' | 'kg' | 'l';
  weighed: 0 | 1;
  price_minor: number;
  active: 0 | 1;
  has_variants: 0 | 1;
  tax_class_id: string;
  rate_bp: number;
  tax_class_active: 0 | 1;
}

export function selectSaleProducts(db: Db, ids: readonly string[]): Map<string, SaleProductRow> {
  const stmt = db.prepare<[string], SaleProductRow>(
    `SELECT p.id, p.sku, p.name, p.unit, p.weighed, p.price_minor, p.active, p.has_variants, p.tax_class_id,
            t.rate_bp, t.active AS tax_class_active
       FROM products p JOIN tax_classes t ON t.id = p.tax_class_id
      WHERE p.id = ?`,
  );
  const found = new Map<string, SaleProductRow>();
  for (const id of new Set(ids)) {
    const row = stmt.get(id);
    if (row) found.set(id, row);
  }
  return found;
}

export function selectTillNumber(db: Db, tillId: string): number | null {
  return (
    db.prepare<[string], { number: number | null }>('SELECT number FROM tills WHERE id = ?').get(tillId)
      ?.number ?? null
  );
}

export function selectTillIdByNumber(db: Db, tillNumber: number): string | null {
  return (
    db.prepare<[number], { id: string }>('SELECT id FROM tills WHERE number = ?').get(tillNumber)?.id ?? null
  );
}

export function customerExists(db: Db, customerId: string): boolean {
  return (
    db.prepare<[string], { one: number }>('SELECT 1 AS one FROM customers WHERE id = ?').get(customerId) !==
    undefined
  );
}

export interface CashMovementInput {
  id: string;
  sessionId: string;
  kind: 'sale' | 'refund';
  amountMinor: number;
  saleId: string;
  staffId: string;
  at: string;
}

export function insertCashMovement(db: Db, m: CashMovementInput): void {
  db.prepare(
    `INSERT INTO cash_movements (id, session_id, kind, amount_minor, reason, sale_id, staff_id, at)
     VALUES (@id, @sessionId, @kind, @amountMinor, NULL, @saleId, @staffId, @at)`,
  ).run(m);
}
