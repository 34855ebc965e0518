import type { Db } from './connection.js';

export interface CustomerReference {
  table: string;
  column: string;
}

/** The search-key tables are rewritten by the service, not moved. */
const REWRITTEN = new Set(['customer_phone_keys', 'customer_name_words']);

/**
 * Every column of every table that refers to customers(id), read from the schema: sales, the points
 * ledger, and whatever another area adds later (a promotion's customer list), so a merge never leaves a
 * row behind that would block deleting the duplicate.
 */
export function customerReferences(db: Db): CustomerReference[] {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
  const refs: CustomerReference[] = [];
  for (const { name } of tables) {
    if (REWRITTEN.has(name)) continue;
    const keys = db.pragma(`foreign_key_list("${name.replaceAll('"', '""')}")`) as {
      table: string;
      from: string;
    }[];
    for (const key of keys) if (key.table === 'customers') refs.push({ table: name, column: key.from });
  }
  return refs;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Points the rows of one reference from the duplicate to the customer kept. A row that would then clash
 * with one the kept customer already has (a unique key) is the same fact twice and is dropped. Returns
 * how many rows moved.
 */
export function moveReferences(db: Db, ref: CustomerReference, fromId: string, toId: string): number {
  const table = quote(ref.table);
  const column = quote(ref.column);
  const moved = db
    .prepare(`UPDATE OR IGNORE ${table} SET ${column} = ? WHERE ${column} = ?`)
    .run(toId, fromId);
  db.prepare(`DELETE FROM ${table} WHERE ${column} = ?`).run(fromId);
  return moved.changes;
}

export function insertMerge(
  db: Db,
  row: { merged_id: string; into_id: string; merged_name: string; details: string; at: string },
): void {
  db.prepare(
    `INSERT INTO customer_merges (merged_id, into_id, merged_name, details, at)
     VALUES (@merged_id, @into_id, @merged_name, @details, @at)`,
  ).run(row);
}

export interface MergeRow {
  merged_id: string;
  merged_name: string;
  details: string;
  at: string;
}

export function selectMergesInto(db: Db, intoId: string): MergeRow[] {
  return db
    .prepare<[string], MergeRow>(
      'SELECT merged_id, merged_name, details, at FROM customer_merges WHERE into_id = ? ORDER BY at DESC',
    )
    .all(intoId);
}
