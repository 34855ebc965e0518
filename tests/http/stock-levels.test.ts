import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { createStockModule, recordStockMovements } from '../../hub/services/stock/stock-module.js';
import { catalogAppPerTest } from '../support/catalog-app.js';
import { json } from '../support/test-app.js';

const app = catalogAppPerTest((context) => createStockModule(context).api);

interface Level {
  productId: string;
  onHand: number;
  reorderPoint: number | null;
  costMinor: number;
  low: boolean;
}
interface Page<T> {
  items: T[];
  total: number;
  nextOffset: number | null;
}

const call = async <T>(method: string, path: string, body?: unknown, headers = app.asManager()) => {
  const res = await app.t.call(method, path, { headers, ...(body === undefined ? {} : { body }) });
  return { status: res.status, body: await json<T>(res) };
};
const level = async (productId: string): Promise<Level | undefined> =>
  (await call<Page<Level>>('GET', '/stock/levels?limit=500')).body.items.find(
    (l) => l.productId === productId,
  );
const sell = (productId: string, quantity: number) => {
  app.ctx.tx.write((tx) => {
    recordStockMovements(tx, [{ productId, quantity: -quantity, reason: 'sale', refId: newId() }], 'staff-1');
  });
};
const lowEvents = () => app.ctx.events.filter((e) => e.name === 'stock.low');

describe('stock levels, cost and reorder points over HTTP', () => {
  it('receives at cost and keeps the product cost as a moving average', async () => {
    const beer = app.f.product({ name: 'Pilsner', costMinor: 0 }).id;
    await call('POST', '/stock/receive', { lines: [{ productId: beer, quantity: 10, costMinor: 500 }] });
    expect(await level(beer)).toMatchObject({ onHand: 10, costMinor: 500 });
    await call('POST', '/stock/receive', { lines: [{ productId: beer, quantity: 30, costMinor: 600 }] });
    // (10 x 5.00 + 30 x 6.00) / 40 = 5.75
    expect(await level(beer)).toMatchObject({ onHand: 40, costMinor: 575 });
    // Without a cost the cost stays; a delivery of 3 at 6.01 onto 43: (43 x 5.75 + 3 x 6.01) / 46 = 5.767 -> 5.77
    await call('POST', '/stock/receive', { lines: [{ productId: beer, quantity: 3 }] });
    expect((await level(beer))?.costMinor).toBe(575);
    await call('POST', '/stock/receive', { lines: [{ productId: beer, quantity: 3, costMinor: 601 }] });
    expect((await level(beer))?.costMinor).toBe(577);
    expect(
      app.ctx.events.some((e) => e.name === 'catalog.changed' && e.payload.productIds.includes(beer)),
    ).toBe(true);
  });

  it('books damage, theft, count and other (with a reason note) and refuses bad adjustments', async () => {
    const cola = app.f.product({ name: 'Cola' }).id;
    await call('POST', '/stock/receive', { lines: [{ productId: cola, quantity: 20 }] });
    expect(
      (await call('POST', '/stock/adjust', { reason: 'damage', productId: cola, quantity: 2 })).body,
    ).toMatchObject({ onHand: 18 });
    expect(
      (await call('POST', '/stock/adjust', { reason: 'theft', productId: cola, quantity: 1 })).body,
    ).toMatchObject({ onHand: 17 });
    expect(
      (await call('POST', '/stock/adjust', { reason: 'count', productId: cola, countedQuantity: 15 })).body,
    ).toMatchObject({ onHand: 15, booked: -2 });
    const other = await call('POST', '/stock/adjust', {
      reason: 'other',
      productId: cola,
      quantity: 4,
      note: 'Found in the back',
    });
    expect(other.body).toMatchObject({ onHand: 19, booked: 4 });
    // 'other' must say why; zero is no adjustment; an unknown reason is refused.
    expect(
      (await call('POST', '/stock/adjust', { reason: 'other', productId: cola, quantity: 4 })).status,
    ).toBe(400);
    expect(
      (await call('POST', '/stock/adjust', { reason: 'other', productId: cola, quantity: 0, note: 'x' }))
        .status,
    ).toBe(400);
    expect(
      (await call('POST', '/stock/adjust', { reason: 'gift', productId: cola, quantity: 1 })).status,
    ).toBe(400);
    expect(
      (await call('POST', '/stock/adjust', { reason: 'damage', productId: cola, quantity: -1 })).status,
    ).toBe(400);
    expect((await level(cola))?.onHand).toBe(19);
    const movements = await call<{ items: { reason: string; note: string | null }[] }>(
      'GET',
      `/stock/movements?productId=${cola}`,
    );
    expect(movements.body.items.map((m) => m.reason)).toEqual([
      'adjust',
      'count',
      'theft',
      'damage',
      'receive',
    ]);
    expect(movements.body.items[0]?.note).toBe('Found in the back');
  });

  it('sets reorder points, lists low stock, and announces stock.low once per crossing', async () => {
    const milk = app.f.product({ name: 'Milk' }).id;
    const bread = app.f.product({ name: 'Bread' }).id;
    await call('POST', '/stock/receive', {
      lines: [
        { productId: milk, quantity: 10 },
        { productId: bread, quantity: 3 },
      ],
    });
    const set = await call<{ items: Level[] }>('PUT', '/stock/reorder-points', {
      items: [
        { productId: milk, reorderPoint: 6 },
        { productId: bread, reorderPoint: 5 },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body.items.map((l) => [l.productId, l.reorderPoint, l.low])).toEqual([
      [milk, 6, false],
      [bread, 5, true],
    ]);
    // Bread became low by its new reorder point.
    expect(lowEvents().map((e) => e.payload)).toEqual([{ productId: bread, onHand: 3, reorderPoint: 5 }]);
    sell(milk, 3); // 7: still above
    expect(lowEvents()).toHaveLength(1);
    sell(milk, 1); // 6: at the reorder point, crossing
    sell(milk, 1); // 5: stays low, no second event
    expect(lowEvents().map((e) => e.payload)).toEqual([
      { productId: bread, onHand: 3, reorderPoint: 5 },
      { productId: milk, onHand: 6, reorderPoint: 6 },
    ]);
    const low = await call<Page<Level>>('GET', '/stock/levels?low=true');
    expect(low.body.items.map((l) => l.productId).sort()).toEqual([bread, milk].sort());
    const lowList = await call<{ items: { productId: string }[] }>('GET', '/stock/low');
    expect(lowList.body.items).toHaveLength(2);
    // Search by name; a supervisor (reports.view) may read levels but not change them.
    const found = await call<Page<Level>>('GET', '/stock/levels?q=mil', undefined, app.asSupervisor());
    expect(found.body.items.map((l) => l.productId)).toEqual([milk]);
    const refused = await call(
      'PUT',
      '/stock/reorder-points',
      { items: [{ productId: milk, reorderPoint: 1 }] },
      app.asSupervisor(),
    );
    expect(refused.status).toBe(403);
  });

  it('refuses bad reorder points as a whole, changing nothing', async () => {
    const milk = app.f.product({ name: 'Milk' }).id;
    const bad = [
      { items: [{ productId: milk, reorderPoint: -1 }] },
      { items: [{ productId: milk, reorderPoint: 1.5 }] },
      { items: [] },
      { items: [{ productId: milk }] },
    ];
    for (const body of bad) expect((await call('PUT', '/stock/reorder-points', body)).status).toBe(400);
    const unknown = await call<{ error: { code: string } }>('PUT', '/stock/reorder-points', {
      items: [
        { productId: milk, reorderPoint: 4 },
        { productId: newId(), reorderPoint: 4 },
      ],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('UNKNOWN_PRODUCT');
    expect((await level(milk))?.reorderPoint).toBeNull();
    expect((await call('GET', '/stock/levels?low=maybe')).status).toBe(400);
  });

  it('values stock at cost in minor units, per product and in total', async () => {
    const a = app.f.product({ name: 'A' }).id;
    const b = app.f.product({ name: 'B' }).id;
    const c = app.f.product({ name: 'C' }).id;
    const cheese = app.f.product({ name: 'Cheese', unit: 'kg', weighed: true }).id;
    await call('POST', '/stock/receive', {
      lines: [
        { productId: a, quantity: 7, costMinor: 333 },
        { productId: b, quantity: 2, costMinor: 1999 },
        // 1.250 kg at 80.00 per kg
        { productId: cheese, quantity: 1250, costMinor: 8000 },
      ],
    });
    sell(c, 4); // sold below zero: no value
    const valuation = await call<
      Page<{ productId: string; valueMinor: number }> & { totalValueMinor: number }
    >('GET', '/stock/valuation', undefined, app.asSupervisor());
    expect(valuation.status).toBe(200);
    expect(valuation.body.items.map((i) => [i.productId, i.valueMinor])).toEqual([
      [cheese, 10000],
      [b, 3998],
      [a, 2331],
    ]);
    expect(valuation.body).toMatchObject({ total: 3, totalValueMinor: 16329, nextOffset: null });
    const paged = await call<Page<unknown> & { totalValueMinor: number }>('GET', '/stock/valuation?limit=1');
    expect(paged.body).toMatchObject({ total: 3, nextOffset: 1, totalValueMinor: 16329 });
    expect((await call('GET', '/stock/valuation', undefined, app.asCashier())).status).toBe(403);
    expect((await app.t.call('GET', '/stock/valuation')).status).toBe(401);
  });

  it('suggests what to reorder from sales velocity, on-hand, what is on order and the reorder point', async () => {
    const fast = app.f.product({ name: 'Fast seller' }).id;
    const slow = app.f.product({ name: 'Slow seller' }).id;
    const idle = app.f.product({ name: 'Idle' }).id;
    await call('POST', '/stock/receive', {
      lines: [
        { productId: fast, quantity: 100 },
        { productId: slow, quantity: 50 },
        { productId: idle, quantity: 5 },
      ],
    });
    sell(fast, 84); // 84 in 28 days: 3 a day; 16 left
    sell(slow, 2);
    await call('PUT', '/stock/reorder-points', {
      items: [
        { productId: fast, reorderPoint: 10 },
        { productId: idle, reorderPoint: 2 },
      ],
    });
    const res = await call<
      Page<{ productId: string; sold: number; perDay: number; target: number; suggested: number }>
    >('GET', '/stock/reorder-suggestions?days=28&coverDays=14');
    // fast: target 10 + 3 x 14 = 52, on hand 16 -> 36. slow: 1 sold in 14 days, 48 on hand: nothing. idle: 5 > 2.
    expect(res.body.items).toEqual([
      expect.objectContaining({ productId: fast, sold: 84, perDay: 3, target: 52, suggested: 36 }),
    ]);
    expect((await call('GET', '/stock/reorder-suggestions?days=0')).status).toBe(400);
    expect((await call('GET', '/stock/reorder-suggestions', undefined, app.asSupervisor())).status).toBe(403);
  });
});
