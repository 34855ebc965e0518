import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../hub/hub.js';
import { newId } from '../../hub/ids.js';
import { scaledDecimal } from '../../hub/services/receipts/index.js';
import { startDemoHub, type DemoApi, type DemoHub } from '../support/demo-hub.js';

/**
 * The customer display in the demo store, end to end: a sale made over HTTP at the demo till reaches the
 * simulated DM-D110 pole display on its pty through the hub's events, the device bus and the real Epson
 * driver; the test reads what a customer would see on the glass.
 */
describe('the customer display follows the sale', () => {
  let demo: DemoHub;
  let hub: RunningHub;
  const api: DemoApi = (path, init) => demo.api(path, init);

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
    demo = await startDemoHub('hub-display-', { HUB_COUNTRY: 'DK' });
    hub = demo.hub;
    expect(hub.simulators?.serial, 'the demo needs socat for its serial devices').toBeTruthy();
  }, 60_000);

  afterAll(async () => {
    await demo.close();
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
