import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomersModule } from '../../hub/services/customers/customers-module.js';
import { CASHIER_PIN, SUPERVISOR_PIN, seedAccess, type AccessFixture } from '../support/access-fixtures.js';
import { createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, loginAtTill, tillHeaders, type TestApp } from '../support/test-app.js';

describe('/customers', () => {
  let ctx: TestContext;
  let t: TestApp;
  let fx: AccessFixture;
  let cashier: Record<string, string>;

  beforeEach(() => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    t = buildTestApp(ctx, createCustomersModule(ctx).api);
    cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
  });
  afterEach(() => {
    ctx.close();
  });

  const count = () => (ctx.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;

  it('lets a cashier create and find a customer, and a till look them up', async () => {
    const res = await t.call('POST', '/customers', {
      body: {
        name: '  Maija Meikäläinen ',
        phone: '+358 40 765 4321',
        email: 'maija@example.fi',
        marketingConsent: true,
      },
      headers: cashier,
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      id: string;
      name: string;
      phone: string;
      consentAt: string | null;
    };
    expect(created).toMatchObject({ name: 'Maija Meikäläinen', phone: '+358407654321' });
    expect(created.consentAt).not.toBeNull();
    const found = await t.call('GET', '/customers?q=maija', { headers: tillHeaders(fx.till) });
    expect(await found.json()).toMatchObject({ total: 1, items: [{ id: created.id }] });
    const history = await t.call('GET', `/customers/${created.id}/purchases`, { headers: cashier });
    expect(await history.json()).toEqual({ items: [], total: 0, nextOffset: null, totals: [] });
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const bad = [
      { name: '' },
      { name: 'X', email: 'not-an-email' },
      { name: 'X', phone: 'call me' },
      { name: 'X', typo: true },
      { name: 'Bell\u0007' },
      { name: 'x'.repeat(121) },
    ];
    for (const body of bad) {
      const res = await t.call('POST', '/customers', { body, headers: cashier });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(count()).toBe(0);
  });

  it('needs a staff login to write and customers.manage to delete', async () => {
    expect(
      (await t.call('POST', '/customers', { body: { name: 'A' }, headers: tillHeaders(fx.till) })).status,
    ).toBe(401);
    expect((await t.call('GET', '/customers')).status).toBe(401);
    const { id } = (await (
      await t.call('POST', '/customers', { body: { name: 'A' }, headers: cashier })
    ).json()) as {
      id: string;
    };
    const denied = await t.call('DELETE', `/customers/${id}`, { headers: cashier });
    expect(denied.status).toBe(403);
    expect(count()).toBe(1);
    const supervisor = loginAtTill(t.access, fx.till, fx.supervisorId, SUPERVISOR_PIN);
    expect((await t.call('DELETE', `/customers/${id}`, { headers: supervisor })).status).toBe(204);
    expect(count()).toBe(0);
    expect((await t.call('GET', `/customers/${id}`, { headers: supervisor })).status).toBe(404);
  });
});
