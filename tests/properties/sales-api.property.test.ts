import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../hub/db/journal.js';
import { newId } from '../../hub/ids.js';
import { CASHIER_PIN, SUPERVISOR_PIN } from '../support/access-fixtures.js';
import { buildTestApp, loginAtTill, type TestApp } from '../support/test-app.js';
import { setupSales, type SalesFixture } from '../services/sales/sales-fixture.js';

/**
 * Random sequences of sales, payments, returns, voids, replays and garbage against the real HTTP app and
 * a real SQLite file. Whatever the sequence: no 5xx; every completed document's figures add up; what was
 * paid is what was due; stock is initial - sold + restocked; the journal chain verifies.
 */

interface LineView {
  id: string;
  productId: string;
  quantity: number;
  status: string;
  grossMinor: number;
  lineDiscountMinor: number;
  saleDiscountMinor: number;
  taxMinor: number;
  totalMinor: number;
  originalLineId: string | null;
  restock: boolean | null;
}
interface SaleView {
  id: string;
  kind: 'sale' | 'return';
  status: string;
  version: number;
  taxMode: 'inclusive' | 'exclusive';
  lines: LineView[];
  totals: {
    subtotalMinor: number;
    discountMinor: number;
    taxMinor: number;
    totalMinor: number;
    roundingMinor: number;
    toPayMinor: number;
    paidMinor: number;
    dueMinor: number;
  };
  payments: { status: string; direction: string; amountMinor: number }[];
  receipt: { code: string } | null;
}

const INITIAL_STOCK = 10_000;

type LineSpec = {
  product: number;
  quantity: number;
  discountBp: number | null;
  discountAmount: number | null;
};
type Action =
  | {
      kind: 'sell';
      lines: LineSpec[];
      saleDiscountBp: number | null;
      tenders: ('cash' | 'card' | 'mobile')[];
      extraCash: number;
    }
  | { kind: 'abandon'; lines: LineSpec[]; then: 'void' | 'park' | 'leave' }
  | { kind: 'return'; pick: number; linePick: number; quantity: number; restock: boolean }
  | { kind: 'garbage'; variant: number }
  | { kind: 'replay' };

const lineSpec = fc.record({
  product: fc.nat({ max: 4 }),
  quantity: fc.integer({ min: 1, max: 6 }),
  discountBp: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  discountAmount: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
});

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sell' as const),
      lines: fc.array(lineSpec, { minLength: 1, maxLength: 5 }),
      saleDiscountBp: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
      tenders: fc.array(fc.constantFrom('cash' as const, 'card' as const, 'mobile' as const), {
        minLength: 1,
        maxLength: 3,
      }),
      extraCash: fc.nat({ max: 50_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('abandon' as const),
      lines: fc.array(lineSpec, { minLength: 1, maxLength: 3 }),
      then: fc.constantFrom('void' as const, 'park' as const, 'leave' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      pick: fc.nat(),
      linePick: fc.nat(),
      quantity: fc.integer({ min: 1, max: 8 }),
      restock: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('garbage' as const), variant: fc.nat({ max: 11 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'replay' as const }) },
);

class Harness {
  readonly f: SalesFixture;
  readonly t: TestApp;
  readonly headers: Record<string, string>;
  readonly products: string[];
  readonly completedSales: string[] = [];
  readonly statuses: number[] = [];
  lastRequest: { method: string; path: string; body: unknown } | null = null;

  constructor(country: 'DK' | 'FI' | 'US') {
    this.f = setupSales(country);
    this.t = buildTestApp(this.f.ctx, this.f.mod.api);
    this.headers = loginAtTill(this.t.access, this.f.people.till, this.f.people.cashierId, CASHIER_PIN);
    this.products = [1295, 2000, 4995, 1, 12_345].map((price, i) =>
      this.f.product({
        sku: `P${i}`,
        priceMinor: price,
        tax: i === 1 && country === 'FI' ? 'food' : 'standard',
      }),
    );
    this.f.ctx.db
      .prepare<[string, number, string]>(
        "INSERT INTO stock_movements (product_id, quantity, reason, at) VALUES (?, ?, 'initial', ?)",
      )
      .run(this.products[0]!, INITIAL_STOCK, '2026-01-01T00:00:00Z');
    for (const id of this.products.slice(1)) {
      this.f.ctx.db
        .prepare("INSERT INTO stock_movements (product_id, quantity, reason, at) VALUES (?, ?, 'initial', ?)")
        .run(id, INITIAL_STOCK, '2026-01-01T00:00:00Z');
    }
    this.f.openSession();
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
  ): Promise<{ status: number; json: unknown }> {
    this.lastRequest = { method, path, body };
    const response =
      raw === undefined
        ? await this.t.call(method, path, { body, headers: this.headers })
        : await this.t.app.request(`/api/v1${path}`, {
            method,
            headers: { ...this.headers, 'content-type': 'application/json' },
            body: raw,
          });
    this.statuses.push(response.status);
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, json };
  }

  cartLines(specs: LineSpec[]) {
    return specs.map((s) => ({
      id: newId(),
      productId: this.products[s.product]!,
      quantity: s.quantity,
      ...(s.discountBp !== null
        ? { discount: { kind: 'percent', bp: s.discountBp }, discountReason: 'promo' }
        : s.discountAmount !== null
          ? { discount: { kind: 'amount', amountMinor: s.discountAmount }, discountReason: 'damaged' }
          : {}),
    }));
  }

  tally(): number {
    return (this.f.ctx.db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
  }

  async run(a: Action): Promise<void> {
    switch (a.kind) {
      case 'sell':
        return this.sell(a);
      case 'abandon': {
        const id = newId();
        const created = await this.call('POST', '/sales', {
          id,
          lines: this.cartLines(a.lines),
          override: this.override(),
        });
        if (created.status >= 300) return;
        if (a.then === 'void')
          await this.call('POST', `/sales/${id}/void`, {
            reason: 'customer left',
            override: this.override(),
          });
        if (a.then === 'park') await this.call('POST', `/sales/${id}/park`, {});
        return;
      }
      case 'return':
        return this.returnSomething(a);
      case 'garbage':
        return this.garbage(a.variant);
      case 'replay': {
        if (!this.lastRequest) return;
        const { method, path, body } = this.lastRequest;
        await this.call(method, path, body);
        return;
      }
    }
  }

  override() {
    return { supervisorId: this.f.people.supervisorId, pin: SUPERVISOR_PIN };
  }

  async sell(a: Extract<Action, { kind: 'sell' }>): Promise<void> {
    const id = newId();
    const body = {
      id,
      lines: this.cartLines(a.lines),
      ...(a.saleDiscountBp !== null
        ? { saleDiscount: { kind: 'percent', bp: a.saleDiscountBp }, saleDiscountReason: 'loyal' }
        : {}),
      override: this.override(),
    };
    const created = await this.call('POST', '/sales', body);
    if (created.status >= 300) {
      expect(created.status, JSON.stringify(created.json)).toBeLessThan(500);
      return;
    }
    let sale = created.json as SaleView;
    for (const [index, tender] of a.tenders.entries()) {
      const due = sale.totals.dueMinor;
      if (due <= 0) break;
      const last = index === a.tenders.length - 1;
      const amount = last ? due : Math.max(1, Math.floor(due / 2));
      const payment =
        tender === 'cash'
          ? {
              id: newId(),
              tenderId: this.f.tender.cash,
              amountMinor: amount,
              tenderedMinor: amount + a.extraCash,
            }
          : { id: newId(), tenderId: this.f.tender[tender], amountMinor: amount };
      const paid = await this.call('POST', `/sales/${id}/payments`, payment);
      expect(paid.status, JSON.stringify(paid.json)).toBeLessThan(500);
      const now = await this.call('GET', `/sales/${id}`);
      sale = now.json as SaleView;
    }
    if (sale.totals.dueMinor > 0) {
      // Settle the rest in cash, as a cashier would after a split.
      await this.call('POST', `/sales/${id}/payments`, {
        id: newId(),
        tenderId: this.f.tender.cash,
        amountMinor: sale.totals.dueMinor,
        tenderedMinor: sale.totals.dueMinor + 1000,
      });
    }
    const done = await this.call('POST', `/sales/${id}/complete`, {});
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    this.completedSales.push(id);
  }

  async returnSomething(a: Extract<Action, { kind: 'return' }>): Promise<void> {
    if (this.completedSales.length === 0) return;
    const saleId = this.completedSales[a.pick % this.completedSales.length]!;
    const sale = (await this.call('GET', `/sales/${saleId}`)).json as SaleView;
    const lines = sale.lines.filter((l) => l.status === 'active');
    if (lines.length === 0) return;
    const line = lines[a.linePick % lines.length]!;
    const id = newId();
    const created = await this.call('POST', '/returns', {
      id,
      originalSaleId: saleId,
      lines: [{ originalLineId: line.id, quantity: a.quantity, restock: a.restock, reason: 'changed mind' }],
      override: this.override(),
    });
    expect(created.status, JSON.stringify(created.json)).toBeLessThan(500);
    if (created.status >= 300) {
      expect([409, 422]).toContain(created.status);
      return;
    }
    const ret = created.json as SaleView;
    if (ret.status !== 'completed') {
      const done = await this.call('POST', `/returns/${id}/complete`, {});
      expect(done.status, JSON.stringify(done.json)).toBeLessThan(300);
    }
  }

  async garbage(variant: number): Promise<void> {
    const before = this.tally();
    const product = this.products[0]!;
    const line = { id: newId(), productId: product, quantity: 1 };
    const cases: [string, string, unknown, string?][] = [
      ['POST', '/sales', null, '{"id": '],
      ['POST', '/sales', { id: newId(), lines: [{ ...line, quantity: -3 }] }],
      ['POST', '/sales', { id: newId(), lines: [{ ...line, quantity: 'NaN' }] }],
      ['POST', '/sales', { id: newId(), lines: [{ ...line, quantity: 2.5 }] }],
      ['POST', '/sales', { id: newId(), lines: [{ ...line, unitPriceMinor: 1e20 }] }],
      ['POST', '/sales', { id: newId(), lines: [line], note: 'x'.repeat(100_000) }],
      ['POST', '/sales', { id: newId(), lines: [{ ...line, productId: newId() }] }],
      ['POST', '/sales', { id: newId(), lines: [line, line] }],
      ['POST', '/sales', { id: 'not-a-uuid', lines: [line] }],
      ['POST', `/sales/${newId()}/complete`, {}],
      ['POST', `/sales/${newId()}/payments`, { id: newId(), tenderId: this.f.tender.cash, amountMinor: 100 }],
      [
        'POST',
        '/returns',
        {
          id: newId(),
          originalSaleId: newId(),
          lines: [{ originalLineId: newId(), quantity: 1, restock: true, reason: 'x' }],
        },
      ],
    ];
    const [method, path, body, raw] = cases[variant % cases.length]!;
    const result = await this.call(method, path, body, raw);
    expect(result.status, `${method} ${path} -> ${JSON.stringify(result.json)}`).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(this.tally()).toBe(before);
  }

  checkInvariants(): void {
    expect(this.statuses.filter((s) => s >= 500)).toEqual([]);
    const db = this.f.ctx.db;
    const docs = db.prepare("SELECT id FROM sales WHERE status = 'completed'").all() as { id: string }[];
    const sold = new Map<string, number>();
    const restocked = new Map<string, number>();
    const returnedPerLine = new Map<string, number>();
    const soldPerLine = new Map<string, number>();
    for (const { id } of docs) {
      const sale = this.f.mod.sales.lifecycle.get(id) as unknown as SaleView;
      const active = sale.lines.filter((l) => l.status === 'active');
      const gross = active.reduce((s, l) => s + l.grossMinor, 0);
      const discounts = active.reduce((s, l) => s + l.lineDiscountMinor + l.saleDiscountMinor, 0);
      const tax = active.reduce((s, l) => s + l.taxMinor, 0);
      expect(sale.totals.subtotalMinor).toBe(gross);
      expect(sale.totals.discountMinor).toBe(discounts);
      expect(sale.totals.taxMinor).toBe(tax);
      expect(active.reduce((s, l) => s + l.totalMinor, 0)).toBe(sale.totals.totalMinor);
      const taxAdded = sale.taxMode === 'exclusive' ? tax : 0;
      expect(gross - discounts + taxAdded).toBe(sale.totals.totalMinor);
      expect(sale.totals.toPayMinor).toBe(sale.totals.totalMinor + sale.totals.roundingMinor);
      const approved = sale.payments
        .filter((p) => p.status === 'approved')
        .reduce(
          (s, p) =>
            s +
            (p.direction === (sale.kind === 'sale' ? 'charge' : 'refund') ? p.amountMinor : -p.amountMinor),
          0,
        );
      expect(approved).toBe(sale.totals.toPayMinor);
      for (const l of active) {
        if (sale.kind === 'sale') {
          sold.set(l.productId, (sold.get(l.productId) ?? 0) + l.quantity);
          soldPerLine.set(l.id, l.quantity);
        } else {
          if (l.restock) restocked.set(l.productId, (restocked.get(l.productId) ?? 0) + l.quantity);
          if (l.originalLineId)
            returnedPerLine.set(l.originalLineId, (returnedPerLine.get(l.originalLineId) ?? 0) + l.quantity);
        }
      }
    }
    for (const [lineId, returned] of returnedPerLine)
      expect(returned).toBeLessThanOrEqual(soldPerLine.get(lineId) ?? 0);
    for (const product of this.products) {
      const onHand = (
        db
          .prepare('SELECT coalesce(sum(quantity), 0) AS q FROM stock_movements WHERE product_id = ?')
          .get(product) as { q: number }
      ).q;
      expect(onHand).toBe(INITIAL_STOCK - (sold.get(product) ?? 0) + (restocked.get(product) ?? 0));
    }
    expect(verifyJournal(db)).toMatchObject({ ok: true });
  }
}

describe('sale, payment and return endpoints under random sequences', () => {
  for (const country of ['DK', 'FI', 'US'] as const) {
    it(`keep every invariant (${country})`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
          const h = new Harness(country);
          try {
            for (const a of actions) await h.run(a);
            h.checkInvariants();
          } finally {
            h.f.close();
          }
        }),
        { numRuns: 20 },
      );
    }, 240_000);
  }
});
