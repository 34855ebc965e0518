import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPage, screenshot, VIEWPORTS } from '../../support/browser.js';
import { adminHeaders } from './admin-api.js';
import { pairAndOpenSession, startTillBench, wedgeScan, type TillBench } from './demo-till.js';

/** A manager's read of the sales, as the admin pages will do it (cookie session). */
async function completedSales(baseUrl: string, password: string): Promise<{ id: string; status: string }[]> {
  const headers = await adminHeaders(baseUrl, 'manager', password);
  const answer = await fetch(`${baseUrl}/api/v1/sales?status=completed`, { headers });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { items: { id: string; status: string }[] }).items;
}

/**
 * Selling in Debian's Chromium against the real demo hub: pair and log in, open the cash session, scan an
 * EAN-13 with the keyboard wedge, change the quantity, pay cash with a quick-tender button, see the change
 * and the receipt number, and find the sale completed through the API; then the cart and pay screen in
 * Traditional Chinese, and the layout on a phone.
 */
describe('selling at the till in a real browser', () => {
  let bench: TillBench;
  let page: Page;
  let errors: string[];
  let barcode: string;

  beforeAll(async () => {
    bench = await startTillBench('hub-selling-');
    ({ page, errors } = bench);
    barcode = bench.demo.barcodes[0] ?? '';
    page.on('response', (r) => {
      if (r.status() === 404) errors.push(`404 ${r.url()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('pairs, logs in and opens the cash session', async () => {
    expect(barcode).toMatch(/^\d{13}$/);
    await pairAndOpenSession(bench);
  }, 60_000);

  it('adds a line from a keyboard-wedge scan with the hub’s figures, and changes the quantity', async () => {
    // Focus on nothing in particular: a scan is a scan wherever the focus is.
    await page.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(page, barcode);
    const line = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
    await line.first().waitFor();
    expect(await line.count()).toBe(1);
    const total = page.locator('[data-total]');
    await expect.poll(() => total.innerText()).toMatch(/\d/);
    const one = await total.innerText();
    await page.getByText('Saved on the hub.').waitFor();

    await page.getByRole('button', { name: /^One more / }).click();
    await expect.poll(() => line.locator('.qty').innerText()).toBe('2');
    await expect.poll(() => total.innerText()).not.toBe(one);
    await page.getByText('Saved on the hub.').waitFor();
    expect(await total.innerText()).toMatch(/\d/);

    // A scan while the search box has focus adds the product and leaves the box as it was.
    await page.keyboard.press('F2');
    await page.keyboard.type('mi');
    // The person paused (the search answered) before the scanner fired.
    await page
      .getByRole('list', { name: 'Search results' })
      .or(page.getByText('No products match.'))
      .waitFor();
    await wedgeScan(page, barcode);
    await expect.poll(() => line.locator('.qty').innerText()).toBe('3');
    expect(await page.getByLabel('Search or scan (name, SKU or barcode)').inputValue()).toBe('mi');
    await page.getByLabel('Search or scan (name, SKU or barcode)').fill('');
    await page.getByText('Saved on the hub.').waitFor();
    await screenshot(page, 'till-selling-cart-desktop');
  }, 60_000);

  it('pays cash with a quick-tender button, shows the change and receipt, and starts a new sale', async () => {
    await page.keyboard.press('F12');
    const dialog = page.getByRole('dialog', { name: 'Payment' });
    await dialog.waitFor();
    const quick = dialog.getByRole('group', { name: 'Cash handed over' }).getByRole('button');
    await expect.poll(() => quick.count()).toBeGreaterThan(1);
    await screenshot(page, 'till-selling-pay-desktop');
    await quick.nth(1).click();
    await page.getByRole('dialog', { name: 'Sale completed' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-change]').innerText()).toMatch(/\d/);
    expect(await page.locator('[data-receipt]').innerText()).toMatch(/Receipt number \d+-\d+/);
    await screenshot(page, 'till-selling-done-desktop');

    const sales = await completedSales(bench.hub.baseUrl, bench.demo.password);
    expect(sales).toHaveLength(1);

    await page.getByRole('button', { name: 'New sale' }).click();
    await page.getByText('The cart is empty. Scan or search to add products.').waitFor();
  }, 60_000);

  it('sells in Traditional Chinese: the cart and the pay screen', async () => {
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('heading', { name: '尋找商品' }).waitFor();
    await page.getByRole('heading', { name: '購物車', exact: true }).click();
    await wedgeScan(page, barcode);
    await page.getByText('已儲存在主機。').waitFor();
    await screenshot(page, 'till-selling-cart-zh-Hant-TW');
    await page.getByRole('button', { name: '結帳' }).click();
    const dialog = page.getByRole('dialog', { name: '付款' });
    await dialog.waitFor();
    await screenshot(page, 'till-selling-pay-zh-Hant-TW');
    await dialog.getByRole('button', { name: '剛好' }).click();
    await page.getByRole('dialog', { name: '交易完成' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-receipt]').innerText()).toMatch(/收據編號 \d+-\d+/);
    await screenshot(page, 'till-selling-done-zh-Hant-TW');
    await page.getByRole('button', { name: '新交易' }).click();
    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Find a product' }).waitFor();
  }, 60_000);

  it('stacks search and cart on a phone, with touch-sized controls', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(page, barcode);
    await page.getByText('Saved on the hub.').waitFor();
    for (const button of await page.getByRole('list', { name: 'Cart lines' }).getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    }
    expect(await inPage(page, 'document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    await screenshot(page, 'till-selling-phone');
    // The browser's own favicon probe answers 404 and is not reported as a response; API 404s are.
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);
});
