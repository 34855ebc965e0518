import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { startHubProcess, type HubProcess } from '../support/hub-process.js';

/**
 * What a newcomer does after `npm start`: reads the pairing code, PINs and a barcode off the console,
 * pairs a till, logs in, opens the drawer session and sells, all against the real demo process.
 */
describe('the demo store started like npm start', () => {
  let hub: HubProcess;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-demo-'));
    hub = await startHubProcess({ HUB_DATA_DIR: dir });
  }, 90_000);
  afterAll(async () => {
    await hub.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  async function api(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const response = await fetch(`${hub.baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('prints what a newcomer needs and sells a scanned item for cash', async () => {
    const console = hub.output();
    const code = /pairing code: (\d{6})/.exec(console)?.[1];
    const cashierPin = /cashier\s+.+PIN (\d{4,8})/.exec(console)?.[1];
    const barcode = /Barcodes to try: (\d{13})/.exec(console)?.[1];
    expect(code, console).toBeDefined();
    expect(cashierPin).toBeDefined();
    expect(barcode).toBeDefined();
    expect(console).toMatch(/password: \S{12,}/);

    const ticket = await api('/tills/pair', { method: 'POST', body: { name: 'Front till', code } });
    expect(ticket.status).toBe(201);
    const status = await api('/tills/pair/status', {
      headers: { 'x-pairing-secret': String(ticket.body.pairingSecret) },
    });
    expect(status.body.status).toBe('active');
    const till = { 'x-till-token': String(status.body.token) };

    const staff = await api('/auth/staff', { headers: till });
    const cashier = (staff.body.items as { id: string; name: string }[]).find((s) =>
      s.name.includes('Cashier'),
    );
    expect(cashier).toBeDefined();
    const login = await api('/auth/pin', {
      method: 'POST',
      body: { staffId: cashier!.id, pin: cashierPin },
      headers: till,
    });
    expect(login.status).toBe(200);
    const headers = { ...till, authorization: `Bearer ${String(login.body.token)}` };

    const session = await api('/cash-sessions', {
      method: 'POST',
      body: { id: newId(), totalMinor: 100_000 },
      headers,
    });
    expect(session.status).toBe(201);

    const lookup = await api(`/products/lookup?code=${barcode!}`, { headers });
    expect(lookup.status).toBe(200);
    expect(lookup.body.status).toBe('found');
    const product = lookup.body.product as { id: string; priceMinor: number };
    expect(product.priceMinor).toBeGreaterThan(0);

    const saleId = newId();
    const sale = await api('/sales', {
      method: 'POST',
      body: { id: saleId, lines: [{ id: newId(), productId: product.id, quantity: 2 }] },
      headers,
    });
    expect(sale.status).toBe(201);
    const totals = sale.body.totals as { totalMinor: number; dueMinor: number };
    expect(totals.totalMinor).toBe(product.priceMinor * 2);

    const tenders = await api('/tenders', { headers });
    const cash = (tenders.body.items as { id: string; kind: string }[]).find((t) => t.kind === 'cash');
    expect(cash).toBeDefined();
    const tendered = Math.ceil(totals.totalMinor / 10_000) * 10_000 + 10_000;
    const paid = await api(`/sales/${saleId}/payments`, {
      method: 'POST',
      body: { id: newId(), tenderId: cash!.id, amountMinor: totals.dueMinor, tenderedMinor: tendered },
      headers,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBeLessThan(300);
    const done = await api(`/sales/${saleId}/complete`, { method: 'POST', body: {}, headers });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('completed');
    expect((done.body.receipt as { code: string }).code).toMatch(/^\d+-1$/);
  });
});
