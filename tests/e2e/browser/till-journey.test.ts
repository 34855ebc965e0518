import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScaleSimulator } from '../../../devices/sim/scale/simulator.js';
import { screenshot } from '../../support/browser.js';
import type { DemoHub } from '../../support/demo-hub.js';
import { translator } from '../../support/translations.js';
import {
  demoProducts,
  logInWithPinPad,
  startDemoTill,
  wedgeScan,
  type DemoProduct,
  type DemoTillBench,
} from './demo-till.js';
import { printedTexts } from './printer-output.js';

interface HubSale {
  id: string;
  status: string;
  lines: { productId: string; status: string; quantity: number; weightSource: string | null }[];
  payments: { tenderKind: string; status: string; amountMinor: number }[];
  overrides: { permission: string }[];
  totals: { totalMinor: number; toPayMinor: number; discountMinor: number };
  receipt: { code: string } | null;
}

/**
 * A cashier's whole shift in Debian's Chromium against the real demo hub (in this process, so the test
 * can drive the simulated serial scanner and scale on their socat ptys, and read the printer simulator):
 * log in, scan with the keyboard wedge and with the serial scanner, weigh on the scale, give a discount a
 * supervisor approves, split the payment between cash and card on the simulated nexo terminal, find the
 * receipt at the printer, then in Traditional Chinese return an item and close the session with a Z
 * report that prints. Pairing is the shell and selling tests' job; this till is the demo's, paired over
 * the API, because the demo's devices are assigned to it.
 */
describe('a shift at the till, from first scan to Z report, in English and Traditional Chinese', () => {
  let bench: DemoTillBench;
  let demo: DemoHub;
  let page: Page;
  let errors: string[];
  let scale: ScaleSimulator;
  let scanSerial: (code: string) => Promise<void>;
  let manager: Record<string, string>;
  let plain: DemoProduct[];
  let weighed: DemoProduct;
  let sale: HubSale;
  const zh = translator('zh-Hant-TW');

  const lines = () => page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
  const saved = () => page.getByText('Saved on the hub.').waitFor();
  const gtin = (p: DemoProduct) => p.barcodes.find((b) => b.kind === 'gtin')?.display ?? '';

  async function approveAs(dialog: Locator, pin: string): Promise<void> {
    await dialog.getByRole('button', { name: /Bo Supervisor/ }).click();
    await page.keyboard.type(pin);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
  }

  async function completedSales(): Promise<HubSale[]> {
    const answer = await demo.api('/sales?status=completed&kind=sale', { headers: manager });
    return answer.body.items as HubSale[];
  }

  beforeAll(async () => {
    bench = await startDemoTill('hub-journey-', { HUB_COUNTRY: 'DK' });
    ({ demo, page, errors, manager } = bench);
    const serial = demo.hub.simulators?.serial;
    if (!serial) throw new Error('the demo needs socat for its serial scanner and scale');
    scale = serial.scale.sim;
    scale.setWeight(0);
    scanSerial = (code) => serial.scanner.sim.scan(code, ']E0');
    const products = await demoProducts(demo);
    plain = products.filter((p) => !p.weighed && p.priceMinor > 0 && gtin(p) !== '');
    const found = products.find((p) => p.weighed && gtin(p) !== '');
    if (plain.length < 2 || !found) throw new Error('the demo catalog lacks plain or weighed products');
    weighed = found;
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('logs the cashier in with her PIN', async () => {
    await logInWithPinPad(bench);
  }, 60_000);

  it('scans with the keyboard wedge and the serial scanner, and weighs on the scale', async () => {
    const [first, second] = plain;
    if (!first || !second) throw new Error('two plain products needed');
    await page.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(page, gtin(first));
    await expect.poll(() => lines().count(), { timeout: 15_000 }).toBe(1);
    await scanSerial(gtin(second));
    await expect.poll(() => lines().count(), { timeout: 15_000 }).toBe(2);
    await saved();

    scale.setWeight(0);
    await page.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(page, gtin(weighed));
    const dialog = page.getByRole('dialog', { name: `Weigh ${weighed.name}` });
    await dialog.waitFor();
    scale.setWeight(740);
    await dialog.getByRole('status').getByText('Stable', { exact: true }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => lines().count(), { timeout: 15_000 }).toBe(3);
    await saved();
    await screenshot(page, 'journey-cart-desktop');
  }, 90_000);

  it('gives a discount above the cashier’s limit once a supervisor approves', async () => {
    const discount = page.getByRole('dialog', { name: 'Line discount' });
    // F4 discounts the selected line: the newest, the weighed one.
    await page.keyboard.press('F4');
    await discount.waitFor();
    await discount.getByLabel('Discount in percent').fill('20');
    await discount.getByLabel('Reason').fill('Last one on the shelf');
    await page.keyboard.press('Enter');
    const approval = page.getByRole('dialog', { name: 'Supervisor approval' });
    await approval.getByText('A discount above your limit').waitFor();
    await approveAs(approval, demo.hub.modules.demo?.staff.find((s) => s.role === 'supervisor')?.pin ?? '');
    await saved();
    await expect.poll(() => lines().last().locator('[data-line-discount] .off').count()).toBe(1);
  }, 60_000);

  it('splits the payment: 50 kr. in cash, the rest by card on the terminal', async () => {
    await page.keyboard.press('F12');
    const pay = page.getByRole('dialog', { name: 'Payment' });
    await pay.getByLabel('Amount (empty: all that is left)').fill('50');
    await page.keyboard.press('Enter');
    await pay.getByRole('heading', { name: 'Payments taken' }).waitFor();
    await page.keyboard.press('F6');
    await page.getByRole('dialog', { name: 'Sale completed' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'journey-sale-completed-desktop');

    const [done] = await completedSales();
    if (!done) throw new Error('no completed sale');
    sale = done;
    const active = sale.lines.filter((l) => l.status === 'active');
    expect(active).toHaveLength(3);
    expect(active.find((l) => l.productId === weighed.id)).toMatchObject({
      quantity: 740,
      weightSource: 'scale',
    });
    expect(sale.overrides.map((o) => o.permission)).toContain('sale.discount_above_limit');
    expect(sale.totals.discountMinor).toBeGreaterThan(0);
    const approved = sale.payments.filter((p) => p.status === 'approved');
    expect(approved.map((p) => p.tenderKind).sort()).toEqual(['card', 'cash']);
    expect(approved.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(sale.totals.toPayMinor);
  }, 90_000);

  it('prints the receipt with its code, the discount and both tenders', async () => {
    const code = sale.receipt?.code ?? '';
    expect(code).toMatch(/^\d+-\d+$/);
    const receipt = () => printedTexts(demo.dir).find((t) => t.includes(code)) ?? '';
    await expect.poll(receipt, { timeout: 20_000 }).not.toBe('');
    const text = receipt();
    expect(text).toContain('Last one on the shelf');
    expect(text).toContain(weighed.name);
    expect(text).not.toContain('KOPI');
    await page.getByRole('button', { name: /New sale/ }).click();
    await page.getByText('The cart is empty. Scan or search to add products.').waitFor();
  }, 60_000);

  it('in Traditional Chinese, a supervisor returns one item by the receipt number', async () => {
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('button', { name: zh('Switch user') }).click();
    const supervisor = demo.hub.modules.demo?.staff.find((s) => s.role === 'supervisor');
    if (!supervisor) throw new Error('the demo has no supervisor');
    await page.getByRole('button', { name: new RegExp(supervisor.name) }).click();
    await page.keyboard.type(supervisor.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: zh('Find a product') }).waitFor();

    await page.keyboard.press('F7');
    await page.getByRole('heading', { name: zh('Find the receipt') }).waitFor();
    const find = page.getByLabel('收據編號（例如 3-127）或掃描收據條碼');
    await find.fill(sale.receipt?.code ?? '');
    await find.press('Enter');
    const toReturn = page.getByRole('list', { name: zh('Lines to return') }).getByRole('listitem');
    await expect.poll(() => toReturn.count(), { timeout: 15_000 }).toBe(3);
    await toReturn
      .nth(1)
      .getByRole('button', { name: / 增加一個$/ })
      .click();
    await page.getByLabel(zh('Reason'), { exact: true }).selectOption('changed-mind');
    await expect.poll(() => page.locator('[data-refund]').innerText()).toMatch(/\d/);
    await screenshot(page, 'journey-return-zh-Hant-TW');
    await page.getByRole('button', { name: zh('Complete return') }).click();
    await page.getByRole('heading', { name: zh('Return completed') }).waitFor({ timeout: 30_000 });

    const returns = await demo.api('/sales?status=completed&kind=return', { headers: manager });
    const items = returns.body.items as (HubSale & { originalSaleId: string })[];
    expect(items).toHaveLength(1);
    expect(items[0]?.originalSaleId).toBe(sale.id);
  }, 90_000);

  it('closes the session with a count by note and coin, and the Z report prints', async () => {
    await page.keyboard.press('F8');
    await page.keyboard.press('F10');
    const counter = page.getByRole('group', { name: zh('Count by note and coin') });
    await counter.waitFor();
    const first = counter.getByRole('textbox').first();
    await first.fill('1');
    await counter.getByRole('textbox').last().press('Enter');
    const z = page.locator('[data-z-report]');
    await z.waitFor({ timeout: 30_000 });
    const heading = await z.getByRole('heading').first().innerText();
    const number = Number(/\d+/.exec(heading)?.[0]);
    expect(number).toBeGreaterThan(0);
    await screenshot(page, 'journey-z-report-zh-Hant-TW');
    const zText = () => printedTexts(demo.dir).find((t) => t.includes(`Z-RAPPORT #${number}`)) ?? '';
    await expect.poll(zText, { timeout: 20_000 }).not.toBe('');
    expect(errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
  }, 90_000);
});
