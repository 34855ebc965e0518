import type { Permission } from '../../contract/permissions.js';
import type { OverrideInput } from '../../contract/principal.js';
import { insertOverride } from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
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

/** A supervisor's approval is kept on the sale it allowed, with what exactly was approved. */
export function recordOverrides(
  tx: Tx,
  saleId: string,
  cashierId: string,
  approvals: readonly Approval[],
): void {
  for (const a of approvals) {
    if (a.approvedBy === null) continue;
    insertOverride(tx.db, {
      saleId,
      permission: a.permission,
      cashierId,
      supervisorId: a.approvedBy,
      details: JSON.stringify({ items: a.details }),
      at: tx.at,
    });
    tx.audit({
      actorKind: 'staff',
      actorId: cashierId,
      action: `override:${a.permission}`,
      target: saleId,
      details: { supervisorId: a.approvedBy, items: a.details },
    });
  }
}
