import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../hub/hub.js';
import { newId } from '../../hub/ids.js';
import type { EReceiptView } from '../../hub/services/receipts/e-receipts.js';
import { sellForCash, startDemoHub, type DemoApi, type DemoHub } from '../support/demo-hub.js';
import { startMailSink, type MailSink } from '../support/mail-sink.js';

/**
 * E-receipts against the demo hub in this process: the public page behind the QR code, its SVG, printing
 * on request and reprints marked COPY at the printer simulator, and mail through a real SMTP sink.
 */
describe('receipts: public page, QR, print on request, e-mail', () => {
  let demo: DemoHub;
  let hub: RunningHub;
  let api: DemoApi;
  let base: string;
  let admin: Record<string, string>;
  let sink: MailSink;
  let productName: string;

  async function sell(): Promise<{ id: string; code: string; name: string }> {
    const sale = await sellForCash(demo, 2);
    return { ...sale, name: productName };
  }

  async function eReceipt(saleId: string): Promise<EReceiptView> {
    const answer = await api(`/sales/${saleId}/e-receipt`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as unknown as EReceiptView;
  }

  async function waitForPrints(count: number): Promise<string[]> {
    const printer = hub.simulators!.printer;
    await printer.waitForReceipts(count, 10_000);
    return printer.receipts.map((r) => r.lines.map((l) => l.text).join('\n'));
  }

  beforeAll(async () => {
    demo = await startDemoHub('hub-receipts-');
    ({ hub, api } = demo);
    base = `http://127.0.0.1:${hub.httpPort}`;
    admin = demo.admin;
    const found = await api(`/products/lookup?code=${hub.modules.demo!.sampleBarcodes[0]!}`);
    productName = (found.body.product as { name: string }).name;
    sink = await startMailSink({ user: 'shop@example.com', password: 'mail-secret-1' });
  }, 60_000);

  afterAll(async () => {
    await sink.close();
    await demo.close();
  });

  it('gives the till the receipt URL on the hub’s own address and a QR code of it as SVG', async () => {
    const sale = await sell();
    const view = await eReceipt(sale.id);
    expect(view.receiptCode).toBe(sale.code);
    // The demo has no publicBaseUrl: the QR points at the address the hub is bound to.
    expect(view.url).toMatch(new RegExp(`^${base}/r/${sale.code}\\?t=[A-Za-z0-9_-]{22}$`));
    expect(view.qrPath).toBe(`/r/${sale.code}/qr.svg?t=${new URL(view.url!).searchParams.get('t')!}`);

    const qr = await fetch(`${base}${view.qrPath!}`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await qr.text();
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
    // The printed receipt carries the very same URL in its QR code.
    const printer = hub.simulators!.printer;
    await waitForPrints(1);
    expect(printer.receipts.some((r) => r.qr.includes(view.url!))).toBe(true);
  });

  it('shows the receipt page to whoever holds the URL, and the same 404 for anything else', async () => {
    const sale = await sell();
    const view = await eReceipt(sale.id);
    const page = await fetch(view.url!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('<html lang="da-DK">');
    expect(html).toContain('Kvittering');
    expect(html).toContain(sale.code);
    expect(html).toContain(sale.name.replace(/&/g, '&#38;'));
    expect(html).not.toContain('<script');

    const token = new URL(view.url!).searchParams.get('t')!;
    const other = await sell();
    const misses = [
      `/r/${sale.code}?t=${'A'.repeat(22)}`,
      `/r/${sale.code}`,
      `/r/${other.code}?t=${token}`,
      `/r/999-999?t=${token}`,
      `/r/not-a-code?t=${token}`,
      `/r/${sale.code}/qr.svg?t=${'A'.repeat(22)}`,
    ];
    const bodies = new Set<string>();
    for (const path of misses) {
      const miss = await fetch(`${base}${path}`);
      expect(miss.status, path).toBe(404);
      expect(miss.headers.get('cache-control')).toBe('no-store');
      bodies.add(await miss.text());
    }
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).toContain('Kvitteringen blev ikke fundet');
  });

  it('renders the page in the store’s language: Traditional Chinese after a settings change', async () => {
    const changed = await api('/settings', {
      method: 'PATCH',
      body: { locale: 'zh-TW' },
      headers: admin,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    try {
      const sale = await sell();
      const html = await (await fetch((await eReceipt(sale.id)).url!)).text();
      expect(html).toContain('<html lang="zh-TW">');
      expect(html).toContain('收據');
      expect(html).toContain('謝謝光臨');
      expect(html).not.toContain('Kvittering');
    } finally {
      await api('/settings', { method: 'PATCH', body: { locale: 'da-DK' }, headers: admin });
    }
  });

  it('prints on request when the store does not print by itself, then reprints marked COPY', async () => {
    const off = await api('/settings', {
      method: 'PATCH',
      body: { autoPrintReceipts: false },
      headers: admin,
    });
    expect(off.status).toBe(200);
    expect(off.body.autoPrintReceipts).toBe(false);
    const printer = hub.simulators!.printer;
    try {
      // The earlier tests' automatic receipts may still be on their way to the printer: count from
      // a printer with nothing left to print.
      await expect
        .poll(() => hub.modules.printing.service.devicesWithWork(), { timeout: 10_000 })
        .toEqual([]);
      const before = printer.receipts.length;
      const sale = await sell();
      expect((await eReceipt(sale.id)).printed).toBe(false);
      // Nothing prints by itself: give a wrong automatic job the time it would need to show up.
      await new Promise((r) => setTimeout(r, 300));
      expect(printer.receipts.length).toBe(before);

      const first = await api(`/sales/${sale.id}/print`, { method: 'POST' });
      expect(first.status, JSON.stringify(first.body)).toBe(202);
      expect(first.body).toMatchObject({ kind: 'receipt', saleId: sale.id });
      const original = (await waitForPrints(before + 1))[before]!;
      expect(original).toContain(sale.code);
      expect(original).not.toContain('KOPI');
      expect((await eReceipt(sale.id)).printed).toBe(true);

      const again = await api(`/sales/${sale.id}/print`, { method: 'POST' });
      expect(again.body).toMatchObject({ kind: 'copy', saleId: sale.id });
      const copy = (await waitForPrints(before + 2))[before + 1]!;
      expect(copy).toContain(sale.code);
      expect(copy).toContain('KOPI');
    } finally {
      await api('/settings', { method: 'PATCH', body: { autoPrintReceipts: true }, headers: admin });
    }
  });

  it('refuses to print a sale that is not completed', async () => {
    const id = newId();
    const found = await api(`/products/lookup?code=${hub.modules.demo!.sampleBarcodes[0]!}`);
    await api('/sales', {
      method: 'POST',
      body: {
        id,
        lines: [{ id: newId(), productId: (found.body.product as { id: string }).id, quantity: 1 }],
      },
    });
    const refused = await api(`/sales/${id}/print`, { method: 'POST' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'SALE_NOT_COMPLETED' } });
    expect((await api(`/sales/${id}/e-receipt`)).status).toBe(422);
  });

  it('mails the receipt through the store’s SMTP server, password kept out of every read', async () => {
    const sale = await sell();
    const unset = await api(`/sales/${sale.id}/email`, { method: 'POST', body: { to: 'kunde@example.com' } });
    expect(unset.status).toBe(422);
    expect(unset.body).toMatchObject({ error: { code: 'EMAIL_NOT_CONFIGURED' } });
    expect((await eReceipt(sale.id)).emailConfigured).toBe(false);

    const settings = {
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      user: 'shop@example.com',
      password: 'mail-secret-1',
      from: 'kvittering@example.com',
    };
    expect((await api('/settings/smtp', { method: 'PUT', body: settings })).status).toBe(403);
    const saved = await api('/settings/smtp', { method: 'PUT', body: settings, headers: admin });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const read = await api('/settings/smtp', { headers: admin });
    expect(read.body).toMatchObject({ configured: true, host: '127.0.0.1', passwordSet: true });
    expect(JSON.stringify(read.body)).not.toContain('mail-secret-1');
    const audit = await api('/audit?action=settings.smtp', { headers: admin });
    expect(audit.body.items).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toContain('mail-secret-1');

    const bad = await api(`/sales/${sale.id}/email`, { method: 'POST', body: { to: 'not an address' } });
    expect(bad.status).toBe(400);
    expect(sink.received).toHaveLength(0);

    const sent = await api(`/sales/${sale.id}/email`, { method: 'POST', body: { to: 'kunde@example.com' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toEqual(['kunde@example.com']);
    expect(mail!.from).toBe('kvittering@example.com');
    expect(mail!.user).toBe('shop@example.com');
    expect(mail!.subject).toContain(`Kvittering ${sale.code}`);
    expect(mail!.text).toContain('Tak fordi du handlede hos os');
    expect(mail!.text).toContain(sale.code);
    expect(mail!.text).toContain((await eReceipt(sale.id)).url!);
    expect(mail!.html).toContain('<html lang="da-DK">');
    expect(mail!.html).toContain(sale.code);

    // The settings page's test mail goes the same way, in the store's language; only a manager sends it.
    const denied = await api('/settings/smtp/test', { method: 'POST', body: { to: 'chef@example.com' } });
    expect(denied.status).toBe(403);
    const test = await api('/settings/smtp/test', {
      method: 'POST',
      body: { to: 'chef@example.com' },
      headers: admin,
    });
    expect(test.status, JSON.stringify(test.body)).toBe(200);
    const [, testMail] = await sink.waitFor(2);
    expect(testMail!.to).toEqual(['chef@example.com']);
    expect(testMail!.subject).toContain('Testmail fra butikkens hub');

    // Keeping the password: a change without it still logs in.
    const moved = await api('/settings/smtp', {
      method: 'PUT',
      body: { ...settings, password: undefined, port: 1 },
      headers: admin,
    });
    expect(moved.body).toMatchObject({ port: 1, passwordSet: true });
    const down = await api(`/sales/${sale.id}/email`, { method: 'POST', body: { to: 'kunde@example.com' } });
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ error: { code: 'EMAIL_NOT_SENT' } });
    const testDown = await api('/settings/smtp/test', {
      method: 'POST',
      body: { to: 'chef@example.com' },
      headers: admin,
    });
    expect(testDown.status).toBe(503);
  });
});
