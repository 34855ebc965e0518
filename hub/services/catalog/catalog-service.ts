import type { HubContext } from '../../context.js';
import {
  barcodesOf,
  barcodesOfMany,
  getProduct,
  listProducts,
  variantIds,
  type ProductRecord,
} from '../../db/catalog-queries.js';
import { searchProducts } from '../../db/catalog-search-queries.js';
import type { Db } from '../../db/connection.js';
import type { Tx } from '../../db/transactor.js';
import { buildMatchQuery } from '../../domain/search-text.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Actor } from '../settings/actor.js';
import { parseOrThrow } from '../settings/settings-schema.js';
import type { SettingsService } from '../settings/settings-service.js';
import { normaliseBarcodes, type NormalisedBarcode } from './barcodes.js';
import { catalogChanges, catalogChangesSinceTime, type CatalogChanges } from './changes.js';
import type { LabelTemplateService } from './label-template-service.js';
import { lookupBarcode, type LookupResult } from './lookup.js';
import { ProductCreateSchema, ProductPatchSchema, type Product } from './product-schema.js';
import {
  announceProducts,
  checkProductRules,
  toProductDto,
  writeProduct,
  type ProductDraft,
} from './product-writer.js';

export interface CatalogDeps {
  settings: SettingsService;
  templates: LabelTemplateService;
}

export interface ProductQuery {
  /** Free text: name, SKU, barcode digits or attribute values. */
  q?: string | undefined;
  categoryId?: string | undefined;
  parentId?: string | undefined;
  status?: 'active' | 'archived' | 'all';
  limit: number;
  offset: number;
}

export interface ProductPage {
  items: Product[];
  /** Offset of the next page, or null on the last one. */
  nextOffset: number | null;
}

// Fields compared when a create is repeated with the same id (a retried request must match exactly).
const COMPARED = [
  'parentId',
  'sku',
  'name',
  'description',
  'categoryId',
  'taxClassId',
  'unit',
  'weighed',
  'priceMinor',
  'costMinor',
  'hasVariants',
  'reorderPoint',
  'active',
] as const;

/**
 * Products, their barcodes, search, scan lookup and the change feed. Every write is one transaction that
 * takes catalog change_seq values, writes outbox and audit rows, and announces 'catalog.changed' after
 * commit. Products are archived, never deleted: sales and the feed keep referring to them.
 */
export class CatalogService {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: CatalogDeps,
  ) {}

  get(id: string): Product {
    return this.ctx.tx.read((db) => {
      const p = getProduct(db, id);
      if (!p) throw new NotFoundError('Product', id);
      return toProductDto(p, barcodesOf(db, id));
    });
  }

  /** Lists by name, or by relevance when `q` is given; archived products only when asked for. */
  list(query: ProductQuery): ProductPage {
    const status = query.status ?? 'active';
    return this.ctx.tx.read((db) => {
      let rows: ProductRecord[];
      if (query.q !== undefined && query.q.trim() !== '') {
        const match = buildMatchQuery(query.q);
        if (match === undefined) return { items: [], nextOffset: null };
        rows = searchProducts(
          db,
          { match, status, categoryId: query.categoryId },
          query.limit + 1,
          query.offset,
        );
      } else {
        rows = listProducts(
          db,
          { status, categoryId: query.categoryId, parentId: query.parentId },
          query.limit + 1,
          query.offset,
        );
      }
      const page = rows.slice(0, query.limit);
      const barcodes = groupBarcodes(
        barcodesOfMany(
          db,
          page.map((p) => p.id),
        ),
      );
      return {
        items: page.map((p) => toProductDto(p, barcodes.get(p.id) ?? [])),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    });
  }

  /**
   * Creates a product. The client may bring the id (UUIDv7): sending the same create again returns the
   * product unchanged (`created: false`); different content under an existing id is a 409.
   */
  create(input: unknown, actor: Actor): { product: Product; created: boolean } {
    const data = parseOrThrow(ProductCreateSchema, input, 'product');
    const barcodes = normaliseBarcodes(data.barcodes, this.deps.templates.active());
    const result = this.ctx.tx.write((tx) => {
      const { barcodes: _inputCodes, id: givenId, ...fields } = data;
      const draft: ProductDraft = { ...fields, id: givenId ?? newId() };
      const existing = getProduct(tx.db, draft.id);
      if (existing) {
        const stored = barcodesOf(tx.db, draft.id);
        const differing = differences(existing, stored, draft, barcodes);
        if (differing.length > 0) {
          throw new ConflictError(`Product ${draft.id} already exists with other content`, {
            id: draft.id,
            fields: differing,
          });
        }
        return { product: toProductDto(existing, stored), created: false };
      }
      checkProductRules(tx, draft, barcodes);
      const product = writeProduct(tx, draft, barcodes, undefined, actor, 'product.create');
      this.announce(tx, [product]);
      return { product, created: true };
    });
    return result;
  }

  update(id: string, patch: unknown, actor: Actor): Product {
    const data = parseOrThrow(ProductPatchSchema, patch, 'product');
    const barcodes =
      data.barcodes === undefined
        ? undefined
        : normaliseBarcodes(data.barcodes, this.deps.templates.active());
    return this.ctx.tx.write((tx) => {
      const previous = getProduct(tx.db, id);
      if (!previous) throw new NotFoundError('Product', id);
      const { barcodes: _inputCodes, ...fields } = data;
      const { changeSeq: _seq, createdAt: _created, updatedAt: _updated, ...base } = previous;
      const draft: ProductDraft = { ...base, ...stripUndefined(fields) };
      checkProductRules(tx, draft, barcodes ?? barcodesOf(tx.db, id), previous);
      const product = writeProduct(tx, draft, barcodes, previous, actor, 'product.update');
      this.announce(tx, [product]);
      return product;
    });
  }

  /**
   * Archives (or brings back) a product. Archiving a style archives its variants with it, so a size of a
   * discontinued shirt cannot stay on sale by accident; unarchiving brings them back the same way.
   */
  setActive(id: string, active: boolean, actor: Actor): Product {
    return this.ctx.tx.write((tx) => {
      const target = getProduct(tx.db, id);
      if (!target) throw new NotFoundError('Product', id);
      const ids = target.hasVariants ? [id, ...variantIds(tx.db, id)] : [id];
      const written: Product[] = [];
      for (const productId of ids) {
        const previous = productId === id ? target : getProduct(tx.db, productId);
        if (!previous || previous.active === active) continue;
        const { changeSeq: _seq, createdAt: _created, updatedAt: _updated, ...base } = previous;
        written.push(
          writeProduct(
            tx,
            { ...base, active },
            undefined,
            previous,
            actor,
            active ? 'product.unarchive' : 'product.archive',
          ),
        );
      }
      this.announce(tx, written);
      return written.find((p) => p.id === id) ?? toProductDto(target, barcodesOf(tx.db, id));
    });
  }

  lookupBarcode(raw: string): LookupResult {
    return this.ctx.tx.read((db) => this.lookupBarcodeIn(db, raw));
  }

  /**
   * The same lookup on a connection the caller already holds, so a sale decodes its scanned labels inside
   * its own transaction with the templates, currency and products GET /products/lookup uses.
   */
  lookupBarcodeIn(db: Db, raw: string): LookupResult {
    return lookupBarcode(db, raw, this.deps.settings.get(), this.deps.templates.active(), this.ctx.clock);
  }

  changesSince(afterSeq: number, limit: number): CatalogChanges {
    return this.ctx.tx.read((db) => catalogChanges(db, afterSeq, limit));
  }

  /** For clients that only remember a time: starts the feed at the first change after `iso`. */
  changesSinceTime(iso: string, limit: number): CatalogChanges {
    return this.ctx.tx.read((db) => catalogChangesSinceTime(db, iso, limit));
  }

  private announce(tx: Tx, products: readonly Product[]): void {
    announceProducts(tx, products);
  }
}

function differences(
  existing: ProductRecord,
  stored: readonly NormalisedBarcode[],
  draft: ProductDraft,
  barcodes: readonly NormalisedBarcode[],
): string[] {
  const out: string[] = COMPARED.filter((key) => existing[key] !== draft[key]);
  if (JSON.stringify(sortKeys(existing.attributes)) !== JSON.stringify(sortKeys(draft.attributes)))
    out.push('attributes');
  const codes = (list: readonly NormalisedBarcode[]) =>
    list
      .map((b) => `${b.kind}:${b.code}`)
      .sort()
      .join(',');
  if (codes(stored) !== codes(barcodes)) out.push('barcodes');
  return out;
}

function sortKeys(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}

function groupBarcodes<T extends { productId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.productId, [...(map.get(row.productId) ?? []), row]);
  return map;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
