// SQL for store_settings, tax_classes and tenders. Parameterised statements only; the services own the
// rules and the transactions.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface TaxClassRow {
  id: string;
  code: string | null;
  name: string;
  rateBp: number;
  active: boolean;
  updatedAt: string;
}

export type TenderKind =
  'cash' | 'card' | 'mobile' | 'voucher' | 'store_credit' | 'other' | 'gift_card' | 'loyalty';

export interface TenderRow {
  id: string;
  kind: TenderKind;
  name: string;
  enabled: boolean;
  sort: number;
}

interface RawTaxClass {
  id: string;
  code: string | null;
  name: string;
  rate_bp: number;
  active: number;
  updated_at: string;
}

interface RawTender {
  id: string;
  kind: TenderKind;
  name: string;
  enabled: number;
  sort: number;
}

const toTaxClass = (r: RawTaxClass): TaxClassRow => ({
  id: r.id,
  code: r.code,
  name: r.name,
  rateBp: r.rate_bp,
  active: r.active === 1,
  updatedAt: r.updated_at,
});

const toTender = (r: RawTender): TenderRow => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  enabled: r.enabled === 1,
  sort: r.sort,
});

// --- store_settings --------------------------------------------------------------------------------

/** The saved settings document (JSON text), or undefined for a store that has never saved them. */
export function readSettingsJson(db: Db): string | undefined {
  return db.prepare<[], { settings: string }>('SELECT settings FROM store_settings WHERE id = 1').get()
    ?.settings;
}

export function writeSettingsJson(db: Db, json: string, at: string): void {
  db.prepare(
    `INSERT INTO store_settings (id, settings, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  ).run(json, at);
}

// --- tax_classes -----------------------------------------------------------------------------------

export function listTaxClasses(db: Db): TaxClassRow[] {
  return db
    .prepare<[], RawTaxClass>('SELECT * FROM tax_classes ORDER BY active DESC, rate_bp DESC, name')
    .all()
    .map(toTaxClass);
}

/** Read for every product written (a catalog import writes thousands), so prepared once per connection. */
export function getTaxClass(db: Db, id: string): TaxClassRow | undefined {
  const row = stmt<[string], RawTaxClass>(db, 'SELECT * FROM tax_classes WHERE id = ?').get(id);
  return row && toTaxClass(row);
}

export function getTaxClassByCode(db: Db, code: string): TaxClassRow | undefined {
  const row = db.prepare<[string], RawTaxClass>('SELECT * FROM tax_classes WHERE code = ?').get(code);
  return row && toTaxClass(row);
}

export function findTaxClassByName(db: Db, name: string): TaxClassRow | undefined {
  const row = db.prepare<[string], RawTaxClass>('SELECT * FROM tax_classes WHERE name = ?').get(name);
  return row && toTaxClass(row);
}

export function upsertTaxClass(db: Db, row: TaxClassRow): void {
  db.prepare(
    `INSERT INTO tax_classes (id, code, name, rate_bp, active, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, rate_bp = excluded.rate_bp,
       active = excluded.active, updated_at = excluded.updated_at`,
  ).run(row.id, row.code, row.name, row.rateBp, row.active ? 1 : 0, row.updatedAt);
}

export function deleteTaxClass(db: Db, id: string): void {
  db.prepare('DELETE FROM tax_classes WHERE id = ?').run(id);
}

/** How many products (archived ones included: they can be unarchived) use the tax class. */
export function countProductsWithTaxClass(db: Db, id: string): number {
  return (
    db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM products WHERE tax_class_id = ?').get(id)
      ?.n ?? 0
  );
}

// --- tenders ---------------------------------------------------------------------------------------

export function listTenders(db: Db): TenderRow[] {
  return db.prepare<[], RawTender>('SELECT * FROM tenders ORDER BY sort, name').all().map(toTender);
}

export function getTender(db: Db, id: string): TenderRow | undefined {
  const row = db.prepare<[string], RawTender>('SELECT * FROM tenders WHERE id = ?').get(id);
  return row && toTender(row);
}

export function countTendersOfKind(db: Db, kind: TenderKind): number {
  return (
    db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM tenders WHERE kind = ?').get(kind)?.n ?? 0
  );
}

export function countEnabledTenders(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tenders WHERE enabled = 1').get()?.n ?? 0;
}

export function upsertTender(db: Db, row: TenderRow): void {
  db.prepare(
    `INSERT INTO tenders (id, kind, name, enabled, sort) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, enabled = excluded.enabled,
       sort = excluded.sort`,
  ).run(row.id, row.kind, row.name, row.enabled ? 1 : 0, row.sort);
}
