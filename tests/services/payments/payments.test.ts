import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../hub/errors.js';
import { newId } from '../../../hub/ids.js';
import { setupSales, type SalesFixture } from '../sales/sales-fixture.js';

async function codeOf(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'ok';
}

describe('payments', () => {
  let f: SalesFixture;
  afterEach(() => {
    f.close();
  });

  async function openSale(priceMinor = 10000) {
    const item = f.product({ sku: `ITEM-${newId()}`, priceMinor });
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(item)] });
    return sale;
  }

  it('records a declined card and takes the money another way', async () => {
    f = setupSales('DK');
    f.openSession();
    const sale = await openSale();
    f.terminal.scriptNext('decline');
    const declined = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.card,
      amountMinor: 10000,
    });
    expect(declined.payment).toMatchObject({ status: 'declined', reason: 'insufficient funds' });
    expect(declined.sale.totals.dueMinor).toBe(10000);
    const mobile = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.mobile,
      amountMinor: 10000,
      reference: 'MP-123',
    });
    expect(mobile.payment).toMatchObject({ status: 'approved', reference: 'MP-123' });
    expect(f.mod.sales.completion.complete(f.cashier, sale.id).status).toBe('completed');
  });

  it('commits the pending row before the terminal is called and never calls it again on a replay', async () => {
    f = setupSales('DK');
    const sale = await openSale();
    let seenStatus: string | undefined;
    const original = f.terminal.startPayment.bind(f.terminal);
    f.terminal.startPayment = (request) => {
      seenStatus = (
        f.ctx.db.prepare('SELECT status FROM payments WHERE id = ?').get(request.paymentId) as {
          status: string;
        }
      ).status;
      return original(request);
    };
    const request = { id: newId(), tenderId: f.tender.card, amountMinor: 4000 };
    const first = await f.mod.payments.add(f.cashier, sale.id, request);
    expect(seenStatus).toBe('pending');
    expect(first).toMatchObject({ created: true, payment: { status: 'approved' } });
    const replay = await f.mod.payments.add(f.cashier, sale.id, request);
    expect(replay).toMatchObject({ created: false, payment: { id: request.id, status: 'approved' } });
    expect(f.terminal.calls.filter((c) => c.kind === 'payment')).toHaveLength(1);
    expect(await codeOf(f.mod.payments.add(f.cashier, sale.id, { ...request, amountMinor: 4001 }))).toBe(
      '409 IDEMPOTENCY_CONFLICT',
    );
  });

  it('resolves an unknown outcome that did charge: it counts, and nobody can be charged twice meanwhile', async () => {
    f = setupSales('DK');
    f.openSession();
    const sale = await openSale();
    f.terminal.scriptNext('timeout_then_approved');
    const lost = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.card,
      amountMinor: 10000,
    });
    expect(lost.payment).toMatchObject({ status: 'unknown', resolvedAt: null });
    expect(lost.sale.totals).toMatchObject({ pendingMinor: 10000, dueMinor: 0 });
    expect(
      await codeOf(
        f.mod.payments.add(f.cashier, sale.id, { id: newId(), tenderId: f.tender.card, amountMinor: 10000 }),
      ),
    ).toBe('422 PAYMENT_OUTCOME_PENDING');
    expect(await codeOf(() => f.mod.sales.completion.complete(f.cashier, sale.id))).toBe(
      '422 PAYMENT_UNRESOLVED',
    );
    const resolved = await f.mod.payments.resolve(lost.payment.id);
    expect(resolved.payment).toMatchObject({ status: 'approved' });
    expect(resolved.payment.resolvedAt).not.toBeNull();
    expect(f.mod.sales.completion.complete(f.cashier, sale.id).totals.paidMinor).toBe(10000);
    expect(f.terminal.charged()).toHaveLength(1);
  });

  it('resolves an unknown outcome that never charged: cancelled, and the customer can pay again', async () => {
    f = setupSales('DK');
    f.openSession();
    const sale = await openSale();
    f.terminal.scriptNext('timeout_never_charged');
    const lost = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.card,
      amountMinor: 10000,
    });
    expect(lost.payment.status).toBe('unknown');
    const resolved = await f.mod.payments.resolve(lost.payment.id);
    expect(resolved.payment).toMatchObject({ status: 'cancelled' });
    expect(resolved.sale.totals.dueMinor).toBe(10000);
    const again = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.card,
      amountMinor: 10000,
    });
    expect(again.payment.status).toBe('approved');
    expect(f.mod.sales.completion.complete(f.cashier, sale.id).status).toBe('completed');
    expect(f.terminal.charged().map((c) => c.amountMinor)).toEqual([10000]);
  });

  it('resolvePendingPayments asks about every unresolved payment and leaves the running ones', async () => {
    f = setupSales('DK');
    const a = await openSale();
    const b = await openSale();
    f.terminal.scriptNext('timeout_in_progress', 'timeout_then_approved');
    const first = await f.mod.payments.add(f.cashier, a.id, {
      id: newId(),
      tenderId: f.tender.card,
      amountMinor: 10000,
    });
    const second = await f.mod.payments.add(f.cashier, b.id, {
      id: newId(),
      tenderId: f.tender.card,
      amountMinor: 10000,
    });
    expect(await f.mod.payments.resolvePendingPayments()).toEqual({ checked: 2, resolved: 1, unresolved: 1 });
    expect((await f.mod.payments.resolve(second.payment.id)).payment.status).toBe('approved');
    f.terminal.settle(first.payment.id, { status: 'declined', reason: 'card expired' });
    expect(await f.mod.payments.resolvePendingPayments()).toEqual({ checked: 1, resolved: 1, unresolved: 0 });
    expect((await f.mod.payments.resolve(first.payment.id)).payment).toMatchObject({
      status: 'declined',
      reason: 'card expired',
    });
  });

  it('treats a terminal that throws as an unknown outcome, never as approved', async () => {
    f = setupSales('DK');
    const sale = await openSale();
    f.terminal.startPayment = () => Promise.reject(new Error('socket hang up'));
    const result = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.card,
      amountMinor: 10000,
    });
    expect(result.payment).toMatchObject({ status: 'unknown', reason: 'socket hang up' });
  });

  it('never takes more than is due except cash, whose extra is change', async () => {
    f = setupSales('DK');
    const sale = await openSale(10000);
    expect(
      await codeOf(
        f.mod.payments.add(f.cashier, sale.id, { id: newId(), tenderId: f.tender.card, amountMinor: 10001 }),
      ),
    ).toBe('422 PAYMENT_EXCEEDS_DUE');
    expect(
      await codeOf(
        f.mod.payments.add(f.cashier, sale.id, { id: newId(), tenderId: 'nope', amountMinor: 100 }),
      ),
    ).toBe('422 TENDER_UNAVAILABLE');
    const cash = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.cash,
      amountMinor: 20000,
    });
    expect(cash.payment).toMatchObject({ amountMinor: 10000, changeMinor: 10000 });
    expect(
      await codeOf(
        f.mod.payments.add(f.cashier, sale.id, { id: newId(), tenderId: f.tender.cash, amountMinor: 100 }),
      ),
    ).toBe('422 NOTHING_DUE');
  });

  it('hands an approved cash payment back before completion and undoes its rounding', async () => {
    f = setupSales('DK');
    const sale = await openSale(1999);
    const cash = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.cash,
      amountMinor: 2000,
    });
    expect(cash.sale.totals).toMatchObject({ roundingMinor: 1, toPayMinor: 2000 });
    const back = await f.mod.payments.cancel(f.cashier, cash.payment.id);
    expect(back.payment.status).toBe('cancelled');
    expect(back.sale.totals).toMatchObject({ roundingMinor: 0, paidMinor: 0, dueMinor: 1999 });
    const card = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.card,
      amountMinor: 1999,
    });
    expect(await codeOf(f.mod.payments.cancel(f.cashier, card.payment.id))).toBe('422 CARD_PAYMENT_APPROVED');
  });
});
