import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createStaffPerformanceModule } from '../../http/routes/staff-performance.js';
import { createTimeClockModule } from '../../http/routes/time-clock.js';
import { PerformanceService } from './performance-service.js';
import { ShiftCorrections } from './shift-corrections.js';
import { TimeClockService } from './time-clock-service.js';
import { TimesheetService } from './timesheet-service.js';

/** The time clock, timesheets and per-employee performance; staff records and roles are in access/. */
export function createStaffTimeModule(
  ctx: HubContext,
  store: () => { timeZone: string; currency: string },
): { api: ApiModule[]; clock: TimeClockService } {
  const clock = new TimeClockService(ctx);
  return {
    clock,
    api: [
      createTimeClockModule({
        clock,
        corrections: new ShiftCorrections(ctx),
        timesheets: new TimesheetService(ctx, () => store().timeZone),
      }),
      createStaffPerformanceModule(new PerformanceService(ctx, store)),
    ],
  };
}
