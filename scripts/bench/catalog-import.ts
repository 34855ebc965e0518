// Catalog CSV import of a large file (default 100,000 products) through the hub's import service, the
// code behind /catalog-imports: the file appended in 512 KiB pieces, checked (every row validated
// against the catalog, nothing written), then imported in batches of 500 rows per transaction. Prints
// rows per second for the check and for the import. Figures only; nothing is asserted.
//
//   npx tsx scripts/bench/catalog-import.ts
//   BENCH_IMPORT_ROWS=20000 npx tsx scripts/bench/catalog-import.ts
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { withCheckDigit } from '../../hub/domain/barcodes/index.js';
import { createCatalogModule } from '../../hub/services/catalog/catalog-module.js';
import {
  MAX_CHUNK_BYTES,
  type CatalogImport,
} from '../../hub/services/catalog/import/catalog-import-service.js';
import { SYSTEM_ACTOR } from '../../hub/services/settings/actor.js';
import { createSettingsModule } from '../../hub/services/settings/settings-module.js';
import { intFromEnv, makeBenchDir, printHeader, runMain } from './env.js';
import { openBenchContext } from './setup.js';
import { elapsedMs, printFigure } from './stats.js';

const ROWS = intFromEnv('BENCH_IMPORT_ROWS', 100_000);
const CATEGORIES = ['Dairy', 'Bakery', 'Fruit', 'Drinks', 'Frozen', 'Household', 'Snacks', 'Meat'];

/** A semicolon CSV with decimal commas, as Danish Excel saves it, with a BOM and one EAN-13 a row. */
function writeCsv(path: string, rows: number): void {
  const records = [['sku', 'name', 'category', 'tax_class', 'price', 'cost', 'barcodes']];
  for (let i = 0; i < rows; i += 1) {
    const price = 500 + ((i * 37) % 20_000);
    records.push([
      `SKU-${String(i).padStart(7, '0')}`,
      `Produkt ${String(i)} "ekstra"; ${CATEGORIES[i % CATEGORIES.length] ?? ''}`,
      CATEGORIES[i % CATEGORIES.length] ?? '',
      i % 3 === 0 ? 'Moms 25 %' : 'standard',
      `${String(Math.floor(price / 100))},${String(price % 100).padStart(2, '0')}`,
      `${String(Math.floor(price / 200))},00`,
      withCheckDigit(`579${String(i).padStart(9, '0')}`),
    ]);
  }
  writeFileSync(path, `\uFEFF${stringify(records, { delimiter: ';', record_delimiter: 'windows' })}`);
}

async function until(
  get: () => CatalogImport,
  done: (job: CatalogImport) => boolean,
): Promise<CatalogImport> {
  for (;;) {
    const job = get();
    if (done(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main(): Promise<void> {
  printHeader('catalog: CSV import', { rows: ROWS, batch: '500 rows per transaction' });
  const { dir, cleanup } = makeBenchDir('catalog-import');
  const ctx = openBenchContext(dir);
  try {
    const settings = createSettingsModule(ctx, { defaultCountry: 'DK' });
    settings.service.ensureSetUp(SYSTEM_ACTOR);
    const catalog = createCatalogModule(ctx, { settings: settings.service });
    for (const name of CATEGORIES) catalog.categories.create({ name }, SYSTEM_ACTOR);
    const file = join(dir, 'products.csv');
    writeCsv(file, ROWS);
    const bytes = readFileSync(file);
    printFigure('file', `${String(ROWS)} rows, ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB`);

    const imports = catalog.imports;
    const job = imports.create({ fileName: 'products.csv' }, SYSTEM_ACTOR);
    let start = process.hrtime.bigint();
    for (let offset = 0; offset < bytes.length; offset += MAX_CHUNK_BYTES) {
      imports.appendChunk(job.id, offset, bytes.subarray(offset, offset + MAX_CHUNK_BYTES));
    }
    printFigure('upload (pieces appended)', `${elapsedMs(start).toFixed(0)} ms`);

    start = process.hrtime.bigint();
    imports.check(job.id);
    const checked = await until(
      () => imports.get(job.id),
      (j) => j.status !== 'checking',
    );
    const checkMs = elapsedMs(start);
    if (checked.status !== 'checked' || checked.errorRows > 0)
      throw new Error(`check ended ${checked.status} with ${String(checked.errorRows)} error rows`);
    printFigure(
      'check (nothing written)',
      `${(checkMs / 1000).toFixed(1)} s, ${(ROWS / (checkMs / 1000)).toFixed(0)} rows/s`,
    );

    start = process.hrtime.bigint();
    imports.commit(job.id, 'all', SYSTEM_ACTOR);
    const done = await until(
      () => imports.get(job.id),
      (j) => j.status !== 'importing',
    );
    const importMs = elapsedMs(start);
    if (done.status !== 'done' || done.createdProducts !== ROWS)
      throw new Error(`import ended ${done.status} with ${String(done.createdProducts)} products`);
    printFigure(
      'import (create products)',
      `${(importMs / 1000).toFixed(1)} s, ${(ROWS / (importMs / 1000)).toFixed(0)} rows/s`,
    );
    printFigure(
      'check + import',
      `${((checkMs + importMs) / 1000).toFixed(1)} s, ${(ROWS / ((checkMs + importMs) / 1000)).toFixed(0)} rows/s`,
    );
    await catalog.stop();
  } finally {
    ctx.close();
    cleanup();
  }
}

runMain(main);
