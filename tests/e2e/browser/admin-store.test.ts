import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, VIEWPORTS } from '../../support/browser.js';
import { startMailSink, type MailSink } from '../../support/mail-sink.js';
import { AdminApi } from './admin-api.js';
import { adminLogIn, openAdminPage } from './admin-support.js';
import { pairAndLogIn, startTillBench, type TillBench } from './demo-till.js';
import { printedTexts } from './printer-output.js';

/** A logo as an SVG file: a black bar with a circle, as a shop's logo might be drawn. */
const LOGO_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100">' +
    '<rect x="0" y="30" width="400" height="40" fill="black"/><circle cx="60" cy="50" r="45" fill="#777"/></svg>',
);

/**
 * The store area of the admin pages against the demo hub with its simulated devices: live device
 * state, tests that reach the simulators, moving a device to another till; the settings (store,
 * receipts with a logo made from a picture, ways to pay, the mail server with a test mail to a real SMTP
 * sink), in English, Chinese and on a phone.
 */
describe('admin: devices and settings in a real browser', () => {
  let bench: TillBench;
  let admin: AdminApi;
  let sink: MailSink;

  beforeAll(async () => {
    bench = await startTillBench('hub-admin-store-');
    // A paired till (the demo's devices are assigned to it when it pairs with the demo code).
    await pairAndLogIn(bench);
    await adminLogIn(bench);
    admin = await AdminApi.login(bench.hub.baseUrl, 'manager', bench.demo.password);
    sink = await startMailSink({ user: 'shop@example.com', password: 'mail-secret-1' });
  }, 120_000);

  afterAll(async () => {
    await sink.close();
    await bench.close();
  });

  it('shows every simulated device working, and its tests reach the device', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Devices');
    const table = page.getByRole('table', { name: 'Devices of the store' });
    await page.getByText('Every device is fine.').waitFor({ timeout: 20_000 });
    // Printer, scale, scanner and pole display report over MQTT; the nexo terminal (called over HTTPS)
    // and the drawer (on the printer's kick port) have no live state of their own.
    expect(await table.getByText('Working').count()).toBe(4);
    expect(await table.getByText('No live state').count()).toBe(2);
    await screenshot(page, 'admin-devices-desktop');

    const before = printedTexts(bench.dir).length;
    const printer = table.getByRole('row').filter({ hasText: 'Receipt printer' }).first();
    await printer.getByRole('button', { name: 'Print a test page' }).click();
    await page
      .getByRole('status')
      .getByText(/did it: Print a test page/)
      .waitFor();
    await expect.poll(() => printedTexts(bench.dir).length, { timeout: 10_000 }).toBe(before + 1);

    const scale = table.getByRole('row').filter({ hasText: 'Scale' }).first();
    await scale.getByRole('button', { name: 'Read the weight' }).click();
    await page.getByText(/answered: [\d.,\s]+g\./).waitFor({ timeout: 15_000 });
  }, 90_000);

  it('takes a device off its till and puts it back', async () => {
    const { page } = bench;
    const table = page.getByRole('table', { name: 'Devices of the store' });
    const row = table.getByRole('row').filter({ hasText: 'Barcode scanner' }).first();
    const name = (await row.locator('strong').innerText()).trim();
    await row.getByLabel(`Till of ${name}`).selectOption({ label: 'Not at a till' });
    await page.getByText(`${name} is no longer at a till.`).waitFor();
    const devices = (await admin.get('/devices?kind=scanner')) as { items: { tillId: string | null }[] };
    expect(devices.items[0]?.tillId).toBeNull();
    await row.getByLabel(`Till of ${name}`).selectOption({ label: 'Front till' });
    await page.getByText(`${name} now serves Front till as Scanner.`).waitFor();
  }, 60_000);

  it('saves the store settings and refuses a rounding that is no amount', async () => {
    const { page } = bench;
    await openAdminPage(page, 'Settings');
    const store = page.locator('store-settings-form');
    await store.getByLabel('Cash is rounded to').fill('half');
    await store.getByRole('button', { name: 'Save store settings' }).click();
    await store.getByRole('alert').getByText('Type the cash rounding as an amount').waitFor();
    await store.getByLabel('Cash is rounded to').fill('1,00');
    await store.getByLabel('Store name').fill('Bageriet på hjørnet');
    await store.getByRole('button', { name: 'Save store settings' }).click();
    await store.getByText('Store settings saved. Cash is rounded to').waitFor();
    const saved = (await admin.get('/settings')) as { name: string; cashRoundingMinor: number };
    expect(saved).toMatchObject({ name: 'Bageriet på hjørnet', cashRoundingMinor: 100 });
  }, 60_000);

  it('makes a receipt logo from a picture, shows how it prints, and saves it', async () => {
    const { page } = bench;
    const receipts = page.locator('receipt-settings-form');
    await receipts.getByLabel('Footer (at the bottom, up to 8 lines)').fill('Åbent alle dage 7-18');
    await receipts.getByRole('button', { name: 'Save receipt texts' }).click();
    await receipts.getByText('Receipt texts saved.').waitFor();

    await receipts.getByLabel('Picture (PNG, JPEG, SVG)').setInputFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: LOGO_SVG,
    });
    await receipts.getByRole('img', { name: 'Preview of the new logo' }).waitFor();
    await screenshot(page, 'admin-settings-logo-preview');
    await receipts.getByRole('button', { name: 'Save logo' }).click();
    await receipts.getByText('Logo saved: receipts print it from now on.').waitFor();
    const logo = (await admin.get('/settings/logo')) as { width: number; height: number };
    expect(logo).toMatchObject({ width: 384, height: 96 });
    expect(((await admin.get('/settings')) as { receiptFooter: string }).receiptFooter).toBe(
      'Åbent alle dage 7-18',
    );
  }, 60_000);

  it('turns a way to pay off and adds one', async () => {
    const { page } = bench;
    const tenders = page.locator('tenders-section');
    const mobile = tenders.getByRole('row').filter({ hasText: 'MobilePay' });
    await mobile.getByRole('checkbox').uncheck();
    await tenders.getByText('MobilePay is no longer taken.').waitFor();
    await tenders.getByLabel('New way to pay').fill('Gavekort');
    await tenders.getByLabel('Kind').selectOption({ label: 'Voucher' });
    await tenders.getByRole('button', { name: 'Add' }).click();
    await tenders.getByText('Gavekort added.').waitFor();
    const list = (await admin.get('/tenders?limit=100')) as {
      items: { name: string; enabled: boolean; kind: string }[];
    };
    expect(list.items.find((t) => t.name === 'MobilePay')?.enabled).toBe(false);
    expect(list.items.find((t) => t.name === 'Gavekort')).toMatchObject({ kind: 'voucher', enabled: true });
  }, 60_000);

  it('sets the mail server and sends a test mail through it', async () => {
    const { page } = bench;
    const mail = page.locator('mail-section');
    await mail.getByLabel('Mail server (SMTP host)').fill('127.0.0.1');
    await mail.getByLabel('Port', { exact: true }).fill(String(sink.port));
    await mail.getByLabel('User name').fill('shop@example.com');
    await mail.getByLabel('Password', { exact: true }).fill('mail-secret-1');
    await mail.getByLabel('Sender address').fill('kvittering@example.com');
    await mail.getByRole('button', { name: 'Save mail server' }).click();
    await mail.getByText('Mail server saved.').waitFor();
    expect(await mail.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await mail.getByLabel('Send a test mail to').fill('chef@example.com');
    await mail.getByRole('button', { name: 'Send test mail' }).click();
    await mail
      .getByText('The mail server took the test mail for chef@example.com.')
      .waitFor({ timeout: 30_000 });
    const [received] = await sink.waitFor(1);
    expect(received!.to).toEqual(['chef@example.com']);
    await screenshot(page, 'admin-settings-desktop');
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);

  it('reads in Simplified Chinese and fits a phone', async () => {
    const { page } = bench;
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await page.getByRole('heading', { name: '设置', level: 1 }).waitFor();
    await screenshot(page, 'admin-settings-zh-Hans-CN');
    await page.getByLabel('语言').selectOption({ label: 'English' });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('button', { name: 'Menu' }).click();
    await openAdminPage(page, 'Devices');
    await screenshot(page, 'admin-devices-phone');
    await page.setViewportSize(VIEWPORTS.desktop);
  }, 60_000);
});
