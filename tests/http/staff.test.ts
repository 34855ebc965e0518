import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  addStaff,
  seedAccess,
  type AccessFixture,
} from '../support/access-fixtures.js';
import { createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, loginAdmin, loginAtTill, tillHeaders, type TestApp } from '../support/test-app.js';

interface ErrorBody {
  error: { code: string };
}

describe('/staff and /roles', () => {
  let ctx: TestContext;
  let t: TestApp;
  let fx: AccessFixture;
  let admin: Record<string, string>;

  beforeEach(() => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    t = buildTestApp(ctx);
    admin = loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);
  });
  afterEach(() => {
    ctx.close();
  });

  const code = async (res: Response) => `${res.status} ${((await res.json()) as ErrorBody).error.code}`;

  it('creates staff who can then log in with their PIN, and never returns hashes', async () => {
    const res = await t.call('POST', '/staff', {
      body: { name: 'Nina New', roleId: fx.roles.cashier, pin: '5826' },
      headers: admin,
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Record<string, unknown>;
    expect(created).toMatchObject({ name: 'Nina New', roleName: 'cashier', hasPin: true, active: true });
    expect(JSON.stringify(created)).not.toContain('scrypt');
    const login = await t.call('POST', '/auth/pin', {
      body: { staffId: created.id, pin: '5826' },
      headers: tillHeaders(fx.till),
    });
    expect(login.status).toBe(200);
  });

  it('refuses weak or malformed PINs and short passwords, changing nothing', async () => {
    const before = ctx.db.prepare('SELECT count(*) AS n FROM staff').get();
    for (const pin of ['1234', '0000', '9876', '12', '123456789', '12a4']) {
      const res = await t.call('POST', '/staff', {
        body: { name: 'W', roleId: fx.roles.cashier, pin },
        headers: admin,
      });
      expect(res.status, pin).toBe(400);
    }
    const pwd = await t.call('POST', '/staff', {
      body: { name: 'W', roleId: fx.roles.cashier, login: 'weak', password: 'short' },
      headers: admin,
    });
    expect(await code(pwd)).toBe('400 PASSWORD_INVALID');
    expect(ctx.db.prepare('SELECT count(*) AS n FROM staff').get()).toEqual(before);
  });

  it('resetting a PIN or deactivating ends that person’s sessions', async () => {
    const cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
    const kind = async () =>
      ((await (await t.call('GET', '/auth/session', { headers: cashier })).json()) as { kind: string }).kind;
    expect(await kind()).toBe('staff');
    expect(
      (await t.call('PUT', `/staff/${fx.cashierId}/pin`, { body: { pin: '4817' }, headers: admin })).status,
    ).toBe(200);
    expect(await kind()).toBe('till');
    const again = loginAtTill(t.access, fx.till, fx.cashierId, '4817');
    expect((await t.call('POST', `/staff/${fx.cashierId}/deactivate`, { headers: admin })).status).toBe(200);
    const res = await t.call('GET', '/auth/session', { headers: again });
    expect(((await res.json()) as { kind: string }).kind).toBe('till');
    const names = (await (await t.call('GET', '/auth/staff', { headers: tillHeaders(fx.till) })).json()) as {
      items: { id: string }[];
    };
    expect(names.items.map((i) => i.id)).not.toContain(fx.cashierId);
  });

  it('stops a manager from granting or touching the owner role', async () => {
    const ownerId = addStaff(ctx, {
      name: 'Olga Owner',
      role: 'owner',
      pin: '7531',
      login: 'owner',
      password: 'owner-password-1',
    });
    const make = await t.call('POST', '/staff', {
      body: { name: 'Sneaky', roleId: fx.roles.owner },
      headers: admin,
    });
    expect(await code(make)).toBe('403 ROLE_ABOVE_OWN');
    const reset = await t.call('PUT', `/staff/${ownerId}/password`, {
      body: { password: 'taken-over-now-1' },
      headers: admin,
    });
    expect(await code(reset)).toBe('403 ROLE_ABOVE_OWN');
    const promote = await t.call('PATCH', `/staff/${fx.managerId}`, {
      body: { roleId: fx.roles.owner },
      headers: admin,
    });
    expect(await code(promote)).toBe('403 ROLE_ABOVE_OWN');
  });

  it('needs staff.manage: a cashier gets 403, a bare till 401', async () => {
    const cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
    expect((await t.call('GET', '/staff', { headers: cashier })).status).toBe(403);
    expect((await t.call('GET', '/staff', { headers: tillHeaders(fx.till) })).status).toBe(401);
  });

  it('manages custom roles; builtin ones cannot be deleted and the owner keeps every permission', async () => {
    const list = (await (await t.call('GET', '/roles', { headers: admin })).json()) as {
      items: { name: string; builtin: boolean }[];
    };
    expect(
      list.items
        .filter((r) => r.builtin)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['cashier', 'manager', 'owner', 'supervisor', 'technician']);
    const created = await t.call('POST', '/roles', {
      body: { name: 'Senior cashier', permissions: ['sale.void', 'sale.remove_line'], discountLimitBp: 1500 },
      headers: admin,
    });
    expect(created.status).toBe(201);
    const role = (await created.json()) as { id: string; permissions: string[] };
    expect(role.permissions).toEqual(['sale.remove_line', 'sale.void']);
    expect(
      (
        await t.call('POST', '/roles', {
          body: { name: 'X', permissions: ['nope'], discountLimitBp: 0 },
          headers: admin,
        })
      ).status,
    ).toBe(400);
    expect(await code(await t.call('DELETE', `/roles/${fx.roles.cashier}`, { headers: admin }))).toBe(
      '409 ROLE_BUILTIN',
    );
    expect((await t.call('DELETE', `/roles/${role.id}`, { headers: admin })).status).toBe(204);
    // Nobody grants more than they hold: a deputy who may manage staff cannot make a devices role.
    const deputyRole = await t.call('POST', '/roles', {
      body: { name: 'Deputy', permissions: ['staff.manage'], discountLimitBp: 0 },
      headers: admin,
    });
    const deputyRoleId = ((await deputyRole.json()) as { id: string }).id;
    const deputy = await t.call('POST', '/staff', {
      body: { name: 'Dag Deputy', roleId: deputyRoleId, login: 'deputy', password: 'deputy-password-1' },
      headers: admin,
    });
    expect(deputy.status).toBe(201);
    const above = await t.call('POST', '/roles', {
      body: { name: 'Tech+', permissions: ['devices.manage'], discountLimitBp: 0 },
      headers: loginAdmin(t.access, 'deputy', 'deputy-password-1'),
    });
    expect(await code(above)).toBe('403 ROLE_ABOVE_OWN');
  });

  it('lists the audit trail for managers, filtered and paginated', async () => {
    await t.call('POST', '/staff', { body: { name: 'A1', roleId: fx.roles.cashier }, headers: admin });
    await t.call('POST', '/staff', { body: { name: 'A2', roleId: fx.roles.cashier }, headers: admin });
    const res = await t.call('GET', '/audit?action=staff.&limit=1', { headers: admin });
    const page = (await res.json()) as {
      items: { action: string; actorId: string }[];
      total: number;
      nextOffset: number | null;
    };
    expect(page).toMatchObject({
      total: 2,
      nextOffset: 1,
      items: [{ action: 'staff.create', actorId: fx.managerId }],
    });
    expect((await t.call('GET', '/audit?limit=0', { headers: admin })).status).toBe(400);
  });
});
