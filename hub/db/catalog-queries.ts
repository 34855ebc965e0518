// SQL for products and barcodes. Statements are prepared once per connection (catalog reads run on
// every scan, and the bulk generator inserts a million rows through the same functions).
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement for `sql`, compiled once per connection. */
export function stmt<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Statement<P, R> {
  let map = cache.get(db);
  if (!map) {
    map = new Map();
    cache.set(db, map);
  }
  let s = map.get(sql);
  if (!s) {
    s = db.prepare(sql);
    map.set(sql, s);
  }
  return s as Statement<P, R>;
}

export type Unit = 'piece' | 'kg' | 'l';
export type BarcodeKind = 'gtin' | 'code' | 'plu';

export interface ProductRecord {
  id: string;
  parentId: string | null;
  sku: string;
  name: string;
  description: string;
  attributes: Record<string, string>;
  categoryId: string | null;
  taxClassId: string;
  unit: Unit;
  weighed: boolean;
  priceMinor: number;
  costMinor: number;
  active: boolean;
  hasVariants: boolean;
  reorderPoint: number | null;
  changeSeq: number;
  createdAt: string;
  updatedAt: string;
}

export interface BarcodeRecord {
  code: string;
  productId: string;
  kind: BarcodeKind;
}

export interface RawProduct {
  num: number;
  id: string;
  parent_id: string | null;
  sku: string;
  name: string;
  description: string;
  attributes: string;
  category_id: string | null;
  tax_class_id: string;
  unit: Unit;
  weighed: number;
  price_minor: number;
  cost_minor: number;
  active: number;
  has_variants: number;
  reorder_point: number | null;
  change_seq: number;
  created_at: string;
  updated_at: string;
}

export function toProduct(r: RawProduct): ProductRecord {
  return {
    id: r.id,
    parentId: r.parent_id,
    sku: r.sku,
    name: r.name,
    description: r.description,
    attributes: JSON.parse(r.attributes) as Record<string, string>,
    categoryId: r.category_id,
    taxClassId: r.tax_class_id,
    unit: r.unit,
    weighed: r.weighed === 1,
    priceMinor: r.price_minor,
    costMinor: r.cost_minor,
    active: r.active === 1,
    hasVariants: r.has_variants === 1,
    reorderPoint: r.reorder_point,
    changeSeq: r.change_seq,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const RAW_BARCODE = 'SELECT code, product_id AS productId, kind FROM barcodes';

export function getProductRaw(db: Db, id: string): RawProduct | undefined {
  return stmt<[string], RawProduct>(db, 'SELECT * FROM products WHERE id = ?').get(id);
}

export function getProduct(db: Db, id: string): ProductRecord | undefined {
  const row = getProductRaw(db, id);
  return row && toProduct(row);
}

export function getProductIdBySku(db: Db, sku: string): string | undefined {
  return stmt<[string], { id: string }>(db, 'SELECT id FROM products WHERE sku = ?').get(sku)?.id;
}

/** Products by id, in no particular order; ids that do not exist are simply absent. */
export function getProductsByIds(db: Db, ids: readonly string[]): ProductRecord[] {
  return stmt<[string], RawProduct>(db, 'SELECT * FROM products WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids))
    .map(toProduct);
}

/** Inserts a product and returns its row number, which is also its full-text rowid. */
export function insertProduct(db: Db, p: ProductRecord): number {
  const info = stmt<[ProductParams]>(
    db,
    `INSERT INTO products (id, parent_id, sku, name, description, attributes, category_id, tax_class_id, unit,
       weighed, price_minor, cost_minor, active, has_variants, reorder_point, change_seq, created_at, updated_at)
     VALUES (@id, @parentId, @sku, @name, @description, @attributes, @categoryId, @taxClassId, @unit, @weighed,
       @priceMinor, @costMinor, @active, @hasVariants, @reorderPoint, @changeSeq, @createdAt, @updatedAt)`,
  ).run(productParams(p));
  return Number(info.lastInsertRowid);
}

/** Updates every column but id and created_at; returns the row number for the full-text index. */
export function updateProduct(db: Db, p: ProductRecord): number {
  const row = stmt<[ProductParams], { num: number }>(
    db,
    `UPDATE products SET parent_id = @parentId, sku = @sku, name = @name, description = @description,
       attributes = @attributes, category_id = @categoryId, tax_class_id = @taxClassId, unit = @unit,
       weighed = @weighed, price_minor = @priceMinor, cost_minor = @costMinor, active = @active,
       has_variants = @hasVariants, reorder_point = @reorderPoint, change_seq = @changeSeq, updated_at = @updatedAt
     WHERE id = @id RETURNING num`,
  ).get(productParams(p));
  if (!row) throw new Error(`product ${p.id} vanished during update`);
  return row.num;
}

type ProductParams = Omit<ProductRecord, 'attributes' | 'weighed' | 'active' | 'hasVariants'> & {
  attributes: string;
  weighed: number;
  active: number;
  hasVariants: number;
};

function productParams(p: ProductRecord): ProductParams {
  return {
    ...p,
    attributes: JSON.stringify(p.attributes),
    weighed: p.weighed ? 1 : 0,
    active: p.active ? 1 : 0,
    hasVariants: p.hasVariants ? 1 : 0,
  };
}

export function variantIds(db: Db, parentId: string): string[] {
  return stmt<[string], { id: string }>(db, 'SELECT id FROM products WHERE parent_id = ? ORDER BY sku')
    .all(parentId)
    .map((r) => r.id);
}

export interface ProductListFilter {
  categoryId?: string | undefined;
  parentId?: string | undefined;
  /** 'active' (default), 'archived' or 'all'. */
  status: 'active' | 'archived' | 'all';
}

/** A page of products ordered by name; limit + 1 rows are read so the caller knows if more follow. */
export function listProducts(db: Db, f: ProductListFilter, limit: number, offset: number): ProductRecord[] {
  const active = f.status === 'all' ? null : f.status === 'active' ? 1 : 0;
  return stmt<[Record<string, unknown>], RawProduct>(
    db,
    `SELECT * FROM products
     WHERE (@active IS NULL OR active = @active) AND (@categoryId IS NULL OR category_id = @categoryId)
       AND (@parentId IS NULL OR parent_id = @parentId)
     ORDER BY name, id LIMIT @limit OFFSET @offset`,
  )
    .all({ active, categoryId: f.categoryId ?? null, parentId: f.parentId ?? null, limit, offset })
    .map(toProduct);
}

// --- barcodes ---------------------------------------------------------------------------------------

export function findBarcode(db: Db, code: string): BarcodeRecord | undefined {
  return stmt<[string], BarcodeRecord>(db, `${RAW_BARCODE} WHERE code = ?`).get(code);
}

export function barcodesOf(db: Db, productId: string): BarcodeRecord[] {
  return stmt<[string], BarcodeRecord>(db, `${RAW_BARCODE} WHERE product_id = ? ORDER BY kind, code`).all(
    productId,
  );
}

/** The barcodes of a page of products (the catalog feed's second read; exported for its query plan test). */
export const BARCODES_OF_MANY_SQL = `${RAW_BARCODE} WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY product_id, kind, code`;

export function barcodesOfMany(db: Db, productIds: readonly string[]): BarcodeRecord[] {
  return stmt<[string], BarcodeRecord>(db, BARCODES_OF_MANY_SQL).all(JSON.stringify(productIds));
}

/** Barcodes among `codes` that belong to a product other than `productId`. */
export function barcodesTakenByOthers(db: Db, codes: readonly string[], productId: string): BarcodeRecord[] {
  return stmt<[string, string], BarcodeRecord>(
    db,
    `${RAW_BARCODE} WHERE code IN (SELECT value FROM json_each(?)) AND product_id <> ?`,
  ).all(JSON.stringify(codes), productId);
}

export function deleteBarcodesOf(db: Db, productId: string): void {
  stmt(db, 'DELETE FROM barcodes WHERE product_id = ?').run(productId);
}

export function insertBarcode(db: Db, b: BarcodeRecord): void {
  stmt(db, 'INSERT INTO barcodes (code, product_id, kind) VALUES (?, ?, ?)').run(b.code, b.productId, b.kind);
}
