import type { Principal } from '../../../contract/principal.js';
import type { StaffPrincipal } from '../../../contract/principal.js';
import { requirePermission, staffOf } from '../../../services/access/guards.js';
import { actorOf, type Actor } from '../../../services/settings/actor.js';
import { PermissionRequiredError } from '../../../errors.js';

/** Changing stock, suppliers, purchase orders and counts. */
export function stockManager(principal: Principal): Actor {
  requirePermission(principal, 'stock.manage');
  return actorOf(principal);
}

/**
 * Low stock and valuation are also report figures: the dashboard and reports show them to whoever may
 * read reports, without the right to change stock.
 */
export function stockReader(principal: Principal): StaffPrincipal {
  const staff = staffOf(principal);
  if (!staff.permissions.has('stock.manage') && !staff.permissions.has('reports.view')) {
    throw new PermissionRequiredError('stock.manage');
  }
  return staff;
}
