import type { HubContext } from '../../hub/context.js';
import { insertStaff } from '../../hub/db/access-queries.js';
import { insertPendingTill, approveTillRow, issueTillToken } from '../../hub/db/access-till-queries.js';
import { insertCustomer } from '../../hub/db/customers-queries.js';
import { newId } from '../../hub/ids.js';
import { nameKey } from '../../hub/services/customers/customer-fields.js';
import { BUILTIN_ROLE_IDS, seedBuiltinRoles } from '../../hub/services/access/roles.js';
import { hashSecret, hashToken, type ScryptParams } from '../../hub/services/access/secrets.js';
import type { BuiltinRole } from '../../hub/contract/permissions.js';

/** Cheap scrypt for fixtures: tests create many staff, and the real cost adds nothing to what they check. */
export const FIXTURE_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

export const CASHIER_PIN = '1111';
export const SUPERVISOR_PIN = '2222';
export const MANAGER_PIN = '3333';
export const MANAGER_LOGIN = 'manager';
export const MANAGER_PASSWORD = 'manager-password-1';

export { BUILTIN_ROLE_IDS };

/** Inserts the builtin roles (idempotent). */
export function seedRoles(ctx: HubContext): typeof BUILTIN_ROLE_IDS {
  ctx.tx.write((tx) => seedBuiltinRoles(tx));
  return BUILTIN_ROLE_IDS;
}

export interface FixtureStaffInput {
  name: string;
  role: BuiltinRole;
  pin?: string | null;
  login?: string | null;
  password?: string | null;
  active?: boolean;
}

/** One staff member with a builtin role; returns the id. Seeds the roles if needed. */
export function addStaff(ctx: HubContext, input: FixtureStaffInput): string {
  seedRoles(ctx);
  const id = newId();
  ctx.tx.write((tx) => {
    insertStaff(tx.db, {
      id,
      name: input.name,
      role_id: BUILTIN_ROLE_IDS[input.role],
      login: input.login ?? null,
      pin_hash: input.pin ? hashSecret(input.pin, FIXTURE_SCRYPT) : null,
      password_hash: input.password ? hashSecret(input.password, FIXTURE_SCRYPT) : null,
      active: input.active === false ? 0 : 1,
      failed_attempts: 0,
      locked_until: null,
      created_at: tx.at,
      updated_at: tx.at,
    });
  });
  return id;
}

export interface FixtureTill {
  tillId: string;
  number: number;
  /** Send as X-Till-Token. */
  token: string;
}

/** An active, paired till with a known device token. */
export function addTill(ctx: HubContext, name = 'Till'): FixtureTill {
  const tillId = newId();
  const token = `till-token-${tillId}`;
  const number = ctx.tx.write((tx) => {
    insertPendingTill(tx.db, {
      id: tillId,
      name,
      pairing_code: null,
      pairing_secret_hash: null,
      pairing_expires_at: null,
      invited: 0,
      approved_by: null,
      requested_at: tx.at,
    });
    const n = tx.nextCounter('till.number');
    approveTillRow(tx.db, tillId, n, null, tx.at);
    issueTillToken(tx.db, tillId, hashToken(token));
    return n;
  });
  return { tillId, number, token };
}

export interface AccessFixture {
  roles: typeof BUILTIN_ROLE_IDS;
  cashierId: string;
  supervisorId: string;
  managerId: string;
  till: FixtureTill;
}

/**
 * Builtin roles, a cashier (PIN 1111), a supervisor (2222), a manager (3333, admin login 'manager' /
 * 'manager-password-1') and one active till. Log in with loginStaff / loginAdmin from test-app.ts.
 */
export function seedAccess(ctx: HubContext): AccessFixture {
  const roles = seedRoles(ctx);
  const cashierId = addStaff(ctx, { name: 'Cara Cashier', role: 'cashier', pin: CASHIER_PIN });
  const supervisorId = addStaff(ctx, { name: 'Sam Supervisor', role: 'supervisor', pin: SUPERVISOR_PIN });
  const managerId = addStaff(ctx, {
    name: 'Mia Manager',
    role: 'manager',
    pin: MANAGER_PIN,
    login: MANAGER_LOGIN,
    password: MANAGER_PASSWORD,
  });
  return { roles, cashierId, supervisorId, managerId, till: addTill(ctx, 'Till 1') };
}

/** A customer row (for sales tests that attach one); returns the id. */
export function addCustomer(
  ctx: HubContext,
  name = 'Ada Customer',
  phone: string | null = '+358401234567',
): string {
  const id = newId();
  ctx.tx.write((tx) => {
    insertCustomer(tx.db, {
      id,
      name,
      name_key: nameKey(name),
      phone,
      email: null,
      tax_id: null,
      notes: '',
      marketing_consent: 0,
      consent_at: null,
      created_at: tx.at,
      updated_at: tx.at,
    });
  });
  return id;
}
