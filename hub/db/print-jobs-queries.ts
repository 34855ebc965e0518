import type { Db } from './connection.js';

export type PrintJobKind = 'receipt' | 'copy' | 'report' | 'test';
export type PrintJobStatus = 'queued' | 'sent' | 'done' | 'failed';

export interface PrintJobRow {
  id: string;
  device_id: string;
  till_id: string | null;
  sale_id: string | null;
  kind: PrintJobKind;
  status: PrintJobStatus;
  attempts: number;
  last_error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  done_at: string | null;
}

/** Everything but the payload: lists and views never need the bytes. */
const COLUMNS =
  'id, device_id, till_id, sale_id, kind, status, attempts, last_error, created_by, created_at, updated_at, sent_at, done_at';

export interface NewPrintJob {
  id: string;
  deviceId: string;
  tillId: string | null;
  saleId: string | null;
  kind: PrintJobKind;
  payload: Buffer;
  createdBy: string | null;
  at: string;
}

export function insertPrintJob(db: Db, job: NewPrintJob): void {
  db.prepare(
    `INSERT INTO print_jobs (id, device_id, till_id, sale_id, kind, status, attempts, payload, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?)`,
  ).run(job.id, job.deviceId, job.tillId, job.saleId, job.kind, job.payload, job.createdBy, job.at, job.at);
}

export function selectPrintJob(db: Db, id: string): PrintJobRow | undefined {
  return db.prepare<[string], PrintJobRow>(`SELECT ${COLUMNS} FROM print_jobs WHERE id = ?`).get(id);
}

export function selectPayload(db: Db, id: string): Buffer | undefined {
  return db.prepare<[string], { payload: Buffer }>('SELECT payload FROM print_jobs WHERE id = ?').get(id)
    ?.payload;
}

export function selectReceiptJobOfSale(db: Db, saleId: string): PrintJobRow | undefined {
  return db
    .prepare<[string], PrintJobRow>(
      `SELECT ${COLUMNS} FROM print_jobs WHERE sale_id = ? AND kind = 'receipt'`,
    )
    .get(saleId);
}

export interface JobChange {
  id: string;
  status: PrintJobStatus;
  attempts: number;
  lastError: string | null;
  at: string;
  sentAt?: string | null;
  doneAt?: string | null;
}

export function updatePrintJob(db: Db, c: JobChange): void {
  db.prepare(
    `UPDATE print_jobs SET status = ?, attempts = ?, last_error = ?, updated_at = ?,
       sent_at = COALESCE(?, sent_at), done_at = COALESCE(?, done_at) WHERE id = ?`,
  ).run(c.status, c.attempts, c.lastError, c.at, c.sentAt ?? null, c.doneAt ?? null, c.id);
}

/** The next job a printer should print: the oldest one in flight or waiting. */
export function selectHeadJob(db: Db, deviceId: string): PrintJobRow | undefined {
  return db
    .prepare<[string], PrintJobRow>(
      `SELECT ${COLUMNS} FROM print_jobs WHERE device_id = ? AND status IN ('queued', 'sent') ORDER BY id LIMIT 1`,
    )
    .get(deviceId);
}

/** Printers that have work waiting. */
export function selectDevicesWithWork(db: Db): string[] {
  return db
    .prepare<[], { device_id: string }>(
      "SELECT DISTINCT device_id FROM print_jobs WHERE status IN ('queued', 'sent')",
    )
    .all()
    .map((r) => r.device_id);
}

export interface JobFilter {
  status: PrintJobStatus | null;
  tillId: string | null;
  deviceId: string | null;
}

function where(f: JobFilter): { sql: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  const add = (sql: string, value: string | null) => {
    if (value === null) return;
    parts.push(sql);
    args.push(value);
  };
  add('status = ?', f.status);
  add('till_id = ?', f.tillId);
  add('device_id = ?', f.deviceId);
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', args };
}

/** Newest first, as an operator looks for the job that just failed. */
export function listPrintJobs(db: Db, f: JobFilter, limit: number, offset: number): PrintJobRow[] {
  const w = where(f);
  return db
    .prepare<(string | number)[], PrintJobRow>(
      `SELECT ${COLUMNS} FROM print_jobs ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(...w.args, limit, offset);
}

export function countPrintJobs(db: Db, f: JobFilter): number {
  const w = where(f);
  return (
    db.prepare<string[], { n: number }>(`SELECT COUNT(*) AS n FROM print_jobs ${w.sql}`).get(...w.args)?.n ??
    0
  );
}
