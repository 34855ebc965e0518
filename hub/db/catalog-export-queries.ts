// SQL for the catalog CSV export: products in row order, a page at a time after a row number, so a
// streamed export never holds the connection in an open iterator while it waits for the client.
import { stmt, toProduct, type ProductRecord, type RawProduct } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface ExportProduct extends ProductRecord {
  num: number;
  parentSku: string | null;
}

export function productsAfter(
  db: Db,
  afterNum: number,
  status: 'active' | 'archived' | 'all',
  categoryId: string | null,
  limit: number,
): ExportProduct[] {
  const active = status === 'all' ? null : status === 'active' ? 1 : 0;
  return stmt<[Record<string, unknown>], RawProduct & { parent_sku: string | null }>(
    db,
    `SELECT p.*, parent.sku AS parent_sku FROM products p LEFT JOIN products parent ON parent.id = p.parent_id
     WHERE p.num > @afterNum AND (@active IS NULL OR p.active = @active)
       AND (@categoryId IS NULL OR p.category_id = @categoryId)
     ORDER BY p.num LIMIT @limit`,
  )
    .all({ afterNum, active, categoryId, limit })
    .map((r) => ({ ...toProduct(r), num: r.num, parentSku: r.parent_sku }));
}
