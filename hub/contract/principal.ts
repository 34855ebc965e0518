import type { Permission } from './permissions.js';

export interface StaffPrincipal {
  id: string;
  name: string;
  roleId: string;
  permissions: ReadonlySet<Permission>;
  /** Largest discount (basis points of the line or sale) this staff member may give without override. */
  discountLimitBp: number;
}

/**
 * Who is calling. A till authenticates the device with `X-Till-Token`; a cashier logged in at it adds
 * `Authorization: Bearer <staff session>`. Admin pages use an HttpOnly session cookie plus a CSRF header.
 */
export type Principal =
  | { kind: 'anonymous'; address: string }
  | { kind: 'till'; tillId: string; address: string }
  | { kind: 'staff'; tillId: string; staff: StaffPrincipal; address: string }
  | { kind: 'admin'; staff: StaffPrincipal; address: string };

/** A supervisor approving, on the spot, an action the logged-in cashier may not do. */
export interface OverrideInput {
  supervisorId: string;
  pin: string;
}

/** Who did an action, and who approved it when the actor lacked the permission. */
export interface Authorization {
  staffId: string;
  tillId: string | null;
  approvedBy: string | null;
}
