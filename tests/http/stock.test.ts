import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { createStockModule } from '../../hub/services/stock/stock-module.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  type AccessFixture,
} from '../support/access-fixtures.js';
import type { CatalogFixture } from '../support/catalog-fixtures.js';
import { catalogApp } from '../support/catalog-app.js';
import type { TestContext } from '../support/hub-context.js';
import { json, loginAdmin, loginAtTill, tillHeaders, type TestApp } from '../support/test-app.js';

let ctx: TestContext;
let seed: AccessFixture;
let f: CatalogFixture;
let t: TestApp;
const asCashier = () => loginAtTill(t.access, seed.till, seed.cashierId, CASHIER_PIN);
const asManager = () => loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);

beforeEach(() => {
  ({ ctx, seed, f, t } = catalogApp((context) => createStockModule(context).api));
});
afterEach(() => {
  ctx.close();
});

const movementCount = () =>
  ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM stock_movements').get()?.n;

describe('stock over HTTP', () => {
  it('receives goods, adjusts, and reports on-hand to a till', async () => {
    const beer = f.product({ name: 'Pilsner' }).id;
    const res = await t.call('POST', '/stock/receive', {
      headers: asManager(),
      body: { reference: 'FAK-7', lines: [{ productId: beer, quantity: 30, costMinor: 450 }] },
    });
    expect(await json(res)).toEqual({ onHand: { [beer]: 30 } });
    const adj = await t.call('POST', '/stock/adjust', {
      headers: asManager(),
      body: { reason: 'theft', productId: beer, quantity: 2 },
    });
    expect(await json(adj)).toEqual({ productId: beer, onHand: 28, booked: -2 });
    const onHand = await t.call('GET', `/stock?productIds=${beer},${newId()}`, {
      headers: tillHeaders(seed.till),
    });
    expect((await json<{ onHand: Record<string, number> }>(onHand)).onHand[beer]).toBe(28);
    const movements = await json<{ items: unknown[] }>(
      await t.call('GET', `/stock/movements?productId=${beer}`, { headers: asManager() }),
    );
    expect(movements.items).toHaveLength(2);
  });

  it('refuses bad input (400), strangers (401) and cashiers (403), recording nothing', async () => {
    const beer = f.product({ name: 'Pilsner' }).id;
    const body = { lines: [{ productId: beer, quantity: 1 }] };
    expect((await t.call('POST', '/stock/receive', { body })).status).toBe(401);
    expect((await t.call('POST', '/stock/receive', { headers: asCashier(), body })).status).toBe(403);
    expect(
      (await t.call('POST', '/stock/receive', { headers: asManager(), body: { lines: [] } })).status,
    ).toBe(400);
    expect(
      (
        await t.call('POST', '/stock/receive', {
          headers: asManager(),
          body: { lines: [{ productId: beer, quantity: 0.5 }] },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.call('POST', '/stock/adjust', {
          headers: asManager(),
          body: { reason: 'count', productId: beer, quantity: 3 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.call('POST', '/stock/adjust', {
          headers: asManager(),
          body: { reason: 'damage', productId: newId(), quantity: 3 },
        })
      ).status,
    ).toBe(404);
    expect((await t.call('GET', '/stock?productIds=nope', { headers: tillHeaders(seed.till) })).status).toBe(
      400,
    );
    expect(movementCount()).toBe(0);
  });
});
