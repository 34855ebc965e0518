import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { catalogAppPerTest } from '../support/catalog-app.js';
import { json } from '../support/test-app.js';

const app = catalogAppPerTest((_ctx, fixture) => fixture.catalog.api);

const names = async (res: Response) =>
  (await json<{ items: { name: string }[] }>(res)).items.map((i) => i.name);
const stored = () =>
  app.ctx.db.prepare<[], { product_id: string }>('SELECT product_id FROM favourites ORDER BY position').all();

describe('/favourites', () => {
  it('a manager sets the order; a cashier at a till reads it, with what the till needs to sell', async () => {
    const bread = app.f.product({ name: 'Rugbrød', priceMinor: 2500 });
    const apples = app.f.product({ name: 'Æbler', unit: 'kg', weighed: true, priceMinor: 2495 });
    const milk = app.f.product({ name: 'Mælk' });
    expect(await names(await app.t.call('GET', '/favourites', { headers: app.asCashier() }))).toEqual([]);

    const put = await app.t.call('PUT', '/favourites', {
      headers: app.asManager(),
      body: { productIds: [apples.id, bread.id, milk.id] },
    });
    expect(put.status).toBe(200);
    const read = await app.t.call('GET', '/favourites', { headers: app.asCashier() });
    expect(read.status).toBe(200);
    expect((await json<{ items: unknown[] }>(read)).items).toEqual([
      {
        id: apples.id,
        sku: apples.sku,
        name: 'Æbler',
        priceMinor: 2495,
        unit: 'kg',
        weighed: true,
        categoryId: null,
      },
      expect.objectContaining({ id: bread.id, name: 'Rugbrød', unit: 'piece', weighed: false }),
      expect.objectContaining({ id: milk.id }),
    ]);

    // Replaced whole: a new order, one gone.
    await app.t.call('PUT', '/favourites', {
      headers: app.asManager(),
      body: { productIds: [milk.id, bread.id] },
    });
    expect(await names(await app.t.call('GET', '/favourites', { headers: app.asCashier() }))).toEqual([
      'Mælk',
      'Rugbrød',
    ]);
    const audit = app.ctx.db
      .prepare<[], { action: string }>("SELECT action FROM audit_log WHERE action = 'favourites.replace'")
      .all();
    expect(audit).toHaveLength(2);
  });

  it('an archived favourite drops out of what tills see, and comes back when unarchived', async () => {
    const bread = app.f.product({ name: 'Rugbrød' });
    const milk = app.f.product({ name: 'Mælk' });
    await app.t.call('PUT', '/favourites', {
      headers: app.asManager(),
      body: { productIds: [bread.id, milk.id] },
    });
    await app.t.call('POST', `/products/${bread.id}/archive`, { headers: app.asManager() });
    expect(await names(await app.t.call('GET', '/favourites', { headers: app.asCashier() }))).toEqual([
      'Mælk',
    ]);
    await app.t.call('POST', `/products/${bread.id}/unarchive`, { headers: app.asManager() });
    expect(await names(await app.t.call('GET', '/favourites', { headers: app.asCashier() }))).toEqual([
      'Rugbrød',
      'Mælk',
    ]);
  });

  it('refuses a cashier, unknown or archived products, styles, duplicates and too many; nothing changes', async () => {
    const bread = app.f.product({ name: 'Rugbrød' });
    const style = app.f.product({ name: 'T-shirt', hasVariants: true });
    const archived = app.f.product({ name: 'Old' });
    await app.t.call('POST', `/products/${archived.id}/archive`, { headers: app.asManager() });
    await app.t.call('PUT', '/favourites', { headers: app.asManager(), body: { productIds: [bread.id] } });

    const cashier = await app.t.call('PUT', '/favourites', {
      headers: app.asCashier(),
      body: { productIds: [] },
    });
    expect(cashier.status).toBe(403);
    const cases: [unknown, number, string][] = [
      [{ productIds: [newId()] }, 422, 'UNKNOWN_PRODUCT'],
      [{ productIds: [archived.id] }, 422, 'UNKNOWN_PRODUCT'],
      [{ productIds: [style.id] }, 422, 'PRODUCT_IS_STYLE'],
      [{ productIds: [bread.id, bread.id] }, 400, 'VALIDATION_FAILED'],
      [{ productIds: Array.from({ length: 49 }, () => newId()) }, 400, 'VALIDATION_FAILED'],
      [{ productIds: ['not-a-uuid'] }, 400, 'VALIDATION_FAILED'],
      [{ products: [] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await app.t.call('PUT', '/favourites', { headers: app.asManager(), body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await json(res), JSON.stringify(body)).toMatchObject({ error: { code } });
    }
    expect(stored()).toEqual([{ product_id: bread.id }]);
    expect((await app.t.call('GET', '/favourites')).status).toBe(401);
  });
});
