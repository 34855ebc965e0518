// Hub memory and cold start with a catalog of 100,000 products: resident memory (VmRSS from /proc) of
// the hub process idle after start-up and after a warm-up of requests, and the time from spawn to the
// first successful /api/v1/health (median of 3 starts). Figures only; nothing is asserted.
//
//   npx tsx scripts/bench/hub-memory.ts
//   BENCH_MEMORY_PRODUCTS=100000 BENCH_STARTS=3 npx tsx scripts/bench/hub-memory.ts
import { prng } from '../demo/catalog-seed.js';
import { intFromEnv, makeBenchDir, printHeader, runMain } from './env.js';
import { TillClient } from './http-client.js';
import { coldStartMs, formatMiB, hubMemory, startBenchHub, type HubMemory } from './hub-runner.js';
import { sellOne } from './sale-flow.js';
import { prepareStore, sampleBarcodes, sampleProductIds } from './setup.js';
import { percentile, printFigure } from './stats.js';

const PRODUCTS = intFromEnv('BENCH_MEMORY_PRODUCTS', 100_000);
const STARTS = intFromEnv('BENCH_STARTS', 3);
const LOOKUPS = intFromEnv('BENCH_WARMUP_LOOKUPS', 2_000);
const SEARCHES = intFromEnv('BENCH_WARMUP_SEARCHES', 500);
const SALES = intFromEnv('BENCH_WARMUP_SALES', 200);
const SETTLE_MS = 3_000;

const SEARCH_TERMS = ['me', 'mel', 'kor', 'rø', 'sa', 'ny', '牛奶', '茶', '鮮魚', 'lo'];

function printMemory(label: string, memory: HubMemory): void {
  printFigure(
    label,
    `${formatMiB(memory.hubKiB)} (all ${String(memory.processes)} processes of tsx hub/main.ts: ${formatMiB(memory.treeKiB)})`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  printHeader('hub memory and cold start', {
    products: PRODUCTS,
    starts: `${String(STARTS)} (median; OS page cache warm after the first)`,
    warmup: `${String(LOOKUPS)} lookups, ${String(SEARCHES)} searches, ${String(SALES)} sales over HTTP`,
    rss: `VmRSS of the node process running hub/main.ts, read ${String(SETTLE_MS / 1000)} s after the last request`,
  });
  const { dir, cleanup } = makeBenchDir('memory');
  try {
    const store = prepareStore(dir, { products: PRODUCTS, tills: 1, openCash: true });
    printFigure(
      'catalog generation',
      `${String(store.products)} products in ${(store.catalogMs / 1000).toFixed(1)} s`,
    );

    const starts: number[] = [];
    for (let i = 0; i < STARTS; i++) starts.push(await coldStartMs(dir));
    printFigure(
      'cold start, spawn to first /health 200',
      `median ${percentile(
        [...starts].sort((a, b) => a - b),
        50,
      ).toFixed(0)} ms (runs: ${starts.map((s) => s.toFixed(0)).join(', ')} ms)`,
    );

    const codes = sampleBarcodes(dir, LOOKUPS).map((c) => c.slice(1));
    const productIds = sampleProductIds(dir, 1_000);
    const till = store.tills[0];
    if (!till) throw new Error('no till prepared');
    const hub = await startBenchHub(dir);
    try {
      await sleep(SETTLE_MS);
      printMemory('hub RSS idle after start-up', hubMemory(hub));

      const client = new TillClient(hub.baseUrl, till);
      await client.login();
      for (const code of codes) await client.call('GET', `/products/lookup?code=${code}`);
      for (let i = 0; i < SEARCHES; i++) {
        const q = SEARCH_TERMS[i % SEARCH_TERMS.length] ?? 'me';
        await client.call('GET', `/products?q=${encodeURIComponent(q)}&offset=${String((i % 5) * 50)}`);
      }
      const rand = prng(5);
      const sale = { productIds, cashTenderId: store.cashTenderId, lines: 5 };
      for (let i = 0; i < SALES; i++) await sellOne(client, sale, rand);
      printMemory('hub RSS right after the warm-up', hubMemory(hub));
      await sleep(SETTLE_MS);
      printMemory('hub RSS idle after the warm-up', hubMemory(hub));
    } finally {
      await hub.kill();
    }
  } finally {
    cleanup();
  }
}

runMain(main);
