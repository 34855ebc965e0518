import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../web-ui/shared/format/money.js';
import { inPage, screenshot, VIEWPORTS } from '../../support/browser.js';
import { AdminApi } from './admin-api.js';
import { printedTexts as printed } from './printer-output.js';
import { pairAndLogIn, startTillBench, wedgeScan, type DemoConsole, type TillBench } from './demo-till.js';

/** What the Danish demo store prints for an amount (the receipt's own formatting: 1.234,50). */
const printedAmount = (minor: number) =>
  new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);

/**
 * The cash drawer at the till in Debian's Chromium against the real demo hub (simulated printer and
 * drawer): open the session with a float counted by note and coin, sell one item for cash, pay in, pay
 * out and open the drawer for no sale with a supervisor approving in the override dialog (the demo
 * cashier lacks drawer.open), read the X report, close with a count that is short (approved too), see
 * expected, counted and the difference, and find the numbered Z report at the printer simulator; then
 * the till asks for a new session.
 */
describe('cash session at the till in a real browser', () => {
  let bench: TillBench;
  let page: Page;
  let demo: DemoConsole;
  // The demo store is Danish: the till writes money the Danish way whatever language it reads in.
  const money = (minor: number) => formatMoney(minor, 'DKK', 'da-DK');
  /** The sale's total, and what the customer paid in cash (the total with cash rounding). */
  let saleTotal = 0;
  let saleMinor = 0;

  beforeAll(async () => {
    bench = await startTillBench('hub-cash-');
    ({ page, demo } = bench);
    page.on('response', (r) => {
      if (r.status() === 404) bench.errors.push(`404 ${r.url()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  const cash = () => page.locator('[data-screen="cash"]');
  const notice = () => cash().locator('[data-cash-notice]');
  const approval = () => page.getByRole('dialog', { name: 'Supervisor approval' });

  /** The supervisor picks their name in the override dialog and types their PIN. */
  async function approve(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: /Bo Supervisor/ }).click();
    await page.keyboard.type(demo.supervisorPin);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
  }

  it('pairs, logs in and opens the session with a float counted by note and coin', async () => {
    expect(demo.supervisorPin).toMatch(/^\d{4,8}$/);
    await pairAndLogIn(bench);

    await page.keyboard.press('F8');
    await page.getByRole('heading', { name: 'Open a cash session' }).waitFor();
    const counter = cash().getByRole('group', { name: 'Count by note and coin' });
    await counter.getByLabel(`Pieces of ${money(20000)}`).fill('2');
    await counter.getByLabel(`Pieces of ${money(5000)}`).fill('1');
    await counter.getByLabel(`Pieces of ${money(1000)}`).fill('4');
    await counter.getByLabel(`Pieces of ${money(50)}`).fill('x');
    await expect.poll(() => cash().locator('[data-counted]').innerText()).toBe(money(49000));
    await page.getByRole('button', { name: 'Open cash session' }).click();
    // A row that is not a number is refused before anything reaches the hub.
    await expect.poll(() => notice().innerText()).toContain('Type whole pieces');
    await counter.getByLabel(`Pieces of ${money(50)}`).fill('20');
    await expect.poll(() => cash().locator('[data-counted]').innerText()).toBe(money(50000));
    await screenshot(page, 'till-cash-open-desktop');
    await page.getByRole('button', { name: 'Open cash session' }).click();
    await expect
      .poll(() => cash().locator('[data-session-line]').innerText())
      .toContain(`float ${money(50000)}`);
    await expect.poll(() => cash().locator('[data-figure="float"]').innerText()).toBe(money(50000));
  }, 60_000);

  it('sells one item for cash at the selling screen', async () => {
    await page.keyboard.press('F6');
    await page.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(page, demo.barcodes[0] ?? '');
    await page.getByText('Saved on the hub.').waitFor();
    await page.keyboard.press('F12');
    const dialog = page.getByRole('dialog', { name: 'Payment' });
    await dialog.getByRole('button', { name: 'Exact' }).click();
    await page.getByRole('dialog', { name: 'Sale completed' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'New sale' }).click();
    const admin = await AdminApi.login(bench.hub.baseUrl, 'manager', demo.password);
    const { items } = (await admin.get('/sales?status=completed')) as {
      items: { totals: { totalMinor: number; roundingMinor: number } }[];
    };
    const [sale] = items;
    saleTotal = sale?.totals.totalMinor ?? 0;
    saleMinor = saleTotal + (sale?.totals.roundingMinor ?? 0);
    expect(saleMinor).toBeGreaterThan(0);
  }, 60_000);

  it('pays in; a pay-out and a no-sale need a supervisor, who approves in the override dialog', async () => {
    // F2 at once: a key pressed while the screen still asks the hub for the session is kept for it.
    await page.keyboard.press('F8');
    await page.keyboard.press('F2');
    const form = cash().locator('cash-movement-form');
    await form.getByLabel('Amount').fill('100');
    await form.getByLabel('Reason').fill('Change from the bank');
    await form.getByRole('button', { name: `Put ${money(10000)} in the drawer` }).click();
    await expect.poll(() => notice().innerText()).toBe(`Pay-in of ${money(10000)} recorded.`);

    // "20,5" is not English writing; the store's Danish reads it as 20.50.
    await page.keyboard.press('F3');
    await form.getByLabel('Amount').fill('20,5');
    await form.getByLabel('Reason').fill('Window cleaner');
    await form.getByRole('button', { name: `Take ${money(2050)} out of the drawer` }).click();
    await approval().getByText('Open the cash drawer').waitFor();
    // Esc: nothing is recorded; the pay-out stays on screen to try again.
    await page.keyboard.press('Escape');
    await approval().waitFor({ state: 'detached' });
    await expect.poll(() => notice().innerText()).toBe('Not approved: nothing changed.');
    await form.getByRole('button', { name: `Take ${money(2050)} out of the drawer` }).click();
    await screenshot(page, 'till-cash-pay-out-approval');
    await approve(approval());
    await expect.poll(() => notice().innerText()).toBe(`Pay-out of ${money(2050)} recorded.`);

    await page.keyboard.press('F4');
    await form.getByLabel('Reason').fill('Customer needed change');
    await form.getByRole('button', { name: 'Open the drawer' }).click();
    await approve(approval());
    await expect.poll(() => notice().innerText()).toContain('The no-sale is recorded');
  }, 60_000);

  it('shows the hub’s X report figures and prints them', async () => {
    await page.keyboard.press('F9');
    const figure = (key: string) => cash().locator(`[data-figure="${key}"]`).innerText();
    await expect.poll(() => figure('pay-ins')).toBe(money(10000));
    expect(await figure('pay-outs')).toBe(money(-2050));
    expect(await figure('no-sales')).toBe('1');
    expect(await figure('cash-sales')).toBe(money(saleMinor));
    expect(await figure('net-sales')).toBe(money(saleTotal));
    expect(await figure('expected')).toBe(money(50000 + saleMinor + 10000 - 2050));
    await screenshot(page, 'till-cash-x-report-desktop');
    await cash().getByRole('button', { name: 'Print the X report' }).click();
    await expect.poll(() => notice().innerText()).toBe('The X report is on its way to the printer.');
    await expect
      .poll(() => printed(bench.dir).some((t) => t.includes('X-RAPPORT')), { timeout: 20_000 })
      .toBe(true);
  }, 60_000);

  it('closes with a short count by note and coin, shows expected, counted and the difference, and prints the Z', async () => {
    await page.keyboard.press('F10');
    const counter = cash().getByRole('group', { name: 'Count by note and coin' });
    await counter.getByLabel(`Pieces of ${money(50000)}`).fill('1');
    // Only the float: short by everything the session took in, whatever the demo product costs.
    const counted = 50000;
    await expect.poll(() => cash().locator('[data-counted]').innerText()).toBe(money(counted));
    await screenshot(page, 'till-cash-close-count-desktop');
    // Enter in the last row submits the count; closing needs cash.close_session, which a supervisor gives.
    await counter.getByLabel(`Pieces of ${money(50)}`).press('Enter');
    await approve(approval());

    const expected = 50000 + saleMinor + 10000 - 2050;
    const z = cash().locator('[data-z-report]');
    await z.waitFor();
    expect(await z.locator('[data-z-expected]').innerText()).toBe(money(expected));
    expect(await z.locator('[data-z-counted]').innerText()).toBe(money(counted));
    expect(await z.locator('[data-z-difference]').innerText()).toBe(money(counted - expected));
    await z.getByText('Difference: Short').waitFor();
    const heading = await z.getByRole('heading', { name: /^Z report \d+$/ }).innerText();
    const number = Number(/\d+$/.exec(heading)?.[0]);
    await screenshot(page, 'till-cash-z-report-desktop');

    // The printer simulator's text of the Z: its number, the expected, counted and difference.
    const zText = () => printed(bench.dir).find((t) => t.includes(`Z-RAPPORT #${number}`)) ?? '';
    await expect.poll(zText, { timeout: 20_000 }).not.toBe('');
    const text = zText();
    expect(text).toContain(printedAmount(expected));
    expect(text).toContain(printedAmount(counted));
    expect(text).toContain(printedAmount(counted - expected));
    expect(text).not.toContain('KOPI');
  }, 60_000);

  it('asks for a new session before selling again', async () => {
    await cash().getByRole('button', { name: 'Open a new session' }).click();
    await page.getByRole('heading', { name: 'Open a cash session' }).waitFor();
    await page.keyboard.press('F6');
    await page.getByText('No cash session is open at this till.').waitFor();
    await page.getByLabel('Float in the drawer').fill('1.250,50');
    await page.getByRole('button', { name: 'Open cash session' }).click();
    await page.getByLabel('Float in the drawer').waitFor({ state: 'detached' });
    await page.keyboard.press('F8');
    await expect
      .poll(() => cash().locator('[data-session-line]').innerText())
      .toContain(`float ${money(125050)}`);
  }, 60_000);

  it('lays the cash screen out on a phone with touch-sized controls, and in Simplified Chinese', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.keyboard.press('F10');
    await cash().getByRole('group', { name: 'Count by note and coin' }).waitFor();
    for (const control of await cash().locator('button, input').all()) {
      const box = await control.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    expect(await inPage(page, 'document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    await screenshot(page, 'till-cash-close-phone');

    await page.setViewportSize(VIEWPORTS.desktop);
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await page.keyboard.press('F9');
    await cash().getByRole('heading', { name: 'X 报表' }).waitFor();
    await cash().getByText('钱箱应有金额').waitFor();
    await screenshot(page, 'till-cash-x-report-zh-Hans-CN');
    await page.getByLabel('语言').selectOption({ label: 'English' });
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);
});
