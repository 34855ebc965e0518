import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { CASHIER_PIN, SUPERVISOR_PIN } from '../support/access-fixtures.js';
import { buildTestApp, loginAtTill, type TestApp } from '../support/test-app.js';
import { setupSales, type SalesFixture } from '../services/sales/sales-fixture.js';

interface SaleBody {
  id: string;
  status: string;
  totals: { totalMinor: number; dueMinor: number };
  receipt: { code: string } | null;
  lines: { id: string }[];
  payments: { id: string; tenderKind: string; reference: string | null; amountMinor: number }[];
}

describe('store credit and exchanges over HTTP', () => {
  let f: SalesFixture;
  let t: TestApp;
  let cashier: Record<string, string>;
  let coat: string;
  let scarf: string;

  beforeEach(() => {
    f = setupSales('DK');
    t = buildTestApp(f.ctx, f.mod.api);
    cashier = loginAtTill(t.access, f.people.till, f.people.cashierId, CASHIER_PIN);
    coat = f.product({ sku: 'COAT', priceMinor: 80000 });
    scarf = f.product({ sku: 'SCARF', priceMinor: 25000 });
    f.openSession();
  });
  afterEach(() => {
    f.close();
  });

  async function post(path: string, body?: unknown, headers = cashier) {
    const res = await t.call('POST', path, { body, headers });
    return { status: res.status, body: (await res.json()) as SaleBody & { error?: { code: string } } };
  }

  async function soldCoat(): Promise<SaleBody> {
    const id = newId();
    await post('/sales', { id, lines: [{ id: newId(), productId: coat }] });
    await post(`/sales/${id}/payments`, { id: newId(), tenderId: f.tender.cash, amountMinor: 80000 });
    return (await post(`/sales/${id}/complete`)).body;
  }

  /** The exchange's first half: the coat comes back and its price becomes store credit. */
  async function coatToCredit(): Promise<string> {
    const sale = await soldCoat();
    const ret = await post('/returns', {
      id: newId(),
      originalReceiptCode: sale.receipt!.code,
      lines: [{ originalLineId: sale.lines[0]!.id, quantity: 1, restock: true, reason: 'wrong size' }],
      refunds: [{ tenderId: f.tender.store_credit, amountMinor: 80000 }],
      override: f.override,
    });
    expect(ret.status).toBe(201);
    expect(ret.body).toMatchObject({ status: 'completed', receipt: { code: expect.any(String) as unknown } });
    const code = ret.body.payments[0]!.reference!;
    expect(code).toMatch(/^SC-/);
    return code;
  }

  it('exchanges a coat for a scarf: return to store credit, new sale paid with the credit', async () => {
    const code = await coatToCredit();
    const balance = await t.call('GET', `/store-credit/${code}`, { headers: cashier });
    expect(balance.status).toBe(200);
    expect(await balance.json()).toMatchObject({ code, currency: 'DKK', balanceMinor: 80000 });

    const id = newId();
    await post('/sales', { id, lines: [{ id: newId(), productId: scarf, quantity: 2 }] });
    const paid = await post(`/sales/${id}/payments`, {
      id: newId(),
      tenderId: f.tender.store_credit,
      amountMinor: 50000,
      reference: code,
    });
    expect(paid.status).toBe(201);
    const done = await post(`/sales/${id}/complete`);
    expect(done.body).toMatchObject({ status: 'completed', totals: { dueMinor: 0 } });
    const after = (await (await t.call('GET', `/store-credit/${code}`, { headers: cashier })).json()) as {
      balanceMinor: number;
    };
    expect(after.balanceMinor).toBe(30000);
  });

  it('never overdraws a credit, even with two tills paying with it at once', async () => {
    const code = await coatToCredit();
    const till2 = f.addTill('Till 2');
    const other = loginAtTill(t.access, till2, f.people.supervisorId, SUPERVISOR_PIN);
    const open = async (headers: Record<string, string>) => {
      const id = newId();
      await post('/sales', { id, lines: [{ id: newId(), productId: coat }] }, headers);
      return id;
    };
    const [a, b, c] = [await open(cashier), await open(other), await open(cashier)];
    const pay = (saleId: string, headers: Record<string, string>) =>
      post(
        `/sales/${saleId}/payments`,
        {
          id: newId(),
          tenderId: f.tender.store_credit,
          amountMinor: 50000,
          reference: code,
        },
        headers,
      );
    const results = await Promise.all([pay(a, cashier), pay(b, other), pay(c, cashier)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    for (const r of results.filter((x) => x.status === 422)) {
      expect(r.body.error?.code).toBe('INSUFFICIENT_BALANCE');
    }
    const credit = (await (await t.call('GET', `/store-credit/${code}`, { headers: cashier })).json()) as {
      balanceMinor: number;
      entries: unknown[];
    };
    expect(credit.balanceMinor).toBe(30000);
    expect(credit.entries).toHaveLength(2);
  });

  it('gives the credit back when a store-credit payment is cancelled', async () => {
    const code = await coatToCredit();
    const id = newId();
    await post('/sales', { id, lines: [{ id: newId(), productId: scarf }] });
    const paid = await post(`/sales/${id}/payments`, {
      id: newId(),
      tenderId: f.tender.store_credit,
      amountMinor: 25000,
      reference: code,
    });
    const paymentId = (paid.body as unknown as { payment: { id: string } }).payment.id;
    expect((await post(`/payments/${paymentId}/cancel`)).status).toBe(200);
    const credit = (await (await t.call('GET', `/store-credit/${code}`, { headers: cashier })).json()) as {
      balanceMinor: number;
    };
    expect(credit.balanceMinor).toBe(80000);
  });

  it('needs a reference for vouchers and store credit, and a known code', async () => {
    const id = newId();
    await post('/sales', { id, lines: [{ id: newId(), productId: scarf }] });
    for (const tenderId of [f.tender.voucher, f.tender.store_credit]) {
      const res = await post(`/sales/${id}/payments`, { id: newId(), tenderId, amountMinor: 1000 });
      expect(res.status).toBe(422);
      expect(res.body.error?.code).toBe('REFERENCE_REQUIRED');
    }
    const unknown = await post(`/sales/${id}/payments`, {
      id: newId(),
      tenderId: f.tender.store_credit,
      amountMinor: 1000,
      reference: 'SC-2222-3333-4444',
    });
    expect(unknown.body.error?.code).toBe('UNKNOWN_CREDIT');
    // A voucher is recorded with its number; it is not checked against an issuer (see docs/sales.md).
    const voucher = await post(`/sales/${id}/payments`, {
      id: newId(),
      tenderId: f.tender.voucher,
      amountMinor: 1000,
      reference: 'GAVE-123',
    });
    expect(voucher.status).toBe(201);
    expect((await t.call('GET', '/store-credit/SC-2222-3333-4444', { headers: cashier })).status).toBe(404);
    expect((await t.call('GET', '/store-credit/SC-2222-3333-4444')).status).toBe(401);
  });
});
