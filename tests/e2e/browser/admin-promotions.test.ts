import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, VIEWPORTS } from '../../support/browser.js';
import { adminHeaders } from './admin-api.js';
import { adminLogIn, openAdminPage } from './admin-support.js';
import { startTillBench, type TillBench } from './demo-till.js';

interface Campaign {
  id: string;
  name: string;
  status: string;
  rule: { kind: string };
  target: { productIds: string[]; categoryIds: string[] };
  couponCode: string | null;
}

/** A `datetime-local` value `days` from now, at 09:00 in this browser's (the shop's) clock. */
function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

/**
 * The promotions pages against the demo hub in Debian's Chromium: a 3 for 2 on a category made in the
 * editor and tried on a sample cart, a form that says what to fix, a coupon campaign scheduled for
 * tomorrow, a running campaign ended at once and a scheduled one deleted; each checked through the API
 * as a manager would expect it. In English, Chinese and on a phone.
 */
describe('admin: promotions in a real browser', () => {
  let bench: TillBench;
  let page: Page;
  let manager: Record<string, string>;

  const api = async (path: string): Promise<unknown> => {
    const response = await fetch(`${bench.hub.baseUrl}/api/v1${path}`, { headers: manager });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return response.json();
  };
  const campaigns = async (status: string) =>
    ((await api(`/promotions?status=${status}&limit=100`)) as { items: Campaign[] }).items;
  const byName = async (name: string) =>
    ((await api('/promotions?archived=true&limit=100')) as { items: Campaign[] }).items.find(
      (c) => c.name === name,
    );
  const editor = () => page.locator('promotion-editor-page');
  const confirm = async (button: string) => {
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    bench = await startTillBench('hub-admin-promotions-');
    page = bench.page;
    await adminLogIn(bench);
    manager = await adminHeaders(bench.hub.baseUrl, 'manager', bench.demo.password);
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('makes a 3 for 2 on a category in the editor and shows it on a sample cart', async () => {
    await openAdminPage(page, 'Promotions');
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { name: 'New campaign', level: 1 }).waitFor();
    const form = editor();
    await form.getByLabel('Name on the till and the receipt').fill('Tre for to');
    await form.getByLabel('Kind').selectOption({ label: 'Multibuy (3 for 2)' });
    expect(await form.getByLabel('Buy', { exact: true }).inputValue()).toBe('3');
    expect(await form.getByLabel('Pay for').inputValue()).toBe('2');
    await form.getByRole('checkbox', { name: 'Bageri' }).check();
    await form.getByText('Buy 3, pay for 2').waitFor();
    await form.getByRole('button', { name: 'Save campaign' }).click();
    await form.getByText('Tre for to is saved.').waitFor();
    const saved = await byName('Tre for to');
    expect(saved).toMatchObject({ status: 'active', rule: { kind: 'multibuy' }, couponCode: null });
    expect(saved?.target.categoryIds).toHaveLength(1);

    const cart = form.locator('promotion-sample-cart');
    await cart.getByLabel('Add a product to the sample cart').fill('Rugbrød');
    await cart
      .getByRole('button', { name: /^Rugbrød ·/ })
      .first()
      .click();
    await cart.getByLabel('Quantity').fill('3');
    await cart.getByLabel('Quantity').press('Tab');
    await cart.getByRole('button', { name: 'Show the prices' }).click();
    await cart
      .locator('[data-applied]')
      .getByText(/Tre for to/)
      .waitFor();
    expect(await cart.locator('[data-preview-total]').innerText()).toMatch(/^Saved /);
    await screenshot(page, 'admin-promotion-editor-desktop');
  }, 90_000);

  it('says what to fix in the form and saves nothing', async () => {
    const before = (await campaigns('active')).length + (await campaigns('scheduled')).length;
    await page.getByRole('link', { name: 'All campaigns' }).click();
    await page.getByRole('link', { name: 'New campaign' }).click();
    const form = editor();
    await form.getByRole('textbox', { name: 'Percent off', exact: true }).fill('120');
    await form.getByRole('button', { name: 'Save campaign' }).click();
    await form.getByText('Check the fields marked below.').waitFor();
    await form.getByText('Give the campaign a name (up to 80 characters).').waitFor();
    await form.getByText('Type a percent above 0, up to 100.').waitFor();
    await form.getByText('Pick at least one product or category.').waitFor();
    expect((await campaigns('active')).length + (await campaigns('scheduled')).length).toBe(before);
  }, 60_000);

  it('schedules a coupon campaign for tomorrow and lists campaigns by where they stand', async () => {
    const form = editor();
    await form.getByLabel('Name on the till and the receipt').fill('Vinterkupon');
    await form.getByRole('textbox', { name: 'Percent off', exact: true }).fill('10');
    await form.getByRole('checkbox', { name: 'Mejeri' }).check();
    await form.getByLabel('Starts').fill(dayFromNow(1));
    await form.getByLabel('Ends (empty: no end)').fill(dayFromNow(8));
    await form.getByLabel('Coupon code (empty: no code needed)').fill('vinter10');
    await form.getByRole('button', { name: 'Save campaign' }).click();
    await form.getByText('Vinterkupon is saved.').waitFor();
    expect(await byName('Vinterkupon')).toMatchObject({ status: 'scheduled', couponCode: 'VINTER10' });

    await page.getByRole('link', { name: 'All campaigns' }).click();
    const list = page.locator('promotions-page');
    await list.getByRole('table', { name: 'Running now' }).getByText('Tre for to').waitFor();
    await list.getByRole('button', { name: 'Scheduled' }).click();
    const scheduled = list.getByRole('table', { name: 'Scheduled' });
    await scheduled.getByText('Vinterkupon').waitFor();
    await scheduled.getByText('Code VINTER10').waitFor();
    await screenshot(page, 'admin-promotions-scheduled');
  }, 60_000);

  it('ends a running campaign now and deletes a scheduled one no sale got', async () => {
    const list = page.locator('promotions-page');
    await list.getByRole('button', { name: 'Running now' }).click();
    const running = list
      .getByRole('table', { name: 'Running now' })
      .getByRole('row')
      .filter({ hasText: 'Tre for to' });
    await running.getByRole('button', { name: 'End now' }).click();
    await confirm('End now');
    await list.getByText('Tre for to has ended.').waitFor();
    expect((await byName('Tre for to'))?.status).toBe('ended');
    await list.getByRole('button', { name: 'Ended' }).click();
    await list.getByRole('table', { name: 'Ended' }).getByText('Tre for to').waitFor();

    await list.getByRole('button', { name: 'Scheduled' }).click();
    const row = list
      .getByRole('table', { name: 'Scheduled' })
      .getByRole('row')
      .filter({ hasText: 'Vinterkupon' });
    await row.getByRole('button', { name: 'Delete' }).click();
    await confirm('Delete');
    await list.getByText('Vinterkupon is deleted.').waitFor();
    expect(await byName('Vinterkupon')).toBeUndefined();
    await screenshot(page, 'admin-promotions-desktop');
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);

  it('makes a buy 2 get 1 free with what is bought and what is got picked apart', async () => {
    await page.getByRole('link', { name: 'New campaign' }).click();
    const form = editor();
    await form.getByLabel('Name on the till and the receipt').fill('Brød og croissant');
    await form.getByLabel('Kind').selectOption({ label: 'Buy X, get Y' });
    await form.getByLabel('Buy', { exact: true }).fill('2');
    await form.getByLabel('Get', { exact: true }).fill('1');
    await form.getByLabel('Percent off what they get (100 = free)').fill('100');
    const bought = form.locator('[data-target="target"]');
    await bought.getByLabel('Add a product (name, SKU or barcode)').fill('Rugbrød');
    await bought
      .getByRole('button', { name: /^Rugbrød ·/ })
      .first()
      .click();
    const got = form.locator('[data-target="getTarget"]');
    await got.getByLabel('Add a product (name, SKU or barcode)').fill('Croissant');
    await got
      .getByRole('button', { name: /^Croissant ·/ })
      .first()
      .click();
    await form.getByText('Buy 2, get 1 free').waitFor();
    await form.getByRole('button', { name: 'Save campaign' }).click();
    await form.getByText('Brød og croissant is saved.').waitFor();
    const saved = (await byName('Brød og croissant')) as Campaign & {
      rule: { kind: string; getTarget: { productIds: string[] } };
    };
    expect(saved.rule.kind).toBe('buy_get');
    expect(saved.target.productIds).toHaveLength(1);
    expect(saved.rule.getTarget.productIds).toHaveLength(1);

    const cart = form.locator('promotion-sample-cart');
    await cart.getByLabel('Add a product to the sample cart').fill('Rugbrød');
    await cart
      .getByRole('button', { name: /^Rugbrød ·/ })
      .first()
      .click();
    await cart.getByLabel('Add a product to the sample cart').fill('Croissant');
    await cart
      .getByRole('button', { name: /^Croissant ·/ })
      .first()
      .click();
    await cart.getByLabel('Quantity').first().fill('2');
    await cart.getByLabel('Quantity').first().press('Tab');
    await cart.getByRole('button', { name: 'Show the prices' }).click();
    await cart.locator('[data-preview]').waitFor();
    await screenshot(page, 'admin-promotion-buy-get');
    const croissant = cart
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Croissant', exact: true }) });
    await croissant
      .locator('[data-applied]')
      .getByText(/Brød og croissant/)
      .waitFor();
    await screenshot(page, 'admin-promotion-buy-get');
    await page.getByRole('link', { name: 'All campaigns' }).click();
  }, 60_000);

  it('reads in Traditional Chinese and fits a phone', async () => {
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('button', { name: '已結束' }).click();
    await page.getByRole('table', { name: '已結束' }).getByText('Tre for to').waitFor();
    await page.getByText('買 3 付 2').waitFor();
    await screenshot(page, 'admin-promotions-zh-Hant-TW');
    await page.getByRole('link', { name: '新增活動' }).click();
    await page.getByRole('heading', { name: '新增活動', level: 1 }).waitFor();
    await screenshot(page, 'admin-promotion-editor-zh-Hant-TW');
    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('link', { name: 'All campaigns' }).click();
    await page.getByRole('heading', { name: 'Promotions', level: 1 }).waitFor();
    await screenshot(page, 'admin-promotions-phone');
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { name: 'New campaign', level: 1 }).waitFor();
    await screenshot(page, 'admin-promotion-editor-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
  }, 60_000);
});
