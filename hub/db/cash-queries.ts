import type { Db } from './connection.js';

/** The id of the till's open cash session, or null. The partial unique index guarantees at most one. */
export function selectOpenSessionId(db: Db, tillId: string): string | null {
  const row = db
    .prepare<[string], { id: string }>("SELECT id FROM cash_sessions WHERE till_id = ? AND status = 'open'")
    .get(tillId);
  return row?.id ?? null;
}

export interface CashSessionRow {
  id: string;
  till_id: string;
  status: 'open' | 'closed';
  currency: string;
  opened_by: string;
  opened_at: string;
  float_minor: number;
  float_counts: string | null;
  closed_by: string | null;
  closed_at: string | null;
  expected_minor: number | null;
  counted_minor: number | null;
  difference_minor: number | null;
  counts: string | null;
  z_number: number | null;
}

const SESSION_COLUMNS =
  'id, till_id, status, currency, opened_by, opened_at, float_minor, float_counts, closed_by, closed_at, ' +
  'expected_minor, counted_minor, difference_minor, counts, z_number';

export function selectSession(db: Db, id: string): CashSessionRow | undefined {
  return db
    .prepare<[string], CashSessionRow>(`SELECT ${SESSION_COLUMNS} FROM cash_sessions WHERE id = ?`)
    .get(id);
}

export interface NewSession {
  id: string;
  tillId: string;
  currency: string;
  openedBy: string;
  openedAt: string;
  floatMinor: number;
  floatCounts: string | null;
}

export function insertSession(db: Db, s: NewSession): void {
  db.prepare(
    `INSERT INTO cash_sessions (id, till_id, status, currency, opened_by, opened_at, float_minor, float_counts)
     VALUES (?, ?, 'open', ?, ?, ?, ?, ?)`,
  ).run(s.id, s.tillId, s.currency, s.openedBy, s.openedAt, s.floatMinor, s.floatCounts);
}

export interface SessionClosing {
  id: string;
  closedBy: string;
  closedAt: string;
  expectedMinor: number;
  countedMinor: number;
  differenceMinor: number;
  counts: string;
  zNumber: number;
}

/** Only an open session is closed; the caller checks `changes` to learn it lost a race. */
export function markSessionClosed(db: Db, c: SessionClosing): number {
  return db
    .prepare(
      `UPDATE cash_sessions SET status = 'closed', closed_by = ?, closed_at = ?, expected_minor = ?,
         counted_minor = ?, difference_minor = ?, counts = ?, z_number = ?
       WHERE id = ? AND status = 'open'`,
    )
    .run(
      c.closedBy,
      c.closedAt,
      c.expectedMinor,
      c.countedMinor,
      c.differenceMinor,
      c.counts,
      c.zNumber,
      c.id,
    ).changes;
}

export type MovementKind = 'float' | 'sale' | 'refund' | 'pay_in' | 'pay_out' | 'no_sale';

export interface CashMovementRow {
  id: string;
  session_id: string;
  kind: MovementKind;
  amount_minor: number;
  reason: string | null;
  sale_id: string | null;
  staff_id: string | null;
  approved_by: string | null;
  at: string;
}

export function selectMovement(db: Db, id: string): CashMovementRow | undefined {
  return db
    .prepare<[string], CashMovementRow>(
      'SELECT id, session_id, kind, amount_minor, reason, sale_id, staff_id, approved_by, at FROM cash_movements WHERE id = ?',
    )
    .get(id);
}

export interface NewMovement {
  id: string;
  sessionId: string;
  kind: MovementKind;
  amountMinor: number;
  reason: string | null;
  staffId: string;
  approvedBy: string | null;
  at: string;
}

export function insertMovement(db: Db, m: NewMovement): void {
  db.prepare(
    `INSERT INTO cash_movements (id, session_id, kind, amount_minor, reason, staff_id, approved_by, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(m.id, m.sessionId, m.kind, m.amountMinor, m.reason, m.staffId, m.approvedBy, m.at);
}

export interface MovementTotals {
  kind: MovementKind;
  count: number;
  amount_minor: number;
}

/** Count and signed sum per movement kind; expected cash is the sum over every kind. */
export function selectMovementTotals(db: Db, sessionId: string): MovementTotals[] {
  return db
    .prepare<[string], MovementTotals>(
      `SELECT kind, COUNT(*) AS count, COALESCE(SUM(amount_minor), 0) AS amount_minor
       FROM cash_movements WHERE session_id = ? GROUP BY kind ORDER BY kind`,
    )
    .all(sessionId);
}
