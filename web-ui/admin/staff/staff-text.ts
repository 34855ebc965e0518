import { msg } from '@lit/localize';

/** What each permission lets a person do, in the manager's words, grouped as a role editor shows them. */
export interface PermissionGroup {
  label: () => string;
  permissions: readonly string[];
}

/** The hub's permissions (hub/contract/permissions.ts), in the editor's order. */
export const PERMISSION_GROUPS: readonly PermissionGroup[] = [
  {
    label: () => msg('Selling'),
    permissions: [
      'sale.discount_above_limit',
      'sale.price_override',
      'sale.remove_line',
      'sale.void',
      'sale.manual_weight',
    ],
  },
  {
    label: () => msg('Returns'),
    permissions: ['return.refund', 'return.blind', 'return.refund_other_tender'],
  },
  {
    label: () => msg('Cash drawer'),
    permissions: ['drawer.open', 'cash.session', 'cash.close_session'],
  },
  {
    label: () => msg('Running the shop'),
    permissions: [
      'catalog.manage',
      'customers.manage',
      'reports.view',
      'staff.manage',
      'tills.manage',
      'devices.manage',
      'settings.manage',
    ],
  },
];

/** A permission the editor does not know (a newer hub) is shown by its code. */
export function permissionLabel(permission: string): string {
  switch (permission) {
    case 'sale.discount_above_limit':
      return msg('Give discounts above the role’s limit');
    case 'sale.price_override':
      return msg('Change a price at the till');
    case 'sale.remove_line':
      return msg('Remove a line or lower a quantity');
    case 'sale.void':
      return msg('Void a sale');
    case 'sale.manual_weight':
      return msg('Type a weight by hand');
    case 'return.refund':
      return msg('Refund a return');
    case 'return.blind':
      return msg('Take a return without a receipt');
    case 'return.refund_other_tender':
      return msg('Refund to another way to pay');
    case 'drawer.open':
      return msg('Open the cash drawer without a sale');
    case 'cash.session':
      return msg('Open a cash session, pay in and out');
    case 'cash.close_session':
      return msg('Close the cash session (Z report)');
    case 'catalog.manage':
      return msg('Manage the catalog and prices');
    case 'customers.manage':
      return msg('Manage customers');
    case 'reports.view':
      return msg('See reports and staff performance');
    case 'staff.manage':
      return msg('Manage staff, roles and timesheets');
    case 'tills.manage':
      return msg('Pair and revoke tills');
    case 'devices.manage':
      return msg('Manage devices');
    case 'settings.manage':
      return msg('Change the store settings');
    default:
      return permission;
  }
}

/** Builtin roles' names translated, a store's own role as written: the same words as at the till. */
export { roleName as roleLabel } from '../../till/login/role-name.js';

/** Worked time as hours and minutes, "7:05": the way a timesheet is read. */
export function hoursMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
