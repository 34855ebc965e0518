import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { getStaff } from '../../db/access-queries.js';
import {
  deleteShift,
  getOpenShift,
  getShift,
  insertShift,
  overlappingShifts,
  replaceBreaks,
  setShiftTimes,
  shiftsInRange,
  type BreakRow,
} from '../../db/staff-time-queries.js';
import type { Db } from '../../db/connection.js';
import type { StaffPrincipal } from '../../contract/principal.js';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from '../access/audit-actor.js';
import { requirePermission } from '../access/guards.js';
import { parsePermissions } from '../access/roles.js';
import { mayActOnRole } from '../access/staff-service.js';
import { shiftView, shiftViews, type ShiftView } from './shift-views.js';

export interface ShiftInput {
  staffId: string;
  clockInAt: string;
  /** null: the person is still at work. */
  clockOutAt: string | null;
  breaks: { startAt: string; endAt: string | null }[];
  /** Why the manager changed it; kept in the audit log with the times before. */
  reason: string;
}

export interface ShiftQuery {
  staffId?: string | undefined;
  /** ISO instants: shifts that touch [from, to). */
  from: string;
  to: string;
}

const iso = (text: string) => new Date(text).toISOString();

/**
 * A manager's view and corrections of the time clock ('staff.manage'): entering a forgotten shift,
 * fixing times, removing a mistaken one. Each correction is audited with the reason and the shift as it
 * was, so the timesheet's history can be followed. The same rules as the till hold: no overlapping
 * shifts, breaks inside their shift and apart from each other, nothing in the future.
 */
export class ShiftCorrections {
  constructor(private readonly ctx: HubContext) {}

  list(principal: Principal, query: ShiftQuery): ShiftView[] {
    requirePermission(principal, 'staff.manage');
    return this.ctx.tx.read((db) =>
      shiftViews(db, shiftsInRange(db, iso(query.from), iso(query.to), query.staffId ?? null), this.nowMs()),
    );
  }

  /** Creates the shift or replaces its times and breaks: sending the same correction twice is harmless. */
  put(principal: Principal, id: string, input: ShiftInput): ShiftView {
    const actor = requirePermission(principal, 'staff.manage');
    const reason = input.reason.trim();
    if (reason === '') throw new ValidationError('Say why the shift is changed', { field: 'reason' });
    return this.ctx.tx.write((tx) => {
      const now = tx.at;
      const clockInAt = iso(input.clockInAt);
      const clockOutAt = input.clockOutAt === null ? null : iso(input.clockOutAt);
      const before = getShift(tx.db, id);
      if (before && before.staff_id !== input.staffId) {
        throw new ConflictError(
          'A shift stays with the person who worked it',
          { shiftId: id },
          'SHIFT_OTHER_STAFF',
        );
      }
      assertManageable(tx.db, actor, input.staffId);
      if (clockInAt > now || (clockOutAt !== null && clockOutAt > now)) {
        throw new BusinessRuleError('TIME_IN_FUTURE', 'A shift cannot be recorded ahead of time', {
          field: 'clockOutAt',
        });
      }
      if (clockOutAt !== null && clockOutAt <= clockInAt) {
        throw new ValidationError('Clock-out must come after clock-in', { field: 'clockOutAt' });
      }
      const breaks = checkBreaks(id, input.breaks, clockInAt, clockOutAt ?? now, clockOutAt === null);
      const [overlap] = overlappingShifts(tx.db, input.staffId, clockInAt, clockOutAt, id);
      if (overlap) {
        throw new ConflictError(
          'It overlaps another shift of this person',
          { shiftId: overlap.id },
          'SHIFT_OVERLAP',
        );
      }
      const open = clockOutAt === null ? getOpenShift(tx.db, input.staffId) : undefined;
      if (open && open.id !== id) {
        throw new ConflictError(
          'This person already has an open shift',
          { shiftId: open.id },
          'SHIFT_OVERLAP',
        );
      }
      const was = before ? shiftView(tx.db, id, Date.parse(now)) : null;
      if (before) setShiftTimes(tx.db, id, { clockInAt, clockOutAt }, now);
      else {
        insertShift(tx.db, {
          id,
          staff_id: input.staffId,
          clock_in_at: clockInAt,
          clock_out_at: clockOutAt,
          clock_in_till_id: null,
          clock_out_till_id: null,
          corrected: 1,
          created_at: now,
          updated_at: now,
        });
      }
      replaceBreaks(tx.db, id, breaks);
      const view = shiftView(tx.db, id, Date.parse(now));
      tx.audit({
        ...auditActor(principal),
        action: before ? 'timeclock.shift_correct' : 'timeclock.shift_add',
        target: id,
        details: { staffId: input.staffId, reason, before: was, after: view },
      });
      tx.outbox('time_shift', id, 'upsert', view);
      return view;
    });
  }

  delete(principal: Principal, id: string, reason: string): void {
    const actor = requirePermission(principal, 'staff.manage');
    if (reason.trim() === '') throw new ValidationError('Say why the shift is removed', { field: 'reason' });
    this.ctx.tx.write((tx) => {
      const was = shiftView(tx.db, id, Date.parse(tx.at));
      assertManageable(tx.db, actor, was.staffId);
      deleteShift(tx.db, id);
      tx.audit({
        ...auditActor(principal),
        action: 'timeclock.shift_delete',
        target: id,
        details: { staffId: was.staffId, reason: reason.trim(), before: was },
      });
      tx.outbox('time_shift', id, 'delete', { id });
    });
  }

  private nowMs(): number {
    return this.ctx.clock.now().getTime();
  }
}

/**
 * The staff rule for time too: nobody corrects the hours of someone whose role holds permissions they
 * lack (a shift lead cannot rewrite the manager's day, nor a manager the owner's).
 */
function assertManageable(db: Db, actor: StaffPrincipal, staffId: string): void {
  const person = getStaff(db, staffId);
  if (!person) throw new NotFoundError('Staff', staffId);
  if (person.id === actor.id) return;
  if (!mayActOnRole(actor, person.role_id, parsePermissions(person.role_permissions, person.role_id))) {
    throw new ForbiddenError('This person has permissions you do not hold', { staffId }, 'ROLE_ABOVE_OWN');
  }
}

function checkBreaks(
  shiftId: string,
  input: ShiftInput['breaks'],
  start: string,
  end: string,
  shiftOpen: boolean,
): BreakRow[] {
  const breaks = input
    .map((b) => ({ startAt: iso(b.startAt), endAt: b.endAt === null ? null : iso(b.endAt) }))
    .sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : 0));
  let previousEnd = start;
  for (const [i, b] of breaks.entries()) {
    const last = i === breaks.length - 1;
    const field = { field: `breaks.${i}` };
    if (b.endAt === null && !(last && shiftOpen)) {
      throw new ValidationError('Only the last break of a shift still running may be open', field);
    }
    if (b.startAt < previousEnd || b.startAt >= end)
      throw new ValidationError('Breaks must lie inside the shift and apart', field);
    if (b.endAt !== null && (b.endAt <= b.startAt || b.endAt > end)) {
      throw new ValidationError('A break must end after it starts and within the shift', field);
    }
    previousEnd = b.endAt ?? end;
  }
  return breaks.map((b) => ({ id: newId(), shift_id: shiftId, start_at: b.startAt, end_at: b.endAt }));
}
