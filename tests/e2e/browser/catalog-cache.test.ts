import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../web-ui/shared/format/money.js';
import { inPage, screenshot } from '../../support/browser.js';
import { freePort } from '../../support/hub-process.js';
import { AdminApi } from './admin-api.js';
import { CATALOG_CACHE_COMPLETE } from './catalog-cache-probe.js';
import {
  pairAndOpenSession,
  startTillBench,
  wedgeScan,
  type DemoConsole,
  type TillBench,
} from './demo-till.js';

/**
 * The till's catalog cache and offline queue in Debian's Chromium against the real demo hub: the cache
 * fills from the change feed, search answers from it without asking the hub, a price changed through
 * the API reaches the open till live over MQTT, and a cash sale paid while the hub process is stopped
 * completes once it is back, under the same sale id, exactly once.
 */
describe('catalog cache and bad networks at the till', () => {
  let bench: TillBench;
  let page: Page;
  let errors: string[];
  let demo: DemoConsole;
  const searches: string[] = [];
  const money = (minor: number) => formatMoney(minor, 'DKK', 'da-DK');

  beforeAll(async () => {
    // Fixed ports so the hub can be stopped and started again where the page expects it.
    bench = await startTillBench('hub-catalog-cache-', {
      HUB_HTTP_PORT: String(await freePort()),
      HUB_MQTT_PORT: String(await freePort()),
    });
    ({ page, errors, demo } = bench);
    page.on('request', (r) => {
      if (/\/api\/v1\/products\?/.test(r.url())) searches.push(r.url());
    });
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('fills the cache in the background and searches it without asking the hub', async () => {
    await pairAndOpenSession(bench);
    await expect.poll(() => inPage(page, CATALOG_CACHE_COMPLETE), { timeout: 30_000 }).toBe(true);
    searches.length = 0;
    await page.keyboard.press('F2');
    await page.keyboard.type('rugbrød');
    const results = page.getByRole('list', { name: 'Search results' });
    await results
      .getByRole('button', { name: /Rugbrød/ })
      .first()
      .waitFor();
    expect(searches).toEqual([]);
    await screenshot(page, 'till-catalog-cache-search');
  }, 60_000);

  it('shows a price changed through the API while the till is open, without a reload', async () => {
    const admin = await AdminApi.login(bench.hub.baseUrl, 'manager', demo.password);
    const page1 = (await admin.get('/products?q=rugbr%C3%B8d&limit=1')) as {
      items: { id: string; priceMinor: number }[];
    };
    const product = page1.items[0];
    if (!product) throw new Error('the demo catalog has no Rugbrød');
    const newPrice = product.priceMinor + 1_000;
    await admin.patch(`/products/${product.id}`, { priceMinor: newPrice });
    // The till learns of the change over MQTT and pulls the changed page; each new search reads it.
    const box = page.getByLabel('Search or scan (name, SKU or barcode)');
    await expect
      .poll(
        async () => {
          await box.fill('rugbrø');
          await box.fill('rugbrød');
          await page.waitForTimeout(100);
          return page.getByRole('list', { name: 'Search results' }).innerText();
        },
        { timeout: 20_000 },
      )
      .toContain(money(newPrice));
    expect(searches).toEqual([]);
    await page.getByLabel('Search or scan (name, SKU or barcode)').fill('');
  }, 60_000);

  it('completes a cash sale paid while the hub is stopped once it is back, with the same id, once', async () => {
    const barcode = demo.barcodes[0] ?? '';
    await page.getByRole('heading', { name: 'Cart', exact: true }).click();
    // Once the cart rests, the till asks the hub for its cash quote, so the quick tenders are there
    // even if the hub stops answering as the customer pays.
    const quoted = page.waitForResponse((r) => r.url().includes('/cash-quote') && r.ok());
    await wedgeScan(page, barcode);
    await page.getByText('Saved on the hub.').waitFor();
    await quoted;
    const saleId = String(
      await inPage(page, "JSON.parse(localStorage.getItem('store-hub.till.cart') ?? 'null')?.saleId ?? ''"),
    );

    await bench.hub.kill();
    await page.keyboard.press('F12');
    const dialog = page.getByRole('dialog', { name: 'Payment' });
    await dialog.waitFor();
    await dialog.getByRole('group', { name: 'Cash handed over' }).getByRole('button').nth(1).click();
    await page.getByRole('dialog', { name: 'Sale kept on this till' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'till-offline-sale-kept');
    await page.getByRole('button', { name: 'New sale' }).click();
    await page.locator('[data-waiting]').waitFor();

    await bench.startHubAgain();
    await page.locator('[data-waiting]').waitFor({ state: 'detached', timeout: 60_000 });

    const admin = await AdminApi.login(bench.hub.baseUrl, 'manager', demo.password);
    const sales = (await admin.get('/sales?status=completed&limit=100')) as { items: { id: string }[] };
    const ids = sales.items.map((s) => s.id);
    if (saleId !== '') expect(ids.filter((id) => id === saleId)).toHaveLength(1);
    expect(ids).toHaveLength(1);
    // While the hub was stopped the browser reported its failed requests and MQTT reconnects: expected.
    const unexpected = errors.filter(
      (e) => !e.includes('Failed to load resource') && !e.includes('ERR_CONNECTION_REFUSED'),
    );
    expect(unexpected).toEqual([]);
  }, 150_000);
});
