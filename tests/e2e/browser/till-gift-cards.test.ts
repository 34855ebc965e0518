import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../../support/browser.js';
import type { ApiAnswer, DemoHub } from '../../support/demo-hub.js';
import { logInByKeyboard, startDemoTill, type DemoTillBench } from './demo-till.js';

const BARCODE = '5712345000014';

/**
 * Gift cards and points at the till in Debian's Chromium against the demo hub: the attached customer's
 * points show in the cart, and a gift card pays part of a sale (its number asked for in the pay dialog,
 * more than it holds refused in the cashier's words).
 */
describe('gift cards and points at the till in a real browser', () => {
  let bench: DemoTillBench;
  let demo: DemoHub;
  let page: Page;

  function asManager(path: string, method = 'GET', body?: unknown): Promise<ApiAnswer> {
    return demo.api(path, { method, ...(body === undefined ? {} : { body }), headers: bench.manager });
  }

  beforeAll(async () => {
    bench = await startDemoTill('hub-till-gift-');
    ({ demo, page } = bench);
    await asManager('/loyalty/settings', 'PUT', {
      enabled: true,
      earnPoints: 1,
      spendStepMinor: 100,
      pointValueMinor: 10,
      tiers: [],
    });
    await asManager('/tenders', 'POST', { kind: 'gift_card', name: 'Gift card' });
    const customer = await demo.api('/customers', { method: 'POST', body: { name: 'Pia Pointsworth' } });
    await asManager(`/loyalty/customers/${String(customer.body.id)}/adjust`, 'POST', {
      points: 240,
      note: 'x',
    });
    await asManager('/gift-cards/TILLCARD01/reload', 'POST', { amountMinor: 1500, note: 'Test card' });
    await logInByKeyboard(bench);
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('shows the attached customer’s points and what they pay for', async () => {
    const search = page.getByLabel('Search or scan (name, SKU or barcode)');
    await search.fill(BARCODE);
    await search.press('Enter');
    await page.getByText('Saved on the hub.').waitFor();
    await search.fill('');
    await page.keyboard.press('Alt+c');
    const dialog = page.getByRole('dialog', { name: 'Customer' });
    await dialog.getByLabel('Search by name, phone or e-mail').fill('Pointsworth');
    await dialog.getByRole('list', { name: 'Customers found' }).getByRole('button', { name: /Pia/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-customer]').innerText()).toBe('Pia Pointsworth');
    await expect
      .poll(() => page.locator('[data-customer-points]').innerText())
      .toMatch(/^240 points \(24[.,]00/);
    await screenshot(page, 'till-customer-points');
  }, 60_000);

  it('pays part of the sale with a gift card and refuses more than the card holds', async () => {
    await page.keyboard.press('F12');
    const pay = page.getByRole('dialog', { name: 'Payment' });
    await pay.waitFor();
    const others = pay.getByRole('group', { name: 'Other tenders' });
    await pay.getByLabel('Voucher, credit or gift card number').fill('tillcard01');
    await pay.getByLabel('Amount (empty: all that is left)').fill('20');
    await others.getByRole('button', { name: /Gift card/ }).click();
    await pay.getByText('The store credit or gift card does not cover that amount.').waitFor();
    await pay.getByLabel('Amount (empty: all that is left)').fill('10');
    await pay.getByLabel('Voucher, credit or gift card number').fill('tillcard01');
    await others.getByRole('button', { name: /Gift card/ }).click();
    await pay.getByRole('heading', { name: 'Payments taken' }).waitFor();
    await screenshot(page, 'till-paying-gift-card');
    const card = await asManager('/gift-cards/TILLCARD01');
    expect(card.body.balanceMinor).toBe(500);
  }, 60_000);
});
