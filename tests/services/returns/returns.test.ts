import { afterEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../hub/db/journal.js';
import { AppError } from '../../../hub/errors.js';
import { newId } from '../../../hub/ids.js';
import type { SaleView } from '../../../hub/services/sales/types.js';
import { setupSales, type SalesFixture } from '../sales/sales-fixture.js';

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'ok';
}

describe('returns', () => {
  let f: SalesFixture;
  afterEach(() => {
    f.close();
  });

  /** 3 mugs at 33.33 with a 10 % sale discount (total 89.99), paid by card 50.00 and cash for the rest. */
  async function completedSale(): Promise<{ sale: SaleView; mug: string }> {
    f = setupSales('DK');
    f.openSession();
    const mug = f.product({ sku: 'MUG', priceMinor: 3333 });
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(mug, { quantity: 3 })],
      saleDiscount: { kind: 'percent', bp: 1000 },
    });
    await f.mod.payments.add(f.cashier, sale.id, { id: newId(), tenderId: f.tender.card, amountMinor: 5000 });
    await f.mod.payments.add(f.cashier, sale.id, { id: newId(), tenderId: f.tender.cash, amountMinor: 5000 });
    return { sale: f.mod.sales.completion.complete(f.cashier, sale.id), mug };
  }

  const supervisor = (fx: SalesFixture) => fx.actorAt(fx.people.till, fx.people.supervisorId, '2222');

  it('returns part of a line at the prorated paid price, card first, and all parts sum to the line', async () => {
    const { sale, mug } = await completedSale();
    expect(sale.totals).toMatchObject({ totalMinor: 8999, roundingMinor: 1, toPayMinor: 9000 });
    const actor = supervisor(f);
    const line = sale.lines[0]!;
    const refunds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { sale: ret } = await f.mod.returns.create(actor, {
        id: newId(),
        originalReceiptCode: sale.receipt!.code,
        lines: [{ originalLineId: line.id, quantity: 1, restock: true, reason: 'unwanted' }],
      });
      expect(ret).toMatchObject({ kind: 'return', status: 'completed', originalSaleId: sale.id });
      refunds.push(ret.totals.totalMinor);
    }
    // 89.99 over three units: 30.00 + 30.00 + 29.99, exactly the line.
    expect(refunds.reduce((a, b) => a + b, 0)).toBe(line.totalMinor);
    const payouts = f.ctx.db
      .prepare(
        "SELECT tender_kind, amount_minor FROM payments WHERE direction = 'refund' ORDER BY created_at, rowid",
      )
      .all();
    // The card (50.00) is refunded first; cash takes only what the card cannot.
    expect(payouts).toEqual([
      { tender_kind: 'card', amount_minor: 3000 },
      { tender_kind: 'card', amount_minor: 2000 },
      { tender_kind: 'cash', amount_minor: 1000 },
      { tender_kind: 'cash', amount_minor: 3000 },
    ]);
    expect(f.terminal.calls.filter((c) => c.kind === 'refund')).toHaveLength(2);
    expect(
      f.ctx.db.prepare('SELECT sum(quantity) AS n FROM stock_movements WHERE product_id = ?').get(mug),
    ).toEqual({ n: 0 });
    const cash = f.ctx.db
      .prepare("SELECT sum(amount_minor) AS n FROM cash_movements WHERE kind = 'refund'")
      .get();
    expect(cash).toEqual({ n: -4000 });
    expect(verifyJournal(f.ctx.db)).toMatchObject({ ok: true });
    expect(
      f.ctx.db.prepare("SELECT count(*) AS n FROM journal WHERE type = 'return.completed'").get(),
    ).toEqual({ n: 3 });
  });

  it('refuses to return more than was sold, counting earlier returns, also when two race', async () => {
    const { sale } = await completedSale();
    const actor = supervisor(f);
    const line = sale.lines[0]!;
    const ask = (quantity: number) =>
      f.mod.returns.create(actor, {
        id: newId(),
        originalSaleId: sale.id,
        lines: [{ originalLineId: line.id, quantity, restock: true, reason: 'unwanted' }],
      });
    expect(await codeOf(ask(4))).toBe('422 RETURN_EXCEEDS_SOLD');
    const results = await Promise.allSettled([ask(2), ask(2)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'RETURN_EXCEEDS_SOLD' });
    expect(await codeOf(ask(1))).toBe('ok');
    expect(await codeOf(ask(1))).toBe('422 RETURN_EXCEEDS_SOLD');
  });

  it('needs return.refund, and return.refund_other_tender to refund somewhere else', async () => {
    const { sale } = await completedSale();
    const line = sale.lines[0]!;
    const request = {
      id: newId(),
      originalReceiptCode: sale.receipt!.barcode,
      lines: [{ originalLineId: line.id, quantity: 1, restock: true, reason: 'unwanted' }],
    };
    expect(await codeOf(f.mod.returns.create(f.cashier, request))).toBe('403 PERMISSION_REQUIRED');
    const toCash = { ...request, refunds: [{ tenderId: f.tender.cash, amountMinor: 3000 }] };
    const done = await f.mod.returns.create(f.cashier, { ...toCash, override: f.override });
    expect(done.sale.payments.map((p) => [p.tenderKind, p.amountMinor])).toEqual([['cash', 3000]]);
    expect(done.sale.overrides.map((o) => o.permission).sort()).toEqual([
      'return.refund',
      'return.refund_other_tender',
    ]);
    // The same return again is a replay, not a second refund.
    const again = await f.mod.returns.create(f.cashier, { ...toCash, override: f.override });
    expect(again.created).toBe(false);
    expect(f.ctx.db.prepare("SELECT count(*) AS n FROM sales WHERE kind = 'return'").get()).toEqual({ n: 1 });
  });

  it('takes blind returns only with return.blind, at the current price, to cash', async () => {
    f = setupSales('DK');
    f.openSession();
    const mug = f.product({ sku: 'MUG', priceMinor: 3333 });
    const request = {
      id: newId(),
      lines: [{ productId: mug, quantity: 1, restock: false, reason: 'broken' }],
    };
    f.ctx.db
      .prepare(`UPDATE roles SET permissions = '["return.refund","cash.session"]' WHERE name = 'supervisor'`)
      .run();
    const limited = supervisor(f);
    expect(await codeOf(f.mod.returns.create(limited, request))).toBe('403 PERMISSION_REQUIRED');
    const manager = f.actorAt(f.people.till, f.people.managerId, '3333');
    const { sale } = await f.mod.returns.create(manager, request);
    expect(sale).toMatchObject({
      status: 'completed',
      originalSaleId: null,
      totals: { totalMinor: 3333, roundingMinor: 17 },
    });
    expect(sale.payments.map((p) => [p.tenderKind, p.amountMinor])).toEqual([['cash', 3350]]);
    // Not restocked: booked back in and written off, so the ledger shows the shrinkage.
    const moves = f.ctx.db
      .prepare('SELECT quantity, reason FROM stock_movements WHERE ref_id = ? ORDER BY id')
      .all(sale.id);
    expect(moves).toEqual([
      { quantity: 1, reason: 'return' },
      { quantity: -1, reason: 'writeoff' },
    ]);
  });

  it('keeps a return open while a card refund is declined, and completes it after an unknown refund resolves', async () => {
    const { sale } = await completedSale();
    const actor = supervisor(f);
    const line = sale.lines[0]!;
    f.terminal.scriptNext('decline');
    const declined = await f.mod.returns.create(actor, {
      id: newId(),
      originalSaleId: sale.id,
      lines: [{ originalLineId: line.id, quantity: 1, restock: true, reason: 'unwanted' }],
    });
    expect(declined.sale.status).toBe('open');
    expect(declined.sale.payments[0]).toMatchObject({ tenderKind: 'card', status: 'declined' });
    await f.mod.sales.lifecycle.void(actor, declined.sale.id, null, 'card refund declined');

    f.terminal.scriptNext('timeout_then_approved');
    const unknown = await f.mod.returns.create(actor, {
      id: newId(),
      originalSaleId: sale.id,
      lines: [{ originalLineId: line.id, quantity: 1, restock: true, reason: 'unwanted' }],
    });
    expect(unknown.sale.status).toBe('open');
    await f.mod.payments.resolve(unknown.sale.payments[0]!.id);
    expect(f.mod.returns.complete(actor, unknown.sale.id)).toMatchObject({
      status: 'completed',
      receipt: { number: 2 },
    });
  });
});
