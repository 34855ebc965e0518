import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessService } from '../../../hub/services/access/access-service.js';
import { BUILTIN_ROLE_IDS } from '../../../hub/services/access/roles.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';

describe('start-up: builtin roles and the first staff', () => {
  let ctx: TestContext;
  let access: AccessService;
  beforeEach(() => {
    ctx = createTestContext();
    access = new AccessService(ctx);
  });
  afterEach(() => {
    ctx.close();
  });

  it('seeds builtin roles once, without overwriting a store’s edits', () => {
    access.start();
    ctx.db.prepare('UPDATE roles SET discount_limit_bp = 1500 WHERE id = ?').run(BUILTIN_ROLE_IDS.cashier);
    access.start();
    const rows = ctx.db.prepare('SELECT name, discount_limit_bp FROM roles ORDER BY name').all();
    expect(rows).toEqual([
      { name: 'cashier', discount_limit_bp: 1500 },
      { name: 'manager', discount_limit_bp: 10000 },
      { name: 'owner', discount_limit_bp: 10000 },
      { name: 'supervisor', discount_limit_bp: 3000 },
      { name: 'technician', discount_limit_bp: 0 },
    ]);
  });

  it('creates the first owner with no one logged in, audited as system, who can then log in', () => {
    access.start();
    const owner = access.staff.createAsSystem({
      name: 'Olga Owner',
      roleId: BUILTIN_ROLE_IDS.owner,
      login: 'Olga',
      password: 'a-long-owner-password',
      pin: '2468',
    });
    expect(owner).toMatchObject({ login: 'olga', hasPin: true, hasPassword: true });
    expect(() =>
      access.staff.createAsSystem({ name: 'Weak', roleId: BUILTIN_ROLE_IDS.cashier, pin: '1111' }),
    ).toThrow(/too easy/);
    const result = access.sessions.loginAdmin(
      { login: ' OLGA ', password: 'a-long-owner-password' },
      '10.0.0.9',
    );
    expect(result.staff.permissions).toContain('devices.manage');
    expect(ctx.db.prepare("SELECT actor_kind FROM audit_log WHERE action = 'staff.create'").all()).toEqual([
      { actor_kind: 'system' },
    ]);
  });
});
