import type { Db } from '../../db/connection.js';
import { BusinessRuleError } from '../../errors.js';
import type { ScanLookup } from './deps.js';
import type { CartLineInput } from './types.js';

// The edge limits of docs/hub-internals.md, applied to what a label says as they are to what a till types.
const MAX_LABEL_GRAMS = 1_000_000;
const MAX_LABEL_PRICE_MINOR = 100_000_000;

/** What the hub itself read from a line's scanned label. At least one of the two is set. */
export interface ScanReading {
  /** Price-embedded label or GS1 AI 392n: the line amount. */
  priceMinor?: number;
  /** Weight-embedded label or GS1 AI 310n: the line quantity in grams. */
  weightGrams?: number;
}

function invalidScan(line: CartLineInput, message: string, reason: string, extra = {}): BusinessRuleError {
  return new BusinessRuleError('INVALID_SCAN', message, { lineId: line.id, reason, ...extra });
}

function conflict(line: CartLineInput, message: string): BusinessRuleError {
  return new BusinessRuleError('SCAN_QUANTITY_CONFLICT', message, { lineId: line.id });
}

/**
 * Decodes each line's `scannedCode` with the catalog lookup (the one GET /products/lookup answers with)
 * and returns the labels' prices and weights by line id. A till never states a label's figures: a code
 * that does not read, names no product or names another product than the line's is refused.
 */
export function readScans(
  db: Db,
  lookup: ScanLookup,
  lines: readonly CartLineInput[],
): Map<string, ScanReading> {
  const readings = new Map<string, ScanReading>();
  for (const line of lines) {
    const reading = line.scannedCode === undefined ? undefined : readScan(db, lookup, line, line.scannedCode);
    if (reading === undefined) {
      if (line.weightSource === 'label') {
        throw new BusinessRuleError(
          'LABEL_SCAN_REQUIRED',
          'A label weight comes from the scanned label; send the label as scannedCode',
          { lineId: line.id },
        );
      }
      continue;
    }
    if (line.quantity !== undefined) {
      throw conflict(line, 'The scanned label gives this line its weight or price; do not send a quantity');
    }
    if (line.weightSource !== undefined && line.weightSource !== 'label') {
      throw conflict(line, `A scanned label is the weight source, not '${line.weightSource}'`);
    }
    readings.set(line.id, reading);
  }
  return readings;
}

/** The label's figures, or undefined for a plain product code (it only confirms the product). */
function readScan(db: Db, lookup: ScanLookup, line: CartLineInput, code: string): ScanReading | undefined {
  const result = lookup.lookupBarcodeIn(db, code);
  if (result.status === 'invalid') {
    throw invalidScan(line, `The scanned code cannot be read: ${result.reason}`, result.reason);
  }
  if (result.status === 'not_found') {
    throw invalidScan(line, 'No product is sold under the scanned code', result.reason, {
      code: result.code,
    });
  }
  if (result.product.id !== line.productId) {
    throw new BusinessRuleError('SCAN_PRODUCT_MISMATCH', `The scanned code is for ${result.product.name}`, {
      lineId: line.id,
      productId: line.productId,
      scannedProductId: result.product.id,
    });
  }
  const { embeddedPriceMinor: priceMinor, weightGrams } = result;
  if (priceMinor === undefined && weightGrams === undefined) return undefined;
  if (priceMinor !== undefined && priceMinor > MAX_LABEL_PRICE_MINOR) {
    throw invalidScan(line, 'The label price is out of range', `price ${priceMinor} above the limit`);
  }
  if (weightGrams !== undefined) {
    if (result.product.unit === 'piece') {
      throw invalidScan(line, 'A weight label for a product sold by the piece', 'weight on a piece product');
    }
    if (weightGrams < 1 || weightGrams > MAX_LABEL_GRAMS) {
      throw invalidScan(line, 'The label weight is out of range', `weight ${weightGrams} g out of range`);
    }
  }
  return {
    ...(priceMinor === undefined ? {} : { priceMinor }),
    ...(weightGrams === undefined ? {} : { weightGrams }),
  };
}
