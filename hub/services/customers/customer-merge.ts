import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import * as m from '../../db/customer-merge-queries.js';
import * as q from '../../db/customers-queries.js';
import { BusinessRuleError, NotFoundError } from '../../errors.js';
import { auditActor } from '../access/audit-actor.js';
import { requirePermission } from '../access/guards.js';
import { nameWords, phoneDigits } from './customer-fields.js';
import { toCustomer, type Customer } from './customer-service.js';

export interface MergeResult {
  customer: Customer;
  mergedId: string;
  /** Rows moved per table.column (sales, loyalty_entries, ...). */
  moved: Record<string, number>;
}

export interface MergeRecord {
  mergedId: string;
  mergedName: string;
  moved: Record<string, number>;
  at: string;
}

/** The kept customer's fields, filled from the duplicate where the kept one has nothing. */
function combined(keep: q.CustomerRow, dup: q.CustomerRow): q.CustomerRow {
  const notes = [keep.notes, dup.notes].filter((n) => n.trim() !== '').join('\n');
  const consentFromDup = keep.marketing_consent === 0 && dup.marketing_consent === 1;
  return {
    ...keep,
    phone: keep.phone ?? dup.phone,
    email: keep.email ?? dup.email,
    tax_id: keep.tax_id ?? dup.tax_id,
    notes: notes.slice(0, 2000),
    // Consent given on either record stands, with the date it was given.
    marketing_consent: consentFromDup ? 1 : keep.marketing_consent,
    consent_at: consentFromDup ? dup.consent_at : keep.consent_at,
  };
}

/**
 * Merges a duplicate customer into the one kept, in one transaction: every row that refers to the
 * duplicate (sales, the points ledger with its balance and lifetime, earlier merges) moves to the kept
 * customer, missing contact details are filled in, the duplicate is deleted and the merge is recorded and
 * audited. Needs 'customers.manage'.
 */
export class CustomerMergeService {
  constructor(private readonly ctx: HubContext) {}

  merge(principal: Principal, keepId: string, duplicateId: string): MergeResult {
    requirePermission(principal, 'customers.manage');
    if (keepId === duplicateId) {
      throw new BusinessRuleError('MERGE_SAME_CUSTOMER', 'A customer cannot be merged into itself', {
        id: keepId,
      });
    }
    return this.ctx.tx.write((tx) => {
      const keep = q.getCustomer(tx.db, keepId);
      if (!keep) throw new NotFoundError('Customer', keepId);
      const dup = q.getCustomer(tx.db, duplicateId);
      if (!dup) throw new NotFoundError('Customer', duplicateId);
      const moved: Record<string, number> = {};
      for (const ref of m.customerReferences(tx.db)) {
        const n = m.moveReferences(tx.db, ref, duplicateId, keepId);
        if (n > 0) moved[`${ref.table}.${ref.column}`] = n;
      }
      const fields = combined(keep, dup);
      q.deleteCustomer(tx.db, duplicateId);
      q.updateCustomer(tx.db, { ...fields, updated_at: tx.at });
      q.replaceSearchKeys(tx.db, keepId, nameWords(fields.name), phoneDigits(fields.phone));
      m.insertMerge(tx.db, {
        merged_id: duplicateId,
        into_id: keepId,
        merged_name: dup.name,
        details: JSON.stringify({ moved, duplicate: toCustomer(dup) }),
        at: tx.at,
      });
      tx.audit({
        ...auditActor(principal),
        action: 'customer.merge',
        target: keepId,
        details: { duplicateId, duplicateName: dup.name, moved },
      });
      const customer = toCustomer({ ...fields, updated_at: tx.at });
      tx.outbox('customer', duplicateId, 'delete', { id: duplicateId, mergedInto: keepId });
      tx.outbox('customer', keepId, 'upsert', customer);
      tx.emit({ name: 'customer.changed', payload: { customerId: duplicateId } });
      tx.emit({ name: 'customer.changed', payload: { customerId: keepId } });
      return { customer, mergedId: duplicateId, moved };
    });
  }

  /** The customers merged into this one, newest first. */
  mergesInto(principal: Principal, id: string): MergeRecord[] {
    requirePermission(principal, 'customers.manage');
    return this.ctx.tx.read((db) =>
      m.selectMergesInto(db, id).map((r) => ({
        mergedId: r.merged_id,
        mergedName: r.merged_name,
        moved: (JSON.parse(r.details) as { moved: Record<string, number> }).moved,
        at: r.at,
      })),
    );
  }
}
