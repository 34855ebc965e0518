import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, VIEWPORTS } from '../../support/browser.js';
import { adminHeaders } from './admin-api.js';
import { adminLogIn, openAdminPage } from './admin-support.js';
import { startTillBench, type TillBench } from './demo-till.js';

/**
 * The customers area of the admin pages against the demo hub: find a customer, read the profile (points,
 * consent, lifetime value), merge a duplicate into them, load and look up a gift card, and set the
 * loyalty programme with a tier; in English, Chinese and on a phone.
 */
describe('admin: customers, gift cards and loyalty in a real browser', () => {
  let bench: TillBench;
  let call: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
  let keep: string;
  let duplicate: string;

  beforeAll(async () => {
    bench = await startTillBench('hub-admin-customers-');
    const headers = await adminHeaders(bench.hub.baseUrl, 'manager', bench.demo.password);
    call = async (method, path, body) => {
      const response = await fetch(`${bench.hub.baseUrl}/api/v1${path}`, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json() };
    };
    const made = await call('POST', '/customers', { name: 'Ingrid Nordström', email: 'ingrid@example.se' });
    keep = (made.body as { id: string }).id;
    const dup = await call('POST', '/customers', { name: 'Ingrid Nordstrom', phone: '+46 70 123 45 67' });
    duplicate = (dup.body as { id: string }).id;
    await call('POST', `/loyalty/customers/${keep}/adjust`, { points: 120, note: 'Opening bonus' });
    await call('POST', `/loyalty/customers/${duplicate}/adjust`, { points: 30, note: 'Opening bonus' });
    await adminLogIn(bench);
  }, 180_000);

  afterAll(async () => {
    await bench.close();
  });

  it('finds a customer and shows the profile with points, consent and lifetime value', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Customers');
    await page.getByLabel('Name, phone or e-mail').fill('ingrid');
    const table = page.getByRole('table', { name: 'Customers' });
    await table.getByRole('link', { name: 'Ingrid Nordström' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await screenshot(page, 'admin-customers-list');

    await table.getByRole('link', { name: 'Ingrid Nordström' }).click();
    await page.getByRole('heading', { name: 'Ingrid Nordström', level: 1 }).waitFor();
    await expect.poll(() => page.locator('[data-points-balance]').innerText()).toBe('120');
    await page.getByText('No marketing consent').waitFor();
    await page.getByRole('button', { name: 'Record consent given now' }).click();
    await page.getByText('Consent recorded.').waitFor();
    await page.getByText(/Marketing consent given/).waitFor();
    const saved = await call('GET', `/customers/${keep}`);
    expect(saved.body).toMatchObject({ marketingConsent: true, consentAt: expect.any(String) as unknown });
    await page.getByRole('table', { name: 'Points ledger' }).getByText('Opening bonus').waitFor();
    await screenshot(page, 'admin-customer-profile');
  }, 90_000);

  it('merges a duplicate into the customer: points move, the duplicate is gone', async () => {
    const { page } = bench;
    await page.getByLabel('Find the duplicate by name, phone or e-mail').fill('nordstrom');
    const hits = page.getByRole('table', { name: 'Possible duplicates' });
    await hits.getByText('+46701234567').waitFor();
    await hits.getByRole('button', { name: 'Merge into this customer' }).click();
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText('Ingrid Nordstrom is merged into this customer.').waitFor();
    await expect.poll(() => page.locator('[data-points-balance]').innerText()).toBe('150');
    await page.getByText('+46701234567').first().waitFor();
    expect((await call('GET', `/customers/${duplicate}`)).status).toBe(404);
    await screenshot(page, 'admin-customer-merged');
  }, 60_000);

  it('loads a gift card, shows its balance and ledger, and refuses taking off more than it holds', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Gift cards');
    const issue = page.getByRole('region', { name: 'Load a card' });
    await issue.getByLabel('Card code').fill('gc-2026-0001');
    await issue.getByLabel('Amount (negative to take off)').fill('250.00');
    await issue.getByLabel('Reason').fill('Raffle prize');
    await issue.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Card GC20260001 now holds/).waitFor();
    const card = (await call('GET', '/gift-cards/GC20260001')).body as { balanceMinor: number };
    expect(card.balanceMinor).toBe(25_000);
    await page.getByRole('table', { name: 'Ledger of GC20260001' }).getByText('Raffle prize').waitFor();

    const lookup = page.getByRole('region', { name: 'Look up a card' });
    await lookup.getByLabel('Amount (negative to take off)').fill('-300');
    await lookup.getByLabel('Reason').fill('Mistake');
    await lookup.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').waitFor();
    expect(
      ((await call('GET', '/gift-cards/GC20260001')).body as { balanceMinor: number }).balanceMinor,
    ).toBe(25_000);
    await page.getByRole('table', { name: 'All gift cards' }).getByText('GC20260001').waitFor();
    const products = page.getByRole('region', { name: 'Products that sell gift cards' });
    await products.getByLabel('Barcode of the product').fill(bench.demo.barcodes[1]!);
    await products.getByRole('button', { name: 'Sells gift cards' }).click();
    await products.getByText('The product now sells gift cards.').waitFor();
    const marked = (await call('GET', '/gift-cards/products')).body as { name: string }[];
    expect(marked).toHaveLength(1);
    await products.getByRole('table', { name: 'Gift card products' }).getByText(marked[0]!.name).waitFor();
    await screenshot(page, 'admin-gift-cards');
  }, 60_000);

  it('sets the loyalty programme with a tier', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Loyalty');
    await page.getByLabel('Customers earn and spend points').check();
    await page.getByLabel('Points earned').fill('2');
    await page.getByLabel('For every amount spent').fill('10.00');
    await page.getByLabel('One point pays').fill('0.05');
    await page.getByRole('button', { name: 'Add a tier' }).click();
    await page.getByLabel('Tier name').fill('Gold');
    await page.getByLabel('From lifetime points').fill('5000');
    await page.getByLabel('Earn multiplier (%)').fill('150');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Loyalty settings saved.').waitFor();
    const settings = await call('GET', '/loyalty/settings');
    expect(settings.body).toEqual({
      enabled: true,
      earnPoints: 2,
      spendStepMinor: 1000,
      pointValueMinor: 5,
      tiers: [{ name: 'Gold', minPoints: 5000, multiplierBp: 15_000 }],
    });
    await screenshot(page, 'admin-loyalty');
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);

  it('reads in Traditional Chinese and fits a phone', async () => {
    const { page } = bench;
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('heading', { name: '會員點數', level: 1 }).waitFor();
    await screenshot(page, 'admin-loyalty-zh-Hant-TW');
    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('button', { name: 'Menu' }).click();
    await openAdminPage(page, 'Customers');
    await page.getByRole('table', { name: 'Customers' }).getByRole('link').first().waitFor();
    await screenshot(page, 'admin-customers-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
  }, 60_000);
});
