import type { Db } from '../../db/connection.js';
import { breaksOfShifts, getShift, type BreakRow, type ShiftRow } from '../../db/staff-time-queries.js';
import { NotFoundError } from '../../errors.js';
import { spanMinutes, type ShiftSpan } from './timesheet-math.js';

export interface BreakView {
  id: string;
  startAt: string;
  endAt: string | null;
}

export interface ShiftView {
  id: string;
  staffId: string;
  clockInAt: string;
  clockOutAt: string | null;
  clockInTillId: string | null;
  clockOutTillId: string | null;
  /** A manager changed or entered it (the audit log says who, when, why). */
  corrected: boolean;
  breaks: BreakView[];
  /** Whole minutes at work so far, breaks excluded; an open shift counts up to now. */
  workedMinutes: number;
  breakMinutes: number;
}

export type ClockStatus = 'off' | 'working' | 'on_break';

export interface ClockState {
  staffId: string;
  status: ClockStatus;
  /** The open shift, or null when clocked out. */
  shift: ShiftView | null;
}

export function spanOf(shift: ShiftRow, breaks: readonly BreakRow[]): ShiftSpan {
  return {
    startMs: Date.parse(shift.clock_in_at),
    endMs: shift.clock_out_at === null ? null : Date.parse(shift.clock_out_at),
    breaks: breaks.map((b) => ({
      startMs: Date.parse(b.start_at),
      endMs: b.end_at === null ? null : Date.parse(b.end_at),
    })),
  };
}

export function groupBreaks(breaks: readonly BreakRow[]): Map<string, BreakRow[]> {
  const byShift = new Map<string, BreakRow[]>();
  for (const b of breaks) {
    const list = byShift.get(b.shift_id);
    if (list) list.push(b);
    else byShift.set(b.shift_id, [b]);
  }
  return byShift;
}

export function toShiftView(shift: ShiftRow, breaks: readonly BreakRow[], nowMs: number): ShiftView {
  return {
    id: shift.id,
    staffId: shift.staff_id,
    clockInAt: shift.clock_in_at,
    clockOutAt: shift.clock_out_at,
    clockInTillId: shift.clock_in_till_id,
    clockOutTillId: shift.clock_out_till_id,
    corrected: shift.corrected === 1,
    breaks: breaks.map((b) => ({ id: b.id, startAt: b.start_at, endAt: b.end_at })),
    ...spanMinutes(spanOf(shift, breaks), nowMs),
  };
}

export function shiftViews(db: Db, shifts: readonly ShiftRow[], nowMs: number): ShiftView[] {
  const breaks = groupBreaks(
    breaksOfShifts(
      db,
      shifts.map((s) => s.id),
    ),
  );
  return shifts.map((s) => toShiftView(s, breaks.get(s.id) ?? [], nowMs));
}

/** The stored shift as a view; 404 when it is not there. */
export function shiftView(db: Db, id: string, nowMs: number): ShiftView {
  const shift = getShift(db, id);
  if (!shift) throw new NotFoundError('Shift', id);
  return toShiftView(shift, breaksOfShifts(db, [id]), nowMs);
}

export function clockStateOf(db: Db, staffId: string, open: ShiftRow | undefined, nowMs: number): ClockState {
  if (!open) return { staffId, status: 'off', shift: null };
  const view = toShiftView(open, breaksOfShifts(db, [open.id]), nowMs);
  const onBreak = view.breaks.some((b) => b.endAt === null);
  return { staffId, status: onBreak ? 'on_break' : 'working', shift: view };
}
