// SQL for suppliers: the companies purchase orders go to.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface SupplierRow {
  id: string;
  name: string;
  contact: string;
  email: string;
  phone: string;
  note: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export function selectSupplier(db: Db, id: string): SupplierRow | undefined {
  return stmt<[string], SupplierRow>(db, 'SELECT * FROM suppliers WHERE id = ?').get(id);
}

/** By name; archived ones only when asked. */
export function selectSuppliers(db: Db, includeArchived: boolean): SupplierRow[] {
  return stmt<[number], SupplierRow>(
    db,
    'SELECT * FROM suppliers WHERE (? = 1 OR archived_at IS NULL) ORDER BY name COLLATE NOCASE, id',
  ).all(includeArchived ? 1 : 0);
}

export function upsertSupplier(db: Db, row: SupplierRow): void {
  stmt<[SupplierRow]>(
    db,
    `INSERT INTO suppliers (id, name, contact, email, phone, note, archived_at, created_at, updated_at)
     VALUES (@id, @name, @contact, @email, @phone, @note, @archived_at, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, contact = excluded.contact, email = excluded.email,
       phone = excluded.phone, note = excluded.note, archived_at = excluded.archived_at,
       updated_at = excluded.updated_at`,
  ).run(row);
}
