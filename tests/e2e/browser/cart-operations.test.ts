import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, storedItem } from '../../support/browser.js';
import { formatMoney } from '../../../web-ui/shared/format/money.js';
import { AdminApi } from './admin-api.js';
import { pairAndOpenSession, startTillBench, type DemoConsole, type TillBench } from './demo-till.js';

interface HubSale {
  id: string;
  status: string;
  version: number;
  customerId: string | null;
  lines: {
    id: string;
    status: string;
    quantity: number;
    unitPriceMinor: number;
    catalogPriceMinor: number;
    discount: { kind: string; bp?: number } | null;
    lineDiscountMinor: number;
    totalMinor: number;
  }[];
  totals: { totalMinor: number; discountMinor: number };
  overrides: { permission: string; supervisorId: string }[];
}

/** The demo store's locale, read from the hub: the till shows money the way the store writes it. */
let storeLocale = 'da-DK';
/** As the till shows money (its own formatter, so the test compares like with like). */
const dkk = (minor: number) => formatMoney(minor, 'DKK', storeLocale);

/**
 * Cart operations at the till in Debian's Chromium against the real demo hub: the cashier (who may not
 * remove lines, override prices or give big discounts) gets a supervisor's approval in the override
 * dialog; every figure checked on screen is also checked through the hub's API.
 */
describe('cart operations at the till in a real browser', () => {
  let bench: TillBench;
  let page: Page;
  let admin: AdminApi;
  let demo: DemoConsole;

  const lines = () => page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
  const saved = () => page.getByText('Saved on the hub.').waitFor();

  async function currentSaleId(): Promise<string> {
    const stored = JSON.parse((await storedItem(page, 'store-hub.till.cart')) ?? '{}') as { saleId?: string };
    return stored.saleId ?? '';
  }

  async function saleById(id: string): Promise<HubSale> {
    return (await admin.get(`/sales/${id}`)) as HubSale;
  }

  async function currentSale(): Promise<HubSale> {
    return saleById(await currentSaleId());
  }

  async function addByCode(code: string): Promise<void> {
    const search = page.getByLabel('Search or scan (name, SKU or barcode)');
    await search.fill(code);
    await search.press('Enter');
  }

  const activeLines = (sale: HubSale) => sale.lines.filter((l) => l.status === 'active');
  const shownTotal = () => page.locator('[data-total]').innerText();

  /** The supervisor picks Bo and types the PIN on the keyboard, then Enter. */
  async function approveAs(dialog: Locator, pin: string): Promise<void> {
    await dialog.getByRole('button', { name: /Bo Supervisor/ }).click();
    await page.keyboard.type(pin);
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    bench = await startTillBench('hub-cart-ops-');
    ({ page, demo } = bench);
    admin = await AdminApi.login(bench.hub.baseUrl, 'manager', demo.password);
    storeLocale = ((await admin.get('/settings')) as { locale: string }).locale;
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('pairs, logs the cashier in and opens the cash session', async () => {
    expect(demo.supervisorPin).toMatch(/^\d{4,8}$/);
    expect(demo.barcodes.length).toBeGreaterThanOrEqual(2);
    await pairAndOpenSession(bench);
  }, 60_000);

  it('voids a rung-up line only with a supervisor: a wrong PIN and Esc change nothing', async () => {
    // Codes typed in the search box and Enter (the scan path without wedge timing; selling.test.ts
    // covers the wedge burst itself).
    await addByCode(demo.barcodes[0] ?? '');
    await lines().first().waitFor();
    await saved();
    await addByCode(demo.barcodes[1] ?? '');
    await expect.poll(() => lines().count()).toBe(2);
    await saved();
    const before = await currentSale();
    expect(before.lines.filter((l) => l.status === 'active')).toHaveLength(2);

    await lines()
      .first()
      .getByRole('button', { name: /^Remove / })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Supervisor approval' });
    await dialog.waitFor();
    await dialog.getByText('Remove a line or lower a quantity').waitFor();
    // Anna herself is not offered as her own approver.
    expect(await dialog.getByRole('button', { name: /Anna Cashier/ }).count()).toBe(0);
    await screenshot(page, 'till-override-dialog');

    await approveAs(dialog, '0000');
    await dialog.getByText('Wrong PIN. Nothing was changed. Try again.').waitFor();
    await screenshot(page, 'till-override-wrong-pin');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Not approved: nothing changed.').waitFor();
    await expect.poll(() => lines().count()).toBe(2);
    const unchanged = await currentSale();
    expect(unchanged.version).toBe(before.version);
    expect(unchanged.lines.filter((l) => l.status === 'active')).toHaveLength(2);

    await lines()
      .first()
      .getByRole('button', { name: /^Remove / })
      .click();
    await dialog.waitFor();
    await approveAs(dialog, demo.supervisorPin);
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => lines().count()).toBe(1);
    await saved();
    const after = await currentSale();
    const removed = after.lines.filter((l) => l.status === 'removed');
    expect(removed).toHaveLength(1);
    expect(after.overrides.map((o) => o.permission)).toEqual(['sale.remove_line']);
    expect(after.totals.totalMinor).toBeLessThan(before.totals.totalMinor);
    expect(await page.locator('[data-total]').innerText()).toMatch(/\d/);
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);

  it('edits a quantity with F3 and discounts a line beyond the cashier’s limit with a supervisor', async () => {
    const line = lines().first();
    await page.keyboard.press('F3');
    const edit = page.getByRole('dialog', { name: 'Quantity' });
    await edit.waitFor();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => line.locator('.qty').innerText()).toBe('3');
    await saved();
    expect(activeLines(await currentSale())[0]?.quantity).toBe(3);

    // 25 % is above the cashier's 10 % limit: the hub asks, the supervisor approves.
    await line.getByRole('button', { name: /^Discount/ }).click();
    const discount = page.getByRole('dialog', { name: 'Line discount' });
    await discount.waitFor();
    await discount.getByLabel('Discount in percent').fill('25');
    await discount.getByLabel('Reason').fill('');
    await page.keyboard.press('Enter');
    await discount.getByText('Say why: a discount needs a reason.').waitFor();
    await discount.getByLabel('Reason').fill('Dented box');
    await screenshot(page, 'till-cart-line-discount');
    await page.keyboard.press('Enter');
    const approval = page.getByRole('dialog', { name: 'Supervisor approval' });
    await approval.getByText('A discount above your limit').waitFor();
    await approveAs(approval, demo.supervisorPin);
    await approval.waitFor({ state: 'detached' });
    await saved();

    const sale = await currentSale();
    const hubLine = activeLines(sale)[0];
    expect(hubLine?.discount).toEqual({ kind: 'percent', bp: 2500 });
    expect(hubLine?.lineDiscountMinor).toBeGreaterThan(0);
    expect(sale.overrides.map((o) => o.permission)).toContain('sale.discount_above_limit');
    expect(await line.locator('[data-line-discount] .off').innerText()).toBe(
      dkk(-(hubLine?.lineDiscountMinor ?? 0)),
    );
    expect(await line.locator('.amount').innerText()).toBe(dkk(hubLine?.totalMinor ?? 0));
    expect(await shownTotal()).toBe(dkk(sale.totals.totalMinor));
  }, 60_000);

  it('overrides a price with the supervisor’s approval and shows the catalog price struck through', async () => {
    const line = lines().first();
    await page.keyboard.press('F9');
    const edit = page.getByRole('dialog', { name: 'Change the price' });
    await edit.waitFor();
    await edit.getByLabel('New unit price').fill('5');
    await screenshot(page, 'till-cart-price');
    await page.keyboard.press('Enter');
    const approval = page.getByRole('dialog', { name: 'Supervisor approval' });
    await approval.getByText('Change a price').waitFor();
    await approveAs(approval, demo.supervisorPin);
    await approval.waitFor({ state: 'detached' });
    await saved();

    const sale = await currentSale();
    const hubLine = activeLines(sale)[0];
    expect(hubLine?.unitPriceMinor).toBe(500);
    expect(hubLine?.catalogPriceMinor).not.toBe(500);
    expect(sale.overrides.map((o) => o.permission)).toContain('sale.price_override');
    expect(await line.locator('.detail').innerText()).toContain(dkk(500));
    expect(await line.locator('.detail s').innerText()).toBe(dkk(hubLine?.catalogPriceMinor ?? 0));
    expect(await shownTotal()).toBe(dkk(sale.totals.totalMinor));
  }, 60_000);

  it('attaches a new customer, then finds them by name', async () => {
    await page.keyboard.press('Alt+c');
    const dialog = page.getByRole('dialog', { name: 'Customer' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'New customer' }).click();
    await dialog.getByLabel('Name').fill('Lena Lindqvist');
    await dialog.getByLabel('Phone').fill('+45 20 30 40 50');
    await screenshot(page, 'till-cart-customer-new');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-customer]').innerText()).toBe('Lena Lindqvist');
    await saved();
    const customerId = (await currentSale()).customerId;
    expect(customerId).toMatch(/^[0-9a-f-]{36}$/);

    await page.keyboard.press('Alt+c');
    await dialog.waitFor();
    await dialog.getByLabel('Search by name, phone or e-mail').fill('Lind');
    const hit = dialog
      .getByRole('list', { name: 'Customers found' })
      .getByRole('button', { name: /Lena Lindqvist/ });
    await hit.waitFor();
    await screenshot(page, 'till-cart-customer-search');
    await hit.click();
    await dialog.waitFor({ state: 'detached' });
    expect((await currentSale()).customerId).toBe(customerId);
  }, 60_000);

  it('parks the sale and recalls it with the hub’s figures', async () => {
    const parkedId = await currentSaleId();
    const before = await currentSale();
    await page.keyboard.press('Alt+p');
    await page.getByText('Sale parked. Recall it with Alt+R.').waitFor();
    await page.getByText('The cart is empty. Scan or search to add products.').waitFor();
    expect((await saleById(parkedId)).status).toBe('parked');

    await page.keyboard.press('Alt+r');
    const dialog = page.getByRole('dialog', { name: 'Parked sales' });
    const entry = dialog.getByRole('list', { name: 'Parked sales' }).getByRole('button');
    await entry.first().waitFor();
    expect(await entry.count()).toBe(1);
    expect(await entry.first().innerText()).toContain(dkk(before.totals.totalMinor));
    await screenshot(page, 'till-cart-parked');
    await entry.first().click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Sale recalled.').waitFor();
    await expect.poll(() => lines().count()).toBe(1);
    const recalled = await saleById(parkedId);
    expect(recalled.status).toBe('open');
    expect(await currentSaleId()).toBe(parkedId);
    expect(await shownTotal()).toBe(dkk(recalled.totals.totalMinor));
    expect(await page.locator('[data-customer]').innerText()).toBe('Lena Lindqvist');
    expect(await lines().first().locator('[data-line-discount] .off').innerText()).toBe(
      dkk(-(activeLines(recalled)[0]?.lineDiscountMinor ?? 0)),
    );
  }, 60_000);

  it('voids the whole sale with a reason and the supervisor’s approval', async () => {
    const saleId = await currentSaleId();
    await page.keyboard.press('Alt+v');
    const edit = page.getByRole('dialog', { name: 'Void the whole sale?' });
    await edit.waitFor();
    await edit.getByLabel('Reason').fill('Customer left');
    await screenshot(page, 'till-cart-void-sale');
    await page.keyboard.press('Enter');
    const approval = page.getByRole('dialog', { name: 'Supervisor approval' });
    await approval.getByText('Void the sale').waitFor();
    await approveAs(approval, demo.supervisorPin);
    await approval.waitFor({ state: 'detached' });
    await page.getByText('Sale voided.').waitFor();
    await page.getByText('The cart is empty. Scan or search to add products.').waitFor();
    expect((await saleById(saleId)).status).toBe('voided');
    expect(await currentSaleId()).not.toBe(saleId);
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);
});
