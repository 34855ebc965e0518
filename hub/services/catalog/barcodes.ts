// How barcodes entered by the owner become rows in `barcodes`, and back into what is printed on a pack.
import type { BarcodeKind } from '../../db/catalog-queries.js';
import {
  expandUpcE,
  findTemplate,
  gs1CheckDigit,
  hasValidCheckDigit,
  toGtin14,
  type LabelTemplate,
} from '../../domain/barcodes/index.js';
import { ValidationError } from '../../errors.js';
import type { Barcode, BarcodeInput } from './product-schema.js';

export interface NormalisedBarcode {
  code: string;
  kind: BarcodeKind;
}

const PLU_PREFIX = 'PLU:';
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/**
 * The stored code of a scale item number. One PLU space for every label template, as on the scale
 * itself (the same item prints a price label or a weight label depending on its setup), and leading
 * zeros dropped so a 5-digit template's "01234" and a 4-digit template's "1234" are the same item.
 */
export function pluCode(itemCode: string): string {
  return PLU_PREFIX + itemCode.replace(/^0+(?=\d)/, '');
}

/** Internal codes are matched as typed but case-insensitively: scanners and keyboards disagree on case. */
export function internalCode(code: string): string {
  return code.toUpperCase();
}

/**
 * Validates and normalises a product's barcodes. A GTIN must have its check digit right (a typo would
 * otherwise sell the wrong product or nothing) and must not fall under a label template's prefix (the
 * scanner would read it as a price label and never find the product).
 */
export function normaliseBarcodes(
  inputs: readonly BarcodeInput[],
  templates: readonly LabelTemplate[],
): NormalisedBarcode[] {
  const out: NormalisedBarcode[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const field = `barcodes.${index}`;
    const raw = typeof input === 'string' ? input : input.code;
    const kind = typeof input === 'string' ? undefined : input.kind;
    const normalised = normaliseOne(raw, kind, field, templates);
    if (seen.has(normalised.code)) {
      throw invalid(field, raw, `barcode ${raw} is listed twice`);
    }
    seen.add(normalised.code);
    out.push(normalised);
  });
  return out;
}

function normaliseOne(
  raw: string,
  kind: BarcodeKind | undefined,
  field: string,
  templates: readonly LabelTemplate[],
): NormalisedBarcode {
  const digits = /^\d+$/.test(raw);
  if (kind === 'plu') {
    if (!digits || raw.length > 6)
      throw invalid(field, raw, `a PLU item code is 1 to 6 digits, got "${raw}"`);
    return { code: pluCode(raw), kind: 'plu' };
  }
  if (kind === 'gtin' || (kind === undefined && digits && GTIN_LENGTHS.has(raw.length))) {
    const gtin = toGtin14(upcEAsUpcA(raw) ?? raw);
    if (!gtin.ok) {
      const hint =
        digits && GTIN_LENGTHS.has(raw.length)
          ? ` (the check digit should be ${gs1CheckDigit(raw.slice(0, -1))})`
          : '';
      throw invalid(field, raw, `${gtin.reason}${hint}`);
    }
    const template = findTemplate(gtin.value.slice(1), templates);
    if (gtin.value.startsWith('0') && template !== undefined) {
      throw invalid(
        field,
        raw,
        `${raw} starts with the prefix "${template.prefix}" of label template "${template.id}", so a scan would be read as a label; give the item code as a PLU instead`,
      );
    }
    return { code: gtin.value, kind: 'gtin' };
  }
  if (raw.toUpperCase().startsWith(PLU_PREFIX))
    throw invalid(field, raw, `codes starting with "${PLU_PREFIX}" are reserved`);
  if (/\p{Cc}/u.test(raw)) throw invalid(field, raw, 'a code must not contain control characters');
  return { code: internalCode(raw), kind: 'code' };
}

/**
 * An 8-digit code that is not a valid EAN-8 but is a valid UPC-E, as its UPC-A; otherwise undefined.
 * The scanner path reads 8 digits the same way (EAN-8 first, then UPC-E), so a product entered as
 * UPC-E is stored under the GTIN-14 a UPC-E scan, a UPC-A scan and its EAN-13 spelling all find.
 */
function upcEAsUpcA(raw: string): string | undefined {
  if (raw.length !== 8 || hasValidCheckDigit(raw)) return undefined;
  const upcA = expandUpcE(raw);
  return upcA.ok ? upcA.value : undefined;
}

function invalid(field: string, code: string, message: string): ValidationError {
  return new ValidationError(message, { issues: [{ path: field, message }], code }, 'INVALID_BARCODE');
}

/** The barcode as printed on the pack, for screens and shelf labels. */
export function toBarcode(b: NormalisedBarcode): Barcode {
  return { code: b.code, kind: b.kind, display: displayCode(b) };
}

function displayCode(b: NormalisedBarcode): string {
  switch (b.kind) {
    case 'plu':
      return b.code.slice(PLU_PREFIX.length);
    case 'code':
      return b.code;
    case 'gtin':
      // GTIN-14 with six leading zeros is an EAN-8; one leading zero is an EAN-13 (UPC-A shows as its
      // EAN-13 spelling, which scans the same).
      if (b.code.startsWith('000000')) return b.code.slice(6);
      return b.code.startsWith('0') ? b.code.slice(1) : b.code;
  }
}

/** Words for the search index: the printed code, so typing the start of an EAN finds the product. */
export function searchWords(b: NormalisedBarcode): string {
  return displayCode(b);
}
