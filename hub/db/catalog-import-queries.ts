// SQL for catalog CSV import jobs and their row errors.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export type ImportStatus = 'uploading' | 'checking' | 'checked' | 'importing' | 'done' | 'failed';
export type ImportMode = 'all' | 'valid_only';

export interface ImportSampleRow {
  row: number;
  sku: string;
  name: string | null;
  priceMinor: number | null;
  action: 'create' | 'update';
}

export interface ImportRecord {
  id: string;
  fileName: string;
  status: ImportStatus;
  mode: ImportMode | null;
  bytes: number;
  totalRows: number;
  validRows: number;
  errorRows: number;
  processedRows: number;
  createdProducts: number;
  updatedProducts: number;
  sample: ImportSampleRow[];
  message: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ImportErrorRecord {
  row: number;
  column: string | null;
  message: string;
}

interface RawImport {
  id: string;
  file_name: string;
  status: ImportStatus;
  mode: ImportMode | null;
  bytes: number;
  total_rows: number;
  valid_rows: number;
  error_rows: number;
  processed_rows: number;
  created_products: number;
  updated_products: number;
  sample: string;
  message: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

const toImport = (r: RawImport): ImportRecord => ({
  id: r.id,
  fileName: r.file_name,
  status: r.status,
  mode: r.mode,
  bytes: r.bytes,
  totalRows: r.total_rows,
  validRows: r.valid_rows,
  errorRows: r.error_rows,
  processedRows: r.processed_rows,
  createdProducts: r.created_products,
  updatedProducts: r.updated_products,
  sample: JSON.parse(r.sample) as ImportSampleRow[],
  message: r.message,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function getImport(db: Db, id: string): ImportRecord | undefined {
  const row = stmt<[string], RawImport>(db, 'SELECT * FROM catalog_imports WHERE id = ?').get(id);
  return row && toImport(row);
}

export function listImports(db: Db, limit: number, offset: number): { items: ImportRecord[]; total: number } {
  const items = stmt<[number, number], RawImport>(
    db,
    'SELECT * FROM catalog_imports ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
  )
    .all(limit, offset)
    .map(toImport);
  const total = stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM catalog_imports').get()?.n ?? 0;
  return { items, total };
}

export function insertImport(
  db: Db,
  r: { id: string; fileName: string; createdBy: string | null; at: string },
): void {
  stmt(
    db,
    `INSERT INTO catalog_imports (id, file_name, status, created_by, created_at, updated_at)
     VALUES (?, ?, 'uploading', ?, ?, ?)`,
  ).run(r.id, r.fileName, r.createdBy, r.at, r.at);
}

/** Sets the given fields (camelCase names of ImportRecord) and updated_at. */
export function updateImport(
  db: Db,
  id: string,
  at: string,
  fields: Partial<Omit<ImportRecord, 'id' | 'fileName' | 'createdBy' | 'createdAt' | 'updatedAt'>>,
): void {
  const columns: Record<string, string> = {
    status: 'status',
    mode: 'mode',
    bytes: 'bytes',
    totalRows: 'total_rows',
    validRows: 'valid_rows',
    errorRows: 'error_rows',
    processedRows: 'processed_rows',
    createdProducts: 'created_products',
    updatedProducts: 'updated_products',
    sample: 'sample',
    message: 'message',
  };
  const entries = Object.entries(fields);
  const sets = entries.map(([k]) => `${columns[k]} = ?`);
  const values = entries.map(([k, v]) =>
    k === 'sample' ? JSON.stringify(v) : (v as string | number | null),
  );
  stmt(db, `UPDATE catalog_imports SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`).run(
    ...values,
    at,
    id,
  );
}

/** Jobs a stopped hub left half-way; they are marked failed when it starts again. */
export function failUnfinishedImports(db: Db, at: string, message: string): number {
  return stmt(
    db,
    `UPDATE catalog_imports SET status = 'failed', message = ?, updated_at = ?
     WHERE status IN ('checking', 'importing')`,
  ).run(message, at).changes;
}

export function insertImportError(db: Db, importId: string, seq: number, e: ImportErrorRecord): void {
  stmt(
    db,
    'INSERT INTO catalog_import_errors (import_id, seq, row, column_name, message) VALUES (?, ?, ?, ?, ?)',
  ).run(importId, seq, e.row, e.column, e.message);
}

export function deleteImportErrors(db: Db, importId: string): void {
  stmt(db, 'DELETE FROM catalog_import_errors WHERE import_id = ?').run(importId);
}

export function importErrors(
  db: Db,
  importId: string,
  limit: number,
  offset: number,
): { items: ImportErrorRecord[]; total: number } {
  const items = stmt<[string, number, number], ImportErrorRecord>(
    db,
    `SELECT row, column_name AS "column", message FROM catalog_import_errors WHERE import_id = ?
     ORDER BY seq LIMIT ? OFFSET ?`,
  ).all(importId, limit, offset);
  const total =
    stmt<[string], { n: number }>(
      db,
      'SELECT count(*) AS n FROM catalog_import_errors WHERE import_id = ?',
    ).get(importId)?.n ?? 0;
  return { items, total };
}
