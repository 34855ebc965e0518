import type { Page } from 'playwright-core';
import type { TillBench } from './demo-till.js';

/** Opens /admin and logs the demo manager in with the password the hub console printed. */
export async function adminLogIn(bench: TillBench, page: Page = bench.page): Promise<void> {
  await page.goto(`${bench.front.baseUrl}/admin/`);
  await page.getByLabel('Login').fill('manager');
  await page.getByLabel('Password').fill(bench.demo.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
}

/** Follows a link of the admin menu, as a manager clicks it. */
export async function openAdminPage(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Admin pages' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}
