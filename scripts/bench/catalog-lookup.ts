// Barcode lookup and product search on a big catalog (default 1,000,000 products), in the service
// (CatalogService.lookupBarcode / list) and over HTTP on the real hub process (GET /products/lookup and
// GET /products?q=). Prints the catalog generation time too. Figures only; nothing is asserted.
//
//   npx tsx scripts/bench/catalog-lookup.ts
//   BENCH_PRODUCTS=100000 BENCH_LOOKUPS=2000 BENCH_SEARCHES=300 npx tsx scripts/bench/catalog-lookup.ts
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { withCheckDigit } from '../../hub/domain/barcodes/index.js';
import { LabelTemplateService } from '../../hub/services/catalog/label-template-service.js';
import { CatalogService } from '../../hub/services/catalog/catalog-service.js';
import { SettingsService } from '../../hub/services/settings/settings-service.js';
import { prng } from '../demo/catalog-seed.js';
import { intFromEnv, makeBenchDir, printHeader, runMain } from './env.js';
import { TillClient } from './http-client.js';
import { startBenchHub } from './hub-runner.js';
import { openBenchContext, prepareStore, sampleBarcodes } from './setup.js';
import { printFigure, printSummary, summarize } from './stats.js';
import { cycle, timeEach } from './timing.js';

const PRODUCTS = intFromEnv('BENCH_PRODUCTS', 1_000_000);
const LOOKUPS = intFromEnv('BENCH_LOOKUPS', 2_000);
const SEARCHES = intFromEnv('BENCH_SEARCHES', 300);
const PAGE = 50; // the API's default page size

// What a cashier types: whole words of generated names, 2-3 letter prefixes (while typing; they match a
// large share of the catalog), and Chinese terms (a traditional one folds to simplified).
const PREFIX_TERMS = ['me', 'ko', 'ma', 'sa', 'rø', 'mel', 'kar', 'los', 'ny', 'de'];
const CHINESE_TERMS = ['牛奶', '茶', '鮮魚', '米麵', '綠茶', '雞', '豆果', '菜'];

interface LookupBody {
  status: string;
}

/** Whole Latin words (4+ letters) of random product names: what a cashier types to find one product. */
function latinTerms(dir: string, count: number): string[] {
  const ctx = openBenchContext(dir);
  try {
    const names = ctx.db
      .prepare<[], { name: string }>('SELECT name FROM products ORDER BY random() LIMIT 200')
      .all();
    const words = names.flatMap((n) => n.name.split(' ').filter((w) => /^\p{Script=Latin}{4,}$/u.test(w)));
    return [...new Set(words)].slice(0, count);
  } finally {
    ctx.close();
  }
}

/** Valid EAN-13s under a company prefix the generator never uses: well-formed scans of unknown items. */
function missingCodes(count: number): string[] {
  const rand = prng(99);
  return Array.from({ length: count }, () =>
    withCheckDigit(`5798888${String(rand() % 100_000).padStart(5, '0')}`),
  );
}

/** The EAN-13 a scanner sends for a stored GTIN-14 ('0' + EAN-13). */
function asScanned(gtin14: string): string {
  return gtin14.startsWith('0') ? gtin14.slice(1) : gtin14;
}

async function main(): Promise<void> {
  printHeader('catalog: barcode lookup and search', {
    products: PRODUCTS,
    lookups: `${String(LOOKUPS)} hits + ${String(Math.ceil(LOOKUPS / 10))} misses per layer`,
    searches: `${String(SEARCHES)} per term kind, page of ${String(PAGE)}`,
  });
  const { dir, cleanup } = makeBenchDir('catalog');
  try {
    let lastReport = 0;
    const store = prepareStore(dir, {
      products: PRODUCTS,
      tills: 1,
      openCash: false,
      onBatch: (n) => {
        if (n - lastReport >= 100_000 || n === PRODUCTS) {
          lastReport = n;
          process.stdout.write(`  generated ${String(n)}\n`);
        }
      },
    });
    const dbBytes = statSync(join(dir, 'hub.db')).size;
    printFigure(
      'catalog generation (bulkInsertProducts)',
      `${String(store.products)} products in ${(store.catalogMs / 1000).toFixed(1)} s (${(store.products / (store.catalogMs / 1000)).toFixed(0)} /s), hub.db ${(dbBytes / 2 ** 20).toFixed(0)} MiB`,
    );

    const hits = cycle(sampleBarcodes(dir, LOOKUPS).map(asScanned), LOOKUPS);
    const misses = missingCodes(Math.ceil(LOOKUPS / 10));
    const terms = {
      latin: cycle(latinTerms(dir, 40), SEARCHES),
      prefix: cycle(PREFIX_TERMS, SEARCHES),
      chinese: cycle(CHINESE_TERMS, SEARCHES),
    };

    // Service level: the same CatalogService the routes call, on its own connection.
    const ctx = openBenchContext(dir);
    try {
      const settings = new SettingsService(ctx);
      const catalog = new CatalogService(ctx, {
        settings,
        templates: new LabelTemplateService(ctx, settings),
      });
      const expect = (code: string, status: string) => {
        const result = catalog.lookupBarcode(code);
        if (result.status !== status) throw new Error(`lookup ${code}: ${result.status}, expected ${status}`);
      };
      process.stdout.write('\nservice (CatalogService, in process)\n');
      printSummary('  lookup, existing barcode', summarize(await timeEach(hits, (c) => expect(c, 'found'))));
      printSummary(
        '  lookup, unknown barcode',
        summarize(await timeEach(misses, (c) => expect(c, 'not_found'))),
      );
      for (const [kind, list] of Object.entries(terms)) {
        const samples = await timeEach(list, (q) => catalog.list({ q, limit: PAGE, offset: 0 }));
        const unique = [...new Set(list)];
        const full = unique.filter((q) => catalog.list({ q, limit: PAGE, offset: 0 }).nextOffset !== null);
        printSummary(`  search, ${kind} (${String(unique.length)} terms)`, summarize(samples));
        printFigure(
          `    terms with more than ${String(PAGE)} matches`,
          `${String(full.length)} of ${String(unique.length)}`,
        );
      }
    } finally {
      ctx.close();
    }

    // HTTP on the real hub process, one till (device token + cashier session), sequential requests.
    const till = store.tills[0];
    if (!till) throw new Error('no till prepared');
    const startedAt = process.hrtime.bigint();
    const hub = await startBenchHub(dir);
    try {
      printFigure(
        '\nhub start with this catalog (spawn to health)',
        `${(Number(process.hrtime.bigint() - startedAt) / 1e6).toFixed(0)} ms`,
      );
      const client = new TillClient(hub.baseUrl, till);
      await client.login();
      const lookup = async (code: string, status: string) => {
        const body = await client.call<LookupBody>(
          'GET',
          `/products/lookup?code=${encodeURIComponent(code)}`,
        );
        if (body.status !== status)
          throw new Error(`HTTP lookup ${code}: ${body.status}, expected ${status}`);
      };
      process.stdout.write(`HTTP (real hub process, loopback, ${hub.baseUrl})\n`);
      printSummary(
        '  GET /products/lookup, existing',
        summarize(await timeEach(hits, (c) => lookup(c, 'found'))),
      );
      printSummary(
        '  GET /products/lookup, unknown',
        summarize(await timeEach(misses, (c) => lookup(c, 'not_found'))),
      );
      for (const [kind, list] of Object.entries(terms)) {
        const samples = await timeEach(list, (q) =>
          client.call('GET', `/products?q=${encodeURIComponent(q)}&limit=${String(PAGE)}`),
        );
        printSummary(`  GET /products?q=, ${kind}`, summarize(samples));
      }
    } finally {
      await hub.kill();
    }
  } finally {
    cleanup();
  }
}

runMain(main);
