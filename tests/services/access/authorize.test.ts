import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../../hub/contract/principal.js';
import { AccessService } from '../../../hub/services/access/access-service.js';
import {
  CASHIER_PIN,
  SUPERVISOR_PIN,
  addStaff,
  seedAccess,
  type AccessFixture,
} from '../../support/access-fixtures.js';
import { ManualClock, createTestContext, type TestContext } from '../../support/hub-context.js';

function errorOf(fn: () => unknown): { status: number; code: string; details?: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    const e = error as { status: number; code: string; details?: Record<string, unknown> };
    return { status: e.status, code: e.code, ...(e.details ? { details: e.details } : {}) };
  }
  throw new Error('expected a throw');
}

describe('AccessService.authorize (supervisor override)', () => {
  let ctx: TestContext;
  let clock: ManualClock;
  let access: AccessService;
  let fx: AccessFixture;
  let cashier: Principal;

  beforeEach(() => {
    clock = new ManualClock();
    ctx = createTestContext(clock);
    access = new AccessService(ctx);
    fx = seedAccess(ctx);
    const till = access.resolvePrincipal({ tillToken: fx.till.token }, '10.0.0.5');
    const { token } = access.sessions.loginPin(till, { staffId: fx.cashierId, pin: CASHIER_PIN });
    cashier = access.resolvePrincipal({ tillToken: fx.till.token, bearer: token }, '10.0.0.5');
  });
  afterEach(() => {
    ctx.close();
  });

  const attempts = () =>
    ctx.db.prepare("SELECT success, reason FROM login_attempts WHERE kind = 'override' ORDER BY id").all();

  it('lets a staff member with the permission act alone', () => {
    expect(cashier.kind).toBe('staff');
    expect(access.authorize(cashier, 'cash.session')).toEqual({
      staffId: fx.cashierId,
      tillId: fx.till.tillId,
      approvedBy: null,
    });
  });

  it('makes a builtin cashier ask a supervisor to remove a line', () => {
    expect(errorOf(() => access.authorize(cashier, 'sale.remove_line'))).toMatchObject({
      status: 403,
      code: 'PERMISSION_REQUIRED',
    });
    expect(
      access.authorize(cashier, 'sale.remove_line', { supervisorId: fx.supervisorId, pin: SUPERVISOR_PIN }),
    ).toMatchObject({ approvedBy: fx.supervisorId });
  });

  it('refuses without an override, naming the permission', () => {
    expect(errorOf(() => access.authorize(cashier, 'sale.void'))).toMatchObject({
      status: 403,
      code: 'PERMISSION_REQUIRED',
      details: { permission: 'sale.void' },
    });
  });

  it('accepts a supervisor PIN, audits it and returns who approved', () => {
    const auth = access.authorize(cashier, 'sale.void', {
      supervisorId: fx.supervisorId,
      pin: SUPERVISOR_PIN,
    });
    expect(auth).toEqual({ staffId: fx.cashierId, tillId: fx.till.tillId, approvedBy: fx.supervisorId });
    expect(attempts()).toEqual([{ success: 1, reason: null }]);
    const audit = ctx.db
      .prepare("SELECT actor_id, target, outcome, details FROM audit_log WHERE action = 'override.approve'")
      .all();
    expect(audit).toEqual([
      {
        actor_id: fx.supervisorId,
        target: 'sale.void',
        outcome: 'ok',
        details: JSON.stringify({ permission: 'sale.void', requestedBy: fx.cashierId }),
      },
    ]);
  });

  it('refuses a wrong PIN with 403 OVERRIDE_FAILED and locks the supervisor after three', () => {
    const wrong = { supervisorId: fx.supervisorId, pin: '9999' };
    expect(errorOf(() => access.authorize(cashier, 'sale.void', wrong))).toMatchObject({
      status: 403,
      code: 'OVERRIDE_FAILED',
    });
    expect(errorOf(() => access.authorize(cashier, 'sale.void', wrong)).code).toBe('OVERRIDE_FAILED');
    expect(errorOf(() => access.authorize(cashier, 'sale.void', wrong))).toMatchObject({
      status: 423,
      code: 'LOCKED',
      details: { retryAfterSeconds: 30 },
    });
    // Even the right PIN is refused while locked, and the supervisor's own login is locked too.
    const right = { supervisorId: fx.supervisorId, pin: SUPERVISOR_PIN };
    expect(errorOf(() => access.authorize(cashier, 'sale.void', right)).code).toBe('LOCKED');
    const till = access.resolvePrincipal({ tillToken: fx.till.token }, '10.0.0.5');
    expect(
      errorOf(() => access.sessions.loginPin(till, { staffId: fx.supervisorId, pin: SUPERVISOR_PIN })).code,
    ).toBe('LOCKED');
    clock.advance(30_000);
    expect(access.authorize(cashier, 'sale.void', right).approvedBy).toBe(fx.supervisorId);
    expect(attempts().map((a) => (a as { reason: string | null }).reason)).toEqual([
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'locked',
      null,
    ]);
  });

  it('refuses a supervisor who lacks the permission too', () => {
    const other = addStaff(ctx, { name: 'Other Cashier', role: 'cashier', pin: '5826' });
    expect(
      errorOf(() => access.authorize(cashier, 'sale.void', { supervisorId: other, pin: '5826' })),
    ).toMatchObject({
      status: 403,
      code: 'PERMISSION_REQUIRED',
      details: { supervisorId: other },
    });
    expect(ctx.db.prepare("SELECT outcome FROM audit_log WHERE action = 'override.approve'").all()).toEqual([
      { outcome: 'denied' },
    ]);
  });

  it('refuses to verify an override inside a caller transaction, where a rollback would erase the failure', () => {
    expect(() =>
      ctx.tx.write(() =>
        access.authorize(cashier, 'sale.void', { supervisorId: fx.supervisorId, pin: SUPERVISOR_PIN }),
      ),
    ).toThrow(/outside a write transaction/);
  });

  it('needs a logged-in staff member', () => {
    const till = access.resolvePrincipal({ tillToken: fx.till.token }, '10.0.0.5');
    expect(errorOf(() => access.authorize(till, 'sale.void')).code).toBe('STAFF_LOGIN_REQUIRED');
  });
});
