import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot, VIEWPORTS } from '../../support/browser.js';
import { openAdminPage } from './admin-support.js';
import { startTillBench, type TillBench } from './demo-till.js';

/**
 * The admin pages' frame in Debian's Chromium against the demo hub: password login (wrong, then right),
 * the menu, a reload that keeps the session, a page a link opens without reloading, the language, the
 * phone layout's menu, and logging out. Then tills: approve a browser that asks to pair by the code it
 * shows, invite one with a code, rename and revoke.
 */
describe('admin shell and tills in a real browser', () => {
  let bench: TillBench;

  beforeAll(async () => {
    bench = await startTillBench('hub-admin-shell-');
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('refuses a wrong password, then logs the manager in and keeps the session over a reload', async () => {
    const { page } = bench;
    await page.goto(`${bench.front.baseUrl}/admin/tills`);
    await page.getByLabel('Login').fill('manager');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').getByText('The login or the password is wrong.').waitFor();
    await screenshot(page, 'admin-login-wrong');

    await page.getByLabel('Password').fill(bench.demo.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    // The address asked for before the login is the page shown after it.
    await page.getByRole('heading', { name: 'Tills', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Tills', level: 1 }).waitFor();
    await page.getByText('Mette Manager').waitFor();
    // The wrong password's 401 is the one failed request the browser reports.
    expect(bench.errors).toEqual([
      'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
    bench.errors.length = 0;
  }, 60_000);

  it('moves between pages without reloading and says when an address is no page', async () => {
    const { page } = bench;
    await page.evaluate('window.__notReloaded = true');
    await openAdminPage(page, 'Dashboard');
    await screenshot(page, 'admin-dashboard-desktop');
    await openAdminPage(page, 'Tills');
    expect(await page.evaluate('window.__notReloaded')).toBe(true);
    await page.goBack();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.goto(`${bench.front.baseUrl}/admin/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  }, 60_000);

  it('approves a till that shows its pairing code, by that code', async () => {
    const { page } = bench;
    const till = await page.context().newPage();
    const tillErrors = collectPageErrors(till);
    await till.goto(`${bench.front.baseUrl}/till/`);
    await till.getByLabel('Name of this till').fill('Back till');
    // The manager is logged in on this browser: the till must not send the admin session's cookie.
    await till.getByRole('button', { name: 'Show a code for a manager' }).click();

    const code = (await till.locator('.code').innerText()).replace(/\D/g, '');
    expect(code).toMatch(/^\d{6}$/);

    await page.goto(`${bench.front.baseUrl}/admin/tills`);
    const pending = page.getByRole('region', { name: 'Waiting for approval' });
    await pending.getByLabel('Code shown on Back till').fill(code === '000000' ? '111111' : '000000');
    await pending.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('alert').waitFor();
    // The wrong code's 422 is reported by the browser as a failed request: expected here.
    expect(bench.errors).toEqual([
      'console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
    ]);
    bench.errors.length = 0;
    await pending.getByLabel('Code shown on Back till').fill(code);
    await screenshot(page, 'admin-tills-pending');
    await pending.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/Back till is paired as till \d+\./).waitFor();
    // The till notices by itself and asks who is selling.
    await till.getByRole('heading', { name: 'Who is selling?' }).waitFor({ timeout: 15_000 });
    expect(tillErrors).toEqual([]);
    await till.close();
  }, 60_000);

  it('invites a till with a code, renames it and revokes it', async () => {
    const { page } = bench;
    await page.getByLabel('Name of the new till').fill('Garden till');
    await page.getByRole('button', { name: 'Make a pairing code' }).click();
    const code = await page.locator('[data-invitation-code]').innerText();
    expect(code).toMatch(/^\d{6}$/);

    const table = page.getByRole('table', { name: 'All tills' });
    const row = table.getByRole('row', { name: /Garden till/ });
    await row.getByRole('button', { name: 'Rename' }).click();
    const editing = table.getByRole('row').filter({ has: page.getByLabel('New name') });
    await editing.getByLabel('New name').fill('Garden kiosk');
    await editing.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Renamed to Garden kiosk.').waitFor();

    const kiosk = table.getByRole('row', { name: /Garden kiosk/ });
    await kiosk.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke Garden kiosk?' });
    await dialog.waitFor();
    await screenshot(page, 'admin-tills-revoke');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Garden kiosk is revoked.').waitFor();
    await expect.poll(() => kiosk.getByText('Revoked').isVisible()).toBe(true);
    await screenshot(page, 'admin-tills-desktop');
  }, 60_000);

  it('speaks Traditional Chinese, fits a phone with its menu behind a button, and logs out', async () => {
    const { page } = bench;
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('heading', { name: '收銀機', level: 1 }).waitFor();
    await screenshot(page, 'admin-tills-zh-Hant-TW');
    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Tills', level: 1 }).waitFor();

    await page.setViewportSize(VIEWPORTS.phone);
    const menu = page.getByRole('navigation', { name: 'Admin pages' });
    expect(await menu.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await menu.waitFor();
    await screenshot(page, 'admin-menu-phone');
    await menu.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(await menu.isVisible()).toBe(false);
    await page.setViewportSize(VIEWPORTS.desktop);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Password').waitFor();
    await page.reload();
    await page.getByLabel('Password').waitFor();
    expect(bench.errors).toEqual([]);
  }, 60_000);
});
