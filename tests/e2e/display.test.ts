import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../hub/config.js';
import { startHub, type RunningHub } from '../../hub/hub.js';
import { newId } from '../../hub/ids.js';
import { scaledDecimal } from '../../hub/services/receipts/index.js';

/**
 * The customer display in the demo store, end to end: a sale made over HTTP at the demo till reaches the
 * simulated DM-D110 pole display on its pty through the hub's events, the device bus and the real Epson
 * driver; the test reads what a customer would see on the glass.
 */
describe('the customer display follows the sale', () => {
  let hub: RunningHub;
  let dir: string;
  let base: string;
  let headers: Record<string, string>;

  async function api(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const response = await fetch(`${base}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.headers ?? headers) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  function glass(): string[] {
    return hub.simulators!.serial!.display.sim.lines;
  }

  async function waitForGlass(what: string, probe: (lines: string[]) => boolean): Promise<string[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const lines = glass();
      if (probe(lines)) return lines;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; showing ${JSON.stringify(lines)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-display-'));
    const config = loadConfig({
      HUB_DATA_DIR: dir,
      HUB_HTTP_PORT: '0',
      HUB_MQTT_PORT: '0',
      HUB_HTTP_HOST: '127.0.0.1',
      HUB_DEMO: '1',
      HUB_COUNTRY: 'DK',
    });
    hub = await startHub(config, () => undefined);
    expect(hub.simulators?.serial, 'the demo needs socat for its serial devices').toBeTruthy();
    base = `http://127.0.0.1:${hub.httpPort}`;
    const demo = hub.modules.demo!;
    const ticket = await api('/tills/pair', {
      method: 'POST',
      body: { name: 'Lane 1', code: demo.pairingCode },
      headers: {},
    });
    const status = await api('/tills/pair/status', {
      headers: { 'x-pairing-secret': String(ticket.body.pairingSecret) },
    });
    const token = String(status.body.token);
    const cashier = demo.staff.find((s) => s.role === 'cashier')!;
    const login = await api('/auth/pin', {
      method: 'POST',
      body: { staffId: cashier.id, pin: cashier.pin },
      headers: { 'x-till-token': token },
    });
    headers = { 'x-till-token': token, authorization: `Bearer ${String(login.body.token)}` };
    await api('/cash-sessions', { method: 'POST', body: { id: newId(), totalMinor: 50_000 } });
  }, 60_000);

  afterAll(async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the item and the total while selling, the change, then thanks', async () => {
    const settings = hub.modules.settings.service.get();
    expect(settings.locale).toBe('da-DK');
    const lookup = await api(`/products/lookup?code=5712345000014`);
    const product = lookup.body.product as { id: string; name: string };
    const saleId = newId();
    const created = await api('/sales', {
      method: 'POST',
      body: { id: saleId, lines: [{ id: newId(), productId: product.id, quantity: 2 }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sale = created.body as { version: number; totals: { totalMinor: number } };
    // The total as a Dane reads it, built from the integer minor units (12345 -> "123,45").
    const total = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2 }).format(
      scaledDecimal(sale.totals.totalMinor, 2),
    );
    const selling = await waitForGlass(
      'the item and the total',
      ([, second]) => second?.startsWith('I ALT') === true,
    );
    // The product name as the DM-D110's code page shows it: "Rugbrød" reads "Rugbrod".
    expect(selling[0]!.slice(0, 5).toLowerCase()).toBe(product.name.slice(0, 5).toLowerCase());
    expect(selling[1]).toMatch(new RegExp(`^I ALT +${total.replace('.', '\\.')} kr\\.$`));
    expect(selling[0]).toHaveLength(20);

    const tenders = (await api('/tenders')).body.items as { id: string; kind: string }[];
    const cash = tenders.find((t) => t.kind === 'cash')!;
    const due = ((await api(`/sales/${saleId}`)).body.totals as { dueMinor: number }).dueMinor;
    const tendered = (Math.floor(due / 10_000) + 1) * 10_000;
    const paid = await api(`/sales/${saleId}/payments`, {
      method: 'POST',
      body: { id: newId(), tenderId: cash.id, amountMinor: due, tenderedMinor: tendered },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBeLessThan(300);
    await waitForGlass('the change', ([, second]) => second?.startsWith('BYTTEPENGE') === true);

    const done = await api(`/sales/${saleId}/complete`, { method: 'POST', body: {} });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const thanks = await waitForGlass('the thank-you', ([first]) => first?.trim() === 'Tak for besoget!');
    expect(thanks[1]).toMatch(/^BYTTEPENGE +[\d.]+,\d\d kr\.$/);
  });
});
