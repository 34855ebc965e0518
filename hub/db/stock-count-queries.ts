// SQL for stock counts: the sheet, the counted quantities and what posting booked.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';
import { valueAtCostSql } from '../domain/stock/moving-average-cost.js';
import type { StockCountStatus } from '../domain/stock/stock-machines.js';

export interface StockCountRow {
  id: string;
  number: number;
  scope: 'full' | 'cycle';
  category_id: string | null;
  categoryName: string | null;
  status: StockCountStatus;
  note: string;
  created_at: string;
  posted_at: string | null;
  updated_at: string;
  lineCount: number;
  countedCount: number;
}

export interface StockCountLineRow {
  productId: string;
  sku: string;
  name: string;
  unit: 'piece' | 'kg' | 'l';
  costMinor: number;
  onHand: number;
  counted: number | null;
  booked: number | null;
}

const SELECT_COUNT = `
  SELECT c.*, cat.name AS categoryName,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id) AS lineCount,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id AND l.counted IS NOT NULL) AS countedCount
  FROM stock_counts c LEFT JOIN categories cat ON cat.id = c.category_id`;

export function selectStockCount(db: Db, id: string): StockCountRow | undefined {
  return stmt<[string], StockCountRow>(db, `${SELECT_COUNT} WHERE c.id = ?`).get(id);
}

export function selectStockCounts(
  db: Db,
  limit: number,
  offset: number,
): { rows: StockCountRow[]; total: number } {
  const rows = stmt<[number, number], StockCountRow>(
    db,
    `${SELECT_COUNT} ORDER BY c.number DESC LIMIT ? OFFSET ?`,
  ).all(limit, offset);
  const total = stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM stock_counts').get()?.n ?? 0;
  return { rows, total };
}

export function insertStockCount(
  db: Db,
  row: Omit<StockCountRow, 'categoryName' | 'lineCount' | 'countedCount'>,
): void {
  stmt<[typeof row]>(
    db,
    `INSERT INTO stock_counts (id, number, scope, category_id, status, note, created_at, posted_at, updated_at)
     VALUES (@id, @number, @scope, @category_id, @status, @note, @created_at, @posted_at, @updated_at)`,
  ).run(row);
}

/**
 * Puts every stocked product on the sheet: all of them, or those of a category and its subcategories.
 * Returns how many lines the sheet got.
 */
export function fillCountSheet(db: Db, countId: string, categoryId: string | null): number {
  return stmt<[{ countId: string; categoryId: string | null }]>(
    db,
    `WITH RECURSIVE tree (id) AS (
       SELECT @categoryId WHERE @categoryId IS NOT NULL
       UNION SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id
     )
     INSERT INTO stock_count_lines (count_id, product_id)
     SELECT @countId, p.id FROM products p
     WHERE p.active = 1 AND p.has_variants = 0 AND (@categoryId IS NULL OR p.category_id IN (SELECT id FROM tree))`,
  ).run({ countId, categoryId }).changes;
}

export function addCountLine(db: Db, countId: string, productId: string): void {
  stmt<[string, string]>(
    db,
    'INSERT OR IGNORE INTO stock_count_lines (count_id, product_id) VALUES (?, ?)',
  ).run(countId, productId);
}

export interface CountLineFilter {
  q: string | null;
  /** One product's line. */
  productId?: string | null;
  /** 'uncounted': not counted yet; 'variance': counted and differing from on-hand. */
  only: 'all' | 'uncounted' | 'variance';
}

const LINES = `
  WITH lines AS (
    SELECT l.product_id AS productId, p.sku, p.name, p.unit, p.cost_minor AS costMinor, l.counted, l.booked,
      coalesce((SELECT sum(m.quantity) FROM stock_movements m WHERE m.product_id = l.product_id), 0) AS onHand
    FROM stock_count_lines l JOIN products p ON p.id = l.product_id
    WHERE l.count_id = @countId AND (@productId IS NULL OR l.product_id = @productId)
      AND (@q IS NULL OR instr(lower(p.name), lower(@q)) > 0 OR instr(lower(p.sku), lower(@q)) > 0)
  )
  SELECT * FROM lines WHERE @only = 'all' OR (@only = 'uncounted' AND counted IS NULL)
    OR (@only = 'variance' AND counted IS NOT NULL AND counted <> onHand)`;

export function selectCountLines(
  db: Db,
  countId: string,
  filter: CountLineFilter,
  limit: number,
  offset: number,
): { rows: StockCountLineRow[]; total: number } {
  const params = { countId, ...filter, productId: filter.productId ?? null };
  const rows = stmt<[typeof params & { limit: number; offset: number }], StockCountLineRow>(
    db,
    `${LINES} ORDER BY name, sku LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit, offset });
  const total =
    stmt<[typeof params], { n: number }>(db, `SELECT count(*) AS n FROM (${LINES})`).get(params)?.n ?? 0;
  return { rows, total };
}

/** The counted lines with on-hand now: what posting books. */
export function countedLines(
  db: Db,
  countId: string,
): { productId: string; counted: number; onHand: number }[] {
  return stmt<[string], { productId: string; counted: number; onHand: number }>(
    db,
    `SELECT l.product_id AS productId, l.counted,
       coalesce((SELECT sum(m.quantity) FROM stock_movements m WHERE m.product_id = l.product_id), 0) AS onHand
     FROM stock_count_lines l WHERE l.count_id = ? AND l.counted IS NOT NULL`,
  ).all(countId);
}

/** Sets (or with null clears) a line's counted quantity; false when the product is not on the sheet. */
export function setCounted(db: Db, countId: string, productId: string, counted: number | null): boolean {
  return (
    stmt<[number | null, string, string]>(
      db,
      'UPDATE stock_count_lines SET counted = ? WHERE count_id = ? AND product_id = ?',
    ).run(counted, countId, productId).changes === 1
  );
}

/** Adds to a line's counted quantity (a scan); returns the new count, or undefined when not on the sheet. */
export function addCounted(db: Db, countId: string, productId: string, quantity: number): number | undefined {
  return stmt<[number, string, string], { counted: number }>(
    db,
    `UPDATE stock_count_lines SET counted = coalesce(counted, 0) + ? WHERE count_id = ? AND product_id = ?
     RETURNING counted`,
  ).get(quantity, countId, productId)?.counted;
}

export function setBooked(db: Db, countId: string, productId: string, booked: number): void {
  stmt<[number, string, string]>(
    db,
    'UPDATE stock_count_lines SET booked = ? WHERE count_id = ? AND product_id = ?',
  ).run(booked, countId, productId);
}

export function updateStockCountStatus(
  db: Db,
  id: string,
  status: StockCountStatus,
  postedAt: string | null,
  at: string,
): void {
  stmt<[string, string | null, string, string]>(
    db,
    'UPDATE stock_counts SET status = ?, posted_at = ?, updated_at = ? WHERE id = ?',
  ).run(status, postedAt, at, id);
}

/** Net variance of the counted lines in units and at cost: booked once posted, counted - on-hand before. */
export function countVariance(
  db: Db,
  countId: string,
  posted: boolean,
): { units: number; valueMinor: number } {
  const row = stmt<[number, string], { units: number | null; valueMinor: number | null }>(
    db,
    `SELECT sum(v) AS units, sum(${valueAtCostSql('v', 'unit', 'cost')}) AS valueMinor FROM (
       SELECT CASE WHEN ? = 1 THEN coalesce(l.booked, 0)
         ELSE l.counted - coalesce((SELECT sum(m.quantity) FROM stock_movements m WHERE m.product_id = l.product_id), 0)
       END AS v, p.cost_minor AS cost, p.unit
       FROM stock_count_lines l JOIN products p ON p.id = l.product_id
       WHERE l.count_id = ? AND l.counted IS NOT NULL)`,
  ).get(posted ? 1 : 0, countId);
  return { units: row?.units ?? 0, valueMinor: row?.valueMinor ?? 0 };
}
