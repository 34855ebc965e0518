// The catalog as CSV, streamed: pages of products read after a row number, turned into rows and fed to
// csv-stringify, which the HTTP answer streams to the browser with backpressure.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { barcodesOfMany } from '../../../db/catalog-queries.js';
import { productsAfter } from '../../../db/catalog-export-queries.js';
import { listCategories } from '../../../db/category-queries.js';
import type { Db } from '../../../db/connection.js';
import { listTaxClasses } from '../../../db/settings-queries.js';
import { toBarcode } from '../barcodes.js';
import { categoryPaths } from '../import/import-lookups.js';
import { CSV_COLUMNS, formatAttributes, type CsvColumn } from './csv-columns.js';
import { formatMoney } from './csv-money.js';

const PAGE = 500;

export interface ExportOptions {
  status: 'active' | 'archived' | 'all';
  categoryId: string | null;
  /** 'semicolon' writes ';' with decimal commas, as Excel does in Denmark and Finland. */
  delimiter: 'comma' | 'semicolon';
  exponent: number;
}

/** The CSV text as a stream of chunks, with a BOM so Excel reads it as UTF-8. */
export function exportCatalogCsv(db: Db, options: ExportOptions): Readable {
  const decimalMark = options.delimiter === 'semicolon' ? ',' : '.';
  const categories = categoryPaths(listCategories(db, true));
  const taxClasses = new Map(listTaxClasses(db).map((t) => [t.id, t.code ?? t.name]));
  const money = (minor: number) => formatMoney(minor, options.exponent, decimalMark);

  async function* rows(): AsyncGenerator<Record<CsvColumn, string>> {
    let after = 0;
    for (;;) {
      const page = productsAfter(db, after, options.status, options.categoryId, PAGE);
      if (page.length === 0) return;
      const codes = new Map<string, string[]>();
      for (const b of barcodesOfMany(
        db,
        page.map((p) => p.id),
      )) {
        codes.set(b.productId, [...(codes.get(b.productId) ?? []), toBarcode(b).display]);
      }
      for (const p of page) {
        yield {
          sku: p.sku,
          name: p.name,
          description: p.description,
          category: p.categoryId === null ? '' : (categories.get(p.categoryId)?.path ?? ''),
          tax_class: taxClasses.get(p.taxClassId) ?? '',
          unit: p.unit,
          weighed: p.weighed ? 'yes' : 'no',
          price: money(p.priceMinor),
          cost: money(p.costMinor),
          barcodes: (codes.get(p.id) ?? []).join(' '),
          reorder_point: p.reorderPoint === null ? '' : String(p.reorderPoint),
          active: p.active ? 'yes' : 'no',
          parent_sku: p.parentSku ?? '',
          has_variants: p.hasVariants ? 'yes' : 'no',
          attributes: formatAttributes(p.attributes),
        };
      }
      after = page.at(-1)?.num ?? after;
      // Let the event loop serve others between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  const stringifier = stringify({
    header: true,
    columns: [...CSV_COLUMNS],
    bom: true,
    delimiter: options.delimiter === 'semicolon' ? ';' : ',',
    record_delimiter: 'windows',
  });
  const source = Readable.from(rows());
  source.on('error', (error) => stringifier.destroy(error));
  return source.pipe(stringifier);
}
