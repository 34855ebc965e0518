// One CSV row to a product change, with every problem named by row and column. Pure: what it needs from
// the catalog comes in through RowLookups, so it is tested without a database and runs the same in the
// preview and in the import.
import type { ProductRecord, Unit } from '../../../db/catalog-queries.js';
import type { LabelTemplate } from '../../../domain/barcodes/index.js';
import { ValidationError } from '../../../errors.js';
import { normaliseBarcodes, toBarcode, type NormalisedBarcode } from '../barcodes.js';
import { MAX_PRICE_MINOR, UNITS } from '../product-schema.js';
import { CATEGORY_PATH_SEPARATOR, splitBarcodes, type CsvColumn } from './csv-columns.js';
import { parseMoney } from './csv-money.js';

export interface RowError {
  /** 1-based line of the data row in the file, the header being row 1. */
  row: number;
  column: CsvColumn | null;
  message: string;
}

export interface RefEntry {
  id: string;
  active: boolean;
}

export interface RowLookups {
  /** Decimals of the store currency. */
  exponent: number;
  /** Lower-cased category path ("food > dairy") and, where unique, bare name -> category. */
  categories: ReadonlyMap<string, RefEntry>;
  /** Lower-cased tax class code and name -> tax class. */
  taxClasses: ReadonlyMap<string, RefEntry>;
  templates: readonly LabelTemplate[];
  productBySku(sku: string): ProductRecord | undefined;
  /** The product a stored barcode belongs to. */
  barcodeOwner(code: string): string | undefined;
}

/** What a valid row changes: fields given in the file; on update, those left out keep their value. */
export interface ImportRow {
  row: number;
  sku: string;
  existing: ProductRecord | undefined;
  fields: Partial<Omit<ProductRecord, 'id' | 'sku' | 'parentId' | 'changeSeq' | 'createdAt' | 'updatedAt'>>;
  parentSku: string | null | undefined;
  barcodes: NormalisedBarcode[] | undefined;
}

export type RowResult = { ok: true; row: ImportRow } | { ok: false; errors: RowError[] };

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 'ja', 'kyllä', 'так', '是']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'nej', 'ei', 'ні', '否']);

/**
 * Validates rows one at a time and remembers what the file has said so far, so a SKU or barcode that
 * comes twice is an error on its second row, and a variant may name a style made earlier in the file.
 */
export class CatalogRowValidator {
  private readonly skuRows = new Map<string, number>();
  private readonly barcodeRows = new Map<string, { row: number; sku: string }>();
  private readonly stylesInFile = new Set<string>();

  constructor(private readonly lookups: RowLookups) {}

  validate(record: Readonly<Partial<Record<CsvColumn, string>>>, row: number): RowResult {
    const errors: RowError[] = [];
    const fail = (column: CsvColumn | null, message: string) => errors.push({ row, column, message });
    const cell = (column: CsvColumn): string | undefined => {
      const value = record[column];
      return value === undefined || value.trim() === '' ? undefined : value.trim();
    };

    const sku = cell('sku');
    if (sku === undefined) fail('sku', 'SKU is empty');
    else if (sku.length > 64) fail('sku', 'SKU is longer than 64 characters');
    else if (this.skuRows.has(sku))
      fail('sku', `SKU "${sku}" is also on row ${String(this.skuRows.get(sku))}`);
    const existing = sku === undefined ? undefined : this.lookups.productBySku(sku);
    const fields: ImportRow['fields'] = {};

    const name = cell('name');
    if (name === undefined) {
      if (!existing) fail('name', 'name is empty');
    } else if (name.length > 200) fail('name', 'name is longer than 200 characters');
    else fields.name = name;

    const description = cell('description');
    if (description !== undefined) {
      if (description.length > 2000) fail('description', 'description is longer than 2000 characters');
      else fields.description = description;
    }

    this.money(cell('price'), 'price', existing === undefined, fail, (m) => (fields.priceMinor = m));
    this.money(cell('cost'), 'cost', false, fail, (m) => (fields.costMinor = m));

    const category = cell('category');
    if (category !== undefined) {
      const key = category
        .split(/\s*>\s*/)
        .join(CATEGORY_PATH_SEPARATOR)
        .toLowerCase();
      const found = this.lookups.categories.get(key);
      if (!found) fail('category', `no category "${category}"`);
      else if (!found.active) fail('category', `category "${category}" is archived`);
      else fields.categoryId = found.id;
    }

    const taxClass = cell('tax_class');
    if (taxClass !== undefined) {
      const found = this.lookups.taxClasses.get(taxClass.toLowerCase());
      if (!found) fail('tax_class', `no tax class "${taxClass}"`);
      else if (!found.active) fail('tax_class', `tax class "${taxClass}" is archived`);
      else fields.taxClassId = found.id;
    } else if (!existing) fail('tax_class', 'tax class is empty');

    const unit = cell('unit');
    if (unit !== undefined) {
      const lower = unit.toLowerCase();
      if (!(UNITS as readonly string[]).includes(lower)) fail('unit', `unit is one of ${UNITS.join(', ')}`);
      else fields.unit = lower as Unit;
    }
    this.flag(cell('weighed'), 'weighed', fail, (v) => (fields.weighed = v));
    this.flag(cell('active'), 'active', fail, (v) => (fields.active = v));
    this.flag(cell('has_variants'), 'has_variants', fail, (v) => (fields.hasVariants = v));
    if ((fields.weighed ?? existing?.weighed) === true && (fields.unit ?? existing?.unit ?? 'piece') !== 'kg')
      fail('unit', 'a weighed product is priced per kg (unit "kg")');

    const reorder = cell('reorder_point');
    if (reorder !== undefined) {
      if (!/^\d{1,9}$/.test(reorder)) fail('reorder_point', `"${reorder}" is not a whole number`);
      else fields.reorderPoint = Number(reorder);
    }

    const attributes = cell('attributes');
    if (attributes !== undefined) {
      const parsed = parseAttributes(attributes);
      if (typeof parsed === 'string') fail('attributes', parsed);
      else fields.attributes = parsed;
    }

    const parentSku = this.parent(cell('parent_sku'), sku, fields, existing, fail);
    const barcodes = this.barcodes(cell('barcodes'), sku, existing, fail);

    if (errors.length > 0 || sku === undefined) return { ok: false, errors };
    this.skuRows.set(sku, row);
    if ((fields.hasVariants ?? existing?.hasVariants) === true) this.stylesInFile.add(sku);
    for (const b of barcodes ?? []) this.barcodeRows.set(b.code, { row, sku });
    return { ok: true, row: { row, sku, existing, fields, parentSku, barcodes } };
  }

  private money(
    text: string | undefined,
    column: 'price' | 'cost',
    required: boolean,
    fail: (column: CsvColumn, message: string) => void,
    set: (minor: number) => void,
  ): void {
    if (text === undefined) {
      if (required) fail(column, `${column} is empty`);
      return;
    }
    const parsed = parseMoney(text, this.lookups.exponent);
    if (!parsed.ok) fail(column, `${column} ${parsed.reason}`);
    else if (parsed.minor > MAX_PRICE_MINOR) fail(column, `${column} "${text}" is above the maximum`);
    else set(parsed.minor);
  }

  private flag(
    text: string | undefined,
    column: CsvColumn,
    fail: (column: CsvColumn, message: string) => void,
    set: (value: boolean) => void,
  ): void {
    if (text === undefined) return;
    const lower = text.toLowerCase();
    if (TRUE_WORDS.has(lower)) set(true);
    else if (FALSE_WORDS.has(lower)) set(false);
    else fail(column, `"${text}" is not yes or no`);
  }

  private parent(
    parentSku: string | undefined,
    sku: string | undefined,
    fields: ImportRow['fields'],
    existing: ProductRecord | undefined,
    fail: (column: CsvColumn, message: string) => void,
  ): string | undefined {
    if (parentSku === undefined) return undefined;
    if (parentSku === sku) {
      fail('parent_sku', 'a product cannot be its own style');
      return undefined;
    }
    const stored = this.lookups.productBySku(parentSku);
    const isStyle =
      this.stylesInFile.has(parentSku) || (stored?.hasVariants === true && stored.parentId === null);
    if (!isStyle) fail('parent_sku', `"${parentSku}" is not a style with variants`);
    if (Object.keys(fields.attributes ?? existing?.attributes ?? {}).length === 0)
      fail('attributes', 'a variant needs at least one attribute, e.g. "size=M"');
    return parentSku;
  }

  private barcodes(
    text: string | undefined,
    sku: string | undefined,
    existing: ProductRecord | undefined,
    fail: (column: CsvColumn, message: string) => void,
  ): NormalisedBarcode[] | undefined {
    if (text === undefined) return undefined;
    let barcodes: NormalisedBarcode[];
    try {
      barcodes = normaliseBarcodes(splitBarcodes(text), this.lookups.templates);
    } catch (error) {
      if (error instanceof ValidationError) {
        fail('barcodes', error.message);
        return undefined;
      }
      throw error;
    }
    if (barcodes.length > 20) fail('barcodes', 'at most 20 barcodes');
    for (const b of barcodes) {
      const inFile = this.barcodeRows.get(b.code);
      if (inFile && inFile.sku !== sku) {
        fail('barcodes', `barcode ${toBarcode(b).display} is also on row ${String(inFile.row)}`);
        continue;
      }
      const owner = this.lookups.barcodeOwner(b.code);
      if (owner !== undefined && owner !== existing?.id)
        fail('barcodes', `barcode ${toBarcode(b).display} belongs to another product`);
    }
    return barcodes;
  }
}

const ATTRIBUTE_NAME = /^[a-z][a-zA-Z0-9_]{0,29}$/;

/** "size=M; colour=Red" -> { size: 'M', colour: 'Red' }, or what is wrong with it. */
export function parseAttributes(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!ATTRIBUTE_NAME.test(key) || value === '' || value.length > 40)
      return `"${part.trim()}" is not name=value (a short lower-case name, a value up to 40 characters)`;
    out[key] = value;
  }
  if (Object.keys(out).length > 8) return 'at most 8 attributes';
  return out;
}
