import type { Permission } from '../../contract/permissions.js';
import type { OverrideInput, Principal } from '../../contract/principal.js';
import { insertOverride } from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import { auditActor } from '../access/audit-actor.js';
import type { PermissionNeed } from './cart-lines.js';
import type { Authorizer } from './deps.js';
import type { SaleActor } from './types.js';

export interface Approval {
  permission: Permission;
  approvedBy: string | null;
  details: Record<string, unknown>[];
}

/**
 * Asks the access service once per distinct permission. This runs before the write transaction: a PIN
 * check is slow (scrypt) and its failed attempts must be recorded even when the sale change is refused.
 */
export async function authorizeNeeds(
  access: Authorizer,
  actor: SaleActor,
  needs: readonly PermissionNeed[],
  override: OverrideInput | null | undefined,
): Promise<Approval[]> {
  const grouped = new Map<Permission, Record<string, unknown>[]>();
  for (const need of needs)
    grouped.set(need.permission, [...(grouped.get(need.permission) ?? []), need.details]);
  const approvals: Approval[] = [];
  for (const [permission, details] of grouped) {
    const auth = await access.authorize(actor.principal, permission, override ?? null);
    approvals.push({ permission, approvedBy: auth.approvedBy, details });
  }
  return approvals;
}

export interface PrivilegedAction {
  /** The permission used, or the action's name ('payment.cancel') when no permission guards it. */
  action: string;
  /** The sale, return or payment acted on. */
  target: string;
  /** The supervisor whose PIN approved it, or null when the actor held the permission. */
  approvedBy?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The one audit row of a privileged action at a till: who (staff and till), what, on what, with which
 * details, and who approved it. Write it in the action's own transaction, so a refused or rolled-back
 * action leaves no 'ok' row behind.
 */
export function auditPrivileged(tx: Tx, principal: Principal, action: PrivilegedAction): void {
  tx.audit({
    ...auditActor(principal),
    action: action.action,
    target: action.target,
    outcome: 'ok',
    details: { ...action.details, approvedBy: action.approvedBy ?? null },
  });
}

/**
 * Records every permission a sale or return change used, inside its write transaction: an audit row
 * each (the actor may hold the permission or a supervisor approved it), and for a supervisor's approval
 * also a row on the sale, with what exactly was approved.
 */
export function recordApprovals(
  tx: Tx,
  saleId: string,
  actor: SaleActor,
  approvals: readonly Approval[],
): void {
  for (const a of approvals) {
    if (a.approvedBy !== null) {
      insertOverride(tx.db, {
        saleId,
        permission: a.permission,
        cashierId: actor.staff.id,
        supervisorId: a.approvedBy,
        details: JSON.stringify({ items: a.details }),
        at: tx.at,
      });
    }
    auditPrivileged(tx, actor.principal, {
      action: a.permission,
      target: saleId,
      approvedBy: a.approvedBy,
      details: { permission: a.permission, items: a.details },
    });
  }
}
