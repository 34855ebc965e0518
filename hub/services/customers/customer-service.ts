import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import * as q from '../../db/customers-queries.js';
import type { Tx } from '../../db/transactor.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from '../access/audit-actor.js';
import { requireAuthenticated, requirePermission, staffOf } from '../access/guards.js';
import { nameKey, nameWords, normalizePhone, phoneDigits, searchTerms } from './customer-fields.js';

export interface Customer {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  taxId: string | null;
  notes: string;
  marketingConsent: boolean;
  consentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Fields as the HTTP layer validated them (trimmed, bounded, email checked). */
export interface CustomerInput {
  name: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  taxId?: string | null | undefined;
  notes?: string | undefined;
  marketingConsent?: boolean | undefined;
}

export interface Page<T> {
  items: T[];
  total: number;
  nextOffset: number | null;
}

/** One page of a list read with limit and offset, and where the next one starts. */
export function pageAt<T>(items: T[], total: number, offset: number): Page<T> {
  return { items, total, nextOffset: offset + items.length < total ? offset + items.length : null };
}

export interface PurchaseHistory extends Page<{
  saleId: string;
  kind: 'sale' | 'return';
  tillId: string;
  receiptCode: string | null;
  currency: string;
  totalMinor: number;
  completedAt: string;
}> {
  /** Per currency; returns are stored positive (see 006_sales.sql), so net = sales - returns. */
  totals: {
    currency: string;
    salesCount: number;
    salesMinor: number;
    returnsCount: number;
    returnsMinor: number;
    netMinor: number;
  }[];
}

/**
 * Customers: any till or staff may look them up; any logged-in staff member may create and edit (the
 * cashier adds a customer at the counter); deleting needs 'customers.manage' and is refused while sales
 * refer to the customer, because receipts must keep their customer.
 */
export class CustomerService {
  constructor(private readonly ctx: HubContext) {}

  search(principal: Principal, text: string | undefined, limit: number, offset: number): Page<Customer> {
    requireAuthenticated(principal);
    const terms = searchTerms(text);
    return this.ctx.tx.read((db) => {
      const items = q.searchCustomers(db, terms, limit, offset).map(toCustomer);
      const total = q.countCustomers(db, terms);
      return { items, total, nextOffset: offset + items.length < total ? offset + items.length : null };
    });
  }

  get(principal: Principal, id: string): Customer {
    requireAuthenticated(principal);
    return toCustomer(this.load(id));
  }

  create(principal: Principal, input: CustomerInput & { id?: string | undefined }): Customer {
    staffOf(principal);
    const id = input.id ?? newId();
    return this.ctx.tx.write((tx) => {
      const fields = toFields(input, null, tx.at);
      const existing = q.getCustomer(tx.db, id);
      if (existing) {
        // A retried create (the till makes the id) answers with what it made; anything else is a clash.
        if (sameFields(existing, fields)) return toCustomer(existing);
        throw new ConflictError(
          `Customer ${id} already exists with other details`,
          { id },
          'CUSTOMER_EXISTS',
        );
      }
      q.insertCustomer(tx.db, { id, ...fields, created_at: tx.at, updated_at: tx.at });
      q.replaceSearchKeys(tx.db, id, nameWords(fields.name), phoneDigits(fields.phone));
      return this.changed(tx, id);
    });
  }

  update(principal: Principal, id: string, input: Partial<CustomerInput>): Customer {
    staffOf(principal);
    return this.ctx.tx.write((tx) => {
      const current = this.load(id);
      const merged: CustomerInput = {
        name: input.name ?? current.name,
        phone: input.phone === undefined ? current.phone : input.phone,
        email: input.email === undefined ? current.email : input.email,
        taxId: input.taxId === undefined ? current.tax_id : input.taxId,
        notes: input.notes ?? current.notes,
        marketingConsent: input.marketingConsent ?? current.marketing_consent === 1,
      };
      const fields = toFields(merged, current, tx.at);
      q.updateCustomer(tx.db, { id, ...fields, updated_at: tx.at });
      q.replaceSearchKeys(tx.db, id, nameWords(fields.name), phoneDigits(fields.phone));
      return this.changed(tx, id);
    });
  }

  delete(principal: Principal, id: string): void {
    requirePermission(principal, 'customers.manage');
    this.ctx.tx.write((tx) => {
      const current = this.load(id);
      const sales = q.countSalesOfCustomer(tx.db, id);
      if (sales > 0) {
        throw new ConflictError('Sales refer to this customer', { id, sales }, 'CUSTOMER_HAS_SALES');
      }
      q.deleteCustomer(tx.db, id);
      tx.audit({
        ...auditActor(principal),
        action: 'customer.delete',
        target: id,
        details: { name: current.name },
      });
      tx.outbox('customer', id, 'delete', { id });
      tx.emit({ name: 'customer.changed', payload: { customerId: id } });
    });
  }

  history(principal: Principal, id: string, limit: number, offset: number): PurchaseHistory {
    requireAuthenticated(principal);
    return this.ctx.tx.read((db) => {
      this.load(id);
      const rows = q.purchaseTotals(db, id);
      const currencies = [...new Set(rows.map((r) => r.currency))];
      const totals = currencies.map((currency) => {
        const sale = rows.find((r) => r.currency === currency && r.kind === 'sale');
        const ret = rows.find((r) => r.currency === currency && r.kind === 'return');
        const salesMinor = sale?.total_minor ?? 0;
        const returnsMinor = ret?.total_minor ?? 0;
        return {
          currency,
          salesCount: sale?.count ?? 0,
          salesMinor,
          returnsCount: ret?.count ?? 0,
          returnsMinor,
          netMinor: salesMinor - returnsMinor,
        };
      });
      const total = rows.reduce((n, r) => n + r.count, 0);
      const items = q.listPurchases(db, id, limit, offset).map((r) => ({
        saleId: r.id,
        kind: r.kind,
        tillId: r.till_id,
        receiptCode: r.receipt_code,
        currency: r.currency,
        totalMinor: r.total_minor,
        completedAt: r.completed_at,
      }));
      return {
        items,
        total,
        nextOffset: offset + items.length < total ? offset + items.length : null,
        totals,
      };
    });
  }

  private changed(tx: Tx, id: string): Customer {
    const customer = toCustomer(this.load(id));
    tx.outbox('customer', id, 'upsert', customer);
    tx.emit({ name: 'customer.changed', payload: { customerId: id } });
    return customer;
  }

  private load(id: string): q.CustomerRow {
    const row = q.getCustomer(this.ctx.db, id);
    if (!row) throw new NotFoundError('Customer', id);
    return row;
  }
}

type Fields = Omit<q.CustomerRow, 'id' | 'created_at' | 'updated_at'>;

function toFields(input: CustomerInput, current: q.CustomerRow | null, at: string): Fields {
  const consent = input.marketingConsent === true;
  // Consent is dated when it is given; keeping it does not move the date, withdrawing clears it.
  const consentAt = consent ? (current?.marketing_consent === 1 ? current.consent_at : at) : null;
  return {
    name: input.name,
    name_key: nameKey(input.name),
    phone: input.phone ? normalizePhone(input.phone) : null,
    email: input.email ? input.email.toLowerCase() : null,
    tax_id: input.taxId ? input.taxId : null,
    notes: input.notes ?? '',
    marketing_consent: consent ? 1 : 0,
    consent_at: consentAt,
  };
}

function sameFields(row: q.CustomerRow, fields: Fields): boolean {
  return (
    row.name === fields.name &&
    row.phone === fields.phone &&
    row.email === fields.email &&
    row.tax_id === fields.tax_id &&
    row.notes === fields.notes &&
    row.marketing_consent === fields.marketing_consent
  );
}

export function toCustomer(row: q.CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    taxId: row.tax_id,
    notes: row.notes,
    marketingConsent: row.marketing_consent === 1,
    consentAt: row.consent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
