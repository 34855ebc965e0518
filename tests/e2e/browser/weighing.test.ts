import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScaleSimulator } from '../../../devices/sim/scale/simulator.js';
import { screenshot, storedItem } from '../../support/browser.js';
import type { DemoHub } from '../../support/demo-hub.js';
import {
  demoProducts,
  logInWithPinPad,
  startDemoTill,
  wedgeScan,
  type DemoProduct,
  type DemoTillBench,
} from './demo-till.js';

interface HubLine {
  id: string;
  productId: string;
  status: string;
  quantity: number;
  weightSource: string | null;
  unitPriceMinor: number;
  totalMinor: number;
}

/**
 * Weighing at the till in Debian's Chromium against the real demo hub (in this process, so the test can
 * put weights on the demo's simulated Toledo scale, which answers the real scale driver over a socat
 * pty; the weights reach the till over the hub's MQTT). Weights read as the Danish store writes them. A scanned produce item opens the weigh dialog:
 * moving and over-capacity readings cannot be taken, a stable one can, with a tare; the hub's line carries
 * the grams and its amount. A cashier's typed weight is refused by the hub until a supervisor approves.
 */
describe('weighing at the till in a real browser', () => {
  let bench: DemoTillBench;
  let demo: DemoHub;
  let scale: ScaleSimulator;
  let page: Page;
  let errors: string[];
  let apples: DemoProduct;

  let manager: Record<string, string>;

  /** The till's open sale as the hub holds it, read by a manager (the cashier's session is the browser's). */
  async function hubLines(): Promise<HubLine[]> {
    const stored = JSON.parse((await storedItem(page, 'store-hub.till.cart')) ?? '{}') as { saleId?: string };
    const sale = await demo.api(`/sales/${stored.saleId ?? ''}`, { headers: manager });
    if (sale.status !== 200) return [];
    return (sale.body.lines as HubLine[]).filter((l) => l.status === 'active');
  }

  beforeAll(async () => {
    bench = await startDemoTill('hub-weighing-', { HUB_COUNTRY: 'DK' });
    ({ demo, page, errors, manager } = bench);
    const serial = demo.hub.simulators?.serial;
    if (!serial) throw new Error('the demo needs socat for its serial scale');
    scale = serial.scale.sim;
    scale.setWeight(0);
    const products = await demoProducts(demo);
    // Fruit and vegetables are weighed at the till: sold by weight, with an ordinary EAN, not a scale label.
    const found = products.find((p) => p.weighed && p.barcodes.some((b) => b.kind === 'gtin'));
    if (!found) throw new Error('the demo catalog has no weighed product with an EAN');
    apples = found;
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('logs the cashier in at the demo till', async () => {
    await logInWithPinPad(bench);
  }, 60_000);

  it('weighs a scanned item: motion and overload cannot be taken, a stable weight can', async () => {
    const ean = apples.barcodes.find((b) => b.kind === 'gtin')?.display ?? '';
    await page.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(page, ean);
    const dialog = page.getByRole('dialog', { name: `Weigh ${apples.name}` });
    await dialog.waitFor();
    const status = dialog.getByRole('status');
    const add = dialog.locator('button.accept');
    await status.getByText('Put the item on the scale.').waitFor();
    expect(await add.isDisabled()).toBe(true);

    scale.setWeight(612, false);
    await status.getByText('Moving: wait for the scale to settle.').waitFor();
    expect(await add.isDisabled()).toBe(true);
    await screenshot(page, 'till-weigh-moving-desktop');

    scale.setWeight(16_000);
    await status.getByText('Over capacity: take something off the scale.').waitFor();
    expect(await add.isDisabled()).toBe(true);

    scale.setWeight(612);
    await status.getByText('Stable', { exact: true }).waitFor();
    await expect.poll(() => add.innerText()).toContain('Add 0,612 kg');
    expect(await dialog.locator('.net').innerText()).toBe('0,612 kg');
    await screenshot(page, 'till-weigh-stable-desktop');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(hubLines, { timeout: 10_000 }).toHaveLength(1);
    const [line] = await hubLines();
    expect(line).toMatchObject({ productId: apples.id, quantity: 612, weightSource: 'scale' });
    // The hub priced 612 g at the price per kg (rounded half up to the øre).
    expect(line?.unitPriceMinor).toBe(apples.priceMinor);
    expect(line?.totalMinor).toBe(Math.floor((612 * apples.priceMinor + 500) / 1000));
    const shown = page.locator(`[data-line="${line?.id ?? ''}"]`);
    await expect.poll(() => shown.innerText()).toContain('0,612 kg');
    await page.getByText('Saved on the hub.').waitFor();
  }, 60_000);

  it('tares a container on the scale and takes the net weight', async () => {
    scale.setWeight(0);
    await wedgeScan(page, apples.barcodes.find((b) => b.kind === 'gtin')?.display ?? '');
    const dialog = page.getByRole('dialog', { name: `Weigh ${apples.name}` });
    await dialog.waitFor();
    scale.setWeight(85);
    await dialog.getByRole('status').getByText('Stable', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: /^Tare/ }).click();
    await dialog.getByText('Tare: 0,085 kg').waitFor();
    scale.setWeight(85 + 430);
    await expect.poll(() => dialog.locator('button.accept').innerText()).toContain('Add 0,430 kg');
    await screenshot(page, 'till-weigh-tare-desktop');
    await dialog.locator('button.accept').click();
    await expect.poll(hubLines, { timeout: 10_000 }).toHaveLength(2);
    expect((await hubLines())[1]).toMatchObject({ quantity: 430, weightSource: 'scale' });
    // Bowl and apples off the scale: it still holds the bowl's tare, so it reads below zero.
    scale.setWeight(0);
  }, 60_000);

  it('shows a scale below zero until it is zeroed; a cashier’s typed weight needs a supervisor', async () => {
    await wedgeScan(page, apples.barcodes.find((b) => b.kind === 'gtin')?.display ?? '');
    const dialog = page.getByRole('dialog', { name: `Weigh ${apples.name}` });
    await dialog.waitFor();
    await dialog.getByRole('status').getByText('Below zero: empty the scale and zero it.').waitFor();
    expect(await dialog.locator('button.accept').isDisabled()).toBe(true);
    await page.keyboard.press('z');
    await dialog.getByRole('status').getByText('Put the item on the scale.').waitFor();
    await dialog.getByText('Tare: 0,000 kg').waitFor();

    await page.keyboard.press('k');
    await dialog.getByLabel('Weight in kg').fill('abc');
    await page.keyboard.press('Enter');
    await dialog.getByText('Type the weight in kilograms, for example 0.455 (at most 1000 kg).').waitFor();
    await dialog.getByLabel('Weight in kg').fill('0,350');
    await dialog.getByText('A typed weight needs a supervisor’s approval.').waitFor();
    await screenshot(page, 'till-weigh-typed-desktop');
    const refused = page.waitForResponse((r) => r.url().includes('/api/v1/sales/') && r.status() === 403);
    await dialog.getByRole('button', { name: 'Add typed weight' }).click();
    const answer = (await (await refused).json()) as {
      error: { code: string; details: { permission: string } };
    };
    expect(answer.error).toMatchObject({
      code: 'PERMISSION_REQUIRED',
      details: { permission: 'sale.manual_weight' },
    });
    // The hub refused the cashier: a supervisor approves the typed weight with their PIN.
    const approval = page.getByRole('dialog', { name: 'Supervisor approval' });
    await approval.waitFor();
    await approval.getByText('Type a weight by hand').waitFor();
    await screenshot(page, 'till-weigh-override-desktop');
    const supervisor = demo.hub.modules.demo?.staff.find((s) => s.role === 'supervisor');
    await approval.getByRole('button', { name: new RegExp(supervisor?.name ?? 'Supervisor') }).click();
    await page.keyboard.type(supervisor?.pin ?? '');
    await page.keyboard.press('Enter');
    await approval.waitFor({ state: 'detached' });
    await expect.poll(hubLines, { timeout: 10_000 }).toHaveLength(3);
    const typed = (await hubLines())[2];
    expect(typed).toMatchObject({ productId: apples.id, quantity: 350, weightSource: 'manual' });
    expect(typed?.totalMinor).toBe(Math.floor((350 * apples.priceMinor + 500) / 1000));
    await page.getByText('Saved on the hub.').waitFor();
    await screenshot(page, 'till-weigh-typed-approved-desktop');
    // What the hub refused, and nothing else: the read while below zero, and the cashier's typed weight.
    expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([
      expect.stringMatching(/^422 .*\/scale\/weight$/),
      expect.stringMatching(/^403 .*\/api\/v1\/sales\/[0-9a-f-]+$/),
    ]);
  }, 60_000);

  it('adds from the favourites row and from a category in the touch grid, as search does', async () => {
    const favourites = page.getByRole('list', { name: 'Favourites' });
    await favourites.getByRole('button').first().waitFor();
    await screenshot(page, 'till-grid-desktop');
    const before = (await hubLines()).length;
    // A favourite sold by the piece goes straight into the cart.
    const piece = favourites
      .getByRole('button')
      .filter({ hasNotText: /per kg/ })
      .first();
    await piece.click();
    await expect.poll(async () => (await hubLines()).length, { timeout: 10_000 }).toBe(before + 1);
    expect((await hubLines())[before]).toMatchObject({ quantity: 1, weightSource: null });

    const categories = page.getByRole('group', { name: 'Categories' });
    await categories.getByRole('button').first().click();
    const products = page.getByRole('list', { name: /^Products in / });
    await products.getByRole('button').first().click();
    await expect.poll(async () => (await hubLines()).length, { timeout: 10_000 }).toBe(before + 2);
    await page.getByText('Saved on the hub.').waitFor();
    await screenshot(page, 'till-grid-category-desktop');
  }, 60_000);
});
