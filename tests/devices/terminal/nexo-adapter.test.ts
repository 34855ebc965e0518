import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NexoTerminalAdapter, type PaymentStage } from '../../../devices/terminal/nexo-adapter.js';
import { NexoTerminalSimulator } from '../../../devices/sim/terminal/nexo-terminal-sim.js';
import { newId } from '../../../hub/ids.js';
import { PaymentService } from '../../../hub/services/payments/payment-service.js';
import { setupSales, type SalesFixture } from '../../services/sales/sales-fixture.js';

const key = { passphrase: 'lane-1-terminal-passphrase', keyIdentifier: 'POSHUB', keyVersion: 1 };

describe('nexo terminal adapter against the terminal simulator (HTTPS, encrypted)', () => {
  let sim: NexoTerminalSimulator;
  const progress: { paymentId: string; stage: PaymentStage }[] = [];
  let adapter: NexoTerminalAdapter;

  beforeAll(async () => {
    sim = await NexoTerminalSimulator.start({ key, poiId: 'V400m-346000001', decisionMs: 10 });
    adapter = new NexoTerminalAdapter({
      host: '127.0.0.1',
      port: sim.port,
      ca: sim.ca,
      servername: 'localhost',
      key,
      saleId: 'hub-till-1',
      poiId: 'V400m-346000001',
      paymentTimeoutMs: 400,
      requestTimeoutMs: 2_000,
      onProgress: (paymentId, stage) => progress.push({ paymentId, stage }),
    });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    sim.setDefault('approve');
  });

  const pay = (amountMinor = 12_995, currency = 'DKK') =>
    adapter.startPayment({ paymentId: newId(), saleId: newId(), amountMinor, currency });

  it('approves with the card, a reference and the customer receipt, reporting progress', async () => {
    const paymentId = newId();
    const outcome = await adapter.startPayment({
      paymentId,
      saleId: newId(),
      amountMinor: 12_995,
      currency: 'DKK',
    });
    expect(outcome).toMatchObject({ status: 'approved', maskedPan: '411111******1111' });
    if (outcome.status !== 'approved') return;
    expect(outcome.reference).toMatch(/^SIM\d{6}\..+\|20\d\d-/);
    expect(outcome.receiptText).toContain('129.95 DKK');
    expect(progress.filter((p) => p.paymentId === paymentId).map((p) => p.stage)).toEqual([
      'waiting_for_card',
      'approved',
    ]);
  });

  it('sends the exact amount for zero- and three-decimal currencies', async () => {
    expect(await pay(1500, 'TWD')).toMatchObject({ status: 'approved' });
    expect(await pay(1234, 'KWD')).toMatchObject({ status: 'approved' });
  });

  it('reports a decline and a removed card, neither charged', async () => {
    const before = sim.charges.length;
    sim.scriptNext('decline', 'card_removed');
    expect(await pay()).toMatchObject({ status: 'declined', reason: 'Refusal: Not enough balance' });
    expect(await pay()).toMatchObject({ status: 'cancelled', reason: 'Aborted: Card removed' });
    expect(sim.charges.length).toBe(before);
  });

  it('settles a timed-out payment that was charged by TransactionStatus, without charging again', async () => {
    const paymentId = newId();
    sim.scriptNext('timeout_charged');
    const outcome = await adapter.startPayment({
      paymentId,
      saleId: newId(),
      amountMinor: 5000,
      currency: 'EUR',
    });
    expect(outcome).toMatchObject({ status: 'unknown' });
    const status = await adapter.transactionStatus(paymentId);
    expect(status).toMatchObject({ status: 'approved' });
    expect(sim.charges.filter((id) => id === paymentId)).toHaveLength(1);
  });

  it('learns that a timed-out payment never reached the card', async () => {
    const paymentId = newId();
    sim.scriptNext('timeout_not_charged');
    expect(
      await adapter.startPayment({ paymentId, saleId: newId(), amountMinor: 5000, currency: 'EUR' }),
    ).toMatchObject({
      status: 'unknown',
    });
    expect(await adapter.transactionStatus(paymentId)).toEqual({ status: 'not_found' });
    expect(sim.charges).not.toContain(paymentId);
  });

  it('treats a connection dropped mid-payment as unknown and finds the charge by status', async () => {
    const paymentId = newId();
    sim.scriptNext('disconnect_charged');
    expect(
      await adapter.startPayment({ paymentId, saleId: newId(), amountMinor: 777, currency: 'EUR' }),
    ).toMatchObject({
      status: 'unknown',
    });
    expect(await adapter.transactionStatus(paymentId)).toMatchObject({ status: 'approved' });
  });

  it('aborts a payment waiting for the shopper', async () => {
    const paymentId = newId();
    sim.scriptNext('wait');
    const pending = adapter.startPayment({ paymentId, saleId: newId(), amountMinor: 100, currency: 'EUR' });
    await new Promise((r) => setTimeout(r, 50));
    expect(await adapter.transactionStatus(paymentId)).toEqual({ status: 'in_progress' });
    await adapter.cancel(paymentId);
    expect(await pending).toMatchObject({ status: 'cancelled' });
    expect(sim.charges).not.toContain(paymentId);
  });

  it('refunds an approved payment once by Reversal', async () => {
    const approved = await pay(4200, 'EUR');
    if (approved.status !== 'approved') throw new Error('expected approval');
    const refund = {
      paymentId: newId(),
      originalReference: approved.reference,
      amountMinor: 4200,
      currency: 'EUR',
    };
    expect(await adapter.refund(refund)).toMatchObject({ status: 'approved' });
    expect(await adapter.refund({ ...refund, paymentId: newId() })).toMatchObject({ status: 'declined' });
  });

  it('verifies the terminal certificate: an unknown CA is never talked to', async () => {
    const stranger = new NexoTerminalAdapter({
      host: '127.0.0.1',
      port: sim.port,
      ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      key,
      saleId: 'x',
      poiId: 'y',
    });
    const before = sim.charges.length;
    const outcome = await stranger.startPayment({
      paymentId: newId(),
      saleId: newId(),
      amountMinor: 100,
      currency: 'EUR',
    });
    expect(outcome.status).not.toBe('approved');
    expect(sim.charges.length).toBe(before);
  });
});

describe('a card sale through the payment service on the nexo terminal', () => {
  let f: SalesFixture;
  let sim: NexoTerminalSimulator;
  afterEach(async () => {
    f.close();
    await sim.close();
  });

  it('never marks an unpaid sale paid and never charges twice when the answer is lost', async () => {
    f = setupSales('DK');
    f.openSession();
    sim = await NexoTerminalSimulator.start({ key, poiId: 'P400Plus-1', decisionMs: 10 });
    const terminal = new NexoTerminalAdapter({
      host: '127.0.0.1',
      port: sim.port,
      ca: sim.ca,
      servername: 'localhost',
      key,
      saleId: 'till-1',
      poiId: 'P400Plus-1',
      paymentTimeoutMs: 300,
    });
    const payments = new PaymentService(f.ctx, { settings: f.settings, terminal });
    const item = f.product({ sku: 'COFFEE', priceMinor: 4995 });
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(item)] });

    sim.scriptNext('timeout_charged');
    const paymentId = newId();
    const first = await payments.add(f.cashier, sale.id, {
      id: paymentId,
      tenderId: f.tender.card,
      amountMinor: 4995,
    });
    expect(first.payment.status).toBe('unknown');
    expect(() => f.mod.sales.completion.complete(f.cashier, sale.id)).toThrow();

    // The till retries the same request: it is a replay, not a second charge.
    const replay = await payments.add(f.cashier, sale.id, {
      id: paymentId,
      tenderId: f.tender.card,
      amountMinor: 4995,
    });
    expect(replay.payment.status).toBe('unknown');
    expect(sim.charges).toEqual([paymentId]);

    expect(await payments.resolvePendingPayments()).toMatchObject({ checked: 1, resolved: 1 });
    const done = f.mod.sales.completion.complete(f.cashier, sale.id);
    expect(done.status).toBe('completed');
    expect(sim.charges).toEqual([paymentId]);
  });
});
