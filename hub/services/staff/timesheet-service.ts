import { stringify } from 'csv-stringify/sync';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { listStaff } from '../../db/access-queries.js';
import { breaksOfShifts, shiftsInRange } from '../../db/staff-time-queries.js';
import { requirePermission } from '../access/guards.js';
import { checkRange, type DateRange } from './date-range.js';
import { dayWindows, localMidnightMs, nextDate } from './local-days.js';
import { groupBreaks, spanOf } from './shift-views.js';
import { minutesPerDay, type DayMinutes, type ShiftSpan } from './timesheet-math.js';

export interface TimesheetRow {
  staffId: string;
  name: string;
  roleName: string;
  workedMinutes: number;
  breakMinutes: number;
  /** Shifts that started in the period. */
  shifts: number;
  /** Days of the period with time on the clock, oldest first. */
  days: DayMinutes[];
}

export interface Timesheet {
  from: string;
  to: string;
  timeZone: string;
  employees: TimesheetRow[];
}

/**
 * Timesheets ('staff.manage'): worked and break minutes per person and local day over a date range. A
 * shift over midnight counts on both days; a shift still open counts up to now.
 */
export class TimesheetService {
  constructor(
    private readonly ctx: HubContext,
    private readonly timeZone: () => string,
  ) {}

  timesheet(principal: Principal, range: DateRange & { staffId?: string | undefined }): Timesheet {
    requirePermission(principal, 'staff.manage');
    checkRange(range);
    const timeZone = this.timeZone();
    const days = dayWindows(range.from, range.to, timeZone);
    const periodStart = localMidnightMs(range.from, timeZone);
    const periodEnd = localMidnightMs(nextDate(range.to), timeZone);
    const nowMs = this.ctx.clock.now().getTime();
    const employees = this.ctx.tx.read((db) => {
      const shifts = shiftsInRange(
        db,
        new Date(periodStart).toISOString(),
        new Date(periodEnd).toISOString(),
        range.staffId ?? null,
      );
      const breaks = groupBreaks(
        breaksOfShifts(
          db,
          shifts.map((s) => s.id),
        ),
      );
      const byStaff = new Map<string, { spans: ShiftSpan[]; started: number }>();
      for (const shift of shifts) {
        const entry = byStaff.get(shift.staff_id) ?? { spans: [], started: 0 };
        entry.spans.push(spanOf(shift, breaks.get(shift.id) ?? []));
        if (Date.parse(shift.clock_in_at) >= periodStart) entry.started += 1;
        byStaff.set(shift.staff_id, entry);
      }
      return listStaff(db, true).flatMap((s): TimesheetRow[] => {
        const entry = byStaff.get(s.id);
        if (!entry) return [];
        const perDay = minutesPerDay(entry.spans, days, nowMs).filter(
          (d) => d.workedMinutes > 0 || d.breakMinutes > 0,
        );
        return [
          {
            staffId: s.id,
            name: s.name,
            roleName: s.role_name,
            workedMinutes: perDay.reduce((sum, d) => sum + d.workedMinutes, 0),
            breakMinutes: perDay.reduce((sum, d) => sum + d.breakMinutes, 0),
            shifts: entry.started,
            days: perDay,
          },
        ];
      });
    });
    return { from: range.from, to: range.to, timeZone, employees };
  }

  /** One row per person and day, for a spreadsheet or payroll; hours also written as h:mm. */
  csv(principal: Principal, range: DateRange & { staffId?: string | undefined }): string {
    const sheet = this.timesheet(principal, range);
    const rows = sheet.employees.flatMap((e) =>
      e.days.map((d) => [
        e.staffId,
        e.name,
        e.roleName,
        d.date,
        d.workedMinutes,
        d.breakMinutes,
        hours(d.workedMinutes),
      ]),
    );
    return stringify(rows, {
      header: true,
      columns: ['staff_id', 'name', 'role', 'date', 'worked_minutes', 'break_minutes', 'worked_hours'],
    });
  }
}

function hours(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
