import {
  BUILTIN_ROLES,
  PERMISSIONS,
  isPermission,
  type BuiltinRole,
  type Permission,
} from '../../contract/permissions.js';
import type { StaffPrincipal } from '../../contract/principal.js';
import { insertRoleIfMissing, type StaffWithRoleRow } from '../../db/access-queries.js';
import type { Tx } from '../../db/transactor.js';

/**
 * Builtin roles have fixed UUIDs so every store (and the cloud copy) agrees on them and fixtures can name
 * them. Their permissions may be edited (except the owner's), they cannot be deleted or renamed.
 */
export const BUILTIN_ROLE_IDS: Record<BuiltinRole, string> = {
  cashier: '00000000-0000-7000-8000-000000000001',
  supervisor: '00000000-0000-7000-8000-000000000002',
  manager: '00000000-0000-7000-8000-000000000003',
  technician: '00000000-0000-7000-8000-000000000004',
  owner: '00000000-0000-7000-8000-000000000005',
};

export const OWNER_ROLE_ID = BUILTIN_ROLE_IDS.owner;

// Removing a line after it was rung up is a classic way to pocket cash, so a cashier asks a supervisor.
const CASHIER: Permission[] = ['cash.session'];
const SUPERVISOR: Permission[] = [
  ...CASHIER,
  'sale.remove_line',
  'sale.discount_above_limit',
  'sale.price_override',
  'sale.void',
  'sale.manual_weight',
  'return.refund',
  'return.blind',
  'return.refund_other_tender',
  'drawer.open',
  'cash.close_session',
  'customers.manage',
  'reports.view',
];

interface BuiltinRoleDefinition {
  permissions: readonly Permission[];
  discountLimitBp: number;
}

export const BUILTIN_ROLE_DEFINITIONS: Record<BuiltinRole, BuiltinRoleDefinition> = {
  cashier: { permissions: CASHIER, discountLimitBp: 1000 },
  supervisor: { permissions: SUPERVISOR, discountLimitBp: 3000 },
  // A manager runs the shop from the admin pages, devices included (assign to a till, test, revoke); the
  // technician holds only what adopting and looking after devices needs.
  manager: { permissions: PERMISSIONS, discountLimitBp: 10000 },
  technician: { permissions: ['devices.manage', 'tills.manage', 'settings.manage'], discountLimitBp: 0 },
  owner: { permissions: PERMISSIONS, discountLimitBp: 10000 },
};

/** Inserts the builtin roles that are missing; never overwrites a store's edits. Safe at every start. */
export function seedBuiltinRoles(tx: Tx): number {
  let inserted = 0;
  for (const name of BUILTIN_ROLES) {
    const definition = BUILTIN_ROLE_DEFINITIONS[name];
    const added = insertRoleIfMissing(tx.db, {
      id: BUILTIN_ROLE_IDS[name],
      name,
      permissions: JSON.stringify(definition.permissions),
      discount_limit_bp: definition.discountLimitBp,
      builtin: 1,
      updated_at: tx.at,
    });
    if (added) inserted += 1;
  }
  return inserted;
}

/** Parses a stored permission list, dropping names a newer or older hub no longer knows. */
export function parsePermissions(json: string, roleId: string): Permission[] {
  // The owner holds every permission, including ones added after the role row was written.
  if (roleId === OWNER_ROLE_ID) return [...PERMISSIONS];
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((value): value is Permission => typeof value === 'string' && isPermission(value));
}

export function toStaffPrincipal(row: StaffWithRoleRow): StaffPrincipal {
  return {
    id: row.id,
    name: row.name,
    roleId: row.role_id,
    permissions: new Set(parsePermissions(row.role_permissions, row.role_id)),
    discountLimitBp: row.role_discount_limit_bp,
  };
}

/** The JSON shape of a staff principal (a Set does not serialise). */
export interface StaffSummary {
  id: string;
  name: string;
  roleId: string;
  permissions: Permission[];
  discountLimitBp: number;
}

export function summarizeStaff(staff: StaffPrincipal): StaffSummary {
  return {
    id: staff.id,
    name: staff.name,
    roleId: staff.roleId,
    permissions: PERMISSIONS.filter((p) => staff.permissions.has(p)),
    discountLimitBp: staff.discountLimitBp,
  };
}
