import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../hub/ids.js';
import { screenshot, VIEWPORTS } from '../../support/browser.js';
import { sellForCash } from '../../support/demo-hub.js';
import { startDemoTill, type DemoTillBench } from './demo-till.js';

interface StaffItem {
  id: string;
  name: string;
  active: boolean;
  hasPin: boolean;
  roleName: string;
}
interface RoleItem {
  id: string;
  name: string;
  permissions: string[];
  discountLimitBp: number;
}

const HOUR = 3_600_000;
const shopDate = (at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(at));
/** "2026-12-06T08:30": the shop's wall clock, as a datetime-local input takes it. */
const shopWall = (at: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' })
    .format(new Date(at))
    .replace(' ', 'T');

/**
 * The staff area of the admin pages in Debian's Chromium against the demo hub: staff (add, PIN reset,
 * deactivate), a custom role made in the permission editor, timesheets with their CSV, and per-employee
 * performance from real sales; in Traditional Chinese and on a phone too.
 */
describe('admin: staff, roles, timesheets and performance in a real browser', () => {
  let bench: DemoTillBench;
  let page: Page;
  let saleTotal = 0;
  let shiftStart = 0;
  const started = Date.now();

  const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
    bench.demo.api(path, { ...init, headers: bench.demo.admin });

  async function open(name: string): Promise<void> {
    await page
      .getByRole('navigation', { name: 'Admin pages' })
      .getByRole('link', { name, exact: true })
      .click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  beforeAll(async () => {
    bench = await startDemoTill('hub-admin-staff-');
    page = bench.page;
    const { demo } = bench;
    // Three sales by the demo cashier, and a shift of 8 hours with a half-hour break a day ago.
    for (const quantity of [1, 2, 3]) {
      const sale = await sellForCash(demo, quantity);
      saleTotal += ((await demo.api(`/sales/${sale.id}`)).body.totals as { totalMinor: number }).totalMinor;
    }
    const cashier = demo.hub.modules.demo!.staff.find((s) => s.role === 'cashier')!;
    const start = Math.floor((started - 30 * HOUR) / 60_000) * 60_000;
    shiftStart = start;
    const shift = await api(`/time-clock/shifts/${newId()}`, {
      method: 'PUT',
      body: {
        staffId: cashier.id,
        clockInAt: new Date(start).toISOString(),
        clockOutAt: new Date(start + 8 * HOUR).toISOString(),
        breaks: [
          {
            startAt: new Date(start + 4 * HOUR).toISOString(),
            endAt: new Date(start + 4.5 * HOUR).toISOString(),
          },
        ],
        reason: 'entered from the paper sheet',
      },
    });
    expect(shift.status).toBe(200);
    await page.goto(`${bench.front.baseUrl}/admin/`);
    await page.getByLabel('Login').fill('manager');
    await page.getByLabel('Password').fill(demo.hub.modules.demo!.admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('adds a staff member with a PIN, refuses a weak new PIN, resets it and deactivates them', async () => {
    await open('Staff');
    const table = page.getByRole('table', { name: 'Staff of the store' });
    for (const name of ['Anna Cashier', 'Bo Supervisor', 'Mette Manager'])
      await table.getByText(name).waitFor();
    await screenshot(page, 'admin-staff-list-desktop');

    await page.getByRole('link', { name: 'Add a staff member' }).click();
    await page.getByRole('heading', { name: 'Add a staff member', level: 1 }).waitFor();
    await page.getByLabel('Name').fill('Dorte Deltid');
    await page.getByLabel('Role').selectOption({ label: 'Cashier' });
    await page.getByLabel('PIN for the till (4-8 digits)').fill('5927');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await page.getByRole('heading', { name: 'Dorte Deltid', level: 1 }).waitFor();
    const staff = async () =>
      ((await api('/staff?includeInactive=true&limit=100')).body.items as StaffItem[]).find(
        (s) => s.name === 'Dorte Deltid',
      );
    expect(await staff()).toMatchObject({ active: true, hasPin: true, roleName: 'cashier' });

    await page.getByLabel('New PIN (4-8 digits)').fill('1111');
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByRole('alert').getByText('That PIN is too easy to guess').waitFor();
    await page.getByLabel('New PIN (4-8 digits)').fill('8642');
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByText('A new PIN is set for Dorte Deltid.').waitFor();

    await page.getByLabel('May work (log in at the tills and the admin pages)').uncheck();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Dorte Deltid is saved.').waitFor();
    expect((await staff())?.active).toBe(false);
    await screenshot(page, 'admin-staff-edit-desktop');
  }, 60_000);

  it('makes a custom role in the permission editor; the owner role cannot be changed', async () => {
    await open('Roles');
    await page.getByRole('table', { name: 'Roles of the store' }).getByText('Supervisor').waitFor();
    await page.getByRole('link', { name: 'New role' }).click();
    await page.getByRole('heading', { name: 'New role', level: 1 }).waitFor();
    await page.getByLabel('Name').fill('Bager');
    await page.getByLabel('Largest discount without a supervisor (%)').fill('15');
    await page.getByLabel(/Void a sale/).check();
    await page.getByLabel(/Open the cash drawer without a sale/).check();
    await screenshot(page, 'admin-role-editor-desktop');
    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('heading', { name: 'Bager', level: 1 }).waitFor();
    const roles = (await api('/roles?limit=100')).body.items as RoleItem[];
    expect(roles.find((r) => r.name === 'Bager')).toMatchObject({
      permissions: ['drawer.open', 'sale.void'],
      discountLimitBp: 1500,
    });

    await open('Roles');
    await page.getByRole('link', { name: 'Owner' }).click();
    await page.getByText('The owner always holds every permission.').waitFor();
    expect(await page.getByLabel(/Void a sale/).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save role' }).isDisabled()).toBe(true);
  }, 60_000);

  it('shows the timesheet of the period and exports it as CSV', async () => {
    await open('Timesheets');
    await page.getByLabel('From').fill(shopDate(started - 7 * 24 * HOUR));
    await page.getByLabel('To').fill(shopDate(started));
    await page.getByRole('button', { name: 'Show' }).click();
    const row = page.getByRole('table').first().getByRole('row').filter({ hasText: 'Anna Cashier' });
    await row.getByText('7:30').waitFor();
    await row.getByText('0:30').waitFor();
    await screenshot(page, 'admin-timesheets-desktop');

    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await page.request.get(`${bench.front.baseUrl}${href ?? ''}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('staff_id,name,role,date,worked_minutes,break_minutes,worked_hours');
    const anna = lines.filter((l) => l.includes('Anna Cashier'));
    expect(anna.reduce((sum, l) => sum + Number(l.split(',')[4]), 0)).toBe(450);
  }, 60_000);

  it('corrects a shift from the timesheet: clocked out half an hour later, with a reason', async () => {
    await page.getByRole('link', { name: 'Anna Cashier' }).click();
    await page.getByRole('heading', { name: 'Shifts of Anna Cashier', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Correct' }).click();
    await page.getByLabel('Clocked out (empty: still at work)').fill(shopWall(shiftStart + 8.5 * HOUR));
    await page.getByLabel('Reason (kept in the audit log)').fill('forgot to clock out');
    await page.getByRole('button', { name: 'Save shift' }).click();
    await page.getByText('The shift is saved.').waitFor();
    await page.getByRole('table', { name: 'Shifts in the period' }).getByText('8:00').waitFor();
    await screenshot(page, 'admin-shifts-desktop');
    const from = new Date(shiftStart - HOUR).toISOString();
    const shifts = (await api(`/time-clock/shifts?from=${from}&to=${new Date().toISOString()}`)).body
      .items as {
      workedMinutes: number;
      corrected: boolean;
      breaks: unknown[];
    }[];
    expect(shifts).toEqual([expect.objectContaining({ workedMinutes: 480, corrected: true })]);
    expect(shifts[0]?.breaks).toHaveLength(1);
  }, 60_000);

  it('shows each employee’s performance, agreeing with the sales', async () => {
    await open('Staff performance');
    const row = page.getByRole('table').first().getByRole('row').filter({ hasText: 'Anna Cashier' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[3]).toBe('3');
    const today = shopDate(Date.now());
    const report = (await api(`/staff-performance?from=${today}&to=${today}`)).body.employees as {
      name: string;
      salesMinor: number;
      transactions: number;
    }[];
    expect(report.find((e) => e.name === 'Anna Cashier')).toMatchObject({
      transactions: 3,
      salesMinor: saleTotal,
    });
    await screenshot(page, 'admin-staff-performance-desktop');
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);

  it('reads in Traditional Chinese and fits a phone', async () => {
    await open('Timesheets');
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('heading', { name: '工時表', level: 1 }).waitFor();
    await screenshot(page, 'admin-timesheets-zh-Hant-TW');
    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('button', { name: 'Menu' }).click();
    await open('Staff performance');
    await screenshot(page, 'admin-staff-performance-phone');
    await page.getByRole('button', { name: 'Menu' }).click();
    await open('Roles');
    await page.getByRole('link', { name: 'Bager' }).click();
    await page.getByRole('heading', { name: 'Bager', level: 1 }).waitFor();
    await screenshot(page, 'admin-role-editor-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
  }, 60_000);
});
