import type { Locator, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPage, screenshot, storedItem, VIEWPORTS } from '../../support/browser.js';
import { AdminApi } from './admin-api.js';
import {
  pairAndOpenSession,
  startTillBench,
  wedgeScan,
  type DemoConsole,
  type TillBench,
} from './demo-till.js';

type Body = Record<string, unknown>;

interface ReturnDoc {
  id: string;
  originalSaleId: string;
  totals: { totalMinor: number };
  lines: { quantity: number; restock: boolean | null; returnReason: string | null }[];
  payments: { tenderKind: string; amountMinor: number; reference: string | null }[];
  overrides: { permission: string; supervisorId: string }[];
}

/**
 * Returns at the till in Debian's Chromium against the real demo hub: the cashier sells three of a
 * product, then on the Returns screen (F7) finds the receipt by its typed number; a supervisor approves
 * the refund in the override dialog (Esc first changes nothing) and one goes back to cash (refund and
 * restock checked through the API); another comes back by wedge-scanning the receipt barcode, as faulty
 * (written off); the supervisor exchanges the last one for store credit in Traditional Chinese, and the
 * credit then pays a new sale. Phone layout and touch targets too.
 */
describe('returns at the till in a real browser', () => {
  let bench: TillBench;
  let page: Page;
  let demo: DemoConsole;
  let admin: AdminApi;
  let productId: string;
  let sale: { id: string; code: string; barcode: string; totalMinor: number };
  let creditCode = '';
  let creditMinor = 0;
  const findBox = 'Receipt number (e.g. 3-127) or scan the receipt barcode';

  const api = async (path: string): Promise<Body> => (await admin.get(path)) as Body;
  const onHand = async (): Promise<number> => {
    const body = await api(`/stock?productIds=${productId}`);
    return (body.onHand as Record<string, number>)[productId] ?? 0;
  };
  const completedReturns = async (): Promise<ReturnDoc[]> =>
    (await api('/sales?kind=return&status=completed')).items as ReturnDoc[];

  /** The supervisor picks Bo in the override dialog and types the PIN, then Enter. */
  async function approveAs(dialog: Locator, pin: string): Promise<void> {
    await dialog.getByRole('button', { name: /Bo Supervisor/ }).click();
    await page.keyboard.type(pin);
    await page.keyboard.press('Enter');
  }

  async function logIn(name: RegExp, pin: string): Promise<void> {
    await page.getByRole('button', { name }).click();
    await page.keyboard.type(pin);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Find a product' }).waitFor();
  }

  beforeAll(async () => {
    bench = await startTillBench('hub-returns-');
    ({ page, demo } = bench);
    admin = await AdminApi.login(bench.hub.baseUrl, 'manager', demo.password);
    const found = await api(`/products/lookup?code=${demo.barcodes[0] ?? ''}`);
    productId = String((found.product as Body).id);
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('sells three of a product at the till', async () => {
    await pairAndOpenSession(bench);

    await page.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(page, demo.barcodes[0] ?? '');
    const line = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
    await line.first().waitFor();
    for (const quantity of ['2', '3']) {
      await page.getByRole('button', { name: /^One more / }).click();
      await expect.poll(() => line.locator('.qty').innerText()).toBe(quantity);
    }
    await expect.poll(() => line.locator('.qty').innerText()).toBe('3');
    await page.getByText('Saved on the hub.').waitFor();
    await page.keyboard.press('F12');
    await page.getByRole('dialog', { name: 'Payment' }).getByRole('button', { name: 'Exact' }).click();
    await page.getByRole('dialog', { name: 'Sale completed' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'New sale' }).click();

    const sales = (await api('/sales?kind=sale&status=completed')).items as {
      id: string;
      receipt: { code: string; barcode: string };
      totals: { totalMinor: number };
    }[];
    expect(sales).toHaveLength(1);
    const [only] = sales;
    sale = {
      id: only?.id ?? '',
      code: only?.receipt.code ?? '',
      barcode: only?.receipt.barcode ?? '',
      totalMinor: only?.totals.totalMinor ?? 0,
    };
    expect(sale.code).toMatch(/^\d+-\d+$/);
    expect(sale.barcode).toMatch(/^R\d{11}$/);
  }, 60_000);

  it('returns one to cash by the typed receipt number once a supervisor approves; refund and stock through the API', async () => {
    const stockBefore = await onHand();
    await page.keyboard.press('F7');
    await page.getByRole('heading', { name: 'Find the receipt' }).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: /Returns/ }).getAttribute('aria-current'))
      .toBe('page');
    await screenshot(page, 'till-returns-find-desktop');
    await page.getByLabel(findBox).fill(sale.code);
    await page.getByLabel(findBox).press('Enter');
    const lines = page.getByRole('list', { name: 'Lines to return' }).getByRole('listitem');
    await lines.first().waitFor();
    expect(await lines.count()).toBe(1);
    expect(await lines.first().innerText()).toContain('Sold 3');

    await page.getByRole('button', { name: /^One more / }).click();
    await page.getByLabel('Reason', { exact: true }).selectOption('changed-mind');
    const refund = page.locator('[data-refund]');
    await expect.poll(() => refund.innerText()).toMatch(/\d/);
    // The cashier may not refund: the screen says so before anything is sent.
    expect(await page.locator('[data-needs]').innerText()).toContain('Refund a return');
    const shown = await refund.innerText();
    await screenshot(page, 'till-returns-pick-desktop');

    await page.keyboard.press('F12');
    const dialog = page.getByRole('dialog', { name: 'Supervisor approval' });
    await dialog.waitFor();
    await dialog.getByText('Refund a return').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Not approved: nothing was returned.').waitFor();
    // Esc in the dialog did not start the return over.
    expect(await lines.count()).toBe(1);
    expect(await completedReturns()).toHaveLength(0);

    await page.getByRole('button', { name: 'Complete return' }).click();
    await dialog.waitFor();
    await approveAs(dialog, demo.supervisorPin);
    await page.getByRole('heading', { name: 'Return completed' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'till-returns-done-desktop');

    const [done] = await completedReturns();
    expect(done?.originalSaleId).toBe(sale.id);
    expect(done?.overrides.map((o) => o.permission)).toEqual(['return.refund']);
    // One of three identical units: a third of the sale, paid out in cash as the screen said.
    expect(done?.totals.totalMinor).toBe(sale.totalMinor / 3);
    expect(done?.payments).toHaveLength(1);
    const cash = done?.payments[0];
    expect(cash?.tenderKind).toBe('cash');
    expect(shown.replace(/\D/g, '')).toBe(String(cash?.amountMinor));
    expect((await page.locator('[data-refund-kind="cash"]').innerText()).replace(/\D/g, '')).toBe(
      String(cash?.amountMinor),
    );
    expect(done?.lines).toEqual([
      expect.objectContaining({ quantity: 1, restock: true, returnReason: 'changed-mind' }),
    ]);
    expect(await onHand()).toBe(stockBefore + 1);
  }, 60_000);

  it('returns another one as faulty by wedge-scanning the receipt barcode: written off, not restocked', async () => {
    const stockBefore = await onHand();
    await page.getByRole('button', { name: 'Next return' }).click();
    await page.getByRole('heading', { name: 'Find the receipt' }).click();
    await wedgeScan(page, sale.barcode);
    const line = page.getByRole('list', { name: 'Lines to return' }).getByRole('listitem').first();
    await line.locator('[data-returned]').waitFor();
    expect(await line.innerText()).toContain('already returned 1');
    // The box did not keep the scanner's keys.
    expect(await page.getByLabel(findBox).inputValue()).toBe('');

    await page.getByRole('button', { name: /^One more / }).click();
    await page.getByLabel('Reason', { exact: true }).selectOption('faulty');
    expect(await page.getByLabel('Back on the shelf').isChecked()).toBe(false);
    await expect.poll(() => page.locator('[data-refund]').innerText()).toMatch(/\d/);
    await page.getByRole('button', { name: 'Complete return' }).click();
    await approveAs(page.getByRole('dialog', { name: 'Supervisor approval' }), demo.supervisorPin);
    await page.getByRole('heading', { name: 'Return completed' }).waitFor({ timeout: 20_000 });

    const returns = await completedReturns();
    expect(returns).toHaveLength(2);
    const faulty = returns.find((r) => r.lines[0]?.returnReason === 'faulty');
    expect(faulty?.lines[0]).toMatchObject({ quantity: 1, restock: false });
    // Back in and written off: nothing goes on the shelf.
    expect(await onHand()).toBe(stockBefore);
    const returnable = await api(`/returns/returnable/${sale.code}`);
    expect(returnable.returned).toEqual([expect.objectContaining({ quantity: 2 })]);
  }, 60_000);

  it('exchanges the last one for store credit in Traditional Chinese, with a supervisor logged in', async () => {
    // A supervisor holds the return permissions: no dialog.
    await page.getByRole('button', { name: 'Switch user' }).click();
    await logIn(/Bo Supervisor/, demo.supervisorPin);
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.keyboard.press('F7');
    await page.getByLabel('收據編號（例如 3-127）或掃描收據條碼').fill(sale.code);
    await page.getByLabel('收據編號（例如 3-127）或掃描收據條碼').press('Enter');
    await page.getByRole('button', { name: '全部退貨' }).click();
    // The last one: the + button stops at what is left.
    await expect.poll(() => page.getByRole('button', { name: / 增加一個$/ }).isDisabled()).toBe(true);
    await page.getByLabel('原因', { exact: true }).selectOption('exchange');
    await page.getByRole('radio', { name: '購物金（換貨）' }).check();
    await page.locator('[data-exchange]').waitFor();
    await expect.poll(() => page.locator('[data-refund]').innerText()).toMatch(/\d/);
    await screenshot(page, 'till-returns-exchange-zh-Hant-TW');
    await page.getByRole('button', { name: '完成退貨' }).click();
    await page.getByRole('heading', { name: '退貨完成' }).waitFor({ timeout: 20_000 });
    const code = (await page.locator('[data-credit-code]').innerText()).trim();
    expect(code).toMatch(/^SC-/);
    await screenshot(page, 'till-returns-exchange-done-zh-Hant-TW');

    const credit = await api(`/store-credit/${code}`);
    const exchange = (await completedReturns()).find((r) => r.payments[0]?.tenderKind === 'store_credit');
    expect(credit.balanceMinor).toBe(exchange?.totals.totalMinor);
    expect(credit.balanceMinor).toBe(sale.totalMinor / 3);

    await page.getByRole('button', { name: '銷售新商品' }).click();
    await page.getByRole('heading', { name: '尋找商品' }).waitFor();
    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Find a product' }).waitFor();
    creditCode = code;
    creditMinor = Number(credit.balanceMinor);
  }, 90_000);

  it('shows a fully returned receipt on a phone, with touch-sized controls', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('button', { name: /Returns/ }).click();
    await page.getByLabel(findBox).fill(sale.barcode);
    await page.getByLabel(findBox).press('Enter');
    await page.getByText('Everything on this receipt has been returned already.').waitFor();
    expect(await page.getByText('All returned').count()).toBe(1);
    for (const control of [
      ...(await page.getByRole('navigation', { name: 'Till mode' }).getByRole('button').all()),
      page.getByRole('button', { name: 'Find', exact: true }),
      page.getByLabel(findBox),
      page.getByLabel('Reason', { exact: true }),
      page.getByRole('button', { name: 'Complete return' }),
    ]) {
      const box = await control.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    expect(await page.getByRole('button', { name: 'Complete return' }).isDisabled()).toBe(true);
    expect(await inPage(page, 'document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    await screenshot(page, 'till-returns-phone');
    await page.keyboard.press('F6');
    await page.getByRole('heading', { name: 'Find a product' }).waitFor();
    await page.setViewportSize(VIEWPORTS.desktop);
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);

  it('pays a new sale with the exchange’s store credit', async () => {
    const code = creditCode;
    const credit = { balanceMinor: creditMinor };
    // The second half of the exchange, through the API with this till's own token: a new sale of the same
    // product paid with the code, and the credit is used up.
    const stored = JSON.parse((await storedItem(page, 'store-hub.till.credentials')) ?? '{}') as {
      token?: string;
    };
    const staff = (await fetch(`${bench.hub.baseUrl}/api/v1/auth/staff`, {
      headers: { 'x-till-token': stored.token ?? '' },
    }).then((r) => r.json())) as { items: { id: string; name: string }[] };
    const bo = staff.items.find((p) => p.name === 'Bo Supervisor');
    const login = (await fetch(`${bench.hub.baseUrl}/api/v1/auth/pin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-till-token': stored.token ?? '' },
      body: JSON.stringify({ staffId: bo?.id, pin: demo.supervisorPin }),
    }).then((r) => r.json())) as { token: string };
    const headers = {
      'content-type': 'application/json',
      'x-till-token': stored.token ?? '',
      authorization: `Bearer ${login.token}`,
    };
    const post = async (path: string, body?: unknown) =>
      fetch(`${bench.hub.baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const saleId = uuidv7();
    expect((await post('/sales', { id: saleId, lines: [{ id: uuidv7(), productId }] })).status).toBe(201);
    const tenders = (await api('/tenders?limit=100')).items as { id: string; kind: string }[];
    const storeCredit = tenders.find((t) => t.kind === 'store_credit');
    const paid = await post(`/sales/${saleId}/payments`, {
      id: uuidv7(),
      tenderId: storeCredit?.id,
      amountMinor: credit.balanceMinor,
      reference: code,
    });
    expect(paid.status).toBe(201);
    expect((await post(`/sales/${saleId}/complete`)).status).toBe(200);
    expect((await api(`/store-credit/${code}`)).balanceMinor).toBe(0);
  }, 60_000);
});
