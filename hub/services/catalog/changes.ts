// The incremental catalog feed tills load and follow: everything changed after a change_seq.
import { barcodesOfMany } from '../../db/catalog-queries.js';
import { productsChangedAfter, seqBeforeTime } from '../../db/catalog-search-queries.js';
import { categoriesChangedAfter, type CategoryRecord } from '../../db/category-queries.js';
import type { Db } from '../../db/connection.js';
import type { Product } from './product-schema.js';
import { toProductDto } from './product-writer.js';

export interface CatalogChanges {
  /** Products changed in this page (archived ones included, so tills drop them), oldest change first. */
  products: Product[];
  categories: CategoryRecord[];
  /** Pass as `after` for the next page. */
  nextSeq: number;
  hasMore: boolean;
}

/**
 * One page of the feed. Products and categories share the catalog counter and every row has its own
 * value, so merging the two lists by change_seq and cutting after `limit` rows never splits a value.
 * Both reads walk the change_seq index from `afterSeq`; nothing is skipped with OFFSET.
 */
export function catalogChanges(db: Db, afterSeq: number, limit: number): CatalogChanges {
  const products = productsChangedAfter(db, afterSeq, limit + 1);
  const categories = categoriesChangedAfter(db, afterSeq, limit + 1);
  const merged = [
    ...products.map((p) => ({ seq: p.changeSeq, product: p, category: undefined })),
    ...categories.map((c) => ({ seq: c.changeSeq, product: undefined, category: c })),
  ].sort((a, b) => a.seq - b.seq);
  const page = merged.slice(0, limit);
  const pageProducts = page.flatMap((e) => (e.product ? [e.product] : []));
  const barcodes = new Map<string, { code: string; kind: 'gtin' | 'code' | 'plu' }[]>();
  for (const b of barcodesOfMany(
    db,
    pageProducts.map((p) => p.id),
  )) {
    barcodes.set(b.productId, [...(barcodes.get(b.productId) ?? []), { code: b.code, kind: b.kind }]);
  }
  return {
    products: pageProducts.map((p) => toProductDto(p, barcodes.get(p.id) ?? [])),
    categories: page.flatMap((e) => (e.category ? [e.category] : [])),
    nextSeq: page.at(-1)?.seq ?? Math.max(afterSeq, 0),
    hasMore: merged.length > limit,
  };
}

export function catalogChangesSinceTime(db: Db, iso: string, limit: number): CatalogChanges {
  return catalogChanges(db, seqBeforeTime(db, iso), limit);
}
