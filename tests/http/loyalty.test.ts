import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import {
  asAdmin,
  complete,
  demoProduct,
  errorCode,
  openSale,
  pay,
  sellWithCash,
  tenderOfKind,
} from '../support/customer-sales.js';
import { startDemoHub, type DemoHub } from '../support/demo-hub.js';

interface LoyaltyBody {
  balancePoints: number;
  lifetimePoints: number;
  balanceValueMinor: number;
  tier: { name: string } | null;
}

const RULES = {
  enabled: true,
  earnPoints: 1,
  spendStepMinor: 100,
  pointValueMinor: 10,
  tiers: [{ name: 'Gold', minPoints: 100_000, multiplierBp: 20_000 }],
};

describe('loyalty points over HTTP on the demo hub', () => {
  let demo: DemoHub;
  let cash: string;
  let points: string;
  let goods: { id: string; priceMinor: number };

  beforeAll(async () => {
    demo = await startDemoHub('loyalty-');
    cash = await tenderOfKind(demo, 'cash', 'Cash');
    points = await tenderOfKind(demo, 'loyalty', 'Points');
    goods = await demoProduct(demo, 0);
  }, 60_000);
  afterAll(async () => {
    await demo.close();
  });

  async function newCustomer(name: string): Promise<string> {
    const res = await demo.api('/customers', { method: 'POST', body: { name } });
    expect(res.status).toBe(201);
    return String(res.body.id);
  }

  async function loyaltyOf(id: string): Promise<LoyaltyBody> {
    const res = await demo.api(`/loyalty/customers/${id}`);
    expect(res.status).toBe(200);
    return res.body as unknown as LoyaltyBody;
  }

  it('earns nothing while the programme is off; a manager turns it on, a cashier may not', async () => {
    const customer = await newCustomer('Off Season');
    await sellWithCash(demo, cash, [{ productId: goods.id }], customer);
    expect((await loyaltyOf(customer)).balancePoints).toBe(0);

    expect((await demo.api('/loyalty/settings', { method: 'PUT', body: RULES })).status).toBe(403);
    const twins = { ...RULES, tiers: [RULES.tiers[0], { ...RULES.tiers[0], name: 'Twin' }] };
    expect((await asAdmin(demo, '/loyalty/settings', 'PUT', twins)).status).toBe(400);
    const saved = await asAdmin(demo, '/loyalty/settings', 'PUT', RULES);
    expect(saved.status).toBe(200);
    expect((await demo.api('/loyalty/settings')).body).toEqual(RULES);
  });

  it('earns points per amount spent when a sale with the customer completes', async () => {
    const customer = await newCustomer('Earner');
    const sale = await sellWithCash(demo, cash, [{ productId: goods.id, quantity: 3 }], customer);
    const expected = Math.floor(sale.totals.totalMinor / 100);
    expect(await loyaltyOf(customer)).toMatchObject({
      balancePoints: expected,
      lifetimePoints: expected,
      balanceValueMinor: expected * 10,
      tier: null,
    });
    const ledger = await demo.api(`/loyalty/customers/${customer}/entries`);
    expect(ledger.body.items).toEqual([
      expect.objectContaining({ kind: 'earn', points: expected, saleId: sale.id }),
    ]);
  });

  it('pays with points at the configured value, within the balance, only for a customer', async () => {
    const customer = await newCustomer('Spender');
    await asAdmin(demo, `/loyalty/customers/${customer}/adjust`, 'POST', { points: 50, note: 'Welcome' });
    const sale = await openSale(demo, [{ productId: goods.id, quantity: 10 }], customer);
    expect(errorCode(await pay(demo, sale.id, points, 510))).toBe('INSUFFICIENT_POINTS');
    expect(errorCode(await pay(demo, sale.id, points, 15))).toBe('LOYALTY_AMOUNT_STEP');
    const anonymous = await openSale(demo, [{ productId: goods.id }]);
    expect(errorCode(await pay(demo, anonymous.id, points, 10))).toBe('CUSTOMER_REQUIRED');

    expect((await pay(demo, sale.id, points, 300)).status).toBe(201);
    expect((await loyaltyOf(customer)).balancePoints).toBe(20);
    const rest = sale.totals.dueMinor - 300;
    await pay(demo, sale.id, cash, rest);
    expect((await complete(demo, sale.id)).status).toBe(200);
    // Earned on what was not paid with points.
    const earned = Math.floor(rest / 100);
    expect(await loyaltyOf(customer)).toMatchObject({ balancePoints: 20 + earned, lifetimePoints: earned });
  });

  it('gives points back when a points payment is cancelled', async () => {
    const customer = await newCustomer('Changer');
    await asAdmin(demo, `/loyalty/customers/${customer}/adjust`, 'POST', { points: 40, note: 'Welcome' });
    const sale = await openSale(demo, [{ productId: goods.id, quantity: 5 }], customer);
    const paid = await pay(demo, sale.id, points, 400);
    const paymentId = (paid.body.payment as { id: string }).id;
    expect((await loyaltyOf(customer)).balancePoints).toBe(0);
    await demo.api(`/payments/${paymentId}/cancel`, { method: 'POST', body: {} });
    expect((await loyaltyOf(customer)).balancePoints).toBe(40);
  });

  it('takes earned points back when the sale is returned, in proportion', async () => {
    const customer = await newCustomer('Returner');
    const sale = await sellWithCash(demo, cash, [{ productId: goods.id, quantity: 4 }], customer);
    const earned = (await loyaltyOf(customer)).balancePoints;
    expect(earned).toBeGreaterThan(0);
    const supervisor = demo.hub.modules.demo!.staff.find((s) => s.role === 'supervisor')!;
    const ret = await demo.api('/returns', {
      method: 'POST',
      body: {
        id: newId(),
        originalReceiptCode: sale.receipt!.code,
        lines: [{ originalLineId: sale.lines[0]!.id, quantity: 2, restock: true, reason: 'too many' }],
        override: { supervisorId: supervisor.id, pin: supervisor.pin },
      },
    });
    expect(ret.status).toBe(201);
    const after = await loyaltyOf(customer);
    expect(after.balancePoints).toBe(earned - Math.round(earned / 2));
    expect(after.lifetimePoints).toBe(after.balancePoints);
  });

  it('refuses a correction below zero, a cashier correcting, and an unknown customer', async () => {
    const customer = await newCustomer('Corrected');
    const below = await asAdmin(demo, `/loyalty/customers/${customer}/adjust`, 'POST', {
      points: -1,
      note: 'x',
    });
    expect(errorCode(below)).toBe('INSUFFICIENT_POINTS');
    const cashier = await demo.api(`/loyalty/customers/${customer}/adjust`, {
      method: 'POST',
      body: { points: 5, note: 'x' },
    });
    expect(cashier.status).toBe(403);
    expect((await demo.api(`/loyalty/customers/${newId()}`)).status).toBe(404);
  });
});
