import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../web-ui/shared/format/money.js';
import { collectPageErrors, inPage, launchChromium, screenshot, VIEWPORTS } from '../../support/browser.js';
import { freePort, startHubProcess, type HubProcess } from '../../support/hub-process.js';
import { AdminApi } from './admin-api.js';
import {
  pairAndOpenSession,
  readDemoConsole,
  wedgeScan,
  type DemoConsole,
  type TillBench,
} from './demo-till.js';
import { ensureWebBuild, webFront, type WebFront } from './web-front.js';

/** The till's IndexedDB feed position: complete once it has read the whole catalog. */
const CACHE_COMPLETE = `new Promise((resolve) => {
  const open = indexedDB.open('store-hub-till-catalog');
  open.onerror = () => resolve(false);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('meta')) { db.close(); resolve(false); return; }
    const get = db.transaction('meta').objectStore('meta').get('position');
    get.onsuccess = () => { db.close(); resolve(get.result?.complete === true); };
    get.onerror = () => { db.close(); resolve(false); };
  };
})`;

/**
 * The till's catalog cache and offline queue in Debian's Chromium against the real demo hub: the cache
 * fills from the change feed, search answers from it without asking the hub, a price changed through
 * the API reaches the open till live over MQTT, and a cash sale paid while the hub process is stopped
 * completes once it is back, under the same sale id, exactly once.
 */
describe('catalog cache and bad networks at the till', () => {
  let dir: string;
  let hub: HubProcess;
  let ports: { http: string; mqtt: string };
  let front: WebFront;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let demo: DemoConsole;
  const searches: string[] = [];
  const money = (minor: number) => formatMoney(minor, 'DKK', 'da-DK');

  beforeAll(async () => {
    ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), 'hub-catalog-cache-'));
    // Fixed ports so the hub can be stopped and started again where the page expects it.
    ports = { http: String(await freePort()), mqtt: String(await freePort()) };
    hub = await startHubProcess({ HUB_DATA_DIR: dir, HUB_HTTP_PORT: ports.http, HUB_MQTT_PORT: ports.mqtt });
    demo = readDemoConsole(hub.output());
    front = await webFront(hub.baseUrl);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    page = await context.newPage();
    errors = collectPageErrors(page);
    page.on('request', (r) => {
      if (/\/api\/v1\/products\?/.test(r.url())) searches.push(r.url());
    });
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await front.close();
    await hub.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the cache in the background and searches it without asking the hub', async () => {
    const bench = { page, front, demo } as unknown as TillBench;
    await pairAndOpenSession(bench);
    await expect.poll(() => inPage(page, CACHE_COMPLETE), { timeout: 30_000 }).toBe(true);
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
    const admin = await AdminApi.login(hub.baseUrl, 'manager', demo.password);
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

    await hub.kill();
    await page.keyboard.press('F12');
    const dialog = page.getByRole('dialog', { name: 'Payment' });
    await dialog.waitFor();
    await dialog.getByRole('group', { name: 'Cash handed over' }).getByRole('button').nth(1).click();
    await page.getByRole('dialog', { name: 'Sale kept on this till' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'till-offline-sale-kept');
    await page.getByRole('button', { name: 'New sale' }).click();
    await page.locator('[data-waiting]').waitFor();

    hub = await startHubProcess({ HUB_DATA_DIR: dir, HUB_HTTP_PORT: ports.http, HUB_MQTT_PORT: ports.mqtt });
    await page.locator('[data-waiting]').waitFor({ state: 'detached', timeout: 60_000 });

    const admin = await AdminApi.login(hub.baseUrl, 'manager', demo.password);
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
