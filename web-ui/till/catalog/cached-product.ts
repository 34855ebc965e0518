import { buildSearchText } from '../../../hub/domain/search-text.js';
import { array, integer, object, string, type Json } from '../../shared/api/decode.js';
import { haystack } from './search-match.js';

/**
 * A product as the till's catalog cache keeps it: what a search result and a scan need, the keys a scan
 * is looked up by, and its search text, folded once when it arrives (never on each keystroke).
 */
export interface CachedProduct {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
  weighed: boolean;
  active: boolean;
  /** A style (it has variants): never sold itself. */
  hasVariants: boolean;
  categoryId: string | null;
  /** The first barcode as printed, shown under the name in search results. */
  barcode: string | null;
  /** Scan keys: stored GTIN-14s, internal codes (upper case, as the hub stores them) and `sku:<sku>`. */
  codes: string[];
  /** ' token token ' (see search-match.ts): name, SKU, printed barcodes and attributes, folded. */
  search: string;
  /** The hub's catalog change counter for this row: a newer value always wins a merge. */
  changeSeq: number;
}

/** The scan key of a SKU; lower-case "sku:" never collides with an internal code (stored upper case). */
export function skuKey(sku: string): string {
  return `sku:${sku}`;
}

/** Decodes one product of the hub's change feed (GET /catalog/changes); throws on a malformed row. */
export function cachedProduct(value: unknown): CachedProduct {
  const o = object(value, 'catalog.product');
  const barcodes = array(o, 'barcodes', 'catalog.product').map((b) => object(b, 'catalog.barcode'));
  const attributes = typeof o.attributes === 'object' && o.attributes !== null ? o.attributes : {};
  const sku = string(o, 'sku', 'catalog.product');
  const name = string(o, 'name', 'catalog.product');
  const printed = barcodes.map((b) => string(b, 'display', 'catalog.barcode'));
  const category = o.categoryId;
  return {
    id: string(o, 'id', 'catalog.product'),
    sku,
    name,
    priceMinor: integer(o, 'priceMinor', 'catalog.product'),
    weighed: o.weighed === true,
    active: o.active === true,
    hasVariants: o.hasVariants === true,
    categoryId: typeof category === 'string' ? category : null,
    barcode: printed[0] ?? null,
    codes: [...barcodes.flatMap(scanCode), skuKey(sku)],
    search: haystack(
      buildSearchText([
        name,
        sku,
        ...printed,
        ...Object.values(attributes).filter((v): v is string => typeof v === 'string'),
      ]),
    ),
    changeSeq: integer(o, 'changeSeq', 'catalog.product'),
  };
}

/** GTINs and internal codes are scanned as stored; a scale item (PLU) is only ever on a label. */
function scanCode(b: Json): string[] {
  const kind = b.kind;
  return kind === 'gtin' || kind === 'code' ? [string(b, 'code', 'catalog.barcode')] : [];
}

/** A product the till can put on a sale as it is (active and not a style). */
export function sellable(p: CachedProduct): boolean {
  return p.active && !p.hasVariants;
}
