// SQL for time_shifts and time_breaks: the time clock's rows.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface ShiftRow {
  id: string;
  staff_id: string;
  clock_in_at: string;
  clock_out_at: string | null;
  clock_in_till_id: string | null;
  clock_out_till_id: string | null;
  corrected: number;
  created_at: string;
  updated_at: string;
}

export interface BreakRow {
  id: string;
  shift_id: string;
  start_at: string;
  end_at: string | null;
}

export function getShift(db: Db, id: string): ShiftRow | undefined {
  return stmt<[string], ShiftRow>(db, 'SELECT * FROM time_shifts WHERE id = ?').get(id);
}

export function getOpenShift(db: Db, staffId: string): ShiftRow | undefined {
  return stmt<[string], ShiftRow>(
    db,
    'SELECT * FROM time_shifts WHERE staff_id = ? AND clock_out_at IS NULL',
  ).get(staffId);
}

export function insertShift(db: Db, row: ShiftRow): void {
  stmt(
    db,
    `INSERT INTO time_shifts (id, staff_id, clock_in_at, clock_out_at, clock_in_till_id, clock_out_till_id,
       corrected, created_at, updated_at)
     VALUES (@id, @staff_id, @clock_in_at, @clock_out_at, @clock_in_till_id, @clock_out_till_id, @corrected,
       @created_at, @updated_at)`,
  ).run(row);
}

export function closeShift(db: Db, id: string, at: string, tillId: string | null): void {
  stmt(db, 'UPDATE time_shifts SET clock_out_at = ?, clock_out_till_id = ?, updated_at = ? WHERE id = ?').run(
    at,
    tillId,
    at,
    id,
  );
}

export function setShiftTimes(
  db: Db,
  id: string,
  times: { clockInAt: string; clockOutAt: string | null },
  at: string,
): void {
  stmt(
    db,
    'UPDATE time_shifts SET clock_in_at = ?, clock_out_at = ?, corrected = 1, updated_at = ? WHERE id = ?',
  ).run(times.clockInAt, times.clockOutAt, at, id);
}

export function deleteShift(db: Db, id: string): void {
  stmt(db, 'DELETE FROM time_breaks WHERE shift_id = ?').run(id);
  stmt(db, 'DELETE FROM time_shifts WHERE id = ?').run(id);
}

/**
 * The person's other shifts that overlap [start, end) (end null: still open, so open-ended). ISO-8601 UTC
 * strings of one format compare as text in time order.
 */
export function overlappingShifts(
  db: Db,
  staffId: string,
  start: string,
  end: string | null,
  exceptId: string,
): ShiftRow[] {
  return stmt<[string, string, string | null, string | null, string], ShiftRow>(
    db,
    `SELECT * FROM time_shifts
     WHERE staff_id = ? AND (clock_out_at IS NULL OR clock_out_at > ?) AND (? IS NULL OR clock_in_at < ?)
       AND id <> ?
     ORDER BY clock_in_at`,
  ).all(staffId, start, end, end, exceptId);
}

/** Shifts that touch [from, to): started before its end and not ended before its start. */
export function shiftsInRange(db: Db, from: string, to: string, staffId: string | null): ShiftRow[] {
  return stmt<[string, string | null, string | null, string], ShiftRow>(
    db,
    `SELECT * FROM time_shifts
     WHERE clock_in_at < ? AND (? IS NULL OR staff_id = ?) AND (clock_out_at IS NULL OR clock_out_at > ?)
     ORDER BY clock_in_at, id`,
  ).all(to, staffId, staffId, from);
}

export function breaksOfShifts(db: Db, shiftIds: readonly string[]): BreakRow[] {
  return stmt<[string], BreakRow>(
    db,
    `SELECT b.* FROM time_breaks b JOIN json_each(?) j ON j.value = b.shift_id ORDER BY b.start_at, b.id`,
  ).all(JSON.stringify(shiftIds));
}

export function getOpenBreak(db: Db, shiftId: string): BreakRow | undefined {
  return stmt<[string], BreakRow>(db, 'SELECT * FROM time_breaks WHERE shift_id = ? AND end_at IS NULL').get(
    shiftId,
  );
}

export function insertBreak(db: Db, row: BreakRow): void {
  stmt(
    db,
    'INSERT INTO time_breaks (id, shift_id, start_at, end_at) VALUES (@id, @shift_id, @start_at, @end_at)',
  ).run(row);
}

export function endBreak(db: Db, id: string, at: string): void {
  stmt(db, 'UPDATE time_breaks SET end_at = ? WHERE id = ?').run(at, id);
}

export function replaceBreaks(db: Db, shiftId: string, breaks: readonly BreakRow[]): void {
  stmt(db, 'DELETE FROM time_breaks WHERE shift_id = ?').run(shiftId);
  for (const b of breaks) insertBreak(db, b);
}
