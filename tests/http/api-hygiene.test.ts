import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomersModule } from '../../hub/services/customers/customers-module.js';
import { createStockModule } from '../../hub/services/stock/stock-module.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  seedAccess,
  type AccessFixture,
} from '../support/access-fixtures.js';
import { createCatalogFixture } from '../support/catalog-fixtures.js';
import { createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, loginAdmin, loginAtTill, type TestApp } from '../support/test-app.js';

describe('API hygiene: authentication first, strict queries, paginated lists', () => {
  let ctx: TestContext;
  let t: TestApp;
  let fx: AccessFixture;
  let manager: Record<string, string>;
  let cashier: Record<string, string>;

  beforeEach(() => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    const catalog = createCatalogFixture(ctx, 'DK');
    for (const name of ['Bakery', 'Dairy', 'Fruit', 'Meat', 'Drinks']) catalog.category(name);
    t = buildTestApp(ctx, [
      ...catalog.catalog.api,
      ...catalog.settings.api,
      ...createStockModule(ctx).api,
      ...createCustomersModule(ctx).api,
    ]);
    manager = loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);
    cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
  });
  afterEach(() => {
    ctx.close();
  });

  const status = async (path: string, headers: Record<string, string> = {}) =>
    (await t.call('GET', path, { headers })).status;

  it('answers 401 to a stranger before looking at the request', async () => {
    expect(await status('/stock?productIds=bad')).toBe(401);
    expect(await status('/catalog/changes?since=-5')).toBe(401);
    expect(await status('/products?limit=0')).toBe(401);
    expect(await status('/customers?bogus=1')).toBe(401);
    expect(await status('/audit?limit=x')).toBe(401);
    expect(await status('/staff')).toBe(401);
    // The ways in stay open.
    expect(await status('/auth/session')).toBe(200);
    expect((await t.call('POST', '/auth/login', { body: {} })).status).toBe(400);
  });

  it('refuses unknown query parameters with 400 instead of ignoring them', async () => {
    // "since" is not a parameter of the feed (it is "after"): it used to return the whole catalog.
    expect(await status('/catalog/changes?since=-5', cashier)).toBe(400);
    expect(await status('/catalog/changes?after=0', cashier)).toBe(200);
    expect(await status('/products?serach=milk', cashier)).toBe(400);
    expect(await status('/customers?name=ann', cashier)).toBe(400);
    expect(await status('/audit?user=x', manager)).toBe(400);
    expect(await status('/categories?limit=5&page=2', cashier)).toBe(400);
    // A bad value in a known parameter is still a 400 for a logged-in caller.
    expect(await status('/stock?productIds=bad', cashier)).toBe(400);
  });

  it('pages the small lists too: limit, offset, total and nextOffset', async () => {
    const first = await t.call('GET', '/categories?limit=2', { headers: cashier });
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as { items: { name: string }[]; total: number; nextOffset: number };
    expect(page1).toMatchObject({ total: 5, nextOffset: 2 });
    expect(page1.items).toHaveLength(2);
    const last = (await (
      await t.call('GET', '/categories?limit=2&offset=4', { headers: cashier })
    ).json()) as { items: unknown[]; nextOffset: number | null };
    expect(last.items).toHaveLength(1);
    expect(last.nextOffset).toBeNull();

    const roles = (await (await t.call('GET', '/roles?limit=1', { headers: manager })).json()) as {
      items: unknown[];
      total: number;
      nextOffset: number | null;
    };
    expect(roles.items).toHaveLength(1);
    expect(roles.total).toBeGreaterThanOrEqual(5);
    expect(roles.nextOffset).toBe(1);
    for (const path of ['/tax-classes', '/tenders', '/label-templates', '/tills', '/staff', '/auth/staff']) {
      const res = await t.call('GET', `${path}?limit=1&offset=0`, {
        headers: path === '/auth/staff' ? cashier : manager,
      });
      expect(res.status, path).toBe(200);
      const body = (await res.json()) as { items: unknown[]; total: number };
      expect(body.items.length, path).toBeLessThanOrEqual(1);
      expect(typeof body.total, path).toBe('number');
      expect(await status(`${path}?limit=501`, manager), path).toBe(400);
    }
  });
});
