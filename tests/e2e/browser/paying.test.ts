import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NexoTerminalSimulator } from '../../../devices/sim/terminal/nexo-terminal-sim.js';
import { inPage, screenshot } from '../../support/browser.js';
import type { ApiAnswer, DemoHub } from '../../support/demo-hub.js';
import { startDemoTill, type DemoTillBench } from './demo-till.js';

interface ApiPayment {
  id: string;
  tenderKind: string;
  status: string;
  amountMinor: number;
  changeMinor: number;
}

interface ApiSale {
  id: string;
  status: string;
  totals: { toPayMinor: number; paidMinor: number; dueMinor: number; roundingMinor: number };
  payments: ApiPayment[];
}

const BARCODE = '5712345000014';

/**
 * Paying at the till in Debian's Chromium against the demo hub and its simulated nexo card terminal:
 * part cash and part card, a declined card then cash, Cancel while the terminal waits for the card, and
 * the card button refused while the hub cannot be reached. The sale and its payments are checked through
 * the hub's API, the charges at the terminal simulator.
 */
describe('paying at the till in a real browser', () => {
  let bench: DemoTillBench;
  let demo: DemoHub;
  let nexo: NexoTerminalSimulator;
  let page: Page;
  let errors: string[];
  const seen = new Set<string>();

  /** A manager's read of the hub (cookie session), as the admin pages do it. */
  function managerGet(path: string): Promise<ApiAnswer> {
    return demo.api(path, { headers: bench.manager });
  }

  /** The sale this test rang up: the newest one the API lists that an earlier test did not. */
  async function newestSale(): Promise<ApiSale> {
    const answer = await managerGet('/sales?limit=500');
    expect(answer.status).toBe(200);
    const fresh = (answer.body.items as ApiSale[]).filter((s) => !seen.has(s.id));
    expect(fresh).toHaveLength(1);
    return fresh[0]!;
  }

  async function saleById(id: string): Promise<ApiSale> {
    return (await managerGet(`/sales/${id}`)).body as unknown as ApiSale;
  }

  /**
   * Adds the demo product by its barcode typed into the search box and Enter (the typed-code path; the
   * wedge-scan path is the selling test's, and a loaded machine can stretch its key timing).
   */
  async function addProduct(): Promise<void> {
    const search = page.getByLabel('Search or scan (name, SKU or barcode)');
    await search.fill(BARCODE);
    await search.press('Enter');
    await page.getByText('Saved on the hub.').waitFor();
    await search.fill('');
  }

  function payDialog(): Locator {
    return page.getByRole('dialog', { name: 'Payment' });
  }

  async function finish(): Promise<void> {
    await page.getByRole('dialog', { name: 'Sale completed' }).waitFor({ timeout: 20_000 });
  }

  async function newSale(): Promise<void> {
    const sale = await newestSale();
    seen.add(sale.id);
    await page.getByRole('button', { name: /New sale/ }).click();
    await page.getByText('The cart is empty. Scan or search to add products.').waitFor();
  }

  beforeAll(async () => {
    bench = await startDemoTill('hub-paying-');
    ({ demo, page, errors } = bench);
    nexo = demo.hub.simulators!.nexo;
    const { cashier } = bench;
    await page.goto(`${bench.front.baseUrl}/till/`);
    await page.getByRole('button', { name: new RegExp(cashier.name) }).click();
    await page.keyboard.type(cashier.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Find a product' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('splits a sale: part cash typed in, the cart locked meanwhile, the rest by card', async () => {
    await addProduct();
    await addProduct();
    await page.keyboard.press('F12');
    const dialog = payDialog();
    await dialog.waitFor();
    // Every tender shows its key.
    for (const key of ['F1', 'F2', 'F6', 'Esc']) {
      await expect
        .poll(() => dialog.locator('kbd', { hasText: new RegExp(`^${key}$`) }).count())
        .toBeGreaterThan(0);
    }
    const total = await dialog.locator('[data-due]').innerText();
    await dialog.getByLabel('Amount (empty: all that is left)').fill('10');
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Payments taken' }).waitFor();
    await dialog.getByText('Still to pay').waitFor();
    expect(await dialog.locator('[data-paid]').innerText()).toMatch(/10[.,]00/);
    expect(await dialog.locator('[data-due]').innerText()).not.toBe(total);
    await screenshot(page, 'till-paying-split-cash-part');

    // Back at the cart with money taken: a scan is refused and the cart stays as paid for.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const lines = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
    const qty = await lines.first().locator('.qty').innerText();
    await page.getByLabel('Search or scan (name, SKU or barcode)').fill(BARCODE);
    await page.keyboard.press('Enter');
    await page.getByText('Payment has started, so the cart is locked.', { exact: false }).waitFor();
    expect(await lines.first().locator('.qty').innerText()).toBe(qty);
    await screenshot(page, 'till-paying-cart-locked');

    await page.keyboard.press('F12');
    await dialog.getByRole('heading', { name: 'Payments taken' }).waitFor();
    await page.keyboard.press('F6');
    await dialog.getByText('Waiting for the card', { exact: false }).waitFor();
    await screenshot(page, 'till-paying-card-waiting');
    await finish();
    await screenshot(page, 'till-paying-split-done');

    const sale = await newestSale();
    expect(sale.status).toBe('completed');
    const taken = sale.payments.filter((p) => p.status === 'approved');
    expect(taken.map((p) => p.tenderKind).sort()).toEqual(['card', 'cash']);
    expect(taken.find((p) => p.tenderKind === 'cash')?.amountMinor).toBe(1000);
    const card = taken.find((p) => p.tenderKind === 'card')!;
    expect(card.amountMinor + 1000).toBe(sale.totals.toPayMinor);
    expect(nexo.charges).toContain(card.id);
    await newSale();
  }, 90_000);

  it('shows a declined card, then takes cash for the sale', async () => {
    nexo.scriptNext('decline');
    await addProduct();
    await page.keyboard.press('F12');
    const dialog = payDialog();
    await dialog.waitFor();
    await page.keyboard.press('F6');
    await dialog.getByText('The card was declined', { exact: false }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'till-paying-declined');
    await page.keyboard.press('F1');
    await finish();

    const sale = await newestSale();
    expect(sale.status).toBe('completed');
    expect(sale.payments.map((p) => `${p.tenderKind} ${p.status}`)).toEqual([
      'card declined',
      'cash approved',
    ]);
    expect(nexo.charges).not.toContain(sale.payments[0]!.id);
    await newSale();
  }, 90_000);

  it('cancels a card payment while the terminal waits for the card, and charges nothing', async () => {
    nexo.scriptNext('wait');
    await addProduct();
    await page.keyboard.press('F12');
    const dialog = payDialog();
    await dialog.waitFor();
    await page.keyboard.press('F6');
    // The terminal's own words reach the till live over MQTT.
    await dialog.getByText('The terminal says: Insert, tap or swipe the card').waitFor({ timeout: 10_000 });
    expect(await dialog.locator('[data-card-stage]').getAttribute('data-card-stage')).toBe(
      'waiting_for_card',
    );
    await screenshot(page, 'till-paying-card-live');
    await dialog.getByRole('button', { name: /Cancel card payment/ }).click();
    await dialog
      .getByText('The card payment was cancelled. Nothing was charged.')
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'till-paying-card-cancelled');

    const open = await newestSale();
    expect(open.status).toBe('open');
    expect(open.payments.map((p) => p.status)).toEqual(['cancelled']);
    expect(nexo.charges).not.toContain(open.payments[0]!.id);
    expect(open.totals.dueMinor).toBe(open.totals.toPayMinor);

    // Nothing holds money: the sale is paid in cash as usual.
    await page.keyboard.press('F1');
    await finish();
    expect((await saleById(open.id)).status).toBe('completed');
    await newSale();
  }, 90_000);

  it('disables the card while the hub cannot be reached, and says why', async () => {
    await addProduct();
    const paymentsBefore = nexo.transactions.size;
    // The hub stops answering this browser (its API), as on a dropped Wi-Fi link to the hub.
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    await page.keyboard.press('F12');
    const dialog = payDialog();
    await dialog.waitFor();
    const card = dialog.locator('[data-tender="card"]');
    await expect.poll(() => card.isDisabled(), { timeout: 10_000 }).toBe(true);
    await dialog
      .getByText('The hub is not reachable, so no card payment can start.', { exact: false })
      .waitFor();
    await page.keyboard.press('F6');
    await screenshot(page, 'till-paying-card-offline');
    const sale = await newestSale();
    expect(sale.payments).toEqual([]);
    expect(nexo.transactions.size).toBe(paymentsBefore);

    // The hub is back: the card works again and completes the sale.
    await page.unroute('**/api/v1/**');
    await expect.poll(() => card.isDisabled(), { timeout: 15_000 }).toBe(false);
    await page.keyboard.press('F6');
    await finish();
    expect((await saleById(sale.id)).payments.map((p) => `${p.tenderKind} ${p.status}`)).toEqual([
      'card approved',
    ]);
    await newSale();
    expect(await inPage(page, 'document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    expect(errors.filter((e) => !e.includes('Failed to load resource') && !e.includes('ERR_'))).toEqual([]);
  }, 90_000);
});
