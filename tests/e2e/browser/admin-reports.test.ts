import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../web-ui/shared/format/money.js';
import { screenshot, VIEWPORTS } from '../../support/browser.js';
import { AdminApi } from './admin-api.js';
import { adminLogIn, openAdminPage } from './admin-support.js';
import { pairAndOpenSession, startTillBench, wedgeScan, type TillBench } from './demo-till.js';

/**
 * The dashboard and the report pages against the demo hub after two sales made at the till in the same
 * browser: the figures a manager reads agree with the hub's reports, every report page opens with its
 * chart and table, the CSV link carries the filters, and the pages read in Chinese and fit a phone.
 */
describe('admin: dashboard and reports in a real browser', () => {
  let bench: TillBench;
  let page: Page;
  let admin: AdminApi;
  // The demo store is Danish: money is written the Danish way whatever language the manager reads.
  const money = (minor: number) => formatMoney(minor, 'DKK', 'da-DK');

  async function sellOne(code: string): Promise<void> {
    await wedgeScan(page, code);
    await page.getByText('Saved on the hub.').waitFor();
    await page.keyboard.press('F12');
    await page.getByRole('dialog', { name: 'Payment' }).getByRole('button', { name: 'Exact' }).click();
    await page.getByRole('dialog', { name: 'Sale completed' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'New sale' }).click();
  }

  beforeAll(async () => {
    bench = await startTillBench('hub-admin-reports-');
    page = bench.page;
    await pairAndOpenSession(bench);
    await sellOne(bench.demo.barcodes[0] ?? '');
    await sellOne(bench.demo.barcodes[1] ?? '');
    await adminLogIn(bench);
    admin = await AdminApi.login(bench.hub.baseUrl, 'manager', bench.demo.password);
  }, 180_000);

  afterAll(async () => {
    await bench.close();
  });

  it("shows today's sales, the open drawer and the devices on the dashboard", async () => {
    const dashboard = (await admin.get('/dashboard')) as { today: { sales: number; totalMinor: number } };
    expect(dashboard.today.sales).toBe(2);
    const today = page.getByRole('region', { name: /^Today/ });
    await today.getByText(money(dashboard.today.totalMinor)).waitFor({ timeout: 15_000 });
    await today.getByText('2 sales').waitFor();
    const drawers = page.getByRole('table', { name: 'Open cash sessions' });
    await drawers.getByRole('row').filter({ hasText: 'Front till' }).waitFor();
    await page.getByRole('region', { name: 'Devices' }).waitFor();
    await screenshot(page, 'admin-dashboard-desktop');
  }, 60_000);

  it('reads the sales of the period with the chart, the table and a CSV link with the filters', async () => {
    await openAdminPage(page, 'Sales by period');
    const from = await page.getByLabel('From', { exact: true }).inputValue();
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    const report = (await admin.get(`/reports/sales?from=${from}&to=${to}`)) as {
      totals: { totalMinor: number };
    };
    // The page starts on the last seven days, which hold today's two sales.
    await page.locator('.summary').getByText(money(report.totals.totalMinor)).first().waitFor();
    await page.locator('report-chart canvas').waitFor();
    await page.getByLabel('Group').selectOption({ label: 'By hour of day' });
    const hours = page.getByRole('table', { name: 'By hour of day' });
    await expect.poll(() => hours.getByRole('row').count()).toBe(25);
    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/v1\/reports\/export\/sales\?from=\d{4}-\d{2}-\d{2}&to=.*granularity=hour/);
    await screenshot(page, 'admin-report-sales-desktop');
  }, 60_000);

  it('opens every report family with its figures', async () => {
    const pages: [string, string][] = [
      ['Best and worst sellers', 'admin-report-products'],
      ['Sales by category', 'admin-report-categories'],
      ['Gross margin', 'admin-report-margin'],
      ['Payment methods', 'admin-report-payments'],
      ['Discounts and voids', 'admin-report-discounts'],
      ['Refunds', 'admin-report-refunds'],
      ['Tax by rate', 'admin-report-tax'],
      ['Cash sessions and Z reports', 'admin-report-cash-sessions'],
      ['Low stock', 'admin-report-low-stock'],
    ];
    for (const [title, shot] of pages) {
      await openAdminPage(page, title);
      await page.locator('[aria-busy="false"] table').first().waitFor();
      await screenshot(page, `${shot}-desktop`);
    }
    // The two products sold are the best sellers, each once.
    await openAdminPage(page, 'Best and worst sellers');
    const ranked = page.getByRole('table', { name: 'Best sellers' });
    await expect.poll(() => ranked.getByRole('row').count()).toBe(3);
    // The cash session opened at the till is listed, still open.
    await openAdminPage(page, 'Cash sessions and Z reports');
    await page.getByRole('table', { name: 'Cash sessions' }).getByText('Open', { exact: true }).waitFor();
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 120_000);

  it('reads in Traditional Chinese and fits a phone', async () => {
    await openAdminPage(page, 'Sales by period');
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('heading', { name: '各期間銷售', level: 1 }).waitFor();
    await page.locator('report-chart canvas').waitFor();
    await screenshot(page, 'admin-report-sales-zh-Hant-TW');
    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('button', { name: 'Menu' }).click();
    await openAdminPage(page, 'Dashboard');
    await screenshot(page, 'admin-dashboard-phone');
    await page.getByRole('button', { name: 'Menu' }).click();
    await openAdminPage(page, 'Best and worst sellers');
    await page.locator('report-chart canvas').waitFor();
    await screenshot(page, 'admin-report-products-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
  }, 60_000);
});
