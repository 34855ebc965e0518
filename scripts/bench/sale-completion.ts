// Sale completion through the HTTP API of the real hub process on loopback: a sale of 5 lines paid with
// one cash payment (POST /sales, POST /sales/{id}/payments, POST /sales/{id}/complete). Prints latency
// with one till, sustained sales per second with 8 tills at once, and both beside the rate of bare
// single-row SQLite commits (WAL, synchronous=FULL) on the same disk in the same run.
//
//   npx tsx scripts/bench/sale-completion.ts
//   BENCH_SALES=500 BENCH_CLIENTS=8 BENCH_SECONDS=30 npx tsx scripts/bench/sale-completion.ts
import { prng } from '../demo/catalog-seed.js';
import { describeError, intFromEnv, makeBenchDir, printHeader, runMain } from './env.js';
import { HttpError, TillClient } from './http-client.js';
import { sellOne, type SaleTiming } from './sale-flow.js';
import { startBenchHub } from './hub-runner.js';
import { measureBareCommitRate } from './sqlite-commit-baseline.js';
import { openBenchContext, prepareStore, sampleProductIds } from './setup.js';
import { elapsedMs, printFigure, printSummary, summarize } from './stats.js';

const PRODUCTS = intFromEnv('BENCH_SALE_PRODUCTS', 1_000);
const LINES = intFromEnv('BENCH_LINES', 5);
const SALES = intFromEnv('BENCH_SALES', 300);
const CLIENTS = intFromEnv('BENCH_CLIENTS', 8);
const SECONDS = intFromEnv('BENCH_SECONDS', 20);
const COMMIT_SECONDS = intFromEnv('BENCH_COMMIT_SECONDS', 5);
const WARMUP_SALES = 30;

function errorKey(error: unknown): string {
  if (error instanceof HttpError)
    return `${error.method} ${error.path.replace(/[0-9a-f-]{36}/g, '{id}')} ${String(error.status)}`;
  return error instanceof Error ? error.message.slice(0, 120) : String(error);
}

async function main(): Promise<void> {
  printHeader('sale completion over HTTP (real hub process, loopback)', {
    sale: `${String(LINES)} lines (random of ${String(PRODUCTS)} products, qty 1-3), one cash payment`,
    latency: `${String(SALES)} sales in a row at one till, after ${String(WARMUP_SALES)} warm-up sales`,
    throughput: `${String(CLIENTS)} concurrent tills for ${String(SECONDS)} s`,
    baseline: `bare single-row commits for ${String(COMMIT_SECONDS)} s, same dir, before the hub starts`,
  });
  const { dir, cleanup } = makeBenchDir('sales');
  try {
    const store = prepareStore(dir, { products: PRODUCTS, tills: CLIENTS, openCash: true });
    const productIds = sampleProductIds(dir, PRODUCTS);
    const sale = { productIds, cashTenderId: store.cashTenderId, lines: LINES };
    const bareRate = measureBareCommitRate(dir, COMMIT_SECONDS);
    printFigure(
      'bare SQLite commits (WAL, synchronous=FULL)',
      `${bareRate.toFixed(0)} /s (one thread, same disk)`,
    );

    const hub = await startBenchHub(dir);
    const errors = new Map<string, number>();
    let firstError = '';
    let completed = 0;
    try {
      const clients = store.tills.map((till) => new TillClient(hub.baseUrl, till));
      for (const client of clients) await client.login();
      const first = clients[0];
      if (!first) throw new Error('no till prepared');

      const rand = prng(1);
      for (let i = 0; i < WARMUP_SALES; i++) await sellOne(first, sale, rand);
      completed += WARMUP_SALES;
      const single: SaleTiming[] = [];
      for (let i = 0; i < SALES; i++) single.push(await sellOne(first, sale, rand));
      completed += SALES;
      process.stdout.write('\none till, one sale after another\n');
      printSummary('  whole sale (create + pay + complete)', summarize(single.map((s) => s.totalMs)));
      printSummary('  POST /sales/{id}/complete alone', summarize(single.map((s) => s.completeMs)));
      const serialRate = SALES / (single.reduce((sum, s) => sum + s.totalMs, 0) / 1000);
      printFigure('  sales per second, one till', serialRate.toFixed(1));

      const loaded: SaleTiming[] = [];
      const deadline = process.hrtime.bigint() + BigInt(SECONDS) * 1_000_000_000n;
      const start = process.hrtime.bigint();
      await Promise.all(
        clients.map(async (client, index) => {
          const clientRand = prng(100 + index);
          while (process.hrtime.bigint() < deadline) {
            try {
              loaded.push(await sellOne(client, sale, clientRand));
            } catch (error) {
              const key = errorKey(error);
              errors.set(key, (errors.get(key) ?? 0) + 1);
              firstError ||= describeError(error);
            }
          }
        }),
      );
      const seconds = elapsedMs(start) / 1000;
      completed += loaded.length;
      const rate = loaded.length / seconds;
      process.stdout.write(`\n${String(CLIENTS)} tills at once\n`);
      printSummary('  whole sale (create + pay + complete)', summarize(loaded.map((s) => s.totalMs)));
      printSummary('  POST /sales/{id}/complete alone', summarize(loaded.map((s) => s.completeMs)));
      printFigure(
        '  sustained sales per second',
        `${rate.toFixed(1)} (${String(loaded.length)} sales in ${seconds.toFixed(1)} s)`,
      );
      printFigure(
        '  ratio to bare commits',
        `${(rate / bareRate).toFixed(4)} (1 sale per ${(bareRate / rate).toFixed(1)} bare commits; a sale is 3 HTTP writes)`,
      );
      printFigure(
        '  HTTP write requests per second',
        `${(rate * 3).toFixed(1)} (${((rate * 3) / bareRate).toFixed(3)} of the bare commit rate)`,
      );
      printFigure('  failed sales', errors.size === 0 ? 'none' : '');
      for (const [key, count] of errors) printFigure(`    ${key}`, String(count));
      if (firstError) process.stdout.write(`  first failure: ${firstError}\n`);
    } finally {
      await hub.kill();
    }

    // What the hub committed, read back from its database after it stopped.
    const ctx = openBenchContext(dir);
    try {
      const row = ctx.db
        .prepare<[], { n: number }>("SELECT count(*) AS n FROM sales WHERE status = 'completed'")
        .get();
      printFigure(
        'completed sales in hub.db / acknowledged',
        `${String(row?.n ?? 0)} / ${String(completed)}`,
      );
    } finally {
      ctx.close();
    }
  } finally {
    cleanup();
  }
}

runMain(main);
