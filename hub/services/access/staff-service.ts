import type { Principal, StaffPrincipal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import {
  getRole,
  getStaff,
  getStaffByLogin,
  insertStaff,
  listStaff,
  setStaffPassword,
  setStaffPin,
  updateStaffProfile,
  type StaffWithRoleRow,
} from '../../db/access-queries.js';
import { revokeStaffSessions } from '../../db/access-session-queries.js';
import type { Tx } from '../../db/transactor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from './audit-actor.js';
import type { AuditEntry } from '../../db/audit.js';
import { assertAcceptablePassword, assertAcceptablePin } from './credentials.js';
import { requirePermission } from './guards.js';
import { OWNER_ROLE_ID, parsePermissions } from './roles.js';
import { hashSecret } from './secrets.js';
import { normalizeLogin } from './session-service.js';

type AuditActor = Pick<AuditEntry, 'actorKind' | 'actorId' | 'tillId'>;

export interface StaffView {
  id: string;
  name: string;
  roleId: string;
  roleName: string;
  login: string | null;
  active: boolean;
  hasPin: boolean;
  hasPassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateStaffInput {
  id?: string | undefined;
  name: string;
  roleId: string;
  login?: string | null | undefined;
  pin?: string | undefined;
  password?: string | undefined;
}

export interface UpdateStaffInput {
  name?: string | undefined;
  roleId?: string | undefined;
  login?: string | null | undefined;
  active?: boolean | undefined;
}

/**
 * Staff records and their credentials ('staff.manage'). Nobody can hand out, or touch someone holding, a
 * role with permissions they do not hold themselves: otherwise a manager could make himself owner, or
 * reset the owner's password and log in as them. PINs need not be unique: login names the staff member.
 */
export class StaffService {
  constructor(private readonly ctx: HubContext) {}

  list(principal: Principal, includeInactive = false): StaffView[] {
    requirePermission(principal, 'staff.manage');
    return this.ctx.tx.read((db) => listStaff(db, includeInactive)).map(toView);
  }

  get(principal: Principal, id: string): StaffView {
    requirePermission(principal, 'staff.manage');
    return toView(this.load(id));
  }

  create(principal: Principal, input: CreateStaffInput): StaffView {
    const actor = requirePermission(principal, 'staff.manage');
    return this.insert(input, actor, auditActor(principal));
  }

  /**
   * For start-up code with nobody logged in: the first owner on a fresh store, the demo's staff. Same
   * validation (weak PINs are refused here too), audited as 'system'.
   */
  createAsSystem(input: CreateStaffInput): StaffView {
    return this.insert(input, null, { actorKind: 'system', actorId: null, tillId: null });
  }

  private insert(input: CreateStaffInput, actor: StaffPrincipal | null, by: AuditActor): StaffView {
    const id = input.id ?? newId();
    const login = input.login ? normalizeLogin(input.login) : null;
    if (input.pin !== undefined) assertAcceptablePin(input.pin);
    if (input.password !== undefined) assertAcceptablePassword(input.password);
    if (input.password !== undefined && login === null) {
      throw new ValidationError('A password needs a login name', { field: 'login' });
    }
    const existing = this.ctx.tx.read((db) => getStaff(db, id));
    if (existing) {
      // The same create sent twice (a retried request) answers with the record it made.
      if (existing.name === input.name && existing.role_id === input.roleId) return toView(existing);
      throw new ConflictError(`Staff ${id} already exists with other details`);
    }
    const pinHash = input.pin === undefined ? null : hashSecret(input.pin);
    const passwordHash = input.password === undefined ? null : hashSecret(input.password);
    return this.ctx.tx.write((tx) => {
      this.assertRoleGrantable(actor, input.roleId);
      this.assertLoginFree(login, id);
      insertStaff(tx.db, {
        id,
        name: input.name,
        role_id: input.roleId,
        login,
        pin_hash: pinHash,
        password_hash: passwordHash,
        active: 1,
        failed_attempts: 0,
        locked_until: null,
        created_at: tx.at,
        updated_at: tx.at,
      });
      return this.changed(tx, by, id, 'staff.create', { roleId: input.roleId, login });
    });
  }

  update(principal: Principal, id: string, input: UpdateStaffInput): StaffView {
    const actor = requirePermission(principal, 'staff.manage');
    return this.ctx.tx.write((tx) => {
      const current = this.loadManageable(actor, id);
      const roleId = input.roleId ?? current.role_id;
      if (roleId !== current.role_id) this.assertRoleGrantable(actor, roleId);
      const login =
        input.login === undefined ? current.login : input.login ? normalizeLogin(input.login) : null;
      this.assertLoginFree(login, id);
      const active = input.active === undefined ? current.active : input.active ? 1 : 0;
      if (active === 0 && id === actor.id) throw new ConflictError('You cannot deactivate yourself');
      updateStaffProfile(tx.db, {
        id,
        name: input.name ?? current.name,
        role_id: roleId,
        login,
        active,
        updated_at: tx.at,
      });
      // A deactivated or re-roled person must not keep a session made under the old rights.
      if (active === 0 || roleId !== current.role_id) revokeStaffSessions(tx.db, id, tx.at);
      return this.changed(tx, principal, id, 'staff.update', { ...input });
    });
  }

  deactivate(principal: Principal, id: string): StaffView {
    return this.update(principal, id, { active: false });
  }

  setPin(principal: Principal, id: string, pin: string): StaffView {
    const actor = requirePermission(principal, 'staff.manage');
    assertAcceptablePin(pin);
    const pinHash = hashSecret(pin);
    return this.ctx.tx.write((tx) => {
      this.loadManageable(actor, id);
      setStaffPin(tx.db, id, pinHash, tx.at);
      revokeStaffSessions(tx.db, id, tx.at);
      return this.changed(tx, principal, id, 'staff.set_pin', {});
    });
  }

  setPassword(principal: Principal, id: string, password: string): StaffView {
    const actor = requirePermission(principal, 'staff.manage');
    assertAcceptablePassword(password);
    const passwordHash = hashSecret(password);
    return this.ctx.tx.write((tx) => {
      const current = this.loadManageable(actor, id);
      if (current.login === null)
        throw new ValidationError('Give this person a login name first', { field: 'login' });
      setStaffPassword(tx.db, id, passwordHash, tx.at);
      revokeStaffSessions(tx.db, id, tx.at);
      return this.changed(tx, principal, id, 'staff.set_password', {});
    });
  }

  private changed(
    tx: Tx,
    by: AuditActor | Principal,
    id: string,
    action: string,
    details: Record<string, unknown>,
  ) {
    const view = toView(this.load(id));
    tx.audit({ ...('kind' in by ? auditActor(by) : by), action, target: id, details });
    // Replicas get the profile, never credential hashes.
    tx.outbox('staff', id, 'upsert', view);
    tx.emit({ name: 'staff.changed', payload: { staffId: id } });
    return view;
  }

  private load(id: string): StaffWithRoleRow {
    const row = this.ctx.tx.read((db) => getStaff(db, id));
    if (!row) throw new NotFoundError('Staff', id);
    return row;
  }

  private loadManageable(actor: StaffPrincipal, id: string): StaffWithRoleRow {
    const row = this.load(id);
    if (
      row.id !== actor.id &&
      !mayActOnRole(actor, row.role_id, parsePermissions(row.role_permissions, row.role_id))
    ) {
      throw new ForbiddenError(
        'This person has permissions you do not hold',
        { staffId: id },
        'ROLE_ABOVE_OWN',
      );
    }
    return row;
  }

  /** actor null: start-up code, which may create any role (the first owner). */
  private assertRoleGrantable(actor: StaffPrincipal | null, roleId: string): void {
    const role = getRole(this.ctx.db, roleId);
    if (!role)
      throw new ValidationError(`Role ${roleId} does not exist`, { field: 'roleId' }, 'ROLE_UNKNOWN');
    if (actor && !mayActOnRole(actor, role.id, parsePermissions(role.permissions, role.id))) {
      throw new ForbiddenError('That role has permissions you do not hold', { roleId }, 'ROLE_ABOVE_OWN');
    }
  }

  private assertLoginFree(login: string | null, id: string): void {
    if (login === null) return;
    const other = getStaffByLogin(this.ctx.db, login);
    if (other && other.id !== id) throw new ConflictError('That login is taken', { login }, 'LOGIN_TAKEN');
  }
}

/**
 * Nobody grants or manages more than they hold; and the owner role is the owner's alone, since a manager
 * holds every permission too but must not make owners or take over an owner's login.
 */
export function mayActOnRole(actor: StaffPrincipal, roleId: string, permissions: readonly string[]): boolean {
  if (roleId === OWNER_ROLE_ID && actor.roleId !== OWNER_ROLE_ID) return false;
  return permissions.every((p) => (actor.permissions as ReadonlySet<string>).has(p));
}

export function toView(row: StaffWithRoleRow): StaffView {
  return {
    id: row.id,
    name: row.name,
    roleId: row.role_id,
    roleName: row.role_name,
    login: row.login,
    active: row.active === 1,
    hasPin: row.pin_hash !== null,
    hasPassword: row.password_hash !== null,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
