import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../../support/browser.js';
import { AdminApi } from './admin-api.js';
import { pairAndLogIn, startTillBench, type TillBench } from './demo-till.js';

interface ShiftPage {
  items: { staffId: string; clockOutAt: string | null; breaks: { endAt: string | null }[] }[];
}

/**
 * The time clock at the till in Debian's Chromium against the real demo hub: the logged-in cashier
 * clocks in, takes a break and clocks out from the top bar, which shows where they stand; the hub
 * records one shift with one break.
 */
describe('the till time clock in a real browser', () => {
  let bench: TillBench;
  let admin: AdminApi;

  beforeAll(async () => {
    bench = await startTillBench('hub-till-clock-');
    await pairAndLogIn(bench);
    admin = await AdminApi.login(bench.hub.baseUrl, 'manager', bench.demo.password);
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('clocks the cashier in, through a break and out, showing the state in the top bar', async () => {
    const { page, errors } = bench;
    const bar = page.locator('top-bar');
    await bar.getByRole('button', { name: 'Clocked out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Time clock' });
    await dialog.getByText('You are clocked out.').waitFor();
    await dialog.getByRole('button', { name: 'Clock in' }).click();
    await dialog.getByText(/Clocked in since/).waitFor();
    await bar.getByRole('button', { name: 'Clocked in' }).waitFor();
    await screenshot(page, 'till-time-clock-working');

    await dialog.getByRole('button', { name: 'Start break' }).click();
    await dialog.getByText(/On a break since/).waitFor();
    await bar.getByRole('button', { name: 'On a break' }).waitFor();
    await dialog.getByRole('button', { name: 'End break' }).click();
    await dialog.getByRole('button', { name: 'Clock out' }).click();
    await dialog.getByText('You are clocked out.').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await bar.getByRole('button', { name: 'Clocked out' }).waitFor();

    const now = Date.now();
    const shifts = (await admin.get(
      `/time-clock/shifts?from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`,
    )) as ShiftPage;
    expect(shifts.items).toHaveLength(1);
    expect(shifts.items[0]?.clockOutAt).not.toBeNull();
    expect(shifts.items[0]?.breaks).toHaveLength(1);
    expect(shifts.items[0]?.breaks[0]?.endAt).not.toBeNull();
    expect(errors).toEqual([]);
  }, 60_000);
});
