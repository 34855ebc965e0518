// SQL for bulk and scheduled price changes (price_changes, price_change_items).
import { stmt, toProduct, type ProductRecord, type RawProduct } from './catalog-queries.js';
import type { Db } from './connection.js';

export type PriceChangeStatus = 'pending' | 'applied' | 'cancelled';

export interface PriceChangeRecord {
  id: string;
  note: string;
  selection: unknown;
  adjust: unknown;
  effectiveAt: string;
  status: PriceChangeStatus;
  itemCount: number;
  createdAt: string;
  createdBy: string | null;
  appliedAt: string | null;
  cancelledAt: string | null;
}

export interface PriceChangeItemRecord {
  productId: string;
  sku: string;
  name: string;
  fromMinor: number;
  toMinor: number;
}

interface RawPriceChange {
  id: string;
  note: string;
  selection: string;
  adjust: string;
  effective_at: string;
  status: PriceChangeStatus;
  item_count: number;
  created_at: string;
  created_by: string | null;
  applied_at: string | null;
  cancelled_at: string | null;
}

const toPriceChange = (r: RawPriceChange): PriceChangeRecord => ({
  id: r.id,
  note: r.note,
  selection: JSON.parse(r.selection) as unknown,
  adjust: JSON.parse(r.adjust) as unknown,
  effectiveAt: r.effective_at,
  status: r.status,
  itemCount: r.item_count,
  createdAt: r.created_at,
  createdBy: r.created_by,
  appliedAt: r.applied_at,
  cancelledAt: r.cancelled_at,
});

export function getPriceChange(db: Db, id: string): PriceChangeRecord | undefined {
  const row = stmt<[string], RawPriceChange>(db, 'SELECT * FROM price_changes WHERE id = ?').get(id);
  return row && toPriceChange(row);
}

export function insertPriceChange(db: Db, c: PriceChangeRecord): void {
  stmt(
    db,
    `INSERT INTO price_changes (id, note, selection, adjust, effective_at, status, item_count, created_at,
       created_by, applied_at, cancelled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.note,
    JSON.stringify(c.selection),
    JSON.stringify(c.adjust),
    c.effectiveAt,
    c.status,
    c.itemCount,
    c.createdAt,
    c.createdBy,
    c.appliedAt,
    c.cancelledAt,
  );
}

export function insertPriceChangeItem(
  db: Db,
  changeId: string,
  item: { productId: string; fromMinor: number; toMinor: number },
): void {
  stmt(
    db,
    'INSERT INTO price_change_items (change_id, product_id, from_minor, to_minor) VALUES (?, ?, ?, ?)',
  ).run(changeId, item.productId, item.fromMinor, item.toMinor);
}

/** Moves a pending change on; false when it was no longer pending (applied or cancelled meanwhile). */
export function finishPriceChange(db: Db, id: string, status: 'applied' | 'cancelled', at: string): boolean {
  const column = status === 'applied' ? 'applied_at' : 'cancelled_at';
  return (
    stmt(db, `UPDATE price_changes SET status = ?, ${column} = ? WHERE id = ? AND status = 'pending'`).run(
      status,
      at,
      id,
    ).changes === 1
  );
}

/** Pending changes whose time has come, oldest first. */
export function duePriceChangeIds(db: Db, now: string): string[] {
  return stmt<[string], { id: string }>(
    db,
    `SELECT id FROM price_changes WHERE status = 'pending' AND effective_at <= ? ORDER BY effective_at, id`,
  )
    .all(now)
    .map((r) => r.id);
}

export function listPriceChanges(
  db: Db,
  status: PriceChangeStatus | null,
  limit: number,
  offset: number,
): { items: PriceChangeRecord[]; total: number } {
  const items = stmt<[{ status: PriceChangeStatus | null; limit: number; offset: number }], RawPriceChange>(
    db,
    `SELECT * FROM price_changes WHERE (@status IS NULL OR status = @status)
     ORDER BY effective_at DESC, id DESC LIMIT @limit OFFSET @offset`,
  )
    .all({ status, limit, offset })
    .map(toPriceChange);
  const total =
    stmt<[{ status: PriceChangeStatus | null }], { n: number }>(
      db,
      'SELECT count(*) AS n FROM price_changes WHERE (@status IS NULL OR status = @status)',
    ).get({ status })?.n ?? 0;
  return { items, total };
}

/** Items of a change with the product's SKU and name, by SKU; `limit` keeps a 100,000-item answer small. */
export function priceChangeItems(db: Db, changeId: string, limit: number): PriceChangeItemRecord[] {
  return stmt<[string, number], PriceChangeItemRecord>(
    db,
    `SELECT i.product_id AS productId, p.sku, p.name, i.from_minor AS fromMinor, i.to_minor AS toMinor
     FROM price_change_items i JOIN products p ON p.id = i.product_id
     WHERE i.change_id = ? ORDER BY p.sku LIMIT ?`,
  ).all(changeId, limit);
}

export function priceChangeTargets(db: Db, changeId: string): { productId: string; toMinor: number }[] {
  return stmt<[string], { productId: string; toMinor: number }>(
    db,
    'SELECT product_id AS productId, to_minor AS toMinor FROM price_change_items WHERE change_id = ?',
  ).all(changeId);
}

/** Active products in a category, and in its subcategories when asked, by SKU. */
export function activeProductsInCategory(
  db: Db,
  categoryId: string,
  includeSubcategories: boolean,
): ProductRecord[] {
  return stmt<[{ categoryId: string; deep: number }], RawProduct>(
    db,
    `WITH RECURSIVE tree(id, depth) AS (
       SELECT id, 0 FROM categories WHERE id = @categoryId
       UNION ALL SELECT c.id, tree.depth + 1 FROM categories c JOIN tree ON c.parent_id = tree.id
       WHERE @deep = 1 AND tree.depth < 64)
     SELECT p.* FROM products p WHERE p.active = 1 AND p.category_id IN (SELECT id FROM tree) ORDER BY p.sku`,
  )
    .all({ categoryId, deep: includeSubcategories ? 1 : 0 })
    .map(toProduct);
}
