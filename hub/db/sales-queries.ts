import type { Db } from './connection.js';

// Rows of sales and sale_lines exactly as stored. Services turn them into views (services/sales/sale-view.ts).

export type SaleKind = 'sale' | 'return';
export type SaleStatus = 'open' | 'parked' | 'completed' | 'voided';

export interface SaleRow {
  id: string;
  kind: SaleKind;
  status: SaleStatus;
  till_id: string;
  staff_id: string;
  customer_id: string | null;
  original_sale_id: string | null;
  cash_session_id: string | null;
  currency: string;
  tax_mode: 'inclusive' | 'exclusive';
  sale_discount: string | null;
  sale_discount_reason: string | null;
  subtotal_minor: number;
  discount_minor: number;
  tax_minor: number;
  rounding_minor: number;
  total_minor: number;
  receipt_number: number | null;
  receipt_code: string | null;
  request_hash: string;
  cart_hash: string;
  note: string;
  version: number;
  created_at: string;
  updated_at: string;
  parked_at: string | null;
  voided_at: string | null;
  voided_by: string | null;
  completed_at: string | null;
  completed_by: string | null;
  /** JSON list of the coupon codes entered on the sale. */
  coupon_codes: string;
}

export interface SaleLineRow {
  id: string;
  sale_id: string;
  line_no: number;
  status: 'active' | 'removed';
  product_id: string;
  sku: string;
  name: string;
  quantity: number;
  measured: 0 | 1;
  weight_source: 'scale' | 'label' | 'manual' | null;
  unit_price_minor: number;
  catalog_price_minor: number;
  embedded_price_minor: number | null;
  discount: string | null;
  discount_reason: string | null;
  gross_minor: number;
  promotion_discount_minor: number;
  /** JSON list of {promotionId, name, discountMinor}. */
  promotions: string;
  line_discount_minor: number;
  sale_discount_minor: number;
  net_minor: number;
  tax_class_id: string;
  tax_rate_bp: number;
  tax_minor: number;
  total_minor: number;
  original_line_id: string | null;
  restock: 0 | 1 | null;
  return_reason: string | null;
  note: string;
  removed_at: string | null;
  removed_by: string | null;
}

const SALE_COLUMNS = [
  'id',
  'kind',
  'status',
  'till_id',
  'staff_id',
  'customer_id',
  'original_sale_id',
  'cash_session_id',
  'currency',
  'tax_mode',
  'sale_discount',
  'sale_discount_reason',
  'subtotal_minor',
  'discount_minor',
  'tax_minor',
  'rounding_minor',
  'total_minor',
  'receipt_number',
  'receipt_code',
  'request_hash',
  'cart_hash',
  'note',
  'version',
  'created_at',
  'updated_at',
  'parked_at',
  'voided_at',
  'voided_by',
  'completed_at',
  'completed_by',
  'coupon_codes',
] as const;

const LINE_COLUMNS = [
  'id',
  'sale_id',
  'line_no',
  'status',
  'product_id',
  'sku',
  'name',
  'quantity',
  'measured',
  'weight_source',
  'unit_price_minor',
  'catalog_price_minor',
  'embedded_price_minor',
  'discount',
  'discount_reason',
  'gross_minor',
  'promotion_discount_minor',
  'promotions',
  'line_discount_minor',
  'sale_discount_minor',
  'net_minor',
  'tax_class_id',
  'tax_rate_bp',
  'tax_minor',
  'total_minor',
  'original_line_id',
  'restock',
  'return_reason',
  'note',
  'removed_at',
  'removed_by',
] as const;

const insertSql = (table: string, columns: readonly string[]): string =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;

export function selectSale(db: Db, id: string): SaleRow | undefined {
  return db.prepare<[string], SaleRow>('SELECT * FROM sales WHERE id = ?').get(id);
}

export function selectSaleByReceiptCode(db: Db, code: string): SaleRow | undefined {
  return db.prepare<[string], SaleRow>('SELECT * FROM sales WHERE receipt_code = ?').get(code);
}

export function selectLines(db: Db, saleId: string): SaleLineRow[] {
  return db
    .prepare<[string], SaleLineRow>('SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no')
    .all(saleId);
}

export function selectLine(db: Db, lineId: string): SaleLineRow | undefined {
  return db.prepare<[string], SaleLineRow>('SELECT * FROM sale_lines WHERE id = ?').get(lineId);
}

export function insertSale(db: Db, row: SaleRow): void {
  db.prepare(insertSql('sales', SALE_COLUMNS)).run(row);
}

/** Writes every mutable column of the sale row; id, kind and request_hash never change. */
export function updateSale(db: Db, row: SaleRow): void {
  const mutable = SALE_COLUMNS.filter(
    (c) => c !== 'id' && c !== 'kind' && c !== 'request_hash' && c !== 'created_at',
  );
  db.prepare(`UPDATE sales SET ${mutable.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
}

/** Inserts a line or rewrites all of it (a cart update recomputes every line's figures). */
export function upsertLine(db: Db, row: SaleLineRow): void {
  const updates = LINE_COLUMNS.filter((c) => c !== 'id' && c !== 'sale_id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  db.prepare(`${insertSql('sale_lines', LINE_COLUMNS)} ON CONFLICT (id) DO UPDATE SET ${updates}`).run(row);
}

export interface SaleListFilter {
  status: SaleStatus | null;
  kind: SaleKind | null;
  tillId: string | null;
  limit: number;
  offset: number;
}

export function listSales(db: Db, filter: SaleListFilter): { rows: SaleRow[]; total: number } {
  const where = `(@status IS NULL OR status = @status) AND (@kind IS NULL OR kind = @kind)
    AND (@tillId IS NULL OR till_id = @tillId)`;
  const rows = db
    .prepare<SaleListFilter, SaleRow>(
      `SELECT * FROM sales WHERE ${where} ORDER BY updated_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(filter);
  const total =
    db.prepare<SaleListFilter, { n: number }>(`SELECT count(*) AS n FROM sales WHERE ${where}`).get(filter)
      ?.n ?? 0;
  return { rows, total };
}

/**
 * Quantity already taken back per original line, counting returns that are open (refund under way) as
 * well as completed ones, so two returns of the same item cannot both pass.
 */
export function selectReturnedQuantities(db: Db, originalSaleId: string): Map<string, number> {
  const rows = db
    .prepare<[string], { original_line_id: string; quantity: number }>(
      `SELECT l.original_line_id, sum(l.quantity) AS quantity
         FROM sale_lines l JOIN sales s ON s.id = l.sale_id
        WHERE s.original_sale_id = ? AND s.kind = 'return' AND s.status IN ('open', 'completed')
          AND l.status = 'active' AND l.original_line_id IS NOT NULL
        GROUP BY l.original_line_id`,
    )
    .all(originalSaleId);
  return new Map(rows.map((r) => [r.original_line_id, r.quantity]));
}

export function insertOverride(
  db: Db,
  row: {
    saleId: string;
    permission: string;
    cashierId: string;
    supervisorId: string;
    details: string;
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO sale_overrides (sale_id, permission, cashier_id, supervisor_id, details, at)
     VALUES (@saleId, @permission, @cashierId, @supervisorId, @details, @at)`,
  ).run(row);
}

export interface OverrideRow {
  permission: string;
  cashier_id: string;
  supervisor_id: string;
  details: string;
  at: string;
}

export function selectOverrides(db: Db, saleId: string): OverrideRow[] {
  return db
    .prepare<[string], OverrideRow>(
      'SELECT permission, cashier_id, supervisor_id, details, at FROM sale_overrides WHERE sale_id = ? ORDER BY id',
    )
    .all(saleId);
}
