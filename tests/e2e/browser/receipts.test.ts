import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../web-ui/shared/format/money.js';
import { screenshot, VIEWPORTS } from '../../support/browser.js';
import { startMailSink, type MailSink } from '../../support/mail-sink.js';
import { adminHeaders } from './admin-api.js';
import { pairAndLogIn, startTillBench, wedgeScan, type TillBench } from './demo-till.js';
import { printedTexts as printed } from './printer-output.js';

/**
 * The receipt of a finished sale at the till in Debian's Chromium against the real demo hub: the receipt
 * number and e-receipt QR on screen, the QR's page opened on a second "phone" page, the paper receipt at
 * the printer simulator, a copy marked KOPI (the demo store is Danish), the receipt by e-mail through a
 * real SMTP sink, and Alt+L on the selling screen reprinting the last receipt.
 */
describe('receipts at the till in a real browser', () => {
  let bench: TillBench;
  let page: Page;
  let dir: string;
  let sink: MailSink;
  let receiptCode = '';
  // The till shows money in the store's format (the demo store is Danish).
  const money = (minor: number) => formatMoney(minor, 'DKK', 'da-DK');
  const done = () => page.getByRole('dialog', { name: 'Sale completed' });

  beforeAll(async () => {
    bench = await startTillBench('hub-receipts-');
    ({ page, dir } = bench);
    page.on('response', (r) => {
      if (r.status() === 404) bench.errors.push(`404 ${r.url()}`);
    });
    sink = await startMailSink({ user: 'shop', password: 'smtp-pass-42' });
    // The manager sets up the store's mail server (the admin pages will do this over the same API).
    const admin = await adminHeaders(bench.hub.baseUrl, 'manager', bench.demo.password);
    const saved = await fetch(`${bench.hub.baseUrl}/api/v1/settings/smtp`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        host: '127.0.0.1',
        port: sink.port,
        secure: false,
        user: 'shop',
        password: 'smtp-pass-42',
        from: 'kvittering@example.com',
      }),
    });
    expect(saved.status, await saved.text()).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await bench.close();
    await sink.close();
  });

  async function sellOneForCash(): Promise<void> {
    await page.getByRole('heading', { name: 'Cart', exact: true }).click();
    await wedgeScan(page, bench.demo.barcodes[0] ?? '');
    await page.getByText('Saved on the hub.').waitFor();
    await page.keyboard.press('F12');
    await page.getByRole('dialog', { name: 'Payment' }).getByRole('button', { name: 'Exact' }).click();
    await done().waitFor({ timeout: 20_000 });
  }

  it('pairs, logs in and opens the cash session', async () => {
    await pairAndLogIn(bench);
    await page.keyboard.press('F8');
    await page.getByRole('heading', { name: 'Open a cash session' }).waitFor();
    await page.getByLabel(`Pieces of ${money(50000)}`).fill('1');
    await page.getByRole('button', { name: 'Open cash session' }).click();
    await page.locator('[data-figure="float"]').waitFor();
    await page.keyboard.press('F6');
    await page.getByRole('heading', { name: 'Find a product' }).waitFor();
  }, 60_000);

  it('shows the receipt number and the e-receipt QR, whose page opens on a phone', async () => {
    await sellOneForCash();
    receiptCode =
      /Receipt number (\d+-\d+)/.exec(await done().locator('[data-receipt]').innerText())?.[1] ?? '';
    expect(receiptCode).toMatch(/^\d+-\d+$/);
    const qr = done().getByRole('img', { name: 'QR code of the e-receipt' });
    await qr.waitFor();
    await expect
      .poll(() =>
        qr.evaluate((el: unknown) => {
          const img = el as { complete: boolean; naturalWidth: number };
          return img.complete && img.naturalWidth > 0;
        }),
      )
      .toBe(true);
    const src = (await qr.getAttribute('src')) ?? '';
    expect(src).toMatch(new RegExp(`^/r/${receiptCode}/qr\\.svg\\?t=[A-Za-z0-9_-]{22}$`));
    await screenshot(page, 'till-receipt-done-desktop');

    // The QR code holds /r/<code>?t=<token> on the hub's address: a customer's phone opens it, no login.
    const token = new URL(src, bench.front.baseUrl).searchParams.get('t') ?? '';
    const phone = await bench.browser.newPage({ viewport: VIEWPORTS.phone });
    const answer = await phone.goto(`${bench.hub.baseUrl}/r/${receiptCode}?t=${token}`);
    expect(answer?.status()).toBe(200);
    await phone.getByText('Tak for besøget!').waitFor();
    expect(await phone.locator('html').getAttribute('lang')).toBe('da-DK');
    expect(await phone.locator('.receipt').innerText()).toContain(receiptCode);
    await screenshot(phone, 'receipt-page-phone');
    const wrong = await phone.goto(`${bench.hub.baseUrl}/r/${receiptCode}?t=${'x'.repeat(22)}`);
    expect(wrong?.status()).toBe(404);
    await phone.getByText('Kvitteringen blev ikke fundet').waitFor();
    await phone.close();
  }, 60_000);

  it('prints the sale by itself, then a copy marked KOPI from the Print button', async () => {
    await expect
      .poll(() => printed(dir).filter((t) => t.includes(receiptCode)).length, { timeout: 10_000 })
      .toBe(1);
    const original = printed(dir).find((t) => t.includes(receiptCode)) ?? '';
    expect(original).toContain('Tak for besøget!');
    expect(original).not.toContain('KOPI');

    const print = done().getByRole('button', { name: /Print a copy/ });
    await print.click();
    await done().getByText('A copy is printing.').waitFor();
    await expect
      .poll(() => printed(dir).filter((t) => t.includes(receiptCode)).length, { timeout: 10_000 })
      .toBe(2);
    const copy = printed(dir).filter((t) => t.includes(receiptCode))[1] ?? '';
    expect(copy).toContain('KOPI');
  }, 60_000);

  it('mails the receipt to the address the cashier types, and refuses one that is not an address', async () => {
    const address = done().getByLabel(/Receipt by e-mail/);
    await page.keyboard.press('F4');
    await expect
      .poll(() =>
        address.evaluate((el: unknown) => (el as { matches(s: string): boolean }).matches(':focus')),
      )
      .toBe(true);
    // At a person's pace: a burst of keys ending in Enter would be a barcode scan.
    await page.keyboard.type('not an address', { delay: 90 });
    await page.keyboard.press('Enter');
    await done().getByText('Type the customer’s e-mail address').waitFor();
    expect(sink.received).toHaveLength(0);

    await address.fill('kunde@example.com');
    await done().getByRole('button', { name: 'Send' }).click();
    await done().getByText('The receipt was sent to kunde@example.com.').waitFor({ timeout: 20_000 });
    const [mail] = await sink.waitFor(1);
    expect(mail?.to).toEqual(['kunde@example.com']);
    expect(mail?.subject).toContain(`Kvittering ${receiptCode}`);
    expect(mail?.text).toContain('Tak fordi du handlede hos os');
    expect(mail?.html).toContain(receiptCode);
    await screenshot(page, 'till-receipt-emailed-desktop');
  }, 60_000);

  it('reprints the last receipt from the selling screen with Alt+L, as a copy', async () => {
    await done().getByRole('button', { name: 'New sale' }).click();
    await page.getByText('The cart is empty. Scan or search to add products.').waitFor();
    expect(await page.getByRole('list', { name: 'Keyboard shortcuts' }).innerText()).toContain(
      'Print the last receipt',
    );
    const before = printed(dir).length;
    await page.keyboard.press('Alt+L');
    await page.getByText('A copy of the last receipt is printing.').waitFor();
    await expect.poll(() => printed(dir).length, { timeout: 10_000 }).toBe(before + 1);
    const last = printed(dir).at(-1) ?? '';
    expect(last).toContain(receiptCode);
    expect(last).toContain('KOPI');
  }, 60_000);

  it('fits the finished sale on a phone, with touch-sized receipt controls', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await sellOneForCash();
    await done().getByRole('img', { name: 'QR code of the e-receipt' }).waitFor();
    for (const name of [/Print a copy/, /^Send$/, /^New sale$/]) {
      const box = await done().getByRole('button', { name }).boundingBox();
      expect(box?.height ?? 0, String(name)).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, 'till-receipt-done-phone');
    await done().getByRole('button', { name: 'New sale' }).click();
    expect(bench.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 60_000);
});
