import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// First: the HTTP app loads @hono/zod-openapi, which must extend zod before any schema is built.
import { buildTestApp, loginAdmin, loginAtTill } from '../../support/test-app.js';
import { NexoTerminalSimulator } from '../../../devices/sim/terminal/nexo-terminal-sim.js';
import type { TillEventPayload } from '../../../hub/contract/mqtt.js';
import type { Principal } from '../../../hub/contract/principal.js';
import { newId } from '../../../hub/ids.js';
import type { DeviceService } from '../../../hub/services/devices/device-service.js';
import { NO_TERMINAL_REASON, TillTerminalRouter } from '../../../hub/services/payments/terminal-router.js';
import { createSalesModule, type SalesModule } from '../../../hub/services/sales/module.js';
import type { SaleActor } from '../../../hub/services/sales/types.js';
import { CASHIER_PIN, type FixtureTill } from '../../support/access-fixtures.js';
import {
  addTechnician,
  adminPrincipal,
  startDevices,
  STORE,
  TECH_LOGIN,
  TECH_PASSWORD,
  type DevicesFixture,
} from '../../support/device-fixtures.js';
import { setupSales, type SalesFixture } from '../sales/sales-fixture.js';

const keyA = { passphrase: 'lane-one-terminal-passphrase', keyIdentifier: 'LANE1', keyVersion: 1 };
const keyB = { passphrase: 'lane-two-terminal-passphrase', keyIdentifier: 'LANE2', keyVersion: 3 };

describe('per-till card terminals (router over the device registry, nexo simulators)', () => {
  let simA: NexoTerminalSimulator;
  let simB: NexoTerminalSimulator;
  let f: SalesFixture;
  let d: DevicesFixture;
  let devices: DeviceService;
  let tech: Principal;
  let router: TillTerminalRouter;
  let sales: SalesModule;
  let tillB: FixtureTill;
  let tillC: FixtureTill;
  let atA: SaleActor;
  let atB: SaleActor;
  let atC: SaleActor;
  let terminalA: string;
  let terminalB: string;

  beforeAll(async () => {
    simA = await NexoTerminalSimulator.start({ key: keyA, poiId: 'V400m-LANE0001', decisionMs: 10 });
    simB = await NexoTerminalSimulator.start({ key: keyB, poiId: 'V400m-LANE0002', decisionMs: 10 });
  });
  afterAll(async () => {
    await simA.close();
    await simB.close();
  });

  const newRouter = () =>
    new TillTerminalRouter(f.ctx, {
      saleId: 'store-hub-test',
      paymentTimeoutMs: 400,
      requestTimeoutMs: 2_000,
      notifyTill: (tillId, event) => {
        devices.notifyTill(tillId, event);
      },
    });
  const salesWith = (terminal: TillTerminalRouter) =>
    createSalesModule(f.ctx, { settings: f.settings, access: f.access, catalog: f.catalog, terminal });

  const registerTerminal = (
    name: string,
    sim: NexoTerminalSimulator,
    poiId: string,
    tillId: string,
    key: typeof keyA,
  ) => {
    const { device } = devices.register(tech, {
      kind: 'terminal',
      name,
      profileId: 'adyen-v400m',
      transport: { type: 'https', host: '127.0.0.1', port: sim.port, poiId },
      tillId,
      role: 'terminal',
    });
    devices.setTerminalCredentials(tech, device.id, { ...key, caPem: sim.ca, servername: 'localhost' });
    return device.id;
  };

  beforeEach(async () => {
    f = setupSales('DK');
    d = await startDevices(f.ctx, f.access);
    devices = d.module.service;
    addTechnician(f.ctx);
    tech = adminPrincipal(f.access, TECH_LOGIN, TECH_PASSWORD);
    tillB = f.addTill('Lane 2');
    tillC = f.addTill('Lane 3');
    atA = f.cashier;
    atB = f.actorAt(tillB, f.people.cashierId, CASHIER_PIN);
    atC = f.actorAt(tillC, f.people.cashierId, CASHIER_PIN);
    terminalA = registerTerminal('Lane 1 V400m', simA, 'V400m-LANE0001', atA.tillId, keyA);
    terminalB = registerTerminal('Lane 2 V400m', simB, 'V400m-LANE0002', atB.tillId, keyB);
    router = newRouter();
    router.start();
    sales = salesWith(router);
  });
  afterEach(async () => {
    router.stop();
    simA.setDefault('approve');
    simB.setDefault('approve');
    await d.module.stop();
    f.close();
  });

  async function openSale(actor: SaleActor, priceMinor = 10_000) {
    const item = f.product({ sku: `ITEM-${newId()}`, priceMinor });
    const { sale } = await sales.sales.cart.create(actor, { id: newId(), lines: [f.line(item)] });
    return sale;
  }
  const payCard = (actor: SaleActor, saleId: string, amountMinor = 10_000, id = newId()) =>
    sales.payments.add(actor, saleId, { id, tenderId: f.tender.card, amountMinor });
  const tillEvents = (tillId: string) =>
    d.bus.sent(`pos/${STORE}/tills/${tillId}/events`) as TillEventPayload[];

  it("sends each sale's card payment to its own till's terminal and shows progress at that till", async () => {
    const saleA = await openSale(atA);
    const saleB = await openSale(atB, 7_500);
    const [paidA, paidB] = await Promise.all([payCard(atA, saleA.id), payCard(atB, saleB.id, 7_500)]);
    expect(paidA.payment).toMatchObject({ status: 'approved' });
    expect(paidB.payment).toMatchObject({ status: 'approved' });
    expect(simA.charges).toContain(paidA.payment.id);
    expect(simA.charges).not.toContain(paidB.payment.id);
    expect(simB.charges).toContain(paidB.payment.id);
    expect(simB.charges).not.toContain(paidA.payment.id);

    const atTillA = tillEvents(atA.tillId).filter((e) => e.type === 'payment');
    expect(atTillA.map((e) => [e.paymentId, e.saleId, e.status, e.stage])).toEqual([
      [paidA.payment.id, saleA.id, 'pending', 'waiting_for_card'],
      [paidA.payment.id, saleA.id, 'approved', 'approved'],
    ]);
    expect(
      tillEvents(atB.tillId)
        .filter((e) => e.type === 'payment')
        .map((e) => e.stage),
    ).toEqual(['waiting_for_card', 'approved']);
  });

  it('declines a card at a till without a terminal, with the reason, and tells that till', async () => {
    const sale = await openSale(atC);
    const before = simA.charges.length + simB.charges.length;
    const paid = await payCard(atC, sale.id);
    expect(paid.payment).toMatchObject({ status: 'declined', reason: NO_TERMINAL_REASON });
    expect(simA.charges.length + simB.charges.length).toBe(before);
    expect(tillEvents(tillC.tillId)).toEqual([
      expect.objectContaining({ type: 'payment', status: 'declined', message: NO_TERMINAL_REASON }),
    ]);
  });

  it('settles a payment left unknown after a restart on the terminal it went to, charging once', async () => {
    const sale = await openSale(atB);
    simB.scriptNext('timeout_charged');
    const paid = await payCard(atB, sale.id);
    expect(paid.payment.status).toBe('unknown');
    // The till gets another terminal meanwhile; the payment is still asked where it went.
    router.stop();
    devices.update(tech, terminalA, { tillId: null });
    devices.update(tech, terminalB, { tillId: null });
    devices.update(tech, terminalA, { tillId: atB.tillId, role: 'terminal' });

    const restarted = newRouter();
    restarted.start();
    try {
      const afterRestart = salesWith(restarted);
      const resolved = await afterRestart.payments.resolve(paid.payment.id);
      expect(resolved.payment).toMatchObject({ status: 'approved' });
      expect(simB.charges.filter((id) => id === paid.payment.id)).toHaveLength(1);
      expect(await restarted.transactionStatus(newId())).toEqual({ status: 'not_found' });
    } finally {
      restarted.stop();
    }
  });

  it('asks the till terminal about a payment recorded before routing existed (restart, no route row)', async () => {
    const sale = await openSale(atA);
    const paid = await payCard(atA, sale.id);
    f.ctx.db.prepare('DELETE FROM terminal_payment_routes WHERE payment_id = ?').run(paid.payment.id);
    const fresh = newRouter();
    expect(await fresh.transactionStatus(paid.payment.id)).toMatchObject({ status: 'approved' });
  });

  it('never uses a revoked terminal, cached or not', async () => {
    const warm = await openSale(atB);
    expect((await payCard(atB, warm.id)).payment.status).toBe('approved');
    const waiting = await openSale(atB);
    simB.scriptNext('timeout_not_charged');
    const lost = await payCard(atB, waiting.id);
    expect(lost.payment.status).toBe('unknown');

    await devices.revoke(tech, terminalB);
    const charges = simB.charges.length;
    const sale = await openSale(atB);
    const paid = await payCard(atB, sale.id);
    expect(paid.payment).toMatchObject({ status: 'declined', reason: NO_TERMINAL_REASON });
    expect(simB.charges.length).toBe(charges);
    // The payment that went to the revoked terminal is not asked there: it stays unknown, with why.
    expect(await router.transactionStatus(lost.payment.id)).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining('revoked') as unknown,
    });
    expect(router.adapterFor(terminalB)).toBeNull();
    const stored = f.ctx.db
      .prepare('SELECT COUNT(*) AS n FROM terminal_credentials WHERE device_id = ?')
      .get(terminalB) as { n: number };
    expect(stored.n).toBe(0);
  });

  it('rebuilds the adapter when the terminal is moved to another address and key', async () => {
    const first = await openSale(atA);
    expect((await payCard(atA, first.id)).payment.status).toBe('approved');
    // Lane 1's terminal is swapped for the hardware behind simulator B (new address, new key).
    await devices.revoke(tech, terminalB);
    devices.update(tech, terminalA, {
      transport: { type: 'https', host: '127.0.0.1', port: simB.port, poiId: 'V400m-LANE0002' },
    });
    devices.setTerminalCredentials(tech, terminalA, { ...keyB, caPem: simB.ca, servername: 'localhost' });
    const second = await openSale(atA);
    const paid = await payCard(atA, second.id);
    expect(paid.payment.status).toBe('approved');
    expect(simB.charges).toContain(paid.payment.id);
    expect(simA.charges).not.toContain(paid.payment.id);
  });

  it('refunds a card on the terminal of the till the return is made at', async () => {
    f.openSession(atA);
    const sale = await openSale(atA, 4_200);
    const paid = await payCard(atA, sale.id, 4_200);
    expect(paid.payment.status).toBe('approved');
    const done = sales.sales.completion.complete(atA, sale.id);
    const supervisor = f.actorAt(f.people.till, f.people.supervisorId, '2222');
    const returned = await sales.returns.create(supervisor, {
      id: newId(),
      originalReceiptCode: done.receipt!.code,
      lines: [{ originalLineId: done.lines[0]!.id, quantity: 1, restock: true, reason: 'unwanted' }],
    });
    expect(returned.sale.status).toBe('completed');
    expect(simA.reversals).toHaveLength(1);
    expect(simB.reversals).toHaveLength(0);
  });

  it('keeps the credentials secret: not in any GET, the audit log or the outbox', async () => {
    const { access, ...http } = buildTestApp(f.ctx, d.module.api);
    const call = (...args: Parameters<typeof http.call>) => http.call(...args);
    const admin = loginAdmin(access, TECH_LOGIN, TECH_PASSWORD);
    const put = await call('PUT', `/devices/${terminalA}/terminal-credentials`, {
      headers: admin,
      body: { ...keyA, passphrase: 'a-brand-new-passphrase', caPem: simA.ca },
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      deviceId: terminalA,
      hasCredentials: true,
      keyIdentifier: 'LANE1',
      keyVersion: 1,
      servername: null,
    });
    const reads = await Promise.all(
      ['/devices', `/devices/${terminalA}`, `/devices/${terminalA}/terminal-credentials`].map(
        async (path) => {
          const response = await call('GET', path, { headers: admin });
          expect(response.status, path).toBe(200);
          return response.text();
        },
      ),
    );
    const secrets = [keyA.passphrase, keyB.passphrase, 'a-brand-new-passphrase', 'BEGIN CERTIFICATE'];
    const audit = JSON.stringify(f.ctx.db.prepare('SELECT * FROM audit_log').all());
    const outbox = JSON.stringify(f.ctx.db.prepare('SELECT * FROM outbox').all());
    for (const text of [...reads, audit, outbox]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    expect(JSON.parse(reads[2]!)).toMatchObject({ hasCredentials: true, keyIdentifier: 'LANE1' });
    expect(audit).toContain('device.terminal_credentials');
  });

  it('validates credentials at the edge and only for terminals, with devices.manage', async () => {
    const { access, ...http } = buildTestApp(f.ctx, d.module.api);
    const call = (...args: Parameters<typeof http.call>) => http.call(...args);
    const admin = loginAdmin(access, TECH_LOGIN, TECH_PASSWORD);
    const good = { ...keyA, caPem: simA.ca };
    const put = (id: string, body: unknown, headers: Record<string, string> = admin) =>
      call('PUT', `/devices/${id}/terminal-credentials`, { headers, body });
    expect((await put(terminalA, { ...good, passphrase: 'short' })).status).toBe(400);
    expect((await put(terminalA, { ...good, keyVersion: 1.5 })).status).toBe(400);
    expect((await put(terminalA, { ...good, caPem: 'not a certificate' })).status).toBe(400);
    const garbled = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect((await put(terminalA, { ...good, caPem: garbled })).status).toBe(400);
    expect((await put(terminalA, { ...good, extra: true })).status).toBe(400);
    expect((await put(newId(), good)).status).toBe(404);
    const { device: printer } = devices.register(tech, {
      kind: 'printer',
      name: 'Printer',
      profileId: 'epson-tm-t20iii',
      transport: { type: 'tcp', host: '10.0.0.9', port: 9100 },
    });
    expect((await put(printer.id, good)).status).toBe(422);
    const cashier = loginAtTill(access, f.people.till, f.people.cashierId, CASHIER_PIN);
    expect((await put(terminalA, good, cashier)).status).toBe(403);
    expect((await call('GET', `/devices/${terminalA}/terminal-credentials`)).status).toBe(401);
  });
});
