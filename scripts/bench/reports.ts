// Report latency over a year of a busy store (default 3,000,000 sale lines): the daily, hourly and
// best-seller reports, in the ReportService (in process) and over HTTP on the real hub process as the
// admin pages call them. Prints the generation rate and sizes too. Figures only; nothing is asserted.
//
//   npx tsx scripts/bench/reports.ts
//   BENCH_REPORT_LINES=300000 BENCH_REPORT_RUNS=10 npx tsx scripts/bench/reports.ts
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { listTenders } from '../../hub/db/settings-queries.js';
import { CategoryService } from '../../hub/services/catalog/category-service.js';
import { dateOfDay, localDayOf } from '../../hub/services/reports/local-time.js';
import { ReportService, type ReportQuery } from '../../hub/services/reports/report-service.js';
import { storeTimeZone } from '../../hub/services/reports/sale-facts.js';
import { SYSTEM_ACTOR } from '../../hub/services/settings/actor.js';
import { addStaff } from '../../tests/support/access-fixtures.js';
import { intFromEnv, makeBenchDir, printHeader, runMain } from './env.js';
import { startBenchHub } from './hub-runner.js';
import { generateYear } from './report-data.js';
import { openBenchContext, prepareStore } from './setup.js';
import { elapsedMs, printFigure, printSummary, summarize } from './stats.js';
import { timeEach } from './timing.js';

const LINES = intFromEnv('BENCH_REPORT_LINES', 3_000_000);
const PRODUCTS = intFromEnv('BENCH_REPORT_PRODUCTS', 5_000);
const TILLS = intFromEnv('BENCH_REPORT_TILLS', 4);
const RUNS = intFromEnv('BENCH_REPORT_RUNS', 20);
const CATEGORIES = 30;
const MANAGER = { login: 'bench-manager', password: 'bench-manager-password' };

interface Case {
  label: string;
  /** Query string of the HTTP call, after /api/v1/reports/. */
  http: string;
  run: (reports: ReportService) => unknown;
}

function cases(year: ReportQuery, lastDay: string, tillId: string): Case[] {
  const range = `from=${year.from}&to=${year.to}`;
  return [
    {
      label: 'daily, whole year (365 days + year before)',
      http: `sales?${range}&granularity=day`,
      run: (r) => r.sales(year, 'day'),
    },
    {
      label: 'daily, whole year, one till',
      http: `sales?${range}&granularity=day&tillId=${tillId}`,
      run: (r) => r.sales({ ...year, tillId }, 'day'),
    },
    {
      label: 'hourly, one day (24 hours + day before)',
      http: `sales?from=${lastDay}&to=${lastDay}&granularity=hour`,
      run: (r) => r.sales({ from: lastDay, to: lastDay }, 'hour'),
    },
    {
      label: 'hourly, whole year (hour of day)',
      http: `sales?${range}&granularity=hour`,
      run: (r) => r.sales(year, 'hour'),
    },
    {
      label: 'best sellers, whole year, top 50',
      http: `products?${range}&order=best&limit=50`,
      run: (r) => r.products(year, 'revenue', 'best', 50, 0),
    },
    {
      label: 'best sellers, whole year, one till',
      http: `products?${range}&order=best&limit=50&tillId=${tillId}`,
      run: (r) => r.products({ ...year, tillId }, 'revenue', 'best', 50, 0),
    },
    {
      label: 'best sellers, one month',
      http: `products?from=${lastDay.slice(0, 8)}01&to=${lastDay}&order=best&limit=50`,
      run: (r) => r.products({ from: `${lastDay.slice(0, 8)}01`, to: lastDay }, 'revenue', 'best', 50, 0),
    },
  ];
}

async function main(): Promise<void> {
  printHeader('reports: a year of a busy store', {
    lines: LINES,
    products: PRODUCTS,
    tills: `${String(TILLS)} (2 cashiers each)`,
    runs: `${String(RUNS)} per report and layer, after 3 warm-up runs`,
  });
  const { dir, cleanup } = makeBenchDir('reports');
  try {
    const store = prepareStore(dir, { products: PRODUCTS, tills: TILLS, openCash: false });
    const ctx = openBenchContext(dir);
    // A big page cache for the generation only; the timed reports run on the hub's own settings below.
    ctx.db.pragma('cache_size = -262144');
    let year: ReportQuery;
    let tillId: string;
    try {
      addStaff(ctx, {
        name: 'Bench Manager',
        role: 'manager',
        login: MANAGER.login,
        password: MANAGER.password,
      });
      const categories = new CategoryService(ctx);
      const ids = Array.from(
        { length: CATEGORIES },
        (_, i) =>
          categories.create({ name: `Category ${String(i + 1)}`, parentId: null }, SYSTEM_ACTOR).category.id,
      );
      const assign = ctx.db.prepare('UPDATE products SET category_id = ? WHERE num % ? = ?');
      ctx.db.transaction(() => {
        ids.forEach((id, i) => assign.run(id, CATEGORIES, i));
      })();
      const zone = storeTimeZone(ctx.db);
      const today = localDayOf(new Date(), zone);
      const fromDay = today - 365;
      const toDay = today - 1;
      const staff = store.tills.map((t, i) => ({
        tillId: t.tillId,
        staffIds: [t.staffId, store.tills[(i + 1) % store.tills.length]!.staffId],
      }));
      tillId = staff[0]!.tillId;
      const tenders = ctx.tx.read((db) => listTenders(db)).map((t) => ({ id: t.id, kind: t.kind }));
      const start = process.hrtime.bigint();
      let lastPrinted = 0;
      const written = generateYear(ctx.db, {
        lines: LINES,
        fromDay,
        toDay,
        timeZone: zone,
        tills: staff,
        tenders,
        onDay: (_day, lines) => {
          if (lines - lastPrinted >= 500_000) {
            lastPrinted = lines;
            process.stdout.write(`  ${String(lines)} lines\n`);
          }
        },
      });
      const ms = elapsedMs(start);
      ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      const count = (table: string) =>
        ctx.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
      printFigure(
        'generated (rows + summaries, one upkeep per document)',
        `${String(written.lines)} lines in ${String(written.sales)} sales + ${String(written.returns)} returns, ${(ms / 1000).toFixed(1)} s (${(written.lines / (ms / 1000)).toFixed(0)} lines/s)`,
      );
      printFigure(
        'summary rows',
        `line hours ${String(count('report_line_hours'))}, doc hours ${String(count('report_doc_hours'))}, product days ${String(count('report_product_days'))}, payment hours ${String(count('report_payment_hours'))}`,
      );
      const agree = ctx.db
        .prepare<[], { docs: number; facts: number; lines: number; products: number }>(
          `SELECT (SELECT sum(CASE kind WHEN 'sale' THEN total_minor ELSE -total_minor END) FROM sales) AS docs,
                  (SELECT sum(CASE kind WHEN 'sale' THEN total_minor ELSE -total_minor END) FROM report_doc_hours) AS facts,
                  (SELECT sum(CASE kind WHEN 'sale' THEN total_minor ELSE -total_minor END) FROM report_line_hours) AS lines,
                  (SELECT sum(CASE kind WHEN 'sale' THEN total_minor ELSE -total_minor END) FROM report_product_months
                    WHERE till_id = '*') AS products`,
        )
        .get();
      printFigure(
        'summaries agree with the documents',
        agree !== undefined &&
          agree.docs === agree.facts &&
          agree.docs === agree.lines &&
          agree.docs === agree.products
          ? `yes (${String(agree.docs)} minor units net)`
          : `NO: ${JSON.stringify(agree)}`,
      );
      printFigure('hub.db', `${(statSync(join(dir, 'hub.db')).size / 2 ** 20).toFixed(0)} MiB`);
      year = { from: dateOfDay(fromDay), to: dateOfDay(toDay) };
      const reports = new ReportService(ctx);
      process.stdout.write(`\nservice (ReportService, in process), ${year.from} to ${year.to}\n`);
      for (const c of cases(year, year.to, tillId)) {
        const samples = await timeEach(Array.from({ length: RUNS }), () => c.run(reports), 3);
        printSummary(`  ${c.label}`, summarize(samples));
      }
    } finally {
      ctx.close();
    }

    const hub = await startBenchHub(dir);
    try {
      const login = await fetch(`${hub.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(MANAGER),
      });
      const cookie = login.headers.get('set-cookie')?.split(';')[0];
      if (login.status !== 200 || cookie === undefined)
        throw new Error(`admin login: ${String(login.status)}`);
      process.stdout.write('\nHTTP (real hub process, admin session, JSON parsed)\n');
      for (const c of cases(year, year.to, tillId)) {
        const get = async () => {
          const response = await fetch(`${hub.baseUrl}/api/v1/reports/${c.http}`, { headers: { cookie } });
          if (response.status !== 200)
            throw new Error(`${c.http}: ${String(response.status)} ${await response.text()}`);
          await response.json();
        };
        const samples = await timeEach(Array.from({ length: RUNS }), get, 3);
        printSummary(`  ${c.label}`, summarize(samples));
      }
    } finally {
      await hub.kill();
    }
  } finally {
    cleanup();
  }
}

runMain(main);
