// The one way a product row is written: rules checked, change_seq taken, barcodes and search text kept
// in step, outbox and audit rows added, all inside the caller's transaction.
import {
  barcodesOf,
  barcodesTakenByOthers,
  deleteBarcodesOf,
  getProduct,
  getProductIdBySku,
  insertBarcode,
  insertProduct,
  updateProduct,
  variantIds,
  type ProductRecord,
} from '../../db/catalog-queries.js';
import { setSearchText } from '../../db/catalog-search-queries.js';
import { getCategory } from '../../db/category-queries.js';
import { getTaxClass } from '../../db/settings-queries.js';
import type { Tx } from '../../db/transactor.js';
import { buildSearchText } from '../../domain/search-text.js';
import { BusinessRuleError, ConflictError } from '../../errors.js';
import { auditEntry, type Actor } from '../settings/actor.js';
import { searchWords, toBarcode, type NormalisedBarcode } from './barcodes.js';
import type { Product } from './product-schema.js';

export type ProductDraft = Omit<ProductRecord, 'changeSeq' | 'createdAt' | 'updatedAt'>;

/** What is indexed for search: name, SKU, printed barcodes and variant attributes (size, colour). */
export function productSearchText(
  p: Pick<ProductRecord, 'name' | 'sku' | 'attributes'>,
  barcodes: readonly NormalisedBarcode[],
): string {
  return buildSearchText([p.name, p.sku, ...barcodes.map(searchWords), ...Object.values(p.attributes)]);
}

export function toProductDto(p: ProductRecord, barcodes: readonly NormalisedBarcode[]): Product {
  return { ...p, barcodes: barcodes.map(toBarcode) };
}

/**
 * Checks the rules a product must meet against the rest of the catalog. `previous` is the stored row on
 * update (undefined on create): references are only re-checked when they change, so an archived tax
 * class keeps working for the products that already use it.
 */
export function checkProductRules(
  tx: Tx,
  p: ProductDraft,
  barcodes: readonly NormalisedBarcode[] | undefined,
  previous?: ProductRecord,
): void {
  const otherSku = getProductIdBySku(tx.db, p.sku);
  if (otherSku !== undefined && otherSku !== p.id) {
    throw new ConflictError(
      `SKU "${p.sku}" is already used by another product`,
      { sku: p.sku, productId: otherSku },
      'SKU_TAKEN',
    );
  }
  if (p.taxClassId !== previous?.taxClassId) {
    const taxClass = getTaxClass(tx.db, p.taxClassId);
    if (!taxClass)
      throw rule('UNKNOWN_TAX_CLASS', `Tax class ${p.taxClassId} does not exist`, {
        taxClassId: p.taxClassId,
      });
    if (!taxClass.active)
      throw rule('TAX_CLASS_ARCHIVED', `Tax class "${taxClass.name}" is archived`, {
        taxClassId: p.taxClassId,
      });
  }
  if (p.categoryId !== null && p.categoryId !== previous?.categoryId) {
    const category = getCategory(tx.db, p.categoryId);
    if (!category)
      throw rule('UNKNOWN_CATEGORY', `Category ${p.categoryId} does not exist`, { categoryId: p.categoryId });
    if (!category.active)
      throw rule('CATEGORY_ARCHIVED', `Category "${category.name}" is archived`, {
        categoryId: p.categoryId,
      });
  }
  // A weighed item is priced per kilogram and sold in grams; any other unit would misprice it 1000-fold.
  if (p.weighed && p.unit !== 'kg')
    throw rule('WEIGHED_NEEDS_KG', 'A weighed product is priced per kg (unit "kg")', {});
  checkVariantRules(tx, p, barcodes ?? []);
  if (barcodes && barcodes.length > 0) {
    const taken = barcodesTakenByOthers(
      tx.db,
      barcodes.map((b) => b.code),
      p.id,
    );
    const [first] = taken;
    if (first) {
      throw new ConflictError(
        `Barcode ${toBarcode(first).display} already belongs to another product`,
        {
          code: first.code,
          productId: first.productId,
        },
        'BARCODE_TAKEN',
      );
    }
  }
}

function checkVariantRules(tx: Tx, p: ProductDraft, barcodes: readonly NormalisedBarcode[]): void {
  if (p.hasVariants) {
    if (p.parentId !== null) throw rule('VARIANT_NESTING', 'A variant cannot itself have variants', {});
    // A style is not sold itself (its variants are), so a barcode on it would scan to nothing sellable.
    if (barcodes.length > 0)
      throw rule('STYLE_HAS_BARCODE', 'Put barcodes on the variants, not on the style', {});
  } else if (variantIds(tx.db, p.id).length > 0) {
    throw rule(
      'STYLE_HAS_VARIANTS',
      'This product has variants; archive them before making it a plain product',
      {},
    );
  }
  if (p.parentId === null) return;
  const parent = getProduct(tx.db, p.parentId);
  if (!parent) throw rule('UNKNOWN_PARENT', `Product ${p.parentId} does not exist`, { parentId: p.parentId });
  if (!parent.hasVariants || parent.parentId !== null) {
    throw rule('PARENT_NOT_STYLE', `Product "${parent.name}" is not a style with variants`, {
      parentId: p.parentId,
    });
  }
  if (Object.keys(p.attributes).length === 0) {
    throw rule('VARIANT_NEEDS_ATTRIBUTES', 'A variant needs at least one attribute, e.g. {"size": "M"}', {});
  }
}

function rule(code: string, message: string, details: Record<string, unknown>): BusinessRuleError {
  return new BusinessRuleError(code, message, details);
}

/**
 * Writes the product (insert or update), replaces its barcodes when given, refreshes the search text,
 * and adds outbox and audit rows. Each call takes its own change_seq so the feed can page by it.
 */
export function writeProduct(
  tx: Tx,
  draft: ProductDraft,
  barcodes: readonly NormalisedBarcode[] | undefined,
  previous: ProductRecord | undefined,
  actor: Actor,
  action: string,
): Product {
  const record: ProductRecord = {
    ...draft,
    changeSeq: tx.nextCounter('catalog'),
    createdAt: previous?.createdAt ?? tx.at,
    updatedAt: tx.at,
  };
  const num = previous ? updateProduct(tx.db, record) : insertProduct(tx.db, record);
  if (barcodes) {
    deleteBarcodesOf(tx.db, record.id);
    for (const b of barcodes) insertBarcode(tx.db, { ...b, productId: record.id });
  }
  // Same order as barcodesOf (kind, then code, binary), so a create answers what a later read shows.
  const current = barcodes ? [...barcodes].sort(byKindThenCode) : barcodesOf(tx.db, record.id);
  setSearchText(tx.db, num, productSearchText(record, current));
  const dto = toProductDto(record, current);
  tx.outbox('product', record.id, 'upsert', dto);
  tx.audit(auditEntry(actor, action, record.id, auditDetails(record, previous)));
  return dto;
}

function byKindThenCode(a: NormalisedBarcode, b: NormalisedBarcode): number {
  const left = `${a.kind}\u0000${a.code}`;
  const right = `${b.kind}\u0000${b.code}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** What changed, old -> new, for the fields an owner asks about afterwards (price, cost, tax, active). */
function auditDetails(p: ProductRecord, previous: ProductRecord | undefined): Record<string, unknown> {
  if (!previous) return { sku: p.sku, name: p.name, priceMinor: p.priceMinor };
  const changed: Record<string, unknown> = { sku: p.sku };
  for (const key of ['name', 'priceMinor', 'costMinor', 'taxClassId', 'active', 'categoryId'] as const) {
    if (p[key] !== previous[key]) changed[key] = { from: previous[key], to: p[key] };
  }
  return changed;
}

/** Tells tills (after commit) that these products changed; the feed from the lowest change_seq has them. */
export function announceProducts(tx: Tx, products: readonly Product[]): void {
  if (products.length === 0) return;
  tx.emit({
    name: 'catalog.changed',
    payload: {
      changeSeq: Math.max(...products.map((p) => p.changeSeq)),
      productIds: products.map((p) => p.id),
      categoryIds: [],
    },
  });
}
