import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { startDemoHub, type DemoHub } from '../support/demo-hub.js';
import { ManualClock } from '../support/hub-context.js';

interface Product {
  id: string;
  name: string;
  priceMinor: number;
  categoryId: string | null;
  weighed: boolean;
}
interface PromotionBody {
  id: string;
  status: string;
  endsAt: string | null;
}
interface SaleBody {
  version: number;
  couponCodes: string[];
  lines: { id: string; productId: string; promotions: { name: string; discountMinor: number }[] }[];
  totals: { totalMinor: number };
}

const HOUR = 3_600_000;

describe('/promotions', () => {
  let demo: DemoHub;
  let clock: ManualClock;
  let products: Product[];
  let a: Product;
  let b: Product;

  const admin = (path: string, method = 'GET', body?: unknown) =>
    demo.api(path, { method, body, headers: demo.admin });
  const at = (offsetMs: number) => new Date(clock.now().getTime() + offsetMs).toISOString();
  const create = async (fields: Record<string, unknown>) => {
    const res = await admin('/promotions', 'POST', {
      name: 'Campaign',
      target: { productIds: [a.id] },
      startsAt: at(-HOUR),
      ...fields,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as unknown as PromotionBody;
  };
  const count = async () => Number((await admin('/promotions?archived=true&limit=1')).body.total);
  const openSale = async (lines: { productId: string; quantity: number }[]) => {
    const id = newId();
    const res = await demo.api('/sales', {
      method: 'POST',
      body: { id, lines: lines.map((l) => ({ id: newId(), ...l })) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id, sale: res.body as unknown as SaleBody };
  };

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    demo = await startDemoHub('promotions-http-', {}, { clock });
    const list = await admin('/products?limit=200');
    products = (list.body.items as Product[]).filter((p) => !p.weighed && p.priceMinor > 0);
    [a, b] = products.filter((p) => p.categoryId === products[0]!.categoryId) as [Product, Product];
  }, 60_000);
  afterAll(async () => {
    await demo.close();
  });

  it('creates every rule kind and refuses bad campaigns with a clear error, storing nothing', async () => {
    const rules = [
      { kind: 'percent_off', bp: 2500 },
      { kind: 'amount_off', amountMinor: 100 },
      { kind: 'fixed_price', priceMinor: 500 },
      { kind: 'multibuy', buy: 3, pay: 2 },
      { kind: 'bundle_price', quantity: 2, priceMinor: 1000 },
      { kind: 'buy_get', buy: 2, get: 1, getTarget: { productIds: [b.id] }, getPercentBp: 10_000 },
    ];
    const ids: string[] = [];
    for (const rule of rules) ids.push((await create({ rule, startsAt: at(24 * HOUR) })).id);
    const before = await count();
    const bad: [number, Record<string, unknown>][] = [
      [400, { rule: { kind: 'percent_off', bp: 2500 }, endsAt: at(-2 * HOUR) }],
      [400, { rule: { kind: 'multibuy', buy: 2, pay: 2 } }],
      [400, { rule: { kind: 'percent_off', bp: 0 } }],
      [400, { rule: { kind: 'percent_off', bp: 2500 }, couponCode: 'a b' }],
      [400, { rule: { kind: 'percent_off', bp: 2500 }, target: { productIds: [] } }],
      [400, { rule: { kind: 'teleport' } }],
      [422, { rule: { kind: 'percent_off', bp: 2500 }, target: { productIds: [newId()] } }],
    ];
    for (const [status, fields] of bad) {
      const res = await admin('/promotions', 'POST', {
        name: 'Bad',
        target: { productIds: [a.id] },
        startsAt: at(0),
        ...fields,
      });
      expect(res.status, JSON.stringify(fields)).toBe(status);
      expect(res.body.error).toBeDefined();
    }
    const cashier = await demo.api('/promotions', {
      method: 'POST',
      body: {
        name: 'X',
        target: { productIds: [a.id] },
        rule: { kind: 'percent_off', bp: 10 },
        startsAt: at(0),
      },
    });
    expect(cashier.status).toBe(403);
    expect(await count()).toBe(before);
    for (const id of ids) expect((await admin(`/promotions/${id}`, 'DELETE')).status).toBe(204);
  });

  it('lists campaigns as scheduled, active and ended by the hub clock, and prices return to normal by themselves', async () => {
    const running = await create({
      name: 'Quarter off',
      rule: { kind: 'percent_off', bp: 2500 },
      endsAt: at(HOUR),
    });
    const later = await create({
      name: 'Later',
      rule: { kind: 'amount_off', amountMinor: 1 },
      startsAt: at(2 * HOUR),
    });
    const statusOf = async (id: string) =>
      ((await admin(`/promotions/${id}`)).body as { status: string }).status;
    expect(await statusOf(running.id)).toBe('active');
    expect(await statusOf(later.id)).toBe('scheduled');
    const active = await admin('/promotions?status=active');
    expect((active.body.items as PromotionBody[]).map((p) => p.id)).toContain(running.id);
    expect((active.body.items as PromotionBody[]).map((p) => p.id)).not.toContain(later.id);

    const { id, sale } = await openSale([{ productId: a.id, quantity: 4 }]);
    const quarter = Math.round(a.priceMinor / 4) * 4;
    expect(sale.lines[0]!.promotions).toEqual([
      { promotionId: running.id, name: 'Quarter off', discountMinor: quarter },
    ]);

    clock.advance(HOUR + 1000);
    expect(await statusOf(running.id)).toBe('ended');
    // The next cart change is priced at its own moment: the campaign is over, the full price is back.
    const next = await demo.api(`/sales/${id}`, {
      method: 'PUT',
      body: {
        expectedVersion: sale.version,
        lines: [{ id: sale.lines[0]!.id, productId: a.id, quantity: 5 }],
      },
    });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect((next.body as unknown as SaleBody).lines.find((l) => l.promotions.length > 0)).toBeUndefined();
    expect((next.body as unknown as SaleBody).totals.totalMinor).toBe(a.priceMinor * 5);
    await demo.api(`/sales/${id}/void`, { method: 'POST', body: {} });

    clock.advance(HOUR);
    expect(await statusOf(later.id)).toBe('active');
    await admin(`/promotions/${later.id}/archive`, 'POST');
    expect(await statusOf(later.id)).toBe('archived');
  });

  it('ends a running campaign now, refuses to end one not started, and deletes only what no sale got', async () => {
    const running = await create({ name: 'Ends today', rule: { kind: 'fixed_price', priceMinor: 1 } });
    const { id } = await openSale([{ productId: a.id, quantity: 1 }]);
    const ended = await admin(`/promotions/${running.id}/end`, 'POST');
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endsAt: clock.now().toISOString() });
    expect((await admin(`/promotions/${running.id}/end`, 'POST')).status).toBe(200);
    const inUse = await admin(`/promotions/${running.id}`, 'DELETE');
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({ code: 'PROMOTION_IN_USE' });
    await demo.api(`/sales/${id}/void`, { method: 'POST', body: {} });

    const scheduled = await create({
      name: 'Next week',
      rule: { kind: 'percent_off', bp: 100 },
      startsAt: at(HOUR),
    });
    const notRunning = await admin(`/promotions/${scheduled.id}/end`, 'POST');
    expect(notRunning.status).toBe(422);
    expect(notRunning.body.error).toMatchObject({ code: 'PROMOTION_NOT_RUNNING' });
    expect((await admin(`/promotions/${scheduled.id}`, 'DELETE')).status).toBe(204);
    expect((await admin(`/promotions/${scheduled.id}`)).status).toBe(404);
    expect((await demo.api(`/promotions/${running.id}/end`, { method: 'POST' })).status).toBe(403);
  });

  it('previews which promotions apply to a sample cart, with codes, a customer and a draft', async () => {
    const multibuy = await create({ name: '3 for 2', rule: { kind: 'multibuy', buy: 3, pay: 2 } });
    const members = await create({
      name: 'Members',
      target: { productIds: [b.id] },
      rule: { kind: 'percent_off', bp: 1000 },
      customersOnly: true,
    });
    const coupon = await create({
      name: 'Flyer',
      target: { productIds: [b.id] },
      rule: { kind: 'percent_off', bp: 2000 },
      couponCode: 'flyer-26',
    });
    const cart = [
      { productId: a.id, quantity: 3 },
      { productId: b.id, quantity: 1 },
    ];
    const plain = await admin('/promotions/preview', 'POST', { lines: cart });
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    expect(plain.body).toMatchObject({
      lines: [
        {
          productId: a.id,
          grossMinor: a.priceMinor * 3,
          discountMinor: a.priceMinor,
          promotions: [{ name: '3 for 2' }],
        },
        { productId: b.id, discountMinor: 0, promotions: [] },
      ],
      discountMinor: a.priceMinor,
    });
    const member = await admin('/promotions/preview', 'POST', { lines: cart, withCustomer: true });
    expect((member.body.lines as { promotions: { name: string }[] }[])[1]!.promotions).toEqual([
      { promotionId: members.id, name: 'Members', discountMinor: Math.round(b.priceMinor / 10) },
    ]);
    // The code is better than the member price on the same unit: one promotion per unit, the best one.
    const both = await admin('/promotions/preview', 'POST', {
      lines: cart,
      withCustomer: true,
      couponCodes: [' Flyer-26 ', 'NOPE'],
    });
    expect((both.body.lines as { promotions: { promotionId: string }[] }[])[1]!.promotions).toEqual([
      expect.objectContaining({ promotionId: coupon.id }),
    ]);
    expect(both.body.unknownCoupons).toEqual(['NOPE']);
    const draft = await admin('/promotions/preview', 'POST', {
      lines: cart,
      draft: {
        id: multibuy.id,
        name: '3 for 2',
        target: { productIds: [a.id] },
        rule: { kind: 'percent_off', bp: 5000 },
        startsAt: at(-HOUR),
      },
    });
    expect((draft.body.lines as { discountMinor: number }[])[0]!.discountMinor).toBe(
      Math.round(a.priceMinor / 2) * 3,
    );
    const later = await admin('/promotions/preview', 'POST', { lines: cart, at: at(-5 * HOUR) });
    expect(later.body.discountMinor).toBe(0);
    const unknown = await admin('/promotions/preview', 'POST', {
      lines: [{ productId: newId(), quantity: 1 }],
    });
    expect(unknown.status).toBe(422);
    expect((await admin('/promotions/preview', 'POST', { lines: [] })).status).toBe(400);
    for (const p of [multibuy, members, coupon]) await admin(`/promotions/${p.id}/archive`, 'POST');
  });

  it('gives a customers-only price only while a customer is attached to the sale', async () => {
    const members = await create({
      name: 'Member price',
      rule: { kind: 'fixed_price', priceMinor: 100 },
      customersOnly: true,
    });
    const { id, sale } = await openSale([{ productId: a.id, quantity: 2 }]);
    expect(sale.lines[0]!.promotions).toEqual([]);
    const customer = await demo.api('/customers', { method: 'POST', body: { name: 'Maja Medlem' } });
    expect(customer.status).toBe(201);
    const attached = await demo.api(`/sales/${id}/customer`, {
      method: 'PUT',
      body: { customerId: customer.body.id },
    });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect((attached.body as unknown as SaleBody).lines[0]!.promotions).toEqual([
      { promotionId: members.id, name: 'Member price', discountMinor: (a.priceMinor - 100) * 2 },
    ]);
    const detached = await demo.api(`/sales/${id}/customer`, { method: 'PUT', body: { customerId: null } });
    expect((detached.body as unknown as SaleBody).lines[0]!.promotions).toEqual([]);
    await demo.api(`/sales/${id}/void`, { method: 'POST', body: {} });
    await admin(`/promotions/${members.id}/archive`, 'POST');
  });

  it('takes a coupon code on the sale, shows it, refuses an unknown one unchanged and keeps it across cart changes', async () => {
    const coupon = await create({
      name: 'Winter ten',
      rule: { kind: 'percent_off', bp: 1000 },
      couponCode: 'WINTER10',
    });
    const { id, sale } = await openSale([{ productId: a.id, quantity: 2 }]);
    expect(sale.lines[0]!.promotions).toEqual([]);
    const bad = await demo.api(`/sales/${id}/coupons`, {
      method: 'POST',
      body: { code: 'SUMMER', expectedVersion: sale.version },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'COUPON_NOT_VALID' });
    expect(((await demo.api(`/sales/${id}`)).body as unknown as SaleBody).version).toBe(sale.version);

    const added = await demo.api(`/sales/${id}/coupons`, {
      method: 'POST',
      body: { code: ' winter10 ', expectedVersion: sale.version },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const withCode = added.body as unknown as SaleBody;
    expect(withCode.couponCodes).toEqual(['WINTER10']);
    expect(withCode.lines[0]!.promotions).toEqual([
      { promotionId: coupon.id, name: 'Winter ten', discountMinor: Math.round(a.priceMinor / 10) * 2 },
    ]);
    const stale = await demo.api(`/sales/${id}/coupons`, {
      method: 'POST',
      body: { code: 'OTHER', expectedVersion: sale.version },
    });
    expect(stale.status).toBe(409);

    // A cart sent without couponCodes keeps the code the cashier entered.
    const changed = await demo.api(`/sales/${id}`, {
      method: 'PUT',
      body: {
        expectedVersion: withCode.version,
        lines: [{ id: withCode.lines[0]!.id, productId: a.id, quantity: 3 }],
      },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const kept = changed.body as unknown as SaleBody;
    expect(kept.couponCodes).toEqual(['WINTER10']);
    expect(kept.lines.at(-1)!.promotions).toHaveLength(1);

    const removed = await demo.api(`/sales/${id}/coupons/winter10?expectedVersion=${kept.version}`, {
      method: 'DELETE',
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect((removed.body as unknown as SaleBody).couponCodes).toEqual([]);
    expect((removed.body as unknown as SaleBody).lines.every((l) => l.promotions.length === 0)).toBe(true);
    await demo.api(`/sales/${id}/void`, { method: 'POST', body: {} });
    await admin(`/promotions/${coupon.id}/archive`, 'POST');
  });
});
