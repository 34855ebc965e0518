// What a scan means for the till: the product, and the price or weight a label carries.
import type { Clock } from '../../clock.js';
import {
  findBarcode,
  getProduct,
  getProductIdBySku,
  type ProductRecord,
  type Unit,
} from '../../db/catalog-queries.js';
import type { Db } from '../../db/connection.js';
import { getTaxClass } from '../../db/settings-queries.js';
import { classifyScan, type LabelTemplate } from '../../domain/barcodes/index.js';
import { currencyExponent } from '../../domain/money.js';
import type { StoreSettings } from '../settings/settings-schema.js';
import { internalCode, pluCode } from './barcodes.js';

/** What the till needs to put a line on the sale without another request. */
export interface TillItem {
  id: string;
  sku: string;
  name: string;
  /** Per piece, or per kg for weighed items, in minor units. */
  priceMinor: number;
  unit: Unit;
  weighed: boolean;
  taxClassId: string;
  taxRateBp: number;
  categoryId: string | null;
}

export type ScanKind = 'gtin' | 'embedded' | 'gs1' | 'code';

export type LookupResult =
  | {
      status: 'found';
      scan: ScanKind;
      /** The code that matched, in stored form (GTIN-14, PLU:<item>, internal code or SKU). */
      code: string;
      product: TillItem;
      /** Price printed on a price-embedded label or in GS1 AI 392n: the line total, not a unit price. */
      embeddedPriceMinor?: number;
      weightGrams?: number;
      expiry?: string;
      batch?: string;
      /** The GS1 expiry date is before today in the store's time zone. */
      expired?: boolean;
      /** A weighed item scanned without a weight: the till must read the scale. */
      needsWeight: boolean;
    }
  | {
      status: 'not_found';
      scan: ScanKind;
      code: string;
      /** 'archived': the product exists but is no longer sold; 'style': scan a variant instead. */
      reason: 'unknown' | 'archived' | 'style';
      productId?: string;
    }
  | { status: 'invalid'; reason: string };

export function lookupBarcode(
  db: Db,
  raw: string,
  settings: StoreSettings,
  templates: readonly LabelTemplate[],
  clock: Clock,
): LookupResult {
  const scan = classifyScan(raw, {
    templates,
    currencyExponent: currencyExponent(settings.currency),
    referenceYear: clock.now().getUTCFullYear(),
  });
  switch (scan.kind) {
    case 'invalid':
      return { status: 'invalid', reason: scan.reason };
    case 'gtin':
      return resolve(db, 'gtin', scan.gtin14, findBarcode(db, scan.gtin14)?.productId, {});
    case 'embedded': {
      const code = pluCode(scan.itemCode);
      return resolve(db, 'embedded', code, findBarcode(db, code)?.productId, {
        embeddedPriceMinor: scan.priceMinor,
        weightGrams: scan.weightGrams,
      });
    }
    case 'gs1': {
      const expired =
        scan.expiry === undefined ? undefined : scan.expiry < localDate(clock, settings.timeZone);
      return resolve(db, 'gs1', scan.gtin14, findBarcode(db, scan.gtin14)?.productId, {
        embeddedPriceMinor: scan.priceMinor,
        weightGrams: scan.weightGrams,
        expiry: scan.expiry,
        batch: scan.batch,
        expired,
      });
    }
    case 'code': {
      // An internal barcode first, then the SKU as typed (SKUs are case-sensitive, codes are not).
      const code = internalCode(scan.code);
      const byCode = findBarcode(db, code)?.productId;
      if (byCode !== undefined) return resolve(db, 'code', code, byCode, {});
      const bySku = getProductIdBySku(db, scan.code);
      return resolve(db, 'code', bySku === undefined ? code : scan.code, bySku, {});
    }
  }
}

interface Extras {
  embeddedPriceMinor?: number | undefined;
  weightGrams?: number | undefined;
  expiry?: string | undefined;
  batch?: string | undefined;
  expired?: boolean | undefined;
}

function resolve(
  db: Db,
  scan: ScanKind,
  code: string,
  productId: string | undefined,
  extras: Extras,
): LookupResult {
  const product = productId === undefined ? undefined : getProduct(db, productId);
  if (!product) return { status: 'not_found', scan, code, reason: 'unknown' };
  if (!product.active) return { status: 'not_found', scan, code, reason: 'archived', productId: product.id };
  if (product.hasVariants) return { status: 'not_found', scan, code, reason: 'style', productId: product.id };
  // Undefined extras are dropped when the result is serialised, so the till sees only what the scan had.
  return {
    status: 'found',
    scan,
    code,
    product: tillItem(db, product),
    ...extras,
    needsWeight:
      product.weighed && extras.weightGrams === undefined && extras.embeddedPriceMinor === undefined,
  };
}

function tillItem(db: Db, p: ProductRecord): TillItem {
  const taxClass = getTaxClass(db, p.taxClassId);
  // The foreign key guarantees the row; a missing one is a damaged database, not a scan outcome.
  if (!taxClass) throw new Error(`product ${p.id} refers to missing tax class ${p.taxClassId}`);
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    priceMinor: p.priceMinor,
    unit: p.unit,
    weighed: p.weighed,
    taxClassId: p.taxClassId,
    taxRateBp: taxClass.rateBp,
    categoryId: p.categoryId,
  };
}

/** Today's date (YYYY-MM-DD) where the shop is: an item expiring "today" is still sellable today. */
function localDate(clock: Clock, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(clock.now());
}
