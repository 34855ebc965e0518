import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { startDemoHub, type DemoHub } from '../support/demo-hub.js';

interface SaleLine {
  id: string;
  status: 'active' | 'removed';
  quantity: number;
  measured: boolean;
  lineDiscountMinor: number;
  saleDiscountMinor: number;
  promotionDiscountMinor: number;
}
interface Sale {
  id: string;
  kind: 'sale' | 'return';
  status: string;
  staffId: string;
  lines: SaleLine[];
  totals: { totalMinor: number; dueMinor: number };
}
interface Figures {
  staffId: string;
  transactions: number;
  salesMinor: number;
  items: number;
  itemsPerSale: number;
  averageSaleMinor: number;
  refunds: number;
  refundsMinor: number;
  voidedSales: number;
  voidedMinor: number;
  discountsMinor: number;
  discountedSales: number;
  promotionsMinor: number;
}
interface Report {
  currency: string;
  employees: (Figures & { name: string })[];
}

/** A small seeded generator, so a failure can be run again exactly. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const localDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

/**
 * The demo hub with sales generated over HTTP by two cashiers: discounts, voids (with a supervisor's
 * approval where needed) and returns. The report's figures must equal the sums of the sales the API
 * returned, to the minor unit.
 */
describe('/staff-performance', () => {
  let demo: DemoHub;
  const sales: Sale[] = [];
  const voidedBy = new Map<string, string>();
  /** The cashier logged in again at the end (each login at the till ends the one before). */
  let cashierHeaders: Record<string, string> = {};

  beforeAll(async () => {
    demo = await startDemoHub('hub-performance-');
    const { api } = demo;
    const staff = demo.hub.modules.demo!.staff;
    const cashier = staff.find((s) => s.role === 'cashier')!;
    const supervisor = staff.find((s) => s.role === 'supervisor')!;
    const logIn = async (who: { id: string; pin: string }) => {
      const login = await api('/auth/pin', {
        method: 'POST',
        body: { staffId: who.id, pin: who.pin },
        headers: { 'x-till-token': demo.token },
      });
      return { 'x-till-token': demo.token, authorization: `Bearer ${String(login.body.token)}` };
    };
    const products: string[] = [];
    for (const code of demo.hub.modules.demo!.sampleBarcodes) {
      const found = await api(`/products/lookup?code=${code}`);
      const product = found.body.product as { id: string; weighed: boolean } | undefined;
      if (found.body.status === 'found' && product && !product.weighed) products.push(product.id);
    }
    expect(products.length).toBeGreaterThan(1);
    const tenders = await api('/tenders');
    const cash = (tenders.body.items as { id: string; kind: string }[]).find((t) => t.kind === 'cash')!;
    const next = random(20261206);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const override = { supervisorId: supervisor.id, pin: supervisor.pin };

    for (const [round, who] of [cashier, supervisor, cashier, supervisor].entries()) {
      const headers = await logIn(who);
      for (let n = 0; n < 6; n += 1) {
        const id = newId();
        const lines = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
          id: newId(),
          productId: pick(products),
          quantity: 1 + Math.floor(next() * 4),
          ...(next() < 0.4
            ? {
                discount: { kind: 'percent', bp: 100 * (1 + Math.floor(next() * 10)) },
                discountReason: 'dented',
              }
            : {}),
        }));
        const saleDiscount =
          next() < 0.3 ? { kind: 'amount', amountMinor: 1 + Math.floor(next() * 300) } : null;
        const created = await api('/sales', {
          method: 'POST',
          body: { id, lines, saleDiscount, ...(saleDiscount ? { saleDiscountReason: 'regular' } : {}) },
          headers,
        });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        if ((round + n) % 5 === 4) {
          const voided = await api(`/sales/${id}/void`, {
            method: 'POST',
            body: { reason: 'customer left', ...(who === cashier ? { override } : {}) },
            headers,
          });
          expect(voided.status, JSON.stringify(voided.body)).toBe(200);
          voidedBy.set(id, who.id);
          sales.push(voided.body as unknown as Sale);
          continue;
        }
        const due = (created.body.totals as { dueMinor: number }).dueMinor;
        await api(`/sales/${id}/payments`, {
          method: 'POST',
          body: { id: newId(), tenderId: cash.id, amountMinor: due },
          headers,
        });
        const done = await api(`/sales/${id}/complete`, { method: 'POST', body: {}, headers });
        expect(done.status, JSON.stringify(done.body)).toBe(200);
        sales.push(done.body as unknown as Sale);
      }
      // Each cashier takes back one item of their last completed sale.
      const last = [...sales].reverse().find((s) => s.staffId === who.id && s.status === 'completed')!;
      const returned = await api('/returns', {
        method: 'POST',
        body: {
          id: newId(),
          originalSaleId: last.id,
          lines: [{ originalLineId: last.lines[0]!.id, quantity: 1, restock: true, reason: 'unwanted' }],
          ...(who === cashier ? { override } : {}),
        },
        headers,
      });
      expect(returned.status, JSON.stringify(returned.body)).toBe(201);
      sales.push(returned.body as unknown as Sale);
    }
    cashierHeaders = await logIn(cashier);
  }, 120_000);
  afterAll(async () => {
    await demo.close();
  });

  const report = async (from: string, to: string, headers = demo.admin) =>
    demo.api(`/staff-performance?from=${from}&to=${to}`, { headers });

  it('agrees exactly with the generated sales, per person', async () => {
    const answer = await report(localDate(-1), localDate(1));
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as Report;
    expect(body.currency).toBe('DKK');
    const people = new Set(sales.map((s) => s.staffId));
    expect(people.size).toBe(2);
    for (const staffId of people) {
      const sold = sales.filter(
        (s) => s.staffId === staffId && s.kind === 'sale' && s.status === 'completed',
      );
      const active = sold.flatMap((s) => s.lines.filter((l) => l.status === 'active'));
      const refunds = sales.filter((s) => s.staffId === staffId && s.kind === 'return');
      const voided = sales.filter((s) => voidedBy.get(s.id) === staffId);
      const salesMinor = sold.reduce((sum, s) => sum + s.totals.totalMinor, 0);
      const items = active.reduce((sum, l) => sum + (l.measured ? 1 : l.quantity), 0);
      const keyed = (l: SaleLine) => l.lineDiscountMinor + l.saleDiscountMinor;
      const expected: Figures = {
        staffId,
        transactions: sold.length,
        salesMinor,
        items,
        itemsPerSale: Math.round((items / sold.length) * 100) / 100,
        averageSaleMinor: Math.round(salesMinor / sold.length),
        refunds: refunds.length,
        refundsMinor: refunds.reduce((sum, s) => sum + s.totals.totalMinor, 0),
        voidedSales: voided.length,
        voidedMinor: voided.reduce((sum, s) => sum + s.totals.totalMinor, 0),
        discountsMinor: active.reduce((sum, l) => sum + keyed(l), 0),
        discountedSales: sold.filter((s) => s.lines.some((l) => l.status === 'active' && keyed(l) > 0))
          .length,
        promotionsMinor: active.reduce((sum, l) => sum + l.promotionDiscountMinor, 0),
      };
      expect(expected.transactions).toBeGreaterThan(5);
      expect(expected.discountsMinor).toBeGreaterThan(0);
      expect(expected.voidedSales).toBeGreaterThan(0);
      expect(body.employees.find((e) => e.staffId === staffId)).toMatchObject(expected);
    }
    // The manager sold nothing and is listed with zeros.
    const manager = demo.hub.modules.demo!.staff.find((s) => s.role === 'manager')!;
    expect(body.employees.find((e) => e.staffId === manager.id)).toMatchObject({
      transactions: 0,
      salesMinor: 0,
    });
  });

  it('counts nothing outside the range, and is for holders of reports.view', async () => {
    const before = (await report(localDate(-30), localDate(-2))).body as unknown as Report;
    expect(
      before.employees.every((e) => e.transactions === 0 && e.refunds === 0 && e.voidedSales === 0),
    ).toBe(true);
    expect((await report(localDate(0), localDate(0), cashierHeaders)).status).toBe(403);
    expect((await report(localDate(0), localDate(0), {})).status).toBe(401);
    expect((await report('2026-13-01', localDate(0))).status).toBe(400);
    expect((await demo.api(`/staff-performance?from=${localDate(0)}`, { headers: demo.admin })).status).toBe(
      400,
    );
  });
});
