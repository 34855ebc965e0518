import type { Db } from './connection.js';

/** Roles and staff. Sessions, login attempts and tills are in their own query modules. */

export interface RoleRow {
  id: string;
  name: string;
  permissions: string;
  discount_limit_bp: number;
  builtin: number;
  updated_at: string;
}

export interface StaffRow {
  id: string;
  name: string;
  role_id: string;
  login: string | null;
  pin_hash: string | null;
  password_hash: string | null;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffWithRoleRow extends StaffRow {
  role_name: string;
  role_permissions: string;
  role_discount_limit_bp: number;
}

export function insertRoleIfMissing(db: Db, role: RoleRow): boolean {
  const result = db
    .prepare(
      `INSERT INTO roles (id, name, permissions, discount_limit_bp, builtin, updated_at)
       VALUES (@id, @name, @permissions, @discount_limit_bp, @builtin, @updated_at) ON CONFLICT DO NOTHING`,
    )
    .run(role);
  return result.changes === 1;
}

export function insertRole(db: Db, role: RoleRow): void {
  db.prepare(
    `INSERT INTO roles (id, name, permissions, discount_limit_bp, builtin, updated_at)
     VALUES (@id, @name, @permissions, @discount_limit_bp, @builtin, @updated_at)`,
  ).run(role);
}

export function getRole(db: Db, id: string): RoleRow | undefined {
  return db.prepare('SELECT * FROM roles WHERE id = ?').get(id) as RoleRow | undefined;
}

export function getRoleByName(db: Db, name: string): RoleRow | undefined {
  return db.prepare('SELECT * FROM roles WHERE name = ? COLLATE NOCASE').get(name) as RoleRow | undefined;
}

export function listRoles(db: Db): RoleRow[] {
  return db.prepare('SELECT * FROM roles ORDER BY builtin DESC, name').all() as RoleRow[];
}

export function updateRole(
  db: Db,
  role: Pick<RoleRow, 'id' | 'name' | 'permissions' | 'discount_limit_bp' | 'updated_at'>,
): void {
  db.prepare(
    `UPDATE roles SET name = @name, permissions = @permissions, discount_limit_bp = @discount_limit_bp,
       updated_at = @updated_at WHERE id = @id`,
  ).run(role);
}

export function deleteRole(db: Db, id: string): void {
  db.prepare('DELETE FROM roles WHERE id = ?').run(id);
}

export function countStaffWithRole(db: Db, roleId: string): number {
  const row = db.prepare('SELECT count(*) AS n FROM staff WHERE role_id = ?').get(roleId) as { n: number };
  return row.n;
}

const STAFF_WITH_ROLE = `SELECT s.*, r.name AS role_name, r.permissions AS role_permissions,
  r.discount_limit_bp AS role_discount_limit_bp FROM staff s JOIN roles r ON r.id = s.role_id`;

export function getStaff(db: Db, id: string): StaffWithRoleRow | undefined {
  return db.prepare(`${STAFF_WITH_ROLE} WHERE s.id = ?`).get(id) as StaffWithRoleRow | undefined;
}

export function getStaffByLogin(db: Db, login: string): StaffWithRoleRow | undefined {
  return db.prepare(`${STAFF_WITH_ROLE} WHERE s.login = ?`).get(login) as StaffWithRoleRow | undefined;
}

export function listStaff(db: Db, includeInactive: boolean): StaffWithRoleRow[] {
  return db
    .prepare(`${STAFF_WITH_ROLE} WHERE s.active = 1 OR ? ORDER BY s.name COLLATE NOCASE, s.id`)
    .all(includeInactive ? 1 : 0) as StaffWithRoleRow[];
}

/** Who can log in at a till: active and with a PIN. */
export function listTillLoginStaff(db: Db): { id: string; name: string; role_name: string }[] {
  return db
    .prepare(
      `SELECT s.id, s.name, r.name AS role_name FROM staff s JOIN roles r ON r.id = s.role_id
       WHERE s.active = 1 AND s.pin_hash IS NOT NULL ORDER BY s.name COLLATE NOCASE, s.id`,
    )
    .all() as { id: string; name: string; role_name: string }[];
}

export function insertStaff(db: Db, row: StaffRow): void {
  db.prepare(
    `INSERT INTO staff (id, name, role_id, login, pin_hash, password_hash, active, failed_attempts, locked_until,
       created_at, updated_at)
     VALUES (@id, @name, @role_id, @login, @pin_hash, @password_hash, @active, @failed_attempts, @locked_until,
       @created_at, @updated_at)`,
  ).run(row);
}

export function updateStaffProfile(
  db: Db,
  row: Pick<StaffRow, 'id' | 'name' | 'role_id' | 'login' | 'active' | 'updated_at'>,
): void {
  db.prepare(
    `UPDATE staff SET name = @name, role_id = @role_id, login = @login, active = @active, updated_at = @updated_at
     WHERE id = @id`,
  ).run(row);
}

/** A new PIN also clears the lockout: the manager who reset it has identified the person. */
export function setStaffPin(db: Db, id: string, pinHash: string | null, at: string): void {
  db.prepare(
    'UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
  ).run(pinHash, at, id);
}

export function setStaffPassword(db: Db, id: string, passwordHash: string | null, at: string): void {
  db.prepare('UPDATE staff SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, at, id);
}

export function setStaffLockout(
  db: Db,
  id: string,
  failedAttempts: number,
  lockedUntil: string | null,
): void {
  db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(
    failedAttempts,
    lockedUntil,
    id,
  );
}
