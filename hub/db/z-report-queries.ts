import type { Db } from './connection.js';

export interface ZReportRow {
  number: number;
  session_id: string;
  till_id: string;
  at: string;
  report: string;
  grand_total_minor: number;
  grand_returns_minor: number;
  journal_seq: number;
}

const Z_COLUMNS =
  'number, session_id, till_id, at, report, grand_total_minor, grand_returns_minor, journal_seq';

export function selectZReport(db: Db, number: number): ZReportRow | undefined {
  return db.prepare<[number], ZReportRow>(`SELECT ${Z_COLUMNS} FROM z_reports WHERE number = ?`).get(number);
}

export function selectZReportBySession(db: Db, sessionId: string): ZReportRow | undefined {
  return db
    .prepare<[string], ZReportRow>(`SELECT ${Z_COLUMNS} FROM z_reports WHERE session_id = ?`)
    .get(sessionId);
}

/** The grand totals carried forward from the last Z (zero before the first). */
export function selectLastGrandTotals(db: Db): { grandTotalMinor: number; grandReturnsMinor: number } {
  const row = db
    .prepare<[], { grand_total_minor: number; grand_returns_minor: number }>(
      'SELECT grand_total_minor, grand_returns_minor FROM z_reports ORDER BY number DESC LIMIT 1',
    )
    .get();
  return { grandTotalMinor: row?.grand_total_minor ?? 0, grandReturnsMinor: row?.grand_returns_minor ?? 0 };
}

export interface NewZReport {
  number: number;
  sessionId: string;
  tillId: string;
  at: string;
  report: string;
  grandTotalMinor: number;
  grandReturnsMinor: number;
  journalSeq: number;
}

export function insertZReport(db: Db, z: NewZReport): void {
  db.prepare(
    `INSERT INTO z_reports (number, session_id, till_id, at, report, grand_total_minor, grand_returns_minor, journal_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    z.number,
    z.sessionId,
    z.tillId,
    z.at,
    z.report,
    z.grandTotalMinor,
    z.grandReturnsMinor,
    z.journalSeq,
  );
}

/** Newest first. `tillId` null lists the whole store (admin); otherwise one till's reports. */
export function listZReports(db: Db, tillId: string | null, limit: number, offset: number): ZReportRow[] {
  return db
    .prepare<[string | null, string | null, number, number], ZReportRow>(
      `SELECT ${Z_COLUMNS} FROM z_reports WHERE (? IS NULL OR till_id = ?) ORDER BY number DESC LIMIT ? OFFSET ?`,
    )
    .all(tillId, tillId, limit, offset);
}

export function countZReports(db: Db, tillId: string | null): number {
  return (
    db
      .prepare<[string | null, string | null], { n: number }>(
        'SELECT COUNT(*) AS n FROM z_reports WHERE (? IS NULL OR till_id = ?)',
      )
      .get(tillId, tillId)?.n ?? 0
  );
}
