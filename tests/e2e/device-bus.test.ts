import { connectAsync, type MqttClient } from 'mqtt';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TillEventPayload } from '../../hub/contract/mqtt.js';
import type { RunningHub } from '../../hub/hub.js';
import { newId } from '../../hub/ids.js';
import { startDemoHub, type DemoApi, type DemoHub } from '../support/demo-hub.js';

/**
 * The demo store's device bus end to end, in one real hub: simulated serial scanner and scale on ptys, the
 * TCP printer simulator, the nexo terminal simulator. A till paired over HTTP listens over MQTT-over-
 * WebSocket and sees what a cashier's screen would: scans, stable weights, a card payment, a receipt.
 */
describe('the demo hub with its simulated devices', () => {
  let demo: DemoHub;
  let hub: RunningHub;
  let dir: string;
  let tillId: string;
  let till: MqttClient | undefined;
  const events: TillEventPayload[] = [];
  const api: DemoApi = (path, init) => demo.api(path, init);

  async function waitFor<T>(
    what: string,
    probe: () => T | undefined | null | false,
    timeoutMs = 10_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  beforeAll(async () => {
    demo = await startDemoHub('hub-devices-');
    ({ hub, dir, tillId } = demo);
    const token = demo.token;
    expect(tillId, JSON.stringify(demo.pairStatus)).toMatch(/^[0-9a-f-]{36}$/);
    const client = await connectAsync(`ws://127.0.0.1:${hub.httpPort}/mqtt`, {
      clientId: `till:${tillId}`,
      username: `till:${tillId}`,
      password: token,
      reconnectPeriod: 0,
    });
    client.on('message', (_topic, payload) =>
      events.push(JSON.parse(payload.toString()) as TillEventPayload),
    );
    await client.subscribeAsync(`pos/store/tills/${tillId}/events`);
    till = client;
  }, 60_000);

  afterAll(async () => {
    await till?.endAsync();
    await demo.close();
  });

  it('delivers a serial scan to the till the scanner is assigned to', async () => {
    await hub.simulators!.serial!.scanner.sim.scan('5712345000014', ']E0');
    const scan = await waitFor('the scan at the till', () => events.find((e) => e.type === 'scan'));
    expect(scan).toMatchObject({ type: 'scan', data: '5712345000014', symbology: ']E0' });
  });

  it('gives the till only a stable weight from its scale', async () => {
    const scale = hub.simulators!.serial!.scale.sim;
    scale.setWeight(1_234, false);
    const moving = await api(`/tills/${tillId}/scale/weight`);
    expect(moving.status).toBe(422);
    expect(moving.body, JSON.stringify(moving.body)).toMatchObject({ error: { code: 'WEIGHT_UNSTABLE' } });
    scale.setWeight(1_234, true);
    const stable = await api(`/tills/${tillId}/scale/weight`);
    expect(stable.status).toBe(200);
    expect(stable.body.grams).toBe(1_234);
  });

  it('takes a card on the nexo terminal and prints the receipt at the printer', async () => {
    const lookup = await api(`/products/lookup?code=5712345000014`);
    const product = lookup.body.product as { id: string; name: string; priceMinor: number };
    const saleId = newId();
    const sale = await api('/sales', {
      method: 'POST',
      body: { id: saleId, lines: [{ id: newId(), productId: product.id, quantity: 1 }] },
    });
    const due = (sale.body.totals as { dueMinor: number }).dueMinor;
    const tenders = (await api('/tenders')).body.items as { id: string; kind: string }[];
    const card = tenders.find((t) => t.kind === 'card')!;
    const paid = await api(`/sales/${saleId}/payments`, {
      method: 'POST',
      body: { id: newId(), tenderId: card.id, amountMinor: due },
    });
    expect((paid.body.payment as { status: string }).status).toBe('approved');
    expect(hub.simulators!.nexo.charges).toHaveLength(1);
    // The demo's terminal is the till's registered terminal: its progress reaches the till over MQTT.
    await waitFor('the card progress at the till', () =>
      events.find((e) => e.type === 'payment' && e.saleId === saleId && e.stage === 'approved'),
    );
    expect(events.some((e) => e.type === 'payment' && e.stage === 'waiting_for_card')).toBe(true);
    const done = await api(`/sales/${saleId}/complete`, { method: 'POST', body: {} });
    expect(done.status).toBe(200);

    const printer = hub.simulators!.printer;
    const receipt = await waitFor('the receipt at the printer', () => printer.receipts.at(-1));
    const text = receipt.lines.map((l) => l.text).join('\n');
    expect(text).toContain((done.body.receipt as { code: string }).code);
    expect(text.toLowerCase()).toContain(product.name.slice(0, 12).toLowerCase());
    expect(receipt.barcodes).toContain((done.body.receipt as { barcode: string }).barcode);
    await waitFor('the receipt image', () =>
      readdirSync(join(dir, 'printer-sim')).some((f) => f.endsWith('.png')),
    );
    await waitFor('the print status at the till', () =>
      events.find((e) => e.type === 'print' && e.status === 'done'),
    );
  });

  it('opens the drawer only with drawer.open: the supervisor approves, the printer kicks pin 2', async () => {
    const printer = hub.simulators!.printer;
    const before = printer.kicks.length;
    const body = { id: newId(), reason: 'change for a customer' };
    const refused = await api(`/tills/${tillId}/drawer/open`, { method: 'POST', body });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'PERMISSION_REQUIRED' } });
    expect(printer.kicks.length).toBe(before);
    const supervisor = hub.modules.demo!.staff.find((s) => s.role === 'supervisor')!;
    const opened = await api(`/tills/${tillId}/drawer/open`, {
      method: 'POST',
      body: { ...body, override: { supervisorId: supervisor.id, pin: supervisor.pin } },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    await waitFor('the drawer kick', () => printer.kicks.length > before);
    expect(printer.kicks.at(-1)).toBe(2);
  });
});
