import { createRoute, z } from '@hono/zod-openapi';
import type { TimeClockService } from '../../services/staff/time-clock-service.js';
import type { ShiftCorrections } from '../../services/staff/shift-corrections.js';
import type { TimesheetService } from '../../services/staff/timesheet-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../router.js';
import { body, json } from './access-helpers.js';
import { LocalDate, TimesheetSchema } from './time-clock-schemas.js';

const Instant = z.iso.datetime({ offset: true });
const BreakSchema = z.object({ id: z.string(), startAt: z.string(), endAt: z.string().nullable() });
const ShiftSchema = z
  .object({
    id: z.string(),
    staffId: z.string(),
    clockInAt: z.string(),
    clockOutAt: z.string().nullable(),
    clockInTillId: z.string().nullable(),
    clockOutTillId: z.string().nullable(),
    corrected: z.boolean(),
    breaks: z.array(BreakSchema),
    workedMinutes: z.number().int(),
    breakMinutes: z.number().int(),
  })
  .openapi('Shift');
const ClockStateSchema = z
  .object({
    staffId: z.string(),
    status: z.enum(['off', 'working', 'on_break']),
    shift: ShiftSchema.nullable(),
  })
  .openapi('ClockState');
const ShiftPutSchema = z
  .strictObject({
    staffId: z.uuid(),
    clockInAt: Instant,
    clockOutAt: Instant.nullable(),
    breaks: z.array(z.strictObject({ startAt: Instant, endAt: Instant.nullable() })).max(20),
    reason: z.string().trim().min(1).max(500),
  })
  .openapi('ShiftCorrection');
const IdParam = z.object({ id: z.uuid() });
const ShiftQuery = PageQuerySchema.extend({ from: Instant, to: Instant, staffId: z.uuid().optional() });
const SheetQuery = z.strictObject({ from: LocalDate, to: LocalDate, staffId: z.uuid().optional() });
const ok = (description: string) => ({
  200: json(ClockStateSchema, description),
  ...errorResponses(401, 409, 422),
});

/**
 * /time-clock: the logged-in cashier clocks in and out and takes breaks at the till; managers
 * ('staff.manage') see and correct shifts and read timesheets, also as CSV.
 */
export function createTimeClockModule(services: {
  clock: TimeClockService;
  corrections: ShiftCorrections;
  timesheets: TimesheetService;
}): ApiModule {
  const { clock, corrections, timesheets } = services;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/me',
        tags: ['time-clock'],
        responses: {
          200: json(ClockStateSchema, 'Where the logged-in cashier stands'),
          ...errorResponses(401),
        },
      }),
      (c) => c.json(clock.state(c.get('principal')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/clock-in',
        tags: ['time-clock'],
        request: body(z.strictObject({ id: z.uuid().optional() })),
        responses: { ...ok('Clocked in'), ...errorResponses(400) },
      }),
      (c) => c.json(clock.clockIn(c.get('principal'), c.req.valid('json').id), 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/clock-out', tags: ['time-clock'], responses: ok('Clocked out') }),
      (c) => c.json(clock.clockOut(c.get('principal')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/break-start',
        tags: ['time-clock'],
        responses: ok('On a break'),
      }),
      (c) => c.json(clock.startBreak(c.get('principal')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/break-end',
        tags: ['time-clock'],
        responses: ok('Back from the break'),
      }),
      (c) => c.json(clock.endBreak(c.get('principal')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/shifts',
        tags: ['time-clock'],
        request: { query: ShiftQuery },
        responses: {
          200: json(pageSchema(ShiftSchema), 'Shifts touching the period'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        const query = c.req.valid('query');
        return c.json(pageOf(corrections.list(c.get('principal'), query), query), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/shifts/{id}',
        tags: ['time-clock'],
        request: { params: IdParam, ...body(ShiftPutSchema) },
        responses: {
          200: json(ShiftSchema, 'The shift as entered or corrected (audited)'),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      }),
      (c) => c.json(corrections.put(c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/shifts/{id}',
        tags: ['time-clock'],
        request: { params: IdParam, query: z.strictObject({ reason: z.string().trim().min(1).max(500) }) },
        responses: { 204: { description: 'Removed (audited)' }, ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => {
        corrections.delete(c.get('principal'), c.req.valid('param').id, c.req.valid('query').reason);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/timesheets',
        tags: ['time-clock'],
        request: { query: SheetQuery },
        responses: {
          200: json(TimesheetSchema, 'Minutes per person and day'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => c.json(timesheets.timesheet(c.get('principal'), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/timesheets/export',
        tags: ['time-clock'],
        request: { query: SheetQuery },
        responses: {
          200: {
            description: 'One CSV row per person and day',
            content: { 'text/csv': { schema: z.string() } },
          },
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        const query = c.req.valid('query');
        const csv = timesheets.csv(c.get('principal'), query);
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="timesheet-${query.from}-${query.to}.csv"`,
        });
      },
    );
  return { path: 'time-clock', routes };
}
