import { describe, expect, it } from 'vitest';
import type { Principal, StaffPrincipal } from '../../../hub/contract/principal.js';
import { PermissionRequiredError, UnauthenticatedError } from '../../../hub/errors.js';
import {
  requireAdmin,
  requireAuthenticated,
  requirePermission,
  requireTill,
  requireTillStaff,
} from '../../../hub/services/access/guards.js';

const staff: StaffPrincipal = {
  id: 's1',
  name: 'Cara',
  roleId: 'r',
  permissions: new Set(['sale.remove_line']),
  discountLimitBp: 1000,
};
const anonymous: Principal = { kind: 'anonymous', address: 'a' };
const till: Principal = { kind: 'till', tillId: 't1', address: 'a' };
const atTill: Principal = { kind: 'staff', tillId: 't1', staff, address: 'a' };
const admin: Principal = { kind: 'admin', staff, address: 'a' };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof UnauthenticatedError || error instanceof PermissionRequiredError) {
      return `${error.status} ${error.code}`;
    }
    throw error;
  }
  return 'ok';
}

describe('route guards', () => {
  it('requireAuthenticated lets anyone but anonymous through', () => {
    expect(code(() => requireAuthenticated(anonymous))).toBe('401 UNAUTHENTICATED');
    for (const p of [till, atTill, admin]) expect(requireAuthenticated(p)).toBe(p);
  });

  it('requireTill accepts a till with or without a cashier', () => {
    expect(requireTill(till)).toEqual({ tillId: 't1' });
    expect(requireTill(atTill)).toEqual({ tillId: 't1' });
    expect(code(() => requireTill(admin))).toBe('401 TILL_REQUIRED');
    expect(code(() => requireTill(anonymous))).toBe('401 TILL_REQUIRED');
  });

  it('requireTillStaff needs a cashier logged in at the till', () => {
    expect(requireTillStaff(atTill)).toEqual({ tillId: 't1', staff });
    expect(code(() => requireTillStaff(till))).toBe('401 STAFF_LOGIN_REQUIRED');
    expect(code(() => requireTillStaff(admin))).toBe('401 STAFF_LOGIN_REQUIRED');
  });

  it('requireAdmin needs the admin session', () => {
    expect(requireAdmin(admin)).toBe(staff);
    expect(code(() => requireAdmin(atTill))).toBe('401 ADMIN_LOGIN_REQUIRED');
  });

  it('requirePermission: 401 without a staff login, 403 without the permission', () => {
    expect(requirePermission(atTill, 'sale.remove_line')).toBe(staff);
    expect(requirePermission(admin, 'sale.remove_line')).toBe(staff);
    expect(code(() => requirePermission(atTill, 'sale.void'))).toBe('403 PERMISSION_REQUIRED');
    expect(code(() => requirePermission(till, 'sale.void'))).toBe('401 STAFF_LOGIN_REQUIRED');
    expect(code(() => requirePermission(anonymous, 'sale.void'))).toBe('401 UNAUTHENTICATED');
  });
});
