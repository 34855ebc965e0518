// SQL for product search (products_fts) and the incremental catalog feed (change_seq).
import {
  BARCODES_OF_MANY_SQL,
  stmt,
  toProduct,
  type ProductRecord,
  type RawProduct,
} from './catalog-queries.js';
import { CATEGORIES_CHANGED_AFTER_SQL } from './category-queries.js';
import type { Db } from './connection.js';

/**
 * Replaces the indexed text of one product. The index is contentless (it keeps no copy of the text),
 * so the row is deleted by rowid and inserted again; contentless_delete makes that legal.
 */
export function setSearchText(db: Db, num: number, text: string): void {
  stmt(db, 'DELETE FROM products_fts WHERE rowid = ?').run(num);
  stmt(db, 'INSERT INTO products_fts (rowid, search_text) VALUES (?, ?)').run(num, text);
}

/** For the bulk loader: the product is new, so there is nothing to delete first. */
export function addSearchText(db: Db, num: number, text: string): void {
  stmt(db, 'INSERT INTO products_fts (rowid, search_text) VALUES (?, ?)').run(num, text);
}

export interface SearchFilter {
  /** An FTS5 expression built by buildMatchQuery, never raw user text. */
  match: string;
  status: 'active' | 'archived' | 'all';
  categoryId?: string | undefined;
}

/** Best matches first (bm25); reads limit + 1 so the caller can tell whether another page exists. */
export function searchProducts(db: Db, f: SearchFilter, limit: number, offset: number): ProductRecord[] {
  const active = f.status === 'all' ? null : f.status === 'active' ? 1 : 0;
  return stmt<[Record<string, unknown>], RawProduct>(
    db,
    `SELECT p.* FROM products_fts f JOIN products p ON p.num = f.rowid
     WHERE products_fts MATCH @match AND (@active IS NULL OR p.active = @active)
       AND (@categoryId IS NULL OR p.category_id = @categoryId)
     ORDER BY f.rank, p.name LIMIT @limit OFFSET @offset`,
  )
    .all({ match: f.match, active, categoryId: f.categoryId ?? null, limit, offset })
    .map(toProduct);
}

/**
 * The statements of the incremental feed, by mode: `since` (a change_seq) walks the UNIQUE change_seq
 * indexes; `updatedSince` (a time) first finds its starting change_seq through the updated_at indexes,
 * reading only the rows changed after that time, then pages like `since`. Exported so a test can check
 * every one of them with EXPLAIN QUERY PLAN.
 */
export const CATALOG_FEED_SQL = {
  productsChangedAfter: 'SELECT * FROM products WHERE change_seq > ? ORDER BY change_seq LIMIT ?',
  categoriesChangedAfter: CATEGORIES_CHANGED_AFTER_SQL,
  barcodesOfMany: BARCODES_OF_MANY_SQL,
  // INDEXED BY: without it the planner may answer min(change_seq) by walking the change_seq index from
  // the oldest change and testing updated_at on each row, which reads the whole catalog when the time is
  // recent. Through updated_at it reads only the rows changed after the time. min() over that range, not
  // the earliest updated_at, so a clock that stepped back cannot make the feed skip a change.
  seqAfterTime: `SELECT min(seq) AS seq FROM (
       SELECT min(change_seq) AS seq FROM products INDEXED BY products_updated_at WHERE updated_at > ?
       UNION ALL
       SELECT min(change_seq) FROM categories INDEXED BY categories_updated_at WHERE updated_at > ?)`,
} as const;

/** Products changed after `afterSeq`, oldest change first; the UNIQUE change_seq index serves it. */
export function productsChangedAfter(db: Db, afterSeq: number, limit: number): ProductRecord[] {
  return stmt<[number, number], RawProduct>(db, CATALOG_FEED_SQL.productsChangedAfter)
    .all(afterSeq, limit)
    .map(toProduct);
}

/**
 * The feed position just before the first change made after `iso`, for clients that only kept a time.
 * Each row's updated_at is the commit's timestamp; rows changed later carry larger change_seq values.
 */
export function seqBeforeTime(db: Db, iso: string): number {
  const row = stmt<[string, string], { seq: number | null }>(db, CATALOG_FEED_SQL.seqAfterTime).get(iso, iso);
  // Nothing changed since then: start after the newest change, so the feed is empty until a new one.
  if (row?.seq === null || row?.seq === undefined) return latestCatalogSeq(db);
  return row.seq - 1;
}

export function latestCatalogSeq(db: Db): number {
  return (
    stmt<[], { value: number }>(db, "SELECT value FROM counters WHERE name = 'catalog'").get()?.value ?? 0
  );
}
