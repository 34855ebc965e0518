import { afterEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../hub/db/journal.js';
import { AppError } from '../../../hub/errors.js';
import { newId } from '../../../hub/ids.js';
import type { SaleActor } from '../../../hub/services/sales/types.js';
import { setupSales, type SalesFixture } from './sales-fixture.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'ok';
}

const count = (f: SalesFixture, sql: string): number => (f.ctx.db.prepare(sql).get() as { n: number }).n;

describe('sale completion', () => {
  let f: SalesFixture;
  afterEach(() => {
    f.close();
  });

  async function danishBasket(actor: SaleActor = f.cashier) {
    const milk = f.product({ sku: `MILK-${newId()}`, priceMinor: 1295 });
    const bread = f.product({ sku: `BREAD-${newId()}`, priceMinor: 2450 });
    const cheese = f.product({ sku: `CHEESE-${newId()}`, priceMinor: 8995, unit: 'kg', weighed: true });
    const { sale } = await f.mod.sales.cart.create(actor, {
      id: newId(),
      lines: [f.line(milk, { quantity: 2 }), f.line(bread), f.line(cheese, { quantity: 347 })],
    });
    return { sale, milk, bread, cheese };
  }

  it('completes a Danish cash sale in one transaction: rounding, change, receipt, stock, cash, journal, outbox', async () => {
    f = setupSales('DK');
    f.openSession();
    const { sale, milk, cheese } = await danishBasket();
    const paid = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.cash,
      amountMinor: 10000,
    });
    // 81.61 settles in cash as 81.50 (50-øre rounding); 100.00 handed over gives 18.50 back.
    expect(paid.payment).toMatchObject({
      status: 'approved',
      amountMinor: 8150,
      roundingMinor: -11,
      tenderedMinor: 10000,
      changeMinor: 1850,
    });
    expect(paid.sale.totals).toMatchObject({
      totalMinor: 8161,
      roundingMinor: -11,
      toPayMinor: 8150,
      paidMinor: 8150,
      dueMinor: 0,
    });

    f.ctx.events.length = 0;
    const done = f.mod.sales.completion.complete(f.cashier, sale.id);
    expect(done).toMatchObject({
      status: 'completed',
      receipt: { number: 1, code: `${f.people.till.number}-1` },
    });
    expect(done.receipt?.barcode).toBe(`R${String(f.people.till.number).padStart(3, '0')}00000001`);
    expect(done.cashSessionId).not.toBeNull();
    const stock = f.ctx.db
      .prepare('SELECT product_id, quantity, reason FROM stock_movements WHERE ref_id = ? ORDER BY id')
      .all(sale.id);
    expect(stock).toEqual(
      expect.arrayContaining([
        { product_id: milk, quantity: -2, reason: 'sale' },
        { product_id: cheese, quantity: -347, reason: 'sale' },
      ]),
    );
    expect(
      f.ctx.db.prepare('SELECT kind, amount_minor FROM cash_movements WHERE sale_id = ?').all(sale.id),
    ).toEqual([{ kind: 'sale', amount_minor: 8150 }]);
    const journal = f.ctx.db
      .prepare("SELECT payload FROM journal WHERE type = 'sale.completed' AND entity_id = ?")
      .get(sale.id) as { payload: string };
    const payload = JSON.parse(journal.payload) as {
      lines: unknown[];
      totals: { roundingMinor: number };
      receipt: { number: number };
    };
    expect(payload.lines).toHaveLength(3);
    expect(payload.totals.roundingMinor).toBe(-11);
    expect(payload.receipt.number).toBe(1);
    expect(verifyJournal(f.ctx.db)).toMatchObject({ ok: true });
    expect(
      count(f, `SELECT count(*) AS n FROM outbox WHERE entity = 'sale' AND entity_id = '${sale.id}'`),
    ).toBeGreaterThan(0);
    expect(f.ctx.events.map((e) => e.name)).toEqual(
      expect.arrayContaining(['sale.completed', 'stock.changed']),
    );

    // Completing again returns the same sale and writes nothing.
    const journalRows = count(f, 'SELECT count(*) AS n FROM journal');
    expect(f.mod.sales.completion.complete(f.cashier, sale.id)).toEqual(done);
    expect(count(f, 'SELECT count(*) AS n FROM journal')).toBe(journalRows);
    expect(f.mod.sales.lifecycle.getByReceipt(done.receipt!.barcode).id).toBe(sale.id);
  });

  it('refuses to complete without an open cash session, unpaid, or empty, and publishes nothing then', async () => {
    f = setupSales('DK');
    const { sale } = await danishBasket();
    expect(codeOf(() => f.mod.sales.completion.complete(f.cashier, sale.id))).toBe('422 SALE_NOT_PAID');
    await f.mod.payments.add(f.cashier, sale.id, { id: newId(), tenderId: f.tender.cash, amountMinor: 8150 });
    f.ctx.events.length = 0;
    expect(codeOf(() => f.mod.sales.completion.complete(f.cashier, sale.id))).toBe(
      '422 CASH_SESSION_REQUIRED',
    );
    expect(f.ctx.events).toEqual([]);
    expect(count(f, 'SELECT count(*) AS n FROM stock_movements')).toBe(0);
    f.openSession();
    expect(f.mod.sales.completion.complete(f.cashier, sale.id).receipt?.number).toBe(1);
    const empty = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [] });
    expect(codeOf(() => f.mod.sales.completion.complete(f.cashier, empty.sale.id))).toBe('422 SALE_EMPTY');
  });

  it('splits cash and card in Finland with 5-cent rounding on the cash part only', async () => {
    f = setupSales('FI');
    f.openSession();
    const coffee = f.product({ sku: 'COFFEE', priceMinor: 549, tax: 'food' });
    const book = f.product({ sku: 'BOOK', priceMinor: 1990, tax: 'reduced' });
    const batteries = f.product({ sku: 'BATT', priceMinor: 799 });
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(coffee), f.line(book), f.line(batteries, { quantity: 2 })],
    });
    const card = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.card,
      amountMinor: 2000,
    });
    expect(card.payment).toMatchObject({ status: 'approved', roundingMinor: 0 });
    expect(card.payment.terminalRef).toMatch(/^SIM-/);
    // 21.37 left: cash settles it as 21.35.
    const cash = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.cash,
      amountMinor: 2137,
      tenderedMinor: 5000,
    });
    expect(cash.payment).toMatchObject({ amountMinor: 2135, roundingMinor: -2, changeMinor: 2865 });
    const done = f.mod.sales.completion.complete(f.cashier, sale.id);
    expect(done.totals).toMatchObject({ totalMinor: 4137, roundingMinor: -2, paidMinor: 4135 });
    expect(
      f.ctx.db.prepare('SELECT amount_minor FROM cash_movements WHERE sale_id = ?').all(sale.id),
    ).toEqual([{ amount_minor: 2135 }]);
  });

  it('rounds Taiwanese cash to whole dollars', async () => {
    f = setupSales('TW');
    f.openSession();
    const tea = f.product({ sku: 'TEA', priceMinor: 3550 });
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(tea)] });
    const cash = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.cash,
      amountMinor: 5000,
    });
    expect(cash.payment).toMatchObject({ amountMinor: 3600, roundingMinor: 50, changeMinor: 1400 });
    expect(f.mod.sales.completion.complete(f.cashier, sale.id).totals.toPayMinor).toBe(3600);
  });

  it('numbers receipts gap-free per till under interleaved completions, failures burning no number', async () => {
    f = setupSales('DK');
    const till2 = f.addTill('Till 2');
    const second = f.actorAt(till2, f.people.supervisorId, '2222');
    f.openSession();
    f.openSession(second);
    const item = f.product({ sku: 'GUM', priceMinor: 1000 });
    const run = async (actor: SaleActor, fail: boolean) => {
      const { sale } = await f.mod.sales.cart.create(actor, { id: newId(), lines: [f.line(item)] });
      if (!fail)
        await f.mod.payments.add(actor, sale.id, { id: newId(), tenderId: f.tender.card, amountMinor: 1000 });
      await Promise.resolve();
      try {
        return f.mod.sales.completion.complete(actor, sale.id).receipt?.number ?? null;
      } catch {
        return null;
      }
    };
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => run(i % 2 === 0 ? f.cashier : second, i % 5 === 0)),
    );
    expect(results.filter((r) => r === null)).toHaveLength(5);
    for (const tillId of [f.people.till.tillId, till2.tillId]) {
      const numbers = (
        f.ctx.db
          .prepare(
            'SELECT receipt_number AS n FROM sales WHERE till_id = ? AND receipt_number IS NOT NULL ORDER BY 1',
          )
          .all(tillId) as { n: number }[]
      ).map((r) => r.n);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    expect(verifyJournal(f.ctx.db)).toMatchObject({ ok: true });
  });
});
