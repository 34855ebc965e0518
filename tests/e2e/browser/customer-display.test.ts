import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot } from '../../support/browser.js';
import { pairAndOpenSession, startTillBench, wedgeScan, type TillBench } from './demo-till.js';

/** The digits of an amount, so the till (cashier's language) and the display (store's) compare. */
const digits = (text: string) => text.replace(/\D/g, '');

/**
 * The customer display in Debian's Chromium against the real demo hub, two pages side by side: the
 * display shows a code, the cashier links it at the till, and from then on it mirrors the till: the
 * welcome with the store's name, the scanned line and the hub's total, then the change and the thank-you.
 * Unlinking it at the till sends it back to pairing at once.
 */
describe('customer display paired to a till', () => {
  let bench: TillBench;
  let till: Page;
  let display: Page;
  let displayErrors: string[];
  let barcode: string;

  beforeAll(async () => {
    bench = await startTillBench('hub-display-');
    till = bench.page;
    barcode = bench.demo.barcodes[0] ?? '';
    // A landscape tablet facing the customer.
    const screen = await bench.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    });
    display = await screen.newPage();
    displayErrors = collectPageErrors(display);
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('shows a pairing code that the cashier types at the till; then the store’s welcome', async () => {
    await pairAndOpenSession(bench);

    await display.goto(`${bench.front.baseUrl}/display/`);
    const shown = display.locator('[data-pairing-code]');
    await shown.waitFor();
    const code = digits(await shown.innerText());
    expect(code).toMatch(/^\d{6}$/);
    await screenshot(display, 'display-pairing-code');

    await till.getByRole('button', { name: 'Customer display' }).click();
    const dialog = till.getByRole('dialog', { name: 'Customer display' });
    await dialog.getByLabel('Code on the display').fill('000000' === code ? '111111' : '000000');
    await dialog.getByRole('button', { name: 'Link display' }).click();
    await dialog.getByText('No customer display shows that code.').waitFor();
    await dialog.getByLabel('Code on the display').fill(code);
    await dialog.getByRole('button', { name: 'Link display' }).click();
    await dialog.getByText('The display is linked to this till.').waitFor();
    await screenshot(till, 'display-till-link-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const storeName = (await till.locator('top-bar .store').innerText()).trim();
    expect(storeName).not.toBe('');
    await display.locator('[data-state="idle"]').waitFor({ timeout: 20_000 });
    expect((await display.locator('.store-big').innerText()).trim()).toBe(storeName);
    expect(await display.locator('.hello').innerText()).toBe('Velkommen!');
    await screenshot(display, 'display-idle');
  }, 90_000);

  it('shows the scanned line and the hub’s total as the cashier rings it up', async () => {
    await till.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(till, barcode);
    await till.getByText('Saved on the hub.').waitFor();
    const tillTotal = digits(await till.locator('cart-panel [data-total]').innerText());
    const lineName = (
      await till.getByRole('list', { name: 'Cart lines' }).locator('li .name').first().innerText()
    ).trim();

    const line = display.locator('li[data-line]');
    await line.first().waitFor();
    expect(await line.count()).toBe(1);
    expect(await line.first().locator('.name').innerText()).toBe(lineName);
    await expect
      .poll(async () => digits(await display.locator('[data-total]').innerText()), { timeout: 15_000 })
      .toBe(tillTotal);

    // A second scan of the same product: the quantity and the total follow.
    await wedgeScan(till, barcode);
    const tillTotalNow = async () => digits(await till.locator('cart-panel [data-total]').innerText());
    await expect.poll(tillTotalNow, { timeout: 15_000 }).toBe(String(Number(tillTotal) * 2));
    await till.getByText('Saved on the hub.').waitFor();
    const twice = await tillTotalNow();
    await expect
      .poll(async () => digits(await display.locator('[data-total]').innerText()), { timeout: 15_000 })
      .toBe(twice);
    expect(await line.first().locator('.detail').innerText()).toMatch(/^2 × /);
    await screenshot(display, 'display-cart');
  }, 60_000);

  it('shows what was paid, the change and the thank-you once the till completes the sale', async () => {
    await till.keyboard.press('F12');
    const pay = till.getByRole('dialog', { name: 'Payment' });
    const quick = pay.getByRole('group', { name: 'Cash handed over' }).getByRole('button');
    await expect.poll(() => quick.count()).toBeGreaterThan(1);
    await quick.nth(1).click();
    await till.getByRole('dialog', { name: 'Sale completed' }).waitFor({ timeout: 20_000 });
    const change = digits(await till.locator('[data-change]').innerText());
    expect(Number(change)).toBeGreaterThan(0);

    await display.locator('[data-state="done"]').waitFor({ timeout: 20_000 });
    // The display speaks the store's language (the demo store is Danish), whatever the cashier reads.
    expect(await display.locator('[data-state="done"] h1').innerText()).toBe('Tak!');
    expect(digits(await display.locator('[data-change]').innerText())).toBe(change);
    // The e-receipt QR: the hub's own SVG of the receipt's public page, loaded as an image.
    const qr = display.locator('.qr img');
    await qr.waitFor({ timeout: 10_000 });
    expect(await qr.getAttribute('src')).toMatch(/^\/r\/1-\d+\/qr\.svg\?t=[A-Za-z0-9_-]+$/);
    const loaded = (img: unknown) => {
      const image = img as { complete: boolean; naturalWidth: number };
      return image.complete && image.naturalWidth > 0;
    };
    await expect.poll(() => qr.evaluate(loaded)).toBe(true);
    await screenshot(display, 'display-thank-you');

    // "New sale" empties the till; the thank-you stays until the next sale has a line.
    await till.getByRole('button', { name: 'New sale' }).click();
    await till.getByText('The cart is empty. Scan or search to add products.').waitFor();
    await display.waitForTimeout(500);
    expect(await display.locator('[data-state="done"]').count()).toBe(1);
    await till.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(till, barcode);
    await display.locator('li[data-line]').first().waitFor();
    expect(await display.locator('li[data-line]').count()).toBe(1);
  }, 60_000);

  it('goes back to pairing at once when the cashier unlinks it', async () => {
    await till.getByRole('button', { name: 'Customer display' }).click();
    const dialog = till.getByRole('dialog', { name: 'Customer display' });
    await dialog.getByRole('button', { name: 'Unlink' }).click();
    await dialog.getByText('None yet.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await display
      .getByText('This display was unpaired from its till. Pair it again.')
      .waitFor({ timeout: 20_000 });
    await display.locator('[data-pairing-code]').waitFor();
    await screenshot(display, 'display-unlinked');
    expect(displayErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);
});
