// The catalog CSV: one row a product (variants too, with their style's SKU), the same columns for export
// and import so an exported file can be edited in a spreadsheet and imported back.

export const CSV_COLUMNS = [
  'sku',
  'name',
  'description',
  'category',
  'tax_class',
  'unit',
  'weighed',
  'price',
  'cost',
  'barcodes',
  'reorder_point',
  'active',
  'parent_sku',
  'has_variants',
  'attributes',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns a file must have; every other one may be left out (kept on update, defaulted on create). */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['sku', 'name', 'price'];

/** Barcodes in one cell: separated by spaces, commas, semicolons or '|'. */
export function splitBarcodes(cell: string): string[] {
  return cell
    .split(/[\s,;|]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** Category paths are written "Food > Dairy"; matched without regard to case. */
export const CATEGORY_PATH_SEPARATOR = ' > ';

/** Attributes as "size=M; colour=Red" (the same form export writes). */
export function formatAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}
