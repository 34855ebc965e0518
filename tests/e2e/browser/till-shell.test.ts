import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPage, screenshot, storedItem, VIEWPORTS } from '../../support/browser.js';
import { AdminApi } from './admin-api.js';
import { startTillBench, type DemoConsole, type TillBench } from './demo-till.js';
import type { WebFront } from './web-front.js';

/**
 * The till shell in Debian's Chromium against the real demo hub: pair with the code the console prints,
 * log in with the cashier's PIN, switch to Traditional Chinese and back, get locked out, pair by showing
 * a code to a manager, lose the pairing to a revoke, and see the offline banner when the hub stops.
 * Screenshots of each screen go to test-output/screenshots/.
 */
describe('the till shell in a real browser', () => {
  let bench: TillBench;
  let front: WebFront;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let console: DemoConsole;

  beforeAll(async () => {
    bench = await startTillBench('hub-browser-');
    ({ front, browser, page, errors, demo: console } = bench);
    context = page.context();
  }, 120_000);

  afterAll(async () => {
    await bench.close();
  });

  it('pairs with the code from the hub console', async () => {
    expect(console.code).toMatch(/^\d{6}$/);
    await page.goto(`${front.baseUrl}/till/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Pair this till' }).isVisible()).toBe(true);
    await screenshot(page, 'till-pairing-desktop');

    await page.getByLabel('Name of this till').fill('Front till');
    await page.getByLabel('Pairing code (6 digits)').fill('000000');
    await page.getByRole('button', { name: 'Pair', exact: true }).click();
    await page.getByText('No till is waiting for that code').waitFor();
    await screenshot(page, 'till-pairing-wrong-code');

    await page.getByLabel('Pairing code (6 digits)').fill(console.code);
    await page.getByRole('button', { name: 'Pair', exact: true }).click();
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
    const stored = await storedItem(page, 'store-hub.till.credentials');
    expect(stored).toContain('"name":"Front till"');
  }, 60_000);

  it('logs the cashier in with the on-screen pad and the keyboard', async () => {
    await page.getByRole('button', { name: /Anna Cashier/ }).click();
    await page.getByRole('heading', { name: 'PIN for Anna Cashier' }).waitFor();
    await screenshot(page, 'till-login-desktop');

    // A wrong PIN first: cleared, and said so.
    for (const digit of '0000') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'OK' }).click();
    await page.getByText('Wrong PIN. Try again.').waitFor();

    const [first = '', ...rest] = console.cashierPin;
    await page
      .getByRole('group', { name: 'PIN keys' })
      .getByRole('button', { name: first, exact: true })
      .click();
    await page.keyboard.type(rest.join(''));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Find a product' }).waitFor();
    await screenshot(page, 'till-home-desktop');
  }, 60_000);

  it('switches to Traditional Chinese, remembers it across a reload, and switches back', async () => {
    await page.getByLabel('Language').selectOption({ label: '繁體中文' });
    await page.getByRole('heading', { name: '尋找商品' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant-TW');
    await screenshot(page, 'till-home-zh-Hant-TW');

    // The PIN session is memory-only: a reload asks for the PIN again, in the remembered language.
    await page.reload();
    await page.getByRole('heading', { name: '誰在結帳？' }).waitFor();
    await page.getByRole('button', { name: /Anna Cashier/ }).click();
    await screenshot(page, 'till-login-zh-Hant-TW');

    await page.getByLabel('語言').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
    expect(await storedItem(page, 'store-hub.till.locale')).toBe('en');
  }, 60_000);

  it('locks a staff member out after wrong PINs and shows when to retry', async () => {
    await page.getByRole('button', { name: /Bo Supervisor/ }).click();
    // Tap the on-screen keys once the PIN panel is there, as a cashier does: typed keys could arrive before
    // the PIN entry has focus on a loaded machine, and then nothing is sent.
    await page.getByRole('heading', { name: 'PIN for Bo Supervisor' }).waitFor();
    const keys = page.getByRole('group', { name: 'PIN keys' });
    const ok = page.getByRole('button', { name: 'OK', exact: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      for (let digit = 0; digit < 4; digit++)
        await keys.getByRole('button', { name: '0', exact: true }).click();
      await expect.poll(() => ok.isEnabled()).toBe(true);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/pin'));
      await ok.click();
      expect((await answered).status()).toBe(attempt < 2 ? 401 : 423);
    }
    await page.getByText(/Too many wrong PINs\. Try again in \d+:\d\d\./).waitFor();
    expect(
      await page.getByRole('group', { name: 'PIN keys' }).getByRole('button', { name: '1' }).isDisabled(),
    ).toBe(true);
    await screenshot(page, 'till-login-locked');
  }, 60_000);

  it('lays the login out for a phone and a tablet', async () => {
    for (const [name, viewport] of [
      ['phone', VIEWPORTS.phone],
      ['tablet', VIEWPORTS.tablet],
    ] as const) {
      const other = await context.newPage();
      await other.setViewportSize(viewport);
      await other.goto(`${front.baseUrl}/till/`);
      await other.getByRole('button', { name: /Anna Cashier/ }).click();
      await other.getByRole('heading', { name: 'PIN for Anna Cashier' }).waitFor();
      // Every key of the pad is a comfortable touch target.
      for (const box of await Promise.all(
        (await other.getByRole('group', { name: 'PIN keys' }).getByRole('button').all()).map((b) =>
          b.boundingBox(),
        ),
      )) {
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
        expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
      }
      const overflow = await inPage(other, 'document.documentElement.scrollWidth > window.innerWidth');
      expect(overflow, `${name} scrolls sideways`).toBe(false);
      await screenshot(other, `till-login-${name}`);
      await other.close();
    }
  }, 60_000);

  it('pairs a second till by showing a code that a manager approves', async () => {
    const second = await browser.newContext({ viewport: VIEWPORTS.tablet, locale: 'da-DK' });
    const tab = await second.newPage();
    await tab.goto(`${front.baseUrl}/till/`);
    await tab.getByRole('heading', { name: 'Par denne kasse' }).waitFor();
    await tab.getByLabel('Kassens navn').fill('Back till');
    await tab.getByRole('button', { name: 'Vis en kode til en leder' }).click();
    const shown = (await tab.locator('.code').innerText()).replace(/\s/g, '');
    expect(shown).toMatch(/^\d{6}$/);
    await screenshot(tab, 'till-pairing-code-shown-da');

    const admin = await AdminApi.login(bench.hub.baseUrl, 'manager', console.password);
    const pending = (await admin.tills()).find((t) => t.name === 'Back till' && t.status === 'pending');
    expect(pending).toBeDefined();
    await admin.approve(pending!.id, shown);
    await tab.getByRole('heading', { name: 'Hvem sælger?' }).waitFor({ timeout: 15_000 });

    // Revoked by the manager: the till notices on its next call and asks to be paired again.
    await admin.revoke(pending!.id);
    await tab.reload();
    await tab.getByText('Denne kasse er ikke længere parret med hubben').waitFor();
    expect(await storedItem(tab, 'store-hub.till.credentials')).toBeNull();
    await screenshot(tab, 'till-pairing-revoked-da');
    await second.close();
  }, 60_000);

  it('serves the display and admin apps, localised, at any client route', async () => {
    const tab = await context.newPage();
    await tab.goto(`${front.baseUrl}/display/`);
    await tab.getByRole('heading', { name: 'Customer display' }).waitFor();
    await tab.goto(`${front.baseUrl}/admin/some/client/route`);
    await tab.getByRole('heading', { name: 'Store admin' }).waitFor();
    await tab.getByLabel('Language').selectOption({ label: 'Українська' });
    await tab.getByRole('heading', { name: 'Адміністрування магазину' }).waitFor();
    await screenshot(tab, 'admin-login-uk');
    // The pick is shared by the apps on this browser: put the till back to English for the next test.
    await tab.getByLabel('Мова').selectOption({ label: 'English' });
    await tab.close();
  }, 60_000);

  it('says plainly that the hub is unreachable when it stops', async () => {
    await page.getByRole('button', { name: /Anna Cashier/ }).click();
    await page.keyboard.type(console.cashierPin);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Find a product' }).waitFor();
    await bench.hub.kill();
    // The next request (the logout here) finds no hub; the banner appears and the screen stays usable.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByText('The hub cannot be reached.').waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
    await screenshot(page, 'till-offline');

    // The hub comes back on the same port: the banner goes and the staff list loads without a tap.
    await bench.startHubAgain({ HUB_HTTP_PORT: String(bench.hub.port) });
    await page.getByText('The hub cannot be reached.').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: /Anna Cashier/ }).waitFor();
    // Browser noise from the outage itself (failed requests, the live link retrying) is expected.
    expect(errors.filter((e) => !/Failed to load resource|WebSocket/.test(e))).toEqual([]);
  }, 90_000);
});
