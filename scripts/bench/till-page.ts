// The till in Debian's Chromium against a real hub holding a big catalog (default 100,000 products), on
// loopback: page load to ready-to-scan (cold: empty catalog cache; warm: the cache from the last visit),
// how long the background fill of the IndexedDB cache takes, and scan to line visible for keyboard-wedge
// scans. Figures only; nothing is asserted.
//
//   npx tsx scripts/bench/till-page.ts
//   BENCH_PRODUCTS=20000 BENCH_SCANS=100 npx tsx scripts/bench/till-page.ts
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { CATALOG_CACHE_COMPLETE } from '../../tests/e2e/browser/catalog-cache-probe.js';
import { ensureWebBuild, webFront } from '../../tests/e2e/browser/web-front.js';
import { launchChromium, VIEWPORTS } from '../../tests/support/browser.js';
import { intFromEnv, makeBenchDir, printHeader, runMain } from './env.js';
import { startBenchHub } from './hub-runner.js';
import { prepareStore, sampleBarcodes } from './setup.js';
import { formatMs, printFigure, printSummary, summarize } from './stats.js';

const PRODUCTS = intFromEnv('BENCH_PRODUCTS', 100_000);
const SCANS = intFromEnv('BENCH_SCANS', 200);

/** Cart lines on screen, found through the till's shadow roots (page code runs as text: see inPage). */
const CART_LINES = `(() => {
  const q = (root, sel) => root?.shadowRoot?.querySelector(sel) ?? null;
  const lines = q(q(q(document.querySelector('till-app'), 'selling-screen'), 'cart-panel'), 'cart-lines');
  return lines?.shadowRoot?.querySelectorAll('li.line').length ?? 0;
})()`;

interface Load {
  toLogin: number;
  toReady: number;
}

/** Navigates and logs in: ms from navigation to the PIN screen, and from the PIN to the search box. */
async function loadTill(page: Page, url: string, pin: string): Promise<Load> {
  const start = performance.now();
  await page.goto(url);
  await page.getByRole('button', { name: /Bench Cashier 1/ }).waitFor();
  const toLogin = performance.now() - start;
  await page.getByRole('button', { name: /Bench Cashier 1/ }).click();
  const pinAt = performance.now();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await page.getByLabel('Search or scan (name, SKU or barcode)').waitFor();
  return { toLogin, toReady: performance.now() - pinAt };
}

async function waitForCache(page: Page, since: number): Promise<number> {
  for (;;) {
    if ((await page.evaluate<unknown>(CATALOG_CACHE_COMPLETE)) === true) return performance.now() - since;
    await page.waitForTimeout(100);
  }
}

async function main(): Promise<void> {
  printHeader('till page: load to ready-to-scan, catalog cache fill, scan to line visible', {
    products: PRODUCTS,
    scans: SCANS,
    browser: 'Debian Chromium, headless, loopback',
  });
  ensureWebBuild();
  const { dir, cleanup } = makeBenchDir('till-page');
  try {
    const store = prepareStore(dir, { products: PRODUCTS, tills: 1, openCash: true });
    const till = store.tills[0];
    if (!till) throw new Error('no till prepared');
    const codes = sampleBarcodes(dir, SCANS).map((gtin14) =>
      gtin14.startsWith('0') ? gtin14.slice(1) : gtin14,
    );
    const hub = await startBenchHub(dir);
    const front = await webFront(hub.baseUrl);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
      const credentials = JSON.stringify({ tillId: till.tillId, token: till.token, name: 'Bench Till 1' });
      // A paired till: its credentials are in localStorage, as pairing leaves them.
      await context.addInitScript(
        `localStorage.setItem('store-hub.till.credentials', ${JSON.stringify(credentials)})`,
      );
      const page = await context.newPage();
      let feedPages = 0;
      page.on('request', (r) => {
        if (r.url().includes('/api/v1/catalog/changes')) feedPages++;
      });
      const url = `${front.baseUrl}/till/`;

      const coldStart = performance.now();
      const cold = await loadTill(page, url, till.pin);
      printFigure('cold: page load to PIN screen', formatMs(cold.toLogin));
      printFigure('cold: PIN entered to ready to scan', formatMs(cold.toReady));
      const fill = await waitForCache(page, coldStart);
      printFigure(
        `cold: catalog cache filled in the background`,
        `${formatMs(fill)} from page load (${String(feedPages)} feed pages)`,
      );

      feedPages = 0;
      const warm = await loadTill(page, url, till.pin);
      printFigure('warm: page load to PIN screen', formatMs(warm.toLogin));
      printFigure('warm: PIN entered to ready to scan', formatMs(warm.toReady));
      printFigure('warm: feed pages fetched again', String(feedPages));

      // Scan to line visible: a wedge burst (keys, then Enter) until the new line is drawn.
      await page.getByRole('heading', { name: 'Cart', exact: true }).click();
      const samples: number[] = [];
      let lines = 0;
      let missed = 0;
      for (const code of codes) {
        const start = performance.now();
        await page.keyboard.type(code);
        await page.keyboard.press('Enter');
        // Polled with evaluate (DevTools protocol, ~1 ms a round): the hub's CSP forbids waitForFunction's
        // eval. A scan that adds no line (a weighed item asks for its label) is counted, not timed.
        let shown = lines;
        while (shown <= lines && performance.now() - start < 5_000) {
          shown = Number(await page.evaluate<unknown>(CART_LINES));
        }
        if (shown > lines) samples.push(performance.now() - start);
        else missed++;
        lines = shown;
      }
      printFigure('scans that added no line (weighed items, not timed)', String(missed));
      printSummary(
        `scan to line visible (${String(samples.length)} wedge scans, distinct products)`,
        summarize(samples),
      );
    } finally {
      await browser.close();
      await front.close();
      await hub.kill();
    }
  } finally {
    cleanup();
  }
}

runMain(main);
