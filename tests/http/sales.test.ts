import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { CASHIER_PIN } from '../support/access-fixtures.js';
import { buildTestApp, loginAtTill, tillHeaders, type TestApp } from '../support/test-app.js';
import { setupSales, type SalesFixture } from '../services/sales/sales-fixture.js';

interface SaleBody {
  id: string;
  status: string;
  version: number;
  totals: { totalMinor: number; dueMinor: number; toPayMinor: number };
  receipt: { code: string; barcode: string } | null;
  lines: { id: string; status: string }[];
}

describe('sales over HTTP', () => {
  let f: SalesFixture;
  let t: TestApp;
  let headers: Record<string, string>;
  let milk: string;

  beforeEach(() => {
    f = setupSales('DK');
    t = buildTestApp(f.ctx, f.mod.api);
    headers = loginAtTill(t.access, f.people.till, f.people.cashierId, CASHIER_PIN);
    milk = f.product({ sku: 'MILK', priceMinor: 1295 });
  });
  afterEach(() => {
    f.close();
  });

  const count = (table: string): number =>
    (f.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('creates idempotently: 201, then 200 with the same body, then 409 for other content', async () => {
    const body = { id: newId(), lines: [{ id: newId(), productId: milk, quantity: 2 }] };
    const first = await t.call('POST', '/sales', { body, headers });
    expect(first.status).toBe(201);
    const created = (await first.json()) as SaleBody;
    expect(created.totals.totalMinor).toBe(2590);
    const again = await t.call('POST', '/sales', { body, headers });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(created);
    const other = await t.call('POST', '/sales', { body: { ...body, note: 'different' }, headers });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_CONFLICT' } });
  });

  it('answers bad input with 400 and changes nothing', async () => {
    const line = { id: newId(), productId: milk, quantity: 1 };
    const bad: unknown[] = [
      { id: newId(), lines: [{ ...line, quantity: 1.5 }] },
      { id: newId(), lines: [{ ...line, quantity: 0 }] },
      { id: newId(), lines: [{ ...line, quantity: 1_000_001 }] },
      { id: newId(), lines: [{ ...line, unitPriceMinor: 100_000_001 }] },
      { id: newId(), lines: [line], totalMinor: 100 },
      { id: newId(), lines: [{ ...line, priceMinor: 1 }] },
      { id: '0190b7c2-1d2e-4f00-8000-000000000000', lines: [line] },
      { id: newId(), lines: Array.from({ length: 501 }, () => ({ ...line, id: newId() })) },
      { id: newId(), lines: [line], note: 'bell\u0007' },
      { id: newId(), lines: [line], saleDiscount: { kind: 'percent', bp: 10_001 } },
    ];
    for (const body of bad) {
      const res = await t.call('POST', '/sales', { body, headers });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const malformed = await t.app.request('/api/v1/sales', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"id":',
    });
    expect(malformed.status).toBe(400);
    expect(count('sales')).toBe(0);
    expect(count("outbox WHERE entity = 'sale'")).toBe(0);
  });

  it('needs a cashier logged in at a till to sell, and a login to read', async () => {
    const body = { id: newId(), lines: [] };
    expect((await t.call('POST', '/sales', { body, headers: tillHeaders(f.people.till) })).status).toBe(401);
    expect((await t.call('POST', '/sales', { body })).status).toBe(401);
    expect((await t.call('GET', `/sales?status=parked`)).status).toBe(401);
  });

  it('runs a sale end to end: cart update, park, recall, split payment, completion, receipt lookup', async () => {
    const id = newId();
    const milkLine = { id: newId(), productId: milk, quantity: 1 };
    expect((await t.call('POST', '/sales', { body: { id, lines: [milkLine] }, headers })).status).toBe(201);
    const put = await t.call('PUT', `/sales/${id}`, {
      body: { expectedVersion: 1, lines: [{ ...milkLine, quantity: 4 }] },
      headers,
    });
    expect(put.status).toBe(200);
    const stale = await t.call('PUT', `/sales/${id}`, {
      body: { expectedVersion: 1, lines: [{ ...milkLine, quantity: 5 }] },
      headers,
    });
    expect(stale.status).toBe(409);
    expect((await t.call('POST', `/sales/${id}/park`, { headers })).status).toBe(200);
    const parked = (await (await t.call('GET', '/sales?status=parked', { headers })).json()) as {
      items: SaleBody[];
      total: number;
    };
    expect(parked.items.map((s) => s.id)).toEqual([id]);
    expect((await t.call('POST', `/sales/${id}/recall`, { headers })).status).toBe(200);

    const notYet = await t.call('POST', `/sales/${id}/complete`, { headers });
    expect(notYet.status).toBe(422);
    expect(await notYet.json()).toMatchObject({ error: { code: 'SALE_NOT_PAID' } });

    const card = await t.call('POST', `/sales/${id}/payments`, {
      body: { id: newId(), tenderId: f.tender.card, amountMinor: 2000 },
      headers,
    });
    expect(card.status).toBe(201);
    const cashBody = { id: newId(), tenderId: f.tender.cash, amountMinor: 3180, tenderedMinor: 5000 };
    const cash = await t.call('POST', `/sales/${id}/payments`, { body: cashBody, headers });
    expect(await cash.json()).toMatchObject({
      payment: { amountMinor: 3200, roundingMinor: 20, changeMinor: 1800 },
      sale: { totals: { dueMinor: 0 } },
    });
    expect((await t.call('POST', `/sales/${id}/payments`, { body: cashBody, headers })).status).toBe(200);

    const noSession = await t.call('POST', `/sales/${id}/complete`, { headers });
    expect(await noSession.json()).toMatchObject({ error: { code: 'CASH_SESSION_REQUIRED' } });
    f.openSession();
    const done = await t.call('POST', `/sales/${id}/complete`, { headers });
    expect(done.status).toBe(200);
    const sale = (await done.json()) as SaleBody;
    expect(sale).toMatchObject({ status: 'completed', totals: { toPayMinor: 5200 } });
    const found = await t.call('GET', `/sales/by-receipt/${sale.receipt!.barcode}`, { headers });
    expect(((await found.json()) as SaleBody).id).toBe(id);
    expect((await t.call('GET', '/sales/by-receipt/9-999', { headers })).status).toBe(404);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await (await t.call('GET', '/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/sales',
        '/sales/{id}',
        '/sales/{id}/payments',
        '/sales/{id}/complete',
        '/payments/{id}/resolve',
        '/returns',
      ]),
    );
  });
});
