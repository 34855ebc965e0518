import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../hub/hub.js';
import { newId } from '../../hub/ids.js';
import { startDemoHub, type DemoHub } from '../support/demo-hub.js';

interface PaymentAnswer {
  payment: { id: string; status: string; reason: string | null };
  sale: { totals: { dueMinor: number; pendingMinor: number } };
}

/**
 * The cashier's Cancel while the shopper has not presented a card: the hub aborts the payment on the
 * demo's nexo terminal (Abort), the terminal answers the waiting payment with a cancellation, nothing is
 * charged and the sale is due in full again.
 */
describe('cancelling a card payment the terminal is waiting on', () => {
  let demo: DemoHub;
  let hub: RunningHub;

  beforeAll(async () => {
    demo = await startDemoHub('hub-card-cancel-');
    hub = demo.hub;
  }, 60_000);
  afterAll(async () => {
    await demo.close();
  });

  it('aborts on the terminal through POST /payments/{id}/cancel and charges nothing', async () => {
    const lookup = await demo.api('/products/lookup?code=5712345000014');
    const productId = (lookup.body.product as { id: string }).id;
    const saleId = newId();
    const created = await demo.api('/sales', {
      method: 'POST',
      body: { id: saleId, lines: [{ id: newId(), productId }] },
    });
    const total = (created.body.totals as { dueMinor: number }).dueMinor;
    const tenders = (await demo.api('/tenders?limit=100')).body.items as { id: string; kind: string }[];
    const card = tenders.find((t) => t.kind === 'card');
    expect(card).toBeDefined();

    const nexo = hub.simulators!.nexo;
    nexo.scriptNext('wait');
    const paymentId = newId();
    const paying = demo.api(`/sales/${saleId}/payments`, {
      method: 'POST',
      body: { id: paymentId, tenderId: card!.id, amountMinor: total },
    });
    // The terminal holds the transaction: the sale shows the amount as pending, not paid.
    await expect
      .poll(
        async () =>
          ((await demo.api(`/sales/${saleId}`)).body.totals as { pendingMinor: number }).pendingMinor,
      )
      .toBe(total);
    await expect.poll(() => nexo.transactions.size).toBeGreaterThan(0);

    const cancelled = await demo.api(`/payments/${paymentId}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    const answer = (await paying).body as unknown as PaymentAnswer;
    expect(answer.payment.status).toBe('cancelled');
    expect(nexo.charges).not.toContain(paymentId);

    const sale = await demo.api(`/sales/${saleId}`);
    expect(sale.body.totals).toMatchObject({ dueMinor: total, pendingMinor: 0, paidMinor: 0 });
    // Cancelling again changes nothing.
    const again = (await demo.api(`/payments/${paymentId}/cancel`, { method: 'POST' }))
      .body as unknown as PaymentAnswer;
    expect(again.payment.status).toBe('cancelled');
  }, 60_000);
});
