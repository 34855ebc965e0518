import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, storedItem } from '../../support/browser.js';
import { adminHeaders } from './admin-api.js';
import { pairAndOpenSession, startTillBench, type DemoConsole, type TillBench } from './demo-till.js';

interface HubSale {
  couponCodes: string[];
  lines: { status: string; promotions: { name: string; discountMinor: number }[] }[];
}

/**
 * Coupon codes at the till in Debian's Chromium against the real demo hub: a campaign made over the
 * admin API, a wrong code refused with the reason and nothing changed, the right one priced on the line
 * and named there, then taken off again. What the screen says is checked against the hub's sale.
 */
describe('coupon codes at the till in a real browser', () => {
  let bench: TillBench;
  let page: Page;
  let demo: DemoConsole;
  let manager: Record<string, string>;

  const manage = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${bench.hub.baseUrl}/api/v1${path}`, {
      method,
      headers: { ...manager, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const lines = () => page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
  const saved = () => page.getByText('Saved on the hub.').waitFor();
  async function currentSale(): Promise<HubSale> {
    const stored = JSON.parse((await storedItem(page, 'store-hub.till.cart')) ?? '{}') as { saleId?: string };
    return (await manage('GET', `/sales/${stored.saleId ?? ''}`)) as HubSale;
  }
  async function enterCode(code: string): Promise<void> {
    await page.keyboard.press('Alt+O');
    const dialog = page.getByRole('dialog', { name: 'Coupon code' });
    await dialog.waitFor();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    bench = await startTillBench('hub-till-coupons-');
    ({ page, demo } = bench);
    manager = await adminHeaders(bench.hub.baseUrl, 'manager', demo.password);
    const found = (await manage('GET', `/products/lookup?code=${demo.barcodes[0] ?? ''}`)) as {
      product: { id: string };
    };
    await manage('POST', '/promotions', {
      name: 'Winter ten',
      target: { productIds: [found.product.id] },
      rule: { kind: 'percent_off', bp: 1000 },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      couponCode: 'WINTER10',
    });
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('refuses a wrong code with the reason, prices the right one on the line, and takes it off again', async () => {
    await pairAndOpenSession(bench);
    const search = page.getByLabel('Search or scan (name, SKU or barcode)');
    await search.fill(demo.barcodes[0] ?? '');
    await search.press('Enter');
    await lines().first().waitFor();
    await saved();

    await enterCode('summer');
    await page.getByText('No running promotion takes the code SUMMER.', { exact: false }).waitFor();
    expect((await currentSale()).couponCodes).toEqual([]);
    expect(await page.locator('[data-coupons]').count()).toBe(0);

    await enterCode(' winter10');
    await saved();
    await page.locator('[data-line-promotion]').getByText('Winter ten').waitFor();
    expect(await page.locator('[data-coupons]').innerText()).toBe('WINTER10');
    const sale = await currentSale();
    expect(sale.couponCodes).toEqual(['WINTER10']);
    const promoted = sale.lines.find((l) => l.status === 'active');
    expect(promoted?.promotions.map((p) => p.name)).toEqual(['Winter ten']);
    expect(promoted?.promotions[0]?.discountMinor).toBeGreaterThan(0);
    await screenshot(page, 'till-coupon-applied');

    await page.keyboard.press('Alt+O');
    const dialog = page.getByRole('dialog', { name: 'Coupon code' });
    await dialog.waitFor();
    await screenshot(page, 'till-coupon-dialog');
    await dialog.getByRole('button', { name: 'Take off WINTER10' }).click();
    await dialog.waitFor({ state: 'detached' });
    await saved();
    await expect.poll(() => page.locator('[data-line-promotion]').count()).toBe(0);
    expect((await currentSale()).couponCodes).toEqual([]);
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 90_000);
});
