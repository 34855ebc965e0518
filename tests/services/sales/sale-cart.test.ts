import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../hub/errors.js';
import { newId } from '../../../hub/ids.js';
import { setupSales, type SalesFixture } from './sales-fixture.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'ok';
}

describe('sale cart', () => {
  let f: SalesFixture;
  afterEach(() => {
    f.close();
  });

  it('creates a sale once: a replay returns it, other content under the same id is 409', async () => {
    f = setupSales('DK');
    const milk = f.product({ sku: 'MILK', priceMinor: 1295 });
    const request = { id: newId(), lines: [f.line(milk, { quantity: 2 })] };
    const first = await f.mod.sales.cart.create(f.cashier, request);
    expect(first.created).toBe(true);
    expect(first.sale.totals.totalMinor).toBe(2590);
    const again = await f.mod.sales.cart.create(f.cashier, request);
    expect(again.created).toBe(false);
    expect(again.sale).toEqual(first.sale);
    const other = { ...request, lines: [{ ...request.lines[0]!, quantity: 3 }] };
    expect(await codeOf(f.mod.sales.cart.create(f.cashier, other))).toBe('409 IDEMPOTENCY_CONFLICT');
    expect(f.ctx.db.prepare('SELECT count(*) AS n FROM sale_lines').get()).toEqual({ n: 1 });
  });

  it('prices a Danish basket with a weighed cheese from the catalog, not from the till', async () => {
    f = setupSales('DK');
    const milk = f.product({ sku: 'MILK', priceMinor: 1295 });
    const bread = f.product({ sku: 'BREAD', priceMinor: 2450 });
    const cheese = f.product({ sku: 'CHEESE', priceMinor: 8995, unit: 'kg', weighed: true });
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(milk, { quantity: 2 }), f.line(bread), f.line(cheese, { quantity: 347 })],
    });
    expect(sale.lines.map((l) => l.grossMinor)).toEqual([2590, 2450, 3121]);
    expect(sale.totals).toMatchObject({
      subtotalMinor: 8161,
      taxMinor: 1632,
      totalMinor: 8161,
      dueMinor: 8161,
    });
    expect(sale.totals.taxes).toEqual([{ rateBp: 2500, baseMinor: 6529, taxMinor: 1632, grossMinor: 8161 }]);
    expect(sale.lines[2]).toMatchObject({ measured: true, quantity: 347, weightSource: 'scale' });
  });

  it('computes Finnish multi-rate, Taiwanese and US exclusive totals', async () => {
    f = setupSales('FI');
    const coffee = f.product({ sku: 'COFFEE', priceMinor: 549, tax: 'food' });
    const book = f.product({ sku: 'BOOK', priceMinor: 1990, tax: 'reduced' });
    const batteries = f.product({ sku: 'BATT', priceMinor: 799 });
    const fi = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(coffee), f.line(book), f.line(batteries, { quantity: 2 })],
    });
    expect(fi.sale.totals.totalMinor).toBe(4137);
    expect(fi.sale.totals.taxes.map((t) => [t.rateBp, t.taxMinor])).toEqual([
      [1000, 181],
      [1350, 65], // food since 2026: 549 * 1350 / 11350 = 65.30
      [2550, 325],
    ]);
    f.close();

    f = setupSales('TW');
    const bento = f.product({ sku: 'BENTO', priceMinor: 8500 });
    const tw = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(bento, { quantity: 2 })],
    });
    expect(tw.sale.totals).toMatchObject({ totalMinor: 17000, taxMinor: 810 });
    expect(tw.sale.currency).toBe('TWD');
    f.close();

    f = setupSales('US');
    const shirt = f.product({ sku: 'SHIRT', priceMinor: 1999 });
    const us = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(shirt, { quantity: 3 })],
    });
    const rate = us.sale.lines[0]!.taxRateBp;
    expect(us.sale.taxMode).toBe('exclusive');
    expect(us.sale.totals.subtotalMinor).toBe(5997);
    // Exclusive: tax is added on top, rounded once for the rate.
    expect(us.sale.totals.taxMinor).toBe(Math.round((5997 * rate) / 10000));
    expect(us.sale.totals.totalMinor).toBe(5997 + us.sale.totals.taxMinor);
  });

  it('needs a weight for a weighed product and refuses inactive products and styles', async () => {
    f = setupSales('DK');
    const cheese = f.product({ sku: 'CHEESE', priceMinor: 8995, unit: 'kg', weighed: true });
    const old = f.product({ sku: 'OLD', priceMinor: 100, active: false });
    const style = f.product({ sku: 'TEE', priceMinor: 100, hasVariants: true });
    expect(await codeOf(f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(cheese)] }))).toBe(
      '422 WEIGHT_REQUIRED',
    );
    expect(await codeOf(f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(old)] }))).toBe(
      '422 PRODUCT_INACTIVE',
    );
    expect(await codeOf(f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(style)] }))).toBe(
      '422 PRODUCT_IS_STYLE',
    );
    // Labels are read by the hub itself: see sale-scans.test.ts.
    expect(f.ctx.db.prepare('SELECT count(*) AS n FROM sales').get()).toEqual({ n: 0 });
  });

  it('asks for a supervisor above the discount limit and for a price override, and records the approval', async () => {
    f = setupSales('DK');
    const coat = f.product({ sku: 'COAT', priceMinor: 100000 });
    // The cashier's limit is 10 %: 10 % passes, 15 % needs approval.
    const ok = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(coat, { discount: { kind: 'percent', bp: 1000 }, discountReason: 'display model' })],
    });
    expect(ok.sale.totals.totalMinor).toBe(90000);
    const big = {
      id: newId(),
      lines: [
        f.line(coat, {
          discount: { kind: 'amount' as const, amountMinor: 15000 },
          discountReason: 'torn seam',
        }),
      ],
    };
    expect(await codeOf(f.mod.sales.cart.create(f.cashier, big))).toBe('403 PERMISSION_REQUIRED');
    expect(
      await codeOf(f.mod.sales.cart.create(f.cashier, { ...big, override: { ...f.override, pin: '9999' } })),
    ).toMatch(/^(401|403|423)/);
    const approved = await f.mod.sales.cart.create(f.cashier, { ...big, override: f.override });
    expect(approved.sale.totals.totalMinor).toBe(85000);
    expect(approved.sale.overrides).toEqual([
      expect.objectContaining({
        permission: 'sale.discount_above_limit',
        supervisorId: f.people.supervisorId,
        cashierId: f.cashier.staff.id,
      }),
    ]);

    const priced = { id: newId(), lines: [f.line(coat, { unitPriceMinor: 80000 })] };
    expect(await codeOf(f.mod.sales.cart.create(f.cashier, priced))).toBe('403 PERMISSION_REQUIRED');
    const overridden = await f.mod.sales.cart.create(f.cashier, { ...priced, override: f.override });
    expect(overridden.sale.lines[0]).toMatchObject({ unitPriceMinor: 80000, catalogPriceMinor: 100000 });
    expect(overridden.sale.overrides.map((o) => o.permission)).toEqual(['sale.price_override']);

    const saleWide = {
      id: newId(),
      lines: [f.line(coat)],
      saleDiscount: { kind: 'percent' as const, bp: 2000 },
      saleDiscountReason: 'loyal customer',
    };
    expect(await codeOf(f.mod.sales.cart.create(f.cashier, saleWide))).toBe('403 PERMISSION_REQUIRED');
  });

  it('updates the cart at the expected version; a stale version is 409 and a replay returns the sale', async () => {
    f = setupSales('DK');
    const milk = f.product({ sku: 'MILK', priceMinor: 1295 });
    const bread = f.product({ sku: 'BREAD', priceMinor: 2450 });
    const milkLine = f.line(milk);
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [milkLine] });
    const cart = { expectedVersion: 1, lines: [{ ...milkLine, quantity: 3 }, f.line(bread)] };
    const updated = await f.mod.sales.cart.update(f.cashier, sale.id, cart);
    expect(updated.sale).toMatchObject({ version: 2, totals: { totalMinor: 3 * 1295 + 2450 } });
    const replay = await f.mod.sales.cart.update(f.cashier, sale.id, cart);
    expect(replay.sale).toEqual(updated.sale);
    expect(
      await codeOf(
        f.mod.sales.cart.update(f.cashier, sale.id, { ...cart, lines: [milkLine, ...cart.lines.slice(1)] }),
      ),
    ).toBe('409 STALE_VERSION');
  });

  it('keeps a removed line as removed and needs sale.remove_line for it', async () => {
    f = setupSales('DK');
    const milk = f.product({ sku: 'MILK', priceMinor: 1295 });
    const beer = f.product({ sku: 'BEER', priceMinor: 1000 });
    const milkLine = f.line(milk);
    const beerLine = f.line(beer, { quantity: 6 });
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [milkLine, beerLine] });
    // A builtin cashier cannot take back what was rung up: a supervisor approves it.
    const cashier = f.cashier;
    expect(
      await codeOf(f.mod.sales.cart.update(cashier, sale.id, { expectedVersion: 1, lines: [milkLine] })),
    ).toBe('403 PERMISSION_REQUIRED');
    expect(
      await codeOf(
        f.mod.sales.cart.update(cashier, sale.id, {
          expectedVersion: 1,
          lines: [milkLine, { ...beerLine, quantity: 2 }],
        }),
      ),
    ).toBe('403 PERMISSION_REQUIRED');
    const after = await f.mod.sales.cart.update(cashier, sale.id, {
      expectedVersion: 1,
      lines: [milkLine],
      override: f.override,
    });
    expect(after.sale.lines.map((l) => [l.productId, l.status])).toEqual([
      [milk, 'active'],
      [beer, 'removed'],
    ]);
    expect(after.sale.lines[1]).toMatchObject({ removedBy: f.people.cashierId });
    expect(after.sale.totals.totalMinor).toBe(1295);
    expect(after.sale.overrides.map((o) => o.permission)).toEqual(['sale.remove_line']);
    expect(
      await codeOf(
        f.mod.sales.cart.update(cashier, sale.id, { expectedVersion: 2, lines: [milkLine, beerLine] }),
      ),
    ).toBe('422 LINE_REMOVED');
  });

  it('parks a sale, lists it for the store and recalls it on another till', async () => {
    f = setupSales('DK');
    const milk = f.product({ sku: 'MILK', priceMinor: 1295 });
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(milk)] });
    const parked = f.mod.sales.lifecycle.park(f.cashier, sale.id);
    expect(parked.status).toBe('parked');
    expect(f.mod.sales.lifecycle.park(f.cashier, sale.id).version).toBe(parked.version);
    expect(
      f.mod.sales.lifecycle.list({ status: 'parked', limit: 10, offset: 0 }).items.map((s) => s.id),
    ).toEqual([sale.id]);
    const till2 = f.addTill('Till 2');
    const other = f.actorAt(till2, f.people.supervisorId, '2222');
    const recalled = f.mod.sales.lifecycle.recall(other, sale.id);
    expect(recalled).toMatchObject({ status: 'open', tillId: till2.tillId, staffId: f.people.supervisorId });
    expect(
      await codeOf(
        f.mod.sales.cart.update(f.cashier, sale.id, { expectedVersion: recalled.version, lines: [] }),
      ),
    ).toBe('409 SALE_ON_OTHER_TILL');
  });

  it('voids only with sale.void (or a supervisor), journals it, and refuses while money is taken', async () => {
    f = setupSales('DK');
    const milk = f.product({ sku: 'MILK', priceMinor: 1295 });
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(milk)] });
    expect(await codeOf(f.mod.sales.lifecycle.void(f.cashier, sale.id, null, 'customer left'))).toBe(
      '403 PERMISSION_REQUIRED',
    );
    const pay = await f.mod.payments.add(f.cashier, sale.id, {
      id: newId(),
      tenderId: f.tender.cash,
      amountMinor: 500,
    });
    expect(await codeOf(f.mod.sales.lifecycle.void(f.cashier, sale.id, f.override, 'customer left'))).toBe(
      '422 SALE_HAS_PAYMENTS',
    );
    await f.mod.payments.cancel(f.cashier, pay.payment.id);
    const voided = await f.mod.sales.lifecycle.void(f.cashier, sale.id, f.override, 'customer left');
    expect(voided.status).toBe('voided');
    expect(f.ctx.db.prepare("SELECT count(*) AS n FROM journal WHERE type = 'sale.voided'").get()).toEqual({
      n: 1,
    });
    expect(f.ctx.events.filter((e) => e.name === 'sale.voided')).toHaveLength(1);
  });

  it('requires a reason for every discount given: 422 DISCOUNT_REASON_REQUIRED', async () => {
    f = setupSales('DK');
    const coat = f.product({ sku: 'COAT', priceMinor: 100000 });
    const five = { kind: 'percent' as const, bp: 500 };
    const line = f.line(coat, { discount: five });
    const noReason = f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [line] });
    await expect(noReason).rejects.toMatchObject({
      status: 422,
      code: 'DISCOUNT_REASON_REQUIRED',
      details: { lineId: line.id },
    });
    expect(
      await codeOf(
        f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [{ ...line, discountReason: '  ' }] }),
      ),
    ).toBe('422 DISCOUNT_REASON_REQUIRED');
    expect(
      await codeOf(
        f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(coat)], saleDiscount: five }),
      ),
    ).toBe('422 DISCOUNT_REASON_REQUIRED');
    expect(f.ctx.db.prepare('SELECT count(*) AS n FROM sales').get()).toEqual({ n: 0 });
    // A zero discount is no discount; with a reason the discount is kept with it.
    const zero = { kind: 'amount' as const, amountMinor: 0 };
    expect(
      await codeOf(
        f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(coat, { discount: zero })] }),
      ),
    ).toBe('ok');
    const given = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [{ ...line, discountReason: 'scratched' }],
      saleDiscount: five,
      saleDiscountReason: 'staff purchase',
    });
    expect(given.sale.lines[0]).toMatchObject({ discountReason: 'scratched' });
    expect(given.sale.saleDiscountReason).toBe('staff purchase');
  });

  const auditRows = (fx: SalesFixture, target: string) =>
    fx.ctx.db
      .prepare(
        "SELECT actor_id, till_id, action, outcome, details FROM audit_log WHERE target = ? AND action LIKE 'sale.%' ORDER BY id",
      )
      .all(target) as {
      actor_id: string;
      till_id: string;
      action: string;
      outcome: string;
      details: string;
    }[];

  it('audits every privileged action, also when the staff member holds the permission', async () => {
    f = setupSales('DK');
    const coat = f.product({ sku: 'COAT', priceMinor: 100000 });
    const cheese = f.product({ sku: 'CHEESE', priceMinor: 8995, unit: 'kg', weighed: true });
    const sup = f.actorAt(f.people.till, f.people.supervisorId, '2222');
    const coatLine = f.line(coat, {
      unitPriceMinor: 90000,
      // Above the supervisor's own 30 % limit, so it is a use of sale.discount_above_limit.
      discount: { kind: 'percent', bp: 4000 },
      discountReason: 'last one',
    });
    const cheeseLine = f.line(cheese, { quantity: 250, weightSource: 'manual' });
    // The supervisor holds every one of these permissions: nobody is asked, everything is audited.
    const { sale } = await f.mod.sales.cart.create(sup, { id: newId(), lines: [coatLine, cheeseLine] });
    expect(sale.overrides).toEqual([]);
    await f.mod.sales.cart.update(sup, sale.id, { expectedVersion: 1, lines: [coatLine] });
    await f.mod.sales.lifecycle.void(sup, sale.id, null, 'customer left');
    const rows = auditRows(f, sale.id);
    expect(rows.map((r) => r.action)).toEqual([
      'sale.price_override',
      'sale.manual_weight',
      'sale.discount_above_limit',
      'sale.remove_line',
      'sale.void',
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({
        actor_id: f.people.supervisorId,
        till_id: f.people.till.tillId,
        outcome: 'ok',
      });
      expect(JSON.parse(r.details)).toMatchObject({ approvedBy: null });
    }
    expect(JSON.parse(rows[0]!.details)).toMatchObject({
      permission: 'sale.price_override',
      items: [{ lineId: coatLine.id, catalogPriceMinor: 100000, unitPriceMinor: 90000 }],
    });
    expect(JSON.parse(rows[2]!.details)).toMatchObject({ items: [{ reason: 'last one' }] });
    expect(JSON.parse(rows[4]!.details)).toMatchObject({ items: [{ reason: 'customer left' }] });

    // A cashier with a supervisor's PIN: the row names the cashier and who approved.
    const other = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(coat, { unitPriceMinor: 1 })],
      override: f.override,
    });
    expect(auditRows(f, other.sale.id)).toEqual([
      expect.objectContaining({ actor_id: f.people.cashierId, action: 'sale.price_override' }),
    ]);
    expect(JSON.parse(auditRows(f, other.sale.id)[0]!.details)).toMatchObject({
      approvedBy: f.people.supervisorId,
    });
  });

  it('leaves no audit row of an action that was refused after it was approved', async () => {
    f = setupSales('DK');
    const milk = f.product({ sku: 'MILK', priceMinor: 1295 });
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(milk)] });
    await f.mod.payments.add(f.cashier, sale.id, { id: newId(), tenderId: f.tender.cash, amountMinor: 500 });
    // The supervisor's PIN is accepted (and that check is logged), but the void itself is refused.
    expect(await codeOf(f.mod.sales.lifecycle.void(f.cashier, sale.id, f.override, 'oops'))).toBe(
      '422 SALE_HAS_PAYMENTS',
    );
    expect(auditRows(f, sale.id)).toEqual([]);
    expect(f.ctx.db.prepare('SELECT count(*) AS n FROM sale_overrides').get()).toEqual({ n: 0 });
    const approvals = f.ctx.db
      .prepare("SELECT outcome FROM audit_log WHERE action = 'override.approve'")
      .all();
    expect(approvals).toEqual([{ outcome: 'ok' }]);
  });
});
