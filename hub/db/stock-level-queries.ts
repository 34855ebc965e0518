// SQL for the stock overviews: on-hand per product with its reorder point and cost, valuation at cost,
// and units sold per product over a period (sales velocity). All of it sums the movement ledger.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';
import { valueAtCostSql } from '../domain/stock/moving-average-cost.js';

export interface StockLevelRow {
  productId: string;
  sku: string;
  name: string;
  unit: 'piece' | 'kg' | 'l';
  categoryId: string | null;
  onHand: number;
  reorderPoint: number | null;
  costMinor: number;
}

export interface StockLevelFilter {
  /** Matches name or SKU anywhere, or a barcode exactly. */
  q: string | null;
  lowOnly: boolean;
  categoryId: string | null;
  /** One product. */
  productId?: string | null;
}

// Stocked products are the sellable ones: a style (has_variants) keeps its stock per variant.
const LEVELS = `
  WITH levels AS (
    SELECT p.id AS productId, p.sku, p.name, p.unit, p.category_id AS categoryId, p.reorder_point AS reorderPoint,
      p.cost_minor AS costMinor,
      coalesce((SELECT sum(m.quantity) FROM stock_movements m WHERE m.product_id = p.id), 0) AS onHand
    FROM products p
    WHERE p.active = 1 AND p.has_variants = 0
      AND (@categoryId IS NULL OR p.category_id = @categoryId) AND (@productId IS NULL OR p.id = @productId)
      AND (@q IS NULL OR instr(lower(p.name), lower(@q)) > 0 OR instr(lower(p.sku), lower(@q)) > 0
        OR p.id IN (SELECT product_id FROM barcodes WHERE code = upper(@q) OR code = substr('00000000000000' || @q, -14)))
  )
  SELECT * FROM levels WHERE @lowOnly = 0 OR (reorderPoint IS NOT NULL AND onHand <= reorderPoint)`;

export function listStockLevels(
  db: Db,
  filter: StockLevelFilter,
  limit: number,
  offset: number,
): { items: StockLevelRow[]; total: number } {
  const params = { ...filter, productId: filter.productId ?? null, lowOnly: filter.lowOnly ? 1 : 0 };
  const items = stmt<[typeof params & { limit: number; offset: number }], StockLevelRow>(
    db,
    `${LEVELS} ORDER BY name, sku LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit, offset });
  const total = stmt<[typeof params], { n: number }>(db, `SELECT count(*) AS n FROM (${LEVELS})`).get(
    params,
  )?.n;
  return { items, total: total ?? 0 };
}

export interface ValuationRow {
  productId: string;
  sku: string;
  name: string;
  unit: 'piece' | 'kg' | 'l';
  onHand: number;
  costMinor: number;
  valueMinor: number;
}

// Only stock on the shelf has a value: a product sold below zero (not yet received) counts as none.
const VALUED = `
  SELECT p.id AS productId, p.sku, p.name, p.unit, s.onHand, p.cost_minor AS costMinor,
    ${valueAtCostSql('s.onHand', 'p.unit', 'p.cost_minor')} AS valueMinor
  FROM (SELECT product_id, sum(quantity) AS onHand FROM stock_movements GROUP BY product_id) s
  JOIN products p ON p.id = s.product_id
  WHERE s.onHand > 0`;

/** Stock at cost per product, highest value first, and the totals over every product. */
export function stockValuation(
  db: Db,
  limit: number,
  offset: number,
): { items: ValuationRow[]; total: number; totalValueMinor: number } {
  const items = stmt<[{ limit: number; offset: number }], ValuationRow>(
    db,
    `${VALUED} ORDER BY valueMinor DESC, p.name LIMIT @limit OFFSET @offset`,
  ).all({ limit, offset });
  const sums = stmt<[], { n: number; value: number | null }>(
    db,
    `SELECT count(*) AS n, sum(valueMinor) AS value FROM (${VALUED})`,
  ).get();
  return { items, total: sums?.n ?? 0, totalValueMinor: sums?.value ?? 0 };
}

export interface VelocityRow extends StockLevelRow {
  /** Net units sold since the start of the period (sales less returns). */
  sold: number;
  /** Ordered on purchase orders that are sent or partly received and not yet delivered. */
  onOrder: number;
}

/** Every stocked product that sold in the period or has a reorder point, with what is on order. */
export function salesVelocity(db: Db, sinceIso: string): VelocityRow[] {
  return stmt<[string], VelocityRow>(
    db,
    `WITH sold AS (
       SELECT product_id, -sum(quantity) AS sold FROM stock_movements
       WHERE reason IN ('sale', 'return') AND at >= ? GROUP BY product_id
     ), on_order AS (
       SELECT l.product_id, sum(l.ordered - l.received) AS onOrder
       FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
       WHERE o.status IN ('sent', 'partly_received') GROUP BY l.product_id
     )
     SELECT p.id AS productId, p.sku, p.name, p.unit, p.category_id AS categoryId,
       p.reorder_point AS reorderPoint, p.cost_minor AS costMinor,
       coalesce((SELECT sum(m.quantity) FROM stock_movements m WHERE m.product_id = p.id), 0) AS onHand,
       coalesce(sold.sold, 0) AS sold, coalesce(on_order.onOrder, 0) AS onOrder
     FROM products p
     LEFT JOIN sold ON sold.product_id = p.id
     LEFT JOIN on_order ON on_order.product_id = p.id
     WHERE p.active = 1 AND p.has_variants = 0 AND (sold.sold > 0 OR p.reorder_point IS NOT NULL)
     ORDER BY p.name, p.sku`,
  ).all(sinceIso);
}

/** Products by scanned or typed code: a barcode in stored form, or a SKU. */
export function productIdByCode(db: Db, codes: readonly string[]): string | undefined {
  for (const code of codes) {
    const hit = stmt<[string, string], { id: string }>(
      db,
      `SELECT product_id AS id FROM barcodes WHERE code = ?
       UNION ALL SELECT id FROM products WHERE sku = ? LIMIT 1`,
    ).get(code, code);
    if (hit) return hit.id;
  }
  return undefined;
}

/** The reorder point of each product (null when it has none); absent ids are absent. */
export function reorderPoints(db: Db, productIds: readonly string[]): Map<string, number | null> {
  const rows = stmt<[string], { id: string; reorderPoint: number | null }>(
    db,
    'SELECT id, reorder_point AS reorderPoint FROM products WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(productIds));
  return new Map(rows.map((r) => [r.id, r.reorderPoint]));
}
