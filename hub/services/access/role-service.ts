import type { Permission } from '../../contract/permissions.js';
import type { Principal, StaffPrincipal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import {
  countStaffWithRole,
  deleteRole,
  getRole,
  getRoleByName,
  insertRole,
  listRoles,
  updateRole,
  type RoleRow,
} from '../../db/access-queries.js';
import type { Tx } from '../../db/transactor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from './audit-actor.js';
import { requirePermission } from './guards.js';
import { OWNER_ROLE_ID, parsePermissions, seedBuiltinRoles } from './roles.js';

export interface RoleView {
  id: string;
  name: string;
  permissions: Permission[];
  discountLimitBp: number;
  builtin: boolean;
  updatedAt: string;
}

export interface RoleInput {
  name: string;
  permissions: Permission[];
  discountLimitBp: number;
}

/**
 * Roles ('staff.manage'). Builtin roles keep their names and cannot be deleted; the owner role always
 * holds every permission. As with staff, nobody can write a role with permissions they lack.
 */
export class RoleService {
  constructor(private readonly ctx: HubContext) {}

  seedBuiltin(): number {
    return this.ctx.tx.write((tx) => seedBuiltinRoles(tx));
  }

  list(principal: Principal): RoleView[] {
    requirePermission(principal, 'staff.manage');
    return this.ctx.tx.read((db) => listRoles(db)).map(toRoleView);
  }

  create(principal: Principal, input: RoleInput & { id?: string | undefined }): RoleView {
    const actor = requirePermission(principal, 'staff.manage');
    assertHolds(actor, input.permissions);
    const id = input.id ?? newId();
    return this.ctx.tx.write((tx) => {
      const existing = getRole(tx.db, id);
      if (existing) {
        if (existing.name === input.name) return toRoleView(existing);
        throw new ConflictError(`Role ${id} already exists with other details`);
      }
      this.assertNameFree(input.name, id);
      insertRole(tx.db, {
        id,
        name: input.name,
        permissions: JSON.stringify(unique(input.permissions)),
        discount_limit_bp: input.discountLimitBp,
        builtin: 0,
        updated_at: tx.at,
      });
      return this.changed(tx, principal, id, 'role.create', { ...input });
    });
  }

  update(principal: Principal, id: string, input: Partial<RoleInput>): RoleView {
    const actor = requirePermission(principal, 'staff.manage');
    return this.ctx.tx.write((tx) => {
      const role = this.load(id);
      assertHolds(actor, parsePermissions(role.permissions, role.id));
      if (input.permissions) assertHolds(actor, input.permissions);
      const name = input.name ?? role.name;
      if (role.builtin === 1 && name !== role.name) {
        throw new ConflictError('Builtin roles keep their names', { roleId: id }, 'ROLE_BUILTIN');
      }
      if (id === OWNER_ROLE_ID && input.permissions) {
        throw new ConflictError('The owner always holds every permission', { roleId: id }, 'ROLE_BUILTIN');
      }
      this.assertNameFree(name, id);
      updateRole(tx.db, {
        id,
        name,
        permissions: input.permissions ? JSON.stringify(unique(input.permissions)) : role.permissions,
        discount_limit_bp: input.discountLimitBp ?? role.discount_limit_bp,
        updated_at: tx.at,
      });
      return this.changed(tx, principal, id, 'role.update', { ...input });
    });
  }

  delete(principal: Principal, id: string): void {
    const actor = requirePermission(principal, 'staff.manage');
    this.ctx.tx.write((tx) => {
      const role = this.load(id);
      assertHolds(actor, parsePermissions(role.permissions, role.id));
      if (role.builtin === 1)
        throw new ConflictError('Builtin roles cannot be deleted', { roleId: id }, 'ROLE_BUILTIN');
      if (countStaffWithRole(tx.db, id) > 0) {
        throw new ConflictError('Staff still have this role', { roleId: id }, 'ROLE_IN_USE');
      }
      deleteRole(tx.db, id);
      tx.audit({ ...auditActor(principal), action: 'role.delete', target: id, details: { name: role.name } });
      tx.outbox('role', id, 'delete', { id });
    });
  }

  private changed(
    tx: Tx,
    principal: Principal,
    id: string,
    action: string,
    details: Record<string, unknown>,
  ) {
    const view = toRoleView(this.load(id));
    tx.audit({ ...auditActor(principal), action, target: id, details });
    tx.outbox('role', id, 'upsert', view);
    return view;
  }

  private load(id: string): RoleRow {
    const role = getRole(this.ctx.db, id);
    if (!role) throw new NotFoundError('Role', id);
    return role;
  }

  private assertNameFree(name: string, id: string): void {
    const other = getRoleByName(this.ctx.db, name);
    if (other && other.id !== id)
      throw new ConflictError('A role with that name exists', { name }, 'ROLE_NAME_TAKEN');
  }
}

function assertHolds(actor: StaffPrincipal, permissions: readonly Permission[]): void {
  const missing = permissions.filter((p) => !actor.permissions.has(p));
  if (missing.length > 0) {
    throw new ForbiddenError('You cannot grant permissions you do not hold', { missing }, 'ROLE_ABOVE_OWN');
  }
}

function unique(permissions: readonly Permission[]): Permission[] {
  return [...new Set(permissions)].sort();
}

export function toRoleView(row: RoleRow): RoleView {
  return {
    id: row.id,
    name: row.name,
    permissions: parsePermissions(row.permissions, row.id),
    discountLimitBp: row.discount_limit_bp,
    builtin: row.builtin === 1,
    updatedAt: row.updated_at,
  };
}
