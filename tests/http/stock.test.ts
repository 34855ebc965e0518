import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { createStockModule } from '../../hub/services/stock/stock-module.js';
import { catalogAppPerTest } from '../support/catalog-app.js';
import { json, tillHeaders } from '../support/test-app.js';

const app = catalogAppPerTest((context) => createStockModule(context).api);

const movementCount = () =>
  app.ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM stock_movements').get()?.n;

describe('stock over HTTP', () => {
  it('receives goods, adjusts, and reports on-hand to a till', async () => {
    const beer = app.f.product({ name: 'Pilsner' }).id;
    const res = await app.t.call('POST', '/stock/receive', {
      headers: app.asManager(),
      body: { reference: 'FAK-7', lines: [{ productId: beer, quantity: 30, costMinor: 450 }] },
    });
    expect(await json(res)).toEqual({ onHand: { [beer]: 30 } });
    const adj = await app.t.call('POST', '/stock/adjust', {
      headers: app.asManager(),
      body: { reason: 'theft', productId: beer, quantity: 2 },
    });
    expect(await json(adj)).toEqual({ productId: beer, onHand: 28, booked: -2 });
    const onHand = await app.t.call('GET', `/stock?productIds=${beer},${newId()}`, {
      headers: tillHeaders(app.seed.till),
    });
    expect((await json<{ onHand: Record<string, number> }>(onHand)).onHand[beer]).toBe(28);
    const movements = await json<{ items: unknown[] }>(
      await app.t.call('GET', `/stock/movements?productId=${beer}`, { headers: app.asManager() }),
    );
    expect(movements.items).toHaveLength(2);
  });

  it('refuses bad input (400), strangers (401) and cashiers (403), recording nothing', async () => {
    const beer = app.f.product({ name: 'Pilsner' }).id;
    const body = { lines: [{ productId: beer, quantity: 1 }] };
    expect((await app.t.call('POST', '/stock/receive', { body })).status).toBe(401);
    expect((await app.t.call('POST', '/stock/receive', { headers: app.asCashier(), body })).status).toBe(403);
    expect(
      (await app.t.call('POST', '/stock/receive', { headers: app.asManager(), body: { lines: [] } })).status,
    ).toBe(400);
    expect(
      (
        await app.t.call('POST', '/stock/receive', {
          headers: app.asManager(),
          body: { lines: [{ productId: beer, quantity: 0.5 }] },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await app.t.call('POST', '/stock/adjust', {
          headers: app.asManager(),
          body: { reason: 'count', productId: beer, quantity: 3 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await app.t.call('POST', '/stock/adjust', {
          headers: app.asManager(),
          body: { reason: 'damage', productId: newId(), quantity: 3 },
        })
      ).status,
    ).toBe(404);
    expect(
      (await app.t.call('GET', '/stock?productIds=nope', { headers: tillHeaders(app.seed.till) })).status,
    ).toBe(400);
    expect(movementCount()).toBe(0);
  });
});
