import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../hub/domain/barcodes/index.js';
import { screenshot, VIEWPORTS } from '../../support/browser.js';
import { AdminApi } from './admin-api.js';
import { adminLogIn, openAdminPage } from './admin-support.js';
import { startTillBench, type TillBench } from './demo-till.js';

interface ProductBody {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
  active: boolean;
  categoryId: string | null;
  barcodes: { display: string }[];
}

/**
 * The catalog area of the admin pages against the demo hub: a product made and archived in the editor,
 * categories, tax classes and scale labels, a bulk price change now and one scheduled then cancelled,
 * and a CSV import with a bad row, imported as its valid rows only; in English, Chinese and on a phone.
 */
describe('admin: catalog in a real browser', () => {
  let bench: TillBench;
  let admin: AdminApi;
  let bakery: string;

  const products = async (query: string) =>
    ((await admin.get(`/products?${query}`)) as { items: ProductBody[] }).items;

  beforeAll(async () => {
    bench = await startTillBench('hub-admin-catalog-');
    await adminLogIn(bench);
    admin = await AdminApi.login(bench.hub.baseUrl, 'manager', bench.demo.password);
    const categories = (await admin.get('/categories?limit=100')) as {
      items: { id: string; name: string }[];
    };
    bakery = categories.items.find((c) => c.name === 'Bageri')!.id;
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('makes a product in the editor, with its barcode and category, and archives it', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Products');
    await page.getByRole('link', { name: 'New product' }).click();
    await page.getByRole('heading', { name: 'New product', level: 1 }).waitFor();
    const ean = withCheckDigit('579123400001');
    await page.getByLabel('SKU').fill('E2E-RYE');
    await page.getByLabel('Name').fill('Rugbrød fra testen');
    await page.getByLabel('Price', { exact: true }).fill('24,95');
    await page.getByLabel('Category').selectOption({ label: 'Bageri' });
    await page.getByLabel('Barcodes, one a line (PLU 1234 for a scale item)').fill(ean);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Rugbrød fra testen is saved.').waitFor();
    const [made] = await products('q=E2E-RYE&status=all');
    expect(made).toMatchObject({ priceMinor: 2495, categoryId: bakery, barcodes: [{ display: ean }] });
    await screenshot(page, 'admin-catalog-product-editor');

    await page.getByRole('button', { name: 'Archive' }).click();
    await page.locator('confirm-dialog').getByRole('button', { name: 'Archive' }).click();
    await page.getByText('Rugbrød fra testen is archived.').waitFor();
    expect((await products('q=E2E-RYE&status=all'))[0]?.active).toBe(false);

    await page.getByRole('link', { name: 'All products' }).click();
    await page.getByLabel('Show').selectOption({ label: 'Archived' });
    await page.getByRole('link', { name: 'Rugbrød fra testen' }).waitFor();
    await page.getByLabel('Show').selectOption({ label: 'On sale' });
    await page.getByRole('link', { name: 'Rugbrød fra testen' }).waitFor({ state: 'detached' });
    await screenshot(page, 'admin-catalog-products');
  }, 90_000);

  it('adds a category and a tax class, and lists the scale label layouts', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Categories');
    await page.getByLabel('New category').fill('Sæsonvarer');
    await page.getByLabel('Under').selectOption({ label: 'Bageri' });
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Sæsonvarer added.').waitFor();
    await page.getByRole('cell', { name: 'Bageri > Sæsonvarer' }).waitFor();
    await screenshot(page, 'admin-catalog-categories');

    await openAdminPage(page, 'Tax classes');
    await page.getByLabel('Name').fill('Momsfri');
    await page.getByLabel('Rate in %').fill('0');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Momsfri added.').waitFor();
    const classes = (await admin.get('/tax-classes')) as { items: { name: string; rateBp: number }[] };
    expect(classes.items.find((t) => t.name === 'Momsfri')?.rateBp).toBe(0);
    await screenshot(page, 'admin-catalog-tax-classes');

    await openAdminPage(page, 'Scale labels');
    const layouts = page.getByRole('table', { name: 'Label layouts' });
    await layouts.getByRole('row').filter({ hasText: 'Scale price label' }).waitFor();
    expect(await layouts.getByRole('row').filter({ hasText: 'Scale weight label' }).count()).toBe(1);
    await screenshot(page, 'admin-catalog-label-templates');
  }, 90_000);

  it('raises the bakery by 10 % rounded to 0.50 now, and schedules a change it then cancels', async () => {
    const { page } = bench;
    const before = await products(`categoryId=${bakery}&limit=100`);
    await openAdminPage(page, 'Price changes');
    await page.getByLabel('Category (with its subcategories)').selectOption({ label: 'Bageri' });
    await page
      .getByRole('combobox', { name: /^Change/ })
      .selectOption({ label: 'By a percentage (-10 lowers by 10 %)' });
    await page.getByLabel('Percentage or amount').fill('10');
    await page.getByLabel('Round to (e.g. 0.50; empty: to the smallest unit)').fill('0,50');
    await page.getByRole('button', { name: 'Show the new prices' }).click();
    await page.getByRole('heading', { name: `New prices for ${before.length} products` }).waitFor();
    await screenshot(page, 'admin-catalog-price-preview');
    await page.getByRole('button', { name: 'Apply now' }).click();
    await page.getByText(`New prices for ${before.length} products are in effect.`).waitFor();
    const after = await products(`categoryId=${bakery}&limit=100`);
    for (const p of before) {
      const now = after.find((a) => a.id === p.id)!.priceMinor;
      // 10 % on the minor units (halves away from zero), then to the nearest 0.50.
      const raised = Math.round((p.priceMinor * 11) / 10);
      expect(now, p.sku).toBe(Math.round(raised / 50) * 50);
    }

    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    await page
      .getByRole('combobox', { name: /^Change/ })
      .selectOption({ label: 'By an amount (-5 lowers by 5)' });
    await page.getByLabel('Percentage or amount').fill('-1');
    await page.getByLabel('Round to (e.g. 0.50; empty: to the smallest unit)').fill('');
    await page.getByLabel('Takes effect (empty: now)').fill(local);
    await page.getByLabel('Note').fill('Weekend offer');
    await page.getByRole('button', { name: 'Show the new prices' }).click();
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText(/are scheduled for/).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Weekend offer' });
    await row.getByText('Scheduled').waitFor();
    await screenshot(page, 'admin-catalog-price-changes');
    await row.getByRole('button', { name: 'Cancel change' }).click();
    await page.locator('confirm-dialog').getByRole('button', { name: 'Cancel change' }).click();
    await row.getByText('Cancelled').waitFor();
    const unchanged = await products(`categoryId=${bakery}&limit=100`);
    expect(unchanged.map((p) => p.priceMinor)).toEqual(after.map((p) => p.priceMinor));
  }, 90_000);

  it('previews a CSV with a bad row and imports only its valid rows with a progress bar', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Import and export');
    const csv = [
      'sku;name;price;category;tax_class;barcodes',
      `CSV-1;Kanelsnegl;18,00;Bageri;standard;${withCheckDigit('579123400002')}`,
      'CSV-2;Tebirkes;12,5x;Bageri;standard;',
      'CSV-3;"Wienerbrød; stort";32,00;Bageri;standard;',
    ].join('\r\n');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'bageri.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}\r\n`),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('heading', { name: 'bageri.csv: 3 rows, 2 valid, 1 with errors' }).waitFor();
    const errors = page.getByRole('table', { name: 'Row errors' });
    await errors.getByRole('row').filter({ hasText: 'price "12,5x" is not an amount' }).waitFor();
    expect(await errors.getByRole('cell', { name: '3', exact: true }).count()).toBe(1);
    await screenshot(page, 'admin-catalog-import-preview');
    expect(await products('q=CSV&status=all')).toEqual([]);

    await page.getByRole('button', { name: 'Import only the 2 valid rows' }).click();
    await page
      .getByRole('heading', { name: /^Imported: 2 new products, 0 updated, 1 rows left out/ })
      .waitFor();
    const imported = await products('q=CSV&status=all');
    expect(imported.map((p) => [p.sku, p.name, p.priceMinor]).sort()).toEqual([
      ['CSV-1', 'Kanelsnegl', 1800],
      ['CSV-3', 'Wienerbrød; stort', 3200],
    ]);
    await screenshot(page, 'admin-catalog-import-done');
  }, 90_000);

  it('reads in Traditional Chinese and fits a phone', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Products');
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('heading', { name: '商品', level: 1 }).waitFor();
    await screenshot(page, 'admin-catalog-products-zh-Hant-TW');
    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('button', { name: 'Menu' }).click();
    await openAdminPage(page, 'Price changes');
    await screenshot(page, 'admin-catalog-price-changes-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);
});
