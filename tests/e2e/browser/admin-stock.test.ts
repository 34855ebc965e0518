import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, VIEWPORTS } from '../../support/browser.js';
import { AdminApi } from './admin-api.js';
import { adminLogIn, openAdminPage } from './admin-support.js';
import { startTillBench, wedgeScan, type TillBench } from './demo-till.js';

interface Level {
  productId: string;
  name: string;
  onHand: number;
  reorderPoint: number | null;
  costMinor: number;
}

/**
 * The stock area of the admin pages against the demo hub: a supplier, a purchase order sent and
 * received at cost, a reorder point that makes a product low, a damage adjustment, a count scanned with a
 * wedge scanner and posted, and the valuation; in English, Chinese and on a phone.
 */
describe('admin: stock in a real browser', () => {
  let bench: TillBench;
  let admin: AdminApi;
  let product: Level;
  let barcode: string;

  const level = async (): Promise<Level> => {
    const page = (await admin.get(`/stock/levels?q=${barcode}`)) as { items: Level[] };
    const found = page.items[0];
    if (!found) throw new Error(`no stocked product has the barcode ${barcode}`);
    return found;
  };

  beforeAll(async () => {
    bench = await startTillBench('hub-admin-stock-');
    await adminLogIn(bench);
    admin = await AdminApi.login(bench.hub.baseUrl, 'manager', bench.demo.password);
    barcode = bench.demo.barcodes[0] ?? '';
    product = await level();
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('adds a supplier, orders from it, sends the order and receives it at cost', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Suppliers');
    await page.getByLabel('Name', { exact: true }).fill('Bryggeriet');
    await page.getByLabel('Email').fill('ordre@bryggeriet.dk');
    await page.getByRole('button', { name: 'Add supplier' }).click();
    await page.getByText('Bryggeriet is saved.').waitFor();
    await screenshot(page, 'admin-stock-suppliers');

    await openAdminPage(page, 'Purchase orders');
    await page.getByRole('combobox', { name: /^Supplier/ }).selectOption({ label: 'Bryggeriet' });
    await page.getByLabel('Product: name, SKU or barcode').fill(product.name);
    await page.getByRole('list', { name: 'Matching products' }).getByRole('button').first().click();
    await page.getByLabel(/^Quantity of /).fill('24');
    await page.getByLabel(/^Unit cost of /).fill('7,50');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: /^Purchase order \d+$/, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByText('Marked as sent.').waitFor();
    await page.getByLabel(`Arrived now of ${product.name}`).fill('24');
    await page.getByLabel('Delivery note or reference').fill('FAK-2041');
    await page.getByRole('button', { name: 'Receive', exact: true }).click();
    await page.getByText('Received and booked into stock.').waitFor();
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('received');
    await screenshot(page, 'admin-stock-purchase-order');
    // The moving average over what was on the shelf and the 24 received at 7.50.
    const average = Math.round((product.onHand * product.costMinor + 24 * 750) / (product.onHand + 24));
    expect(await level()).toMatchObject({ onHand: product.onHand + 24, costMinor: average });
  }, 90_000);

  it('sets a reorder point that makes the product low, and books a damaged one', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Stock on hand');
    await page.getByLabel('Search: name, SKU or barcode').fill(barcode);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: product.name });
    await row.getByLabel(`Reorder point of ${product.name}`).fill('50');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Reorder point of ${product.name} is 50.`).waitFor();
    await row.getByText('Low').waitFor();
    await page.getByLabel('Only low stock').check();
    await page.getByRole('row').filter({ hasText: product.name }).waitFor();
    await screenshot(page, 'admin-stock-levels');
    expect((await admin.get('/stock/low')) as { items: { productId: string }[] }).toMatchObject({
      items: [expect.objectContaining({ productId: product.productId })],
    });

    await openAdminPage(page, 'Adjust stock');
    await page.getByLabel('Product: name, SKU or barcode').fill(barcode);
    await page.getByLabel('Product: name, SKU or barcode').press('Enter');
    await page.getByRole('heading', { name: product.name, level: 2 }).waitFor();
    await page.getByRole('combobox', { name: /^Reason/ }).selectOption({ label: 'Damaged' });
    await page.getByRole('textbox', { name: /How many are gone/ }).fill('1');
    await page.getByLabel('Note').fill('Knust flaske');
    await page.getByRole('button', { name: 'Book the adjustment' }).click();
    await page.getByText(`${product.name}: -1 booked, ${product.onHand + 23} on hand.`).waitFor();
    expect((await level()).onHand).toBe(product.onHand + 23);
  }, 60_000);

  it('counts by scanning with a wedge scanner, shows the variance and posts the count once', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Stock counts');
    await page.getByRole('button', { name: 'Start a count' }).click();
    await page.getByRole('heading', { name: /^Stock count \d+$/, level: 1 }).waitFor();
    await page.getByLabel('Scan or type a barcode, then Enter').click();
    for (let i = 0; i < 20; i += 1) await wedgeScan(page, barcode);
    await page.getByText(`${product.name}: 20 counted`).waitFor({ timeout: 20_000 });
    await page.getByRole('combobox', { name: /^Show/ }).selectOption({ label: 'With a variance' });
    const row = page.getByRole('row').filter({ hasText: product.name });
    await row.getByText(String(20 - (product.onHand + 23)), { exact: true }).waitFor();
    await screenshot(page, 'admin-stock-count-sheet');
    await page.getByRole('button', { name: 'Post count' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Post count' }).click();
    await page.getByText('The count is posted.').waitFor();
    expect(await page.getByRole('button', { name: 'Post count' }).count()).toBe(0);
    expect((await level()).onHand).toBe(20);
    const counts = (await admin.get('/stock-counts?limit=1')) as {
      items: { status: string; varianceUnits: number }[];
    };
    expect(counts.items[0]).toMatchObject({ status: 'posted', varianceUnits: -3 - product.onHand });
  }, 90_000);

  it('turns the reorder suggestion for the low product into a draft order, and values the stock at cost', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Reorder suggestions');
    await page.getByRole('row').filter({ hasText: product.name }).waitFor();
    await screenshot(page, 'admin-stock-reorder');
    // Reorder point 50, 20 on hand, nothing sold: 30 to order, as a draft for the supplier.
    await page.getByRole('combobox', { name: /^Supplier/ }).selectOption({ label: 'Bryggeriet' });
    await page.getByRole('button', { name: 'Create a purchase order from the ticked lines' }).click();
    await page.getByRole('heading', { name: /^Purchase order \d+$/, level: 1 }).waitFor();
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('draft');
    const drafts = (await admin.get('/purchase-orders?status=draft')) as {
      items: { lines: { productId: string; ordered: number }[] }[];
    };
    expect(drafts.items[0]?.lines).toEqual([
      expect.objectContaining({ productId: product.productId, ordered: 30 }),
    ]);

    await openAdminPage(page, 'Inventory valuation');
    const valuation = (await admin.get('/stock/valuation')) as { totalValueMinor: number };
    await expect
      .poll(async () => (await page.locator('[data-total-value]').innerText()).replace(/\D/g, ''))
      .toBe(String(valuation.totalValueMinor));
    await screenshot(page, 'admin-stock-valuation');
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);

  it('reads in Traditional Chinese and fits a phone', async () => {
    const { page } = bench;
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('heading', { name: '庫存估值', level: 1 }).waitFor();
    await screenshot(page, 'admin-stock-valuation-zh-Hant-TW');
    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('button', { name: 'Menu' }).click();
    await openAdminPage(page, 'Stock on hand');
    await screenshot(page, 'admin-stock-levels-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
  }, 60_000);
});
