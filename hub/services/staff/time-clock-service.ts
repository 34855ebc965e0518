import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import {
  closeShift,
  endBreak,
  getOpenBreak,
  getOpenShift,
  getShift,
  insertBreak,
  insertShift,
  overlappingShifts,
  type ShiftRow,
} from '../../db/staff-time-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from '../access/audit-actor.js';
import { requireTillStaff } from '../access/guards.js';
import { clockStateOf, shiftView, type ClockState } from './shift-views.js';

/**
 * Clocking in and out and taking breaks, by the cashier logged in at a till (their PIN session): a person
 * clocks only themselves. Every change is audited and goes to the outbox; a person has at most one open
 * shift (the database enforces it too) and a new shift may not start inside an earlier one.
 */
export class TimeClockService {
  constructor(private readonly ctx: HubContext) {}

  state(principal: Principal): ClockState {
    const { staff } = requireTillStaff(principal);
    return this.ctx.tx.read((db) => clockStateOf(db, staff.id, getOpenShift(db, staff.id), this.nowMs()));
  }

  /** `id` made by the till makes a retried clock-in answer with the shift it already opened. */
  clockIn(principal: Principal, id: string = newId()): ClockState {
    const { staff, tillId } = requireTillStaff(principal);
    return this.ctx.tx.write((tx) => {
      const open = getOpenShift(tx.db, staff.id);
      if (open?.id === id) return this.stateIn(tx, staff.id);
      if (open)
        throw new ConflictError('You are already clocked in', { shiftId: open.id }, 'ALREADY_CLOCKED_IN');
      const existing = getShift(tx.db, id);
      if (existing) {
        if (existing.staff_id === staff.id) return this.stateIn(tx, staff.id);
        throw new ConflictError(`Shift ${id} already exists`, { shiftId: id });
      }
      const [overlap] = overlappingShifts(tx.db, staff.id, tx.at, null, id);
      if (overlap) {
        throw new ConflictError(
          'A recorded shift runs past this moment',
          { shiftId: overlap.id },
          'SHIFT_OVERLAP',
        );
      }
      const row: ShiftRow = {
        id,
        staff_id: staff.id,
        clock_in_at: tx.at,
        clock_out_at: null,
        clock_in_till_id: tillId,
        clock_out_till_id: null,
        corrected: 0,
        created_at: tx.at,
        updated_at: tx.at,
      };
      insertShift(tx.db, row);
      return this.changed(tx, principal, 'timeclock.clock_in', id, staff.id);
    });
  }

  /** Ends a break still running at the same moment. */
  clockOut(principal: Principal): ClockState {
    const { staff, tillId } = requireTillStaff(principal);
    return this.ctx.tx.write((tx) => {
      const open = this.openShift(tx, staff.id);
      assertAfter(tx.at, open.clock_in_at);
      const running = getOpenBreak(tx.db, open.id);
      if (running) {
        assertAfter(tx.at, running.start_at);
        endBreak(tx.db, running.id, tx.at);
      }
      closeShift(tx.db, open.id, tx.at, tillId);
      return this.changed(tx, principal, 'timeclock.clock_out', open.id, staff.id);
    });
  }

  startBreak(principal: Principal): ClockState {
    const { staff } = requireTillStaff(principal);
    return this.ctx.tx.write((tx) => {
      const open = this.openShift(tx, staff.id);
      const running = getOpenBreak(tx.db, open.id);
      if (running)
        throw new ConflictError('You are already on a break', { breakId: running.id }, 'ALREADY_ON_BREAK');
      insertBreak(tx.db, { id: newId(), shift_id: open.id, start_at: tx.at, end_at: null });
      return this.changed(tx, principal, 'timeclock.break_start', open.id, staff.id);
    });
  }

  endBreak(principal: Principal): ClockState {
    const { staff } = requireTillStaff(principal);
    return this.ctx.tx.write((tx) => {
      const open = this.openShift(tx, staff.id);
      const running = getOpenBreak(tx.db, open.id);
      if (!running) throw new ConflictError('You are not on a break', {}, 'NOT_ON_BREAK');
      assertAfter(tx.at, running.start_at);
      endBreak(tx.db, running.id, tx.at);
      return this.changed(tx, principal, 'timeclock.break_end', open.id, staff.id);
    });
  }

  private openShift(tx: Tx, staffId: string): ShiftRow {
    const open = getOpenShift(tx.db, staffId);
    if (!open) throw new ConflictError('You are not clocked in', {}, 'NOT_CLOCKED_IN');
    return open;
  }

  private changed(
    tx: Tx,
    principal: Principal,
    action: string,
    shiftId: string,
    staffId: string,
  ): ClockState {
    tx.audit({ ...auditActor(principal), action, target: shiftId, details: { staffId } });
    tx.outbox('time_shift', shiftId, 'upsert', shiftView(tx.db, shiftId, Date.parse(tx.at)));
    return this.stateIn(tx, staffId);
  }

  private stateIn(tx: Tx, staffId: string): ClockState {
    return clockStateOf(tx.db, staffId, getOpenShift(tx.db, staffId), Date.parse(tx.at));
  }

  private nowMs(): number {
    return this.ctx.clock.now().getTime();
  }
}

/** An end must come after its start (the table checks it too); the same millisecond is refused plainly. */
function assertAfter(at: string, start: string): void {
  if (at <= start) {
    throw new BusinessRuleError(
      'TIME_CLOCK_TOO_SOON',
      'That was too soon after the last time clock action; try again',
    );
  }
}
