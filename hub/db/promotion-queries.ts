// SQL for promotions, and the product facts the promotion engine matches on (style, category chain).
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface PromotionRow {
  id: string;
  name: string;
  /** JSON PromotionTarget. */
  target: string;
  /** JSON PromotionRule. */
  rule: string;
  starts_at: string;
  ends_at: string | null;
  coupon_code: string | null;
  customers_only: 0 | 1;
  priority: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export function selectPromotion(db: Db, id: string): PromotionRow | undefined {
  return stmt<[string], PromotionRow>(db, 'SELECT * FROM promotions WHERE id = ?').get(id);
}

/** Newest first; archived ones only when asked. */
export function selectPromotions(db: Db, includeArchived: boolean): PromotionRow[] {
  return stmt<[number], PromotionRow>(
    db,
    'SELECT * FROM promotions WHERE (? = 1 OR archived_at IS NULL) ORDER BY starts_at DESC, id DESC',
  ).all(includeArchived ? 1 : 0);
}

/**
 * What pricing reads on every cart change: every promotion not archived (the engine decides which are
 * running, to the second). A store runs tens to hundreds of campaigns, so this stays a small read.
 */
export function selectPricingPromotions(db: Db): PromotionRow[] {
  return stmt<[], PromotionRow>(db, 'SELECT * FROM promotions WHERE archived_at IS NULL').all();
}

export function upsertPromotion(db: Db, row: PromotionRow): void {
  stmt<PromotionRow>(
    db,
    `INSERT INTO promotions (id, name, target, rule, starts_at, ends_at, coupon_code, customers_only, priority,
                             archived_at, created_at, updated_at)
     VALUES (@id, @name, @target, @rule, @starts_at, @ends_at, @coupon_code, @customers_only, @priority,
             @archived_at, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET name = @name, target = @target, rule = @rule, starts_at = @starts_at,
       ends_at = @ends_at, coupon_code = @coupon_code, customers_only = @customers_only, priority = @priority,
       archived_at = @archived_at, updated_at = @updated_at`,
  ).run(row);
}

export interface ProductPromotionKeys {
  parentProductId: string | null;
  /** The product's category (a variant's is its style's when it has none) and every one above it. */
  categoryIds: string[];
}

export function selectProductPromotionKeys(
  db: Db,
  productIds: readonly string[],
): Map<string, ProductPromotionKeys> {
  const product = stmt<[string], { parent_id: string | null; category_id: string | null }>(
    db,
    `SELECT p.parent_id, coalesce(p.category_id, parent.category_id) AS category_id
       FROM products p LEFT JOIN products parent ON parent.id = p.parent_id
      WHERE p.id = ?`,
  );
  const chain = stmt<[string], { id: string }>(
    db,
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM categories WHERE id = ?
       UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id
       WHERE up.depth < 64)
     SELECT id FROM up ORDER BY depth`,
  );
  const keys = new Map<string, ProductPromotionKeys>();
  for (const id of new Set(productIds)) {
    const row = product.get(id);
    if (!row) continue;
    keys.set(id, {
      parentProductId: row.parent_id,
      categoryIds: row.category_id === null ? [] : chain.all(row.category_id).map((r) => r.id),
    });
  }
  return keys;
}

/** Ids among `ids` that name no product (or no category): a promotion must not point at nothing. */
export function missingIds(db: Db, table: 'products' | 'categories', ids: readonly string[]): string[] {
  const exists = stmt<[string], { id: string }>(db, `SELECT id FROM ${table} WHERE id = ?`);
  return ids.filter((id) => exists.get(id) === undefined);
}

/** Whether any sale line (open, parked or completed) names the promotion: such a campaign is history. */
export function promotionInUse(db: Db, id: string): boolean {
  return (
    stmt<[string], { one: number }>(
      db,
      `SELECT 1 AS one FROM sale_lines
        WHERE promotions <> '[]'
          AND EXISTS (SELECT 1 FROM json_each(promotions) WHERE json_extract(value, '$.promotionId') = ?)
        LIMIT 1`,
    ).get(id) !== undefined
  );
}

export function deletePromotion(db: Db, id: string): void {
  stmt<[string]>(db, 'DELETE FROM promotions WHERE id = ?').run(id);
}

export interface PreviewProductRow {
  id: string;
  name: string;
  price_minor: number;
  weighed: 0 | 1;
  active: 0 | 1;
}

/** The catalog facts a sample cart is priced from. */
export function selectPreviewProducts(db: Db, ids: readonly string[]): Map<string, PreviewProductRow> {
  const rows = stmt<[string], PreviewProductRow>(
    db,
    `SELECT id, name, price_minor, weighed, active FROM products WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
