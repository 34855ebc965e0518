import type { Db } from './connection.js';

export interface CustomerRow {
  id: string;
  name: string;
  name_key: string;
  phone: string | null;
  email: string | null;
  tax_id: string | null;
  notes: string;
  marketing_consent: number;
  consent_at: string | null;
  created_at: string;
  updated_at: string;
}

export function insertCustomer(db: Db, row: CustomerRow): void {
  db.prepare(
    `INSERT INTO customers (id, name, name_key, phone, email, tax_id, notes, marketing_consent, consent_at,
       created_at, updated_at)
     VALUES (@id, @name, @name_key, @phone, @email, @tax_id, @notes, @marketing_consent, @consent_at,
       @created_at, @updated_at)`,
  ).run(row);
}

export function updateCustomer(db: Db, row: Omit<CustomerRow, 'created_at'>): void {
  db.prepare(
    `UPDATE customers SET name = @name, name_key = @name_key, phone = @phone, email = @email, tax_id = @tax_id,
       notes = @notes, marketing_consent = @marketing_consent, consent_at = @consent_at, updated_at = @updated_at
     WHERE id = @id`,
  ).run(row);
}

export function getCustomer(db: Db, id: string): CustomerRow | undefined {
  return db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
}

export function deleteCustomer(db: Db, id: string): void {
  db.prepare('DELETE FROM customers WHERE id = ?').run(id);
}

/** Prefix bounds: [prefix, prefix + U+10FFFF) matches every string starting with prefix and uses the index. */
function upper(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

export interface CustomerSearch {
  /** Folded name prefix, or null to skip. */
  name: string | null;
  /** Lower-case email prefix, or null. */
  email: string | null;
  /** Normalised phone prefix, or null. */
  phone: string | null;
}

const SEARCH_WHERE = `WHERE (@all = 1
    OR (@name IS NOT NULL AND name_key >= @name AND name_key < @nameEnd)
    OR (@email IS NOT NULL AND lower(email) >= @email AND lower(email) < @emailEnd)
    OR (@phone IS NOT NULL AND phone >= @phone AND phone < @phoneEnd))`;

function searchParams(search: CustomerSearch) {
  const all = search.name === null && search.email === null && search.phone === null ? 1 : 0;
  return {
    all,
    name: search.name,
    nameEnd: search.name === null ? null : upper(search.name),
    email: search.email,
    emailEnd: search.email === null ? null : upper(search.email),
    phone: search.phone,
    phoneEnd: search.phone === null ? null : upper(search.phone),
  };
}

export function searchCustomers(
  db: Db,
  search: CustomerSearch,
  limit: number,
  offset: number,
): CustomerRow[] {
  return db
    .prepare(`SELECT * FROM customers ${SEARCH_WHERE} ORDER BY name_key, id LIMIT @limit OFFSET @offset`)
    .all({ ...searchParams(search), limit, offset }) as CustomerRow[];
}

export function countCustomers(db: Db, search: CustomerSearch): number {
  return (
    db.prepare(`SELECT count(*) AS n FROM customers ${SEARCH_WHERE}`).get(searchParams(search)) as {
      n: number;
    }
  ).n;
}

export function countSalesOfCustomer(db: Db, customerId: string): number {
  return (
    db.prepare('SELECT count(*) AS n FROM sales WHERE customer_id = ?').get(customerId) as { n: number }
  ).n;
}

export interface PurchaseRow {
  id: string;
  kind: 'sale' | 'return';
  till_id: string;
  receipt_code: string | null;
  currency: string;
  total_minor: number;
  completed_at: string;
}

/** Completed sales and returns of a customer, newest first. Read-only: the sales module writes them. */
export function listPurchases(db: Db, customerId: string, limit: number, offset: number): PurchaseRow[] {
  return db
    .prepare(
      `SELECT id, kind, till_id, receipt_code, currency, total_minor, completed_at FROM sales
       WHERE customer_id = ? AND status = 'completed' ORDER BY completed_at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(customerId, limit, offset) as PurchaseRow[];
}

export interface PurchaseTotalRow {
  currency: string;
  kind: 'sale' | 'return';
  count: number;
  total_minor: number;
}

export function purchaseTotals(db: Db, customerId: string): PurchaseTotalRow[] {
  return db
    .prepare(
      `SELECT currency, kind, count(*) AS count, coalesce(sum(total_minor), 0) AS total_minor FROM sales
       WHERE customer_id = ? AND status = 'completed' GROUP BY currency, kind ORDER BY currency, kind`,
    )
    .all(customerId) as PurchaseTotalRow[];
}
