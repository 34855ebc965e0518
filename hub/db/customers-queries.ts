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
  /** Folded name words (each must start a word of the name), or empty to skip. */
  words: string[];
  /** Lower-case email prefix, or null. */
  email: string | null;
  /** Phone digits found anywhere in the number, or null. */
  phoneDigits: string | null;
  /** The search had a leading '+': the digits must start the number. */
  phoneFromStart: boolean;
}

/**
 * Rewrites the search keys of one customer (see 010_customer_search.sql): every word of the folded name
 * and every suffix of the phone digits. Runs in the caller's write transaction with the customer row.
 */
export function replaceSearchKeys(
  db: Db,
  customerId: string,
  words: readonly string[],
  phoneDigits: string | null,
): void {
  db.prepare('DELETE FROM customer_name_words WHERE customer_id = ?').run(customerId);
  db.prepare('DELETE FROM customer_phone_keys WHERE customer_id = ?').run(customerId);
  const word = db.prepare('INSERT OR IGNORE INTO customer_name_words (word, customer_id) VALUES (?, ?)');
  for (const w of words) word.run(w, customerId);
  if (phoneDigits === null) return;
  const key = db.prepare(
    'INSERT OR IGNORE INTO customer_phone_keys (key, customer_id, is_start) VALUES (?, ?, ?)',
  );
  for (let i = 0; i < phoneDigits.length; i++) key.run(phoneDigits.slice(i), customerId, i === 0 ? 1 : 0);
}

/**
 * The ids a search matches, as a union of index range scans: the name words (all of them, each the
 * start of some word), the email prefix and the phone digits. Never a scan of customers.
 */
function matchingIds(search: CustomerSearch): { sql: string; params: unknown[] } | null {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (search.words.length > 0) {
    parts.push(
      search.words
        .map(() => 'SELECT customer_id FROM customer_name_words WHERE word >= ? AND word < ?')
        .join(' INTERSECT '),
    );
    for (const w of search.words) params.push(w, upper(w));
  }
  if (search.email !== null) {
    parts.push('SELECT id FROM customers WHERE lower(email) >= ? AND lower(email) < ?');
    params.push(search.email, upper(search.email));
  }
  if (search.phoneDigits !== null) {
    parts.push(
      `SELECT customer_id FROM customer_phone_keys WHERE key >= ? AND key < ?${
        search.phoneFromStart ? ' AND is_start = 1' : ''
      }`,
    );
    params.push(search.phoneDigits, upper(search.phoneDigits));
  }
  if (parts.length === 0) return null;
  // Each part in its own sub-select, so INTERSECT binds within the name part only.
  return { sql: parts.map((p) => `SELECT * FROM (${p})`).join(' UNION '), params };
}

/** The statements a search runs, exported so a test can check their query plans. */
export function customerSearchSql(search: CustomerSearch): { sql: string; params: unknown[] } {
  const ids = matchingIds(search);
  if (ids === null) return { sql: 'SELECT * FROM customers', params: [] };
  return { sql: `SELECT * FROM customers WHERE id IN (${ids.sql})`, params: ids.params };
}

export function searchCustomers(
  db: Db,
  search: CustomerSearch,
  limit: number,
  offset: number,
): CustomerRow[] {
  const { sql, params } = customerSearchSql(search);
  return db
    .prepare(`${sql} ORDER BY name_key, id LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as CustomerRow[];
}

export function countCustomers(db: Db, search: CustomerSearch): number {
  const { sql, params } = customerSearchSql(search);
  return (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
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
