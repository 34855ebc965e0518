import type { Permission } from '../../contract/permissions.js';
import type { Principal, StaffPrincipal } from '../../contract/principal.js';
import { PermissionRequiredError, UnauthenticatedError } from '../../errors.js';

/**
 * Route guards: every handler calls one of these first (deny by default). They only read the principal
 * resolved by the app middleware, so they are cheap and have no side effects.
 */

export function requireAuthenticated(p: Principal): Principal {
  if (p.kind === 'anonymous') throw new UnauthenticatedError();
  return p;
}

/** A paired till, with or without a cashier logged in. */
export function requireTill(p: Principal): { tillId: string } {
  if (p.kind === 'till' || p.kind === 'staff') return { tillId: p.tillId };
  throw new UnauthenticatedError('This needs a paired till', 'TILL_REQUIRED');
}

/** A cashier logged in with a PIN at a paired till. */
export function requireTillStaff(p: Principal): { tillId: string; staff: StaffPrincipal } {
  if (p.kind === 'staff') return { tillId: p.tillId, staff: p.staff };
  throw new UnauthenticatedError('A staff member must log in at this till', 'STAFF_LOGIN_REQUIRED');
}

/** The admin pages: a password session cookie. */
export function requireAdmin(p: Principal): StaffPrincipal {
  if (p.kind === 'admin') return p.staff;
  throw new UnauthenticatedError('Log in to the admin pages', 'ADMIN_LOGIN_REQUIRED');
}

/** A staff member (at a till or on the admin pages) who holds the permission. */
export function requirePermission(p: Principal, permission: Permission): StaffPrincipal {
  const staff = staffOf(p);
  if (!staff.permissions.has(permission)) throw new PermissionRequiredError(permission);
  return staff;
}

/** The logged-in staff member behind a principal, or 401 naming what is missing. */
export function staffOf(p: Principal): StaffPrincipal {
  switch (p.kind) {
    case 'staff':
    case 'admin':
      return p.staff;
    case 'till':
      throw new UnauthenticatedError('A staff member must log in at this till', 'STAFF_LOGIN_REQUIRED');
    case 'anonymous':
      throw new UnauthenticatedError();
  }
}
