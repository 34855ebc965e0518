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
      saleDiscountReason: 'loyal customer',
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

  const returnAudit = (fx: SalesFixture, target: string) =>
    (
      fx.ctx.db
        .prepare('SELECT actor_id, till_id, action, details FROM audit_log WHERE target = ? ORDER BY id')
        .all(target) as { actor_id: string; till_id: string; action: string; details: string }[]
    ).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));

  it('audits every return, blind returns and refunds to another tender, with who approved', async () => {
    const { sale } = await completedSale();
    const line = sale.lines[0]!;
    // The supervisor holds return.refund: no override, still one audit row.
    const own = await f.mod.returns.create(supervisor(f), {
      id: newId(),
      originalSaleId: sale.id,
      lines: [{ originalLineId: line.id, quantity: 1, restock: true, reason: 'unwanted' }],
    });
    expect(returnAudit(f, own.sale.id)).toEqual([
      expect.objectContaining({
        actor_id: f.people.supervisorId,
        till_id: f.people.till.tillId,
        action: 'return.refund',
        details: expect.objectContaining({ approvedBy: null }) as unknown,
      }),
    ]);
    const approved = await f.mod.returns.create(f.cashier, {
      id: newId(),
      originalSaleId: sale.id,
      lines: [{ originalLineId: line.id, quantity: 1, restock: true, reason: 'unwanted' }],
      refunds: [{ tenderId: f.tender.cash, amountMinor: 2999 }],
      override: f.override,
    });
    expect(returnAudit(f, approved.sale.id).map((r) => [r.action, r.actor_id, r.details.approvedBy])).toEqual(
      [
        ['return.refund', f.people.cashierId, f.people.supervisorId],
        ['return.refund_other_tender', f.people.cashierId, f.people.supervisorId],
      ],
    );
    const blind = await f.mod.returns.create(supervisor(f), {
      id: newId(),
      lines: [{ productId: line.productId, quantity: 1, restock: false, reason: 'broken' }],
    });
    expect(returnAudit(f, blind.sale.id).map((r) => r.action)).toEqual(['return.refund', 'return.blind']);
    // A refused return (more than was sold) leaves no row behind.
    const refused = newId();
    expect(
      await codeOf(
        f.mod.returns.create(supervisor(f), {
          id: refused,
          originalSaleId: sale.id,
          lines: [{ originalLineId: line.id, quantity: 2, restock: true, reason: 'unwanted' }],
        }),
      ),
    ).toBe('422 RETURN_EXCEEDS_SOLD');
    expect(returnAudit(f, refused)).toEqual([]);
  });

  it('refunds to store credit: the credit is issued when the return completes, its code on the refund', async () => {
    const { sale } = await completedSale();
    const line = sale.lines[0]!;
    const { sale: ret } = await f.mod.returns.create(supervisor(f), {
      id: newId(),
      originalSaleId: sale.id,
      lines: [{ originalLineId: line.id, quantity: 2, restock: true, reason: 'wrong size' }],
      refunds: [{ tenderId: f.tender.store_credit, amountMinor: 5999 }],
    });
    expect(ret.status).toBe('completed');
    const refund = ret.payments[0]!;
    expect(refund).toMatchObject({ tenderKind: 'store_credit', amountMinor: 5999 });
    expect(refund.reference).toMatch(/^SC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const code = refund.reference!;
    // Printed on the receipt: the journal entry of the return names the code.
    const journal = f.ctx.db
      .prepare("SELECT payload FROM journal WHERE type = 'return.completed' AND entity_id = ?")
      .get(ret.id) as { payload: string };
    expect(journal.payload).toContain(code);
    expect(f.mod.storeCredit.get(code)).toMatchObject({
      balanceMinor: 5999,
      currency: 'DKK',
      issuedSaleId: ret.id,
    });
    // Typed in lower case without dashes, it is the same credit.
    expect(f.mod.storeCredit.get(code.toLowerCase().replace(/-/g, '')).code).toBe(code);

    // Spend part of it on a new sale; a second payment cannot take more than is left.
    const mug = line.productId;
    const next = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(mug, { quantity: 3 })],
    });
    const paid = await f.mod.payments.add(f.cashier, next.sale.id, {
      id: newId(),
      tenderId: f.tender.store_credit,
      amountMinor: 5000,
      reference: code.toLowerCase(),
    });
    expect(paid.payment).toMatchObject({ status: 'approved', reference: code });
    expect(f.mod.storeCredit.get(code).balanceMinor).toBe(999);
    const over = f.mod.payments.add(f.cashier, next.sale.id, {
      id: newId(),
      tenderId: f.tender.store_credit,
      amountMinor: 1000,
      reference: code,
    });
    await expect(over).rejects.toMatchObject({
      status: 422,
      code: 'INSUFFICIENT_BALANCE',
      details: { balanceMinor: 999 },
    });
    expect(
      await codeOf(
        f.mod.payments.add(f.cashier, next.sale.id, {
          id: newId(),
          tenderId: f.tender.store_credit,
          amountMinor: 100,
          reference: 'SC-0000-0000-0000',
        }),
      ),
    ).toBe('422 UNKNOWN_CREDIT');
    // Cancelled before completion, the payment gives its credit back.
    await f.mod.payments.cancel(f.cashier, paid.payment.id);
    expect(f.mod.storeCredit.get(code)).toMatchObject({
      balanceMinor: 5999,
      entries: [
        { kind: 'issue', amountMinor: 5999 },
        { kind: 'redeem', amountMinor: -5000 },
        { kind: 'reversal', amountMinor: 5000 },
      ],
    });
    expect(
      f.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.cancel'").get(),
    ).toEqual({ n: 1 });
  });
});
