/** Every permission the hub checks. Roles hold a subset; custom roles pick from this list. */
export const PERMISSIONS = [
  'sale.discount_above_limit',
  'sale.price_override',
  'sale.remove_line',
  'sale.void',
  'sale.manual_weight',
  'return.refund',
  'return.blind',
  'return.refund_other_tender',
  'drawer.open',
  'cash.session',
  'cash.close_session',
  'catalog.manage',
  'customers.manage',
  'reports.view',
  'staff.manage',
  'tills.manage',
  'devices.manage',
  'settings.manage',
  'stock.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export const BUILTIN_ROLES = ['cashier', 'supervisor', 'manager', 'technician', 'owner'] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];
