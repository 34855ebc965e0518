// What the CSV row validator needs to know about the catalog, read from the database.
import { findBarcode, getProductIdBySku, getProductRaw, toProduct } from '../../../db/catalog-queries.js';
import { listCategories, type CategoryRecord } from '../../../db/category-queries.js';
import type { Db } from '../../../db/connection.js';
import { listTaxClasses } from '../../../db/settings-queries.js';
import type { LabelTemplate } from '../../../domain/barcodes/index.js';
import { CATEGORY_PATH_SEPARATOR } from '../csv/csv-columns.js';
import type { RefEntry, RowLookups } from '../csv/csv-row.js';

/** Every category under its full path ("Food > Dairy") and, when no other has that name, its bare name. */
export function categoryPaths(
  categories: readonly CategoryRecord[],
): Map<string, { id: string; path: string; active: boolean }> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const pathOf = (c: CategoryRecord): string => {
    const names: string[] = [];
    for (let at: CategoryRecord | undefined = c, depth = 0; at && depth < 64; depth += 1) {
      names.unshift(at.name);
      at = at.parentId === null ? undefined : byId.get(at.parentId);
    }
    return names.join(CATEGORY_PATH_SEPARATOR);
  };
  return new Map(categories.map((c) => [c.id, { id: c.id, path: pathOf(c), active: c.active }]));
}

export function rowLookups(db: Db, exponent: number, templates: readonly LabelTemplate[]): RowLookups {
  const categories = new Map<string, RefEntry>();
  const nameCount = new Map<string, number>();
  const all = listCategories(db, true);
  for (const c of all) nameCount.set(c.name.toLowerCase(), (nameCount.get(c.name.toLowerCase()) ?? 0) + 1);
  for (const c of categoryPaths(all).values())
    categories.set(c.path.toLowerCase(), { id: c.id, active: c.active });
  for (const c of all) {
    if (nameCount.get(c.name.toLowerCase()) === 1)
      categories.set(c.name.toLowerCase(), { id: c.id, active: c.active });
  }
  const taxClasses = new Map<string, RefEntry>();
  for (const t of listTaxClasses(db)) {
    taxClasses.set(t.name.toLowerCase(), { id: t.id, active: t.active });
    if (t.code !== null) taxClasses.set(t.code.toLowerCase(), { id: t.id, active: t.active });
  }
  return {
    exponent,
    categories,
    taxClasses,
    templates,
    productBySku: (sku) => {
      const id = getProductIdBySku(db, sku);
      const raw = id === undefined ? undefined : getProductRaw(db, id);
      return raw && toProduct(raw);
    },
    barcodeOwner: (code) => findBarcode(db, code)?.productId,
  };
}
