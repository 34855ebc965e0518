import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { createStaffTimeModule } from '../../hub/services/staff/staff-time-module.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  seedAccess,
  type AccessFixture,
} from '../support/access-fixtures.js';
import { createTestContext, ManualClock, type TestContext } from '../support/hub-context.js';
import {
  buildTestApp,
  json,
  loginAdmin,
  loginAtTill,
  tillHeaders,
  type TestApp,
} from '../support/test-app.js';

interface ClockState {
  status: 'off' | 'working' | 'on_break';
  shift: {
    id: string;
    workedMinutes: number;
    breakMinutes: number;
    breaks: { endAt: string | null }[];
  } | null;
}
interface Timesheet {
  employees: {
    staffId: string;
    workedMinutes: number;
    breakMinutes: number;
    shifts: number;
    days: { date: string; workedMinutes: number; breakMinutes: number }[];
  }[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('/time-clock', () => {
  let ctx: TestContext;
  let clock: ManualClock;
  let t: TestApp;
  let fx: AccessFixture;
  let manager: Record<string, string>;
  let cashier: Record<string, string>;

  beforeEach(() => {
    // 09:00:30 UTC, 11:00:30 in Copenhagen (summer time).
    clock = new ManualClock(new Date('2026-06-01T09:00:30.000Z'));
    ctx = createTestContext(clock);
    fx = seedAccess(ctx);
    t = buildTestApp(
      ctx,
      createStaffTimeModule(ctx, () => ({ timeZone: 'Europe/Copenhagen', currency: 'DKK' })).api,
    );
    manager = loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);
    cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
  });
  afterEach(() => {
    ctx.close();
  });

  const post = async (path: string, headers = cashier, body: unknown = {}) =>
    t.call('POST', path, { body, headers });
  const code = async (res: Response) =>
    `${res.status} ${(await json<{ error: { code: string } }>(res)).error.code}`;
  const count = (table: string) =>
    (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const putShift = (id: string, body: Record<string, unknown>, headers = manager) =>
    t.call('PUT', `/time-clock/shifts/${id}`, {
      body: { staffId: fx.cashierId, breaks: [], reason: 'forgot', ...body },
      headers,
    });
  const sheet = async (query: string) =>
    json<Timesheet>(await t.call('GET', `/time-clock/timesheets?${query}`, { headers: manager }));

  it('clocks the logged-in cashier in, through a break and out, counting whole minutes', async () => {
    expect((await json<ClockState>(await t.call('GET', '/time-clock/me', { headers: cashier }))).status).toBe(
      'off',
    );
    const id = newId();
    const inState = await json<ClockState>(await post('/time-clock/clock-in', cashier, { id }));
    expect(inState).toMatchObject({ status: 'working', shift: { id, workedMinutes: 0 } });
    // The till retrying the same clock-in gets the same shift, not a second one or an error.
    expect((await json<ClockState>(await post('/time-clock/clock-in', cashier, { id }))).shift?.id).toBe(id);
    clock.advance(2 * HOUR);
    expect((await json<ClockState>(await post('/time-clock/break-start'))).status).toBe('on_break');
    clock.advance(30 * MINUTE);
    expect((await json<ClockState>(await post('/time-clock/break-end'))).status).toBe('working');
    clock.advance(3 * HOUR);
    const out = await json<ClockState>(await post('/time-clock/clock-out'));
    expect(out).toEqual({ staffId: fx.cashierId, status: 'off', shift: null });
    const day = await sheet('from=2026-06-01&to=2026-06-01');
    expect(day.employees).toEqual([
      expect.objectContaining({
        staffId: fx.cashierId,
        workedMinutes: 300,
        breakMinutes: 30,
        shifts: 1,
        days: [{ date: '2026-06-01', workedMinutes: 300, breakMinutes: 30 }],
      }),
    ]);
    const actions = ctx.db
      .prepare(`SELECT action FROM audit_log WHERE action LIKE 'timeclock.%' ORDER BY id`)
      .all()
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual([
      'timeclock.clock_in',
      'timeclock.break_start',
      'timeclock.break_end',
      'timeclock.clock_out',
    ]);
  });

  it('refuses actions out of order with a code the till can show, changing nothing', async () => {
    expect(await code(await post('/time-clock/clock-out'))).toBe('409 NOT_CLOCKED_IN');
    expect(await code(await post('/time-clock/break-start'))).toBe('409 NOT_CLOCKED_IN');
    expect(count('time_shifts')).toBe(0);
    await post('/time-clock/clock-in');
    expect(await code(await post('/time-clock/clock-in'))).toBe('409 ALREADY_CLOCKED_IN');
    expect(await code(await post('/time-clock/break-end'))).toBe('409 NOT_ON_BREAK');
    clock.advance(MINUTE);
    await post('/time-clock/break-start');
    expect(await code(await post('/time-clock/break-start'))).toBe('409 ALREADY_ON_BREAK');
    expect(count('time_shifts')).toBe(1);
    expect(count('time_breaks')).toBe(1);
    // Only a person logged in at a till clocks, and only themselves.
    expect(await code(await post('/time-clock/clock-in', manager))).toBe('401 STAFF_LOGIN_REQUIRED');
    expect(await code(await post('/time-clock/clock-in', tillHeaders(fx.till)))).toBe(
      '401 STAFF_LOGIN_REQUIRED',
    );
    expect((await post('/time-clock/clock-in', {})).status).toBe(401);
    expect((await post('/time-clock/clock-in', cashier, { id: 'nope' })).status).toBe(400);
  });

  it('clocking out during a break ends the break at the same moment', async () => {
    await post('/time-clock/clock-in');
    clock.advance(HOUR);
    await post('/time-clock/break-start');
    clock.advance(15 * MINUTE);
    await post('/time-clock/clock-out');
    const rows = ctx.db.prepare('SELECT end_at FROM time_breaks').all() as { end_at: string | null }[];
    expect(rows).toEqual([{ end_at: '2026-06-01T10:15:30.000Z' }]);
    const day = await sheet('from=2026-06-01&to=2026-06-01');
    expect(day.employees[0]).toMatchObject({ workedMinutes: 60, breakMinutes: 15 });
  });

  it('lets a manager enter and correct shifts, audited with the reason and the times before', async () => {
    const id = newId();
    const created = await putShift(id, {
      clockInAt: '2026-05-30T06:00:00Z',
      clockOutAt: '2026-05-30T14:00:00Z',
      breaks: [{ startAt: '2026-05-30T10:00:00Z', endAt: '2026-05-30T10:30:00Z' }],
    });
    expect(created.status).toBe(200);
    expect(await json(created)).toMatchObject({ corrected: true, workedMinutes: 450, breakMinutes: 30 });
    const fixed = await putShift(id, {
      clockInAt: '2026-05-30T07:00:00+02:00',
      clockOutAt: '2026-05-30T14:00:00Z',
      reason: 'came at 7',
    });
    expect(await json(fixed)).toMatchObject({
      clockInAt: '2026-05-30T05:00:00.000Z',
      workedMinutes: 540,
      breaks: [],
    });
    const audit = ctx.db
      .prepare(`SELECT actor_id, details FROM audit_log WHERE action = 'timeclock.shift_correct'`)
      .get() as { actor_id: string; details: string };
    expect(audit.actor_id).toBe(fx.managerId);
    const details = JSON.parse(audit.details) as {
      reason: string;
      before: { workedMinutes: number };
      after: { workedMinutes: number };
    };
    expect(details).toMatchObject({
      reason: 'came at 7',
      before: { workedMinutes: 450 },
      after: { workedMinutes: 540 },
    });
    // Sending the same correction again changes nothing more.
    expect(
      (await putShift(id, { clockInAt: '2026-05-30T05:00:00Z', clockOutAt: '2026-05-30T14:00:00Z' })).status,
    ).toBe(200);
    expect(count('time_shifts')).toBe(1);

    const del = await t.call(
      'DELETE',
      `/time-clock/shifts/${id}?reason=${encodeURIComponent('entered twice')}`,
      { headers: manager },
    );
    expect(del.status).toBe(204);
    expect(count('time_shifts')).toBe(0);
    expect(
      ctx.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'timeclock.shift_delete'`).get(),
    ).toEqual({ n: 1 });
  });

  it('refuses overlapping shifts, times ahead, breaks outside the shift, and cashiers correcting', async () => {
    const first = newId();
    await putShift(first, { clockInAt: '2026-05-30T06:00:00Z', clockOutAt: '2026-05-30T14:00:00Z' });
    const snapshot = () => ctx.db.prepare('SELECT * FROM time_shifts ORDER BY id').all();
    const before = snapshot();
    const other = newId();
    const may = { clockInAt: '2026-05-31T08:00:00Z', clockOutAt: '2026-05-31T12:00:00Z' };
    const refused: [string, Record<string, unknown>, Record<string, string>?][] = [
      ['409 SHIFT_OVERLAP', { clockInAt: '2026-05-30T13:00:00Z', clockOutAt: '2026-05-30T18:00:00Z' }],
      ['409 SHIFT_OVERLAP', { clockInAt: '2026-05-30T05:00:00Z', clockOutAt: null }],
      ['422 TIME_IN_FUTURE', { clockInAt: '2026-06-01T08:00:00Z', clockOutAt: '2026-06-01T10:00:00Z' }],
      ['400 VALIDATION_FAILED', { clockInAt: '2026-05-31T10:00:00Z', clockOutAt: '2026-05-31T09:00:00Z' }],
      [
        '400 VALIDATION_FAILED',
        { ...may, breaks: [{ startAt: '2026-05-31T11:30:00Z', endAt: '2026-05-31T12:30:00Z' }] },
      ],
      ['400 VALIDATION_FAILED', { ...may, breaks: [{ startAt: '2026-05-31T09:00:00Z', endAt: null }] }],
      ['400 VALIDATION_FAILED', { ...may, reason: ' ' }],
      ['403 PERMISSION_REQUIRED', may, cashier],
    ];
    for (const [expected, body, headers] of refused) {
      expect(await code(await putShift(other, body, headers)), JSON.stringify(body)).toBe(expected);
    }
    expect(
      await code(
        await putShift(first, {
          staffId: fx.supervisorId,
          clockInAt: '2026-05-30T06:00:00Z',
          clockOutAt: '2026-05-30T14:00:00Z',
        }),
      ),
    ).toBe('409 SHIFT_OTHER_STAFF');
    expect(snapshot()).toEqual(before);
    // A clock-in at the till may not start inside a recorded shift either; right after it, it may.
    await putShift(other, { clockInAt: '2026-06-01T07:00:00Z', clockOutAt: '2026-06-01T09:00:00Z' });
    expect((await post('/time-clock/clock-in')).status).toBe(200);
  });

  it('keeps a manager with fewer permissions from correcting the hours of someone above them', async () => {
    const role = await json<{ id: string }>(
      await t.call('POST', '/roles', {
        body: { name: 'Shift lead', permissions: ['staff.manage', 'cash.session'], discountLimitBp: 0 },
        headers: manager,
      }),
    );
    await t.call('POST', '/staff', {
      body: { name: 'Lea Lead', roleId: role.id, login: 'lea', password: 'lea-password-123' },
      headers: manager,
    });
    const lead = loginAdmin(t.access, 'lea', 'lea-password-123');
    const times = { clockInAt: '2026-05-30T06:00:00Z', clockOutAt: '2026-05-30T14:00:00Z' };
    const mine = newId();
    expect(await code(await putShift(mine, { ...times, staffId: fx.managerId }, lead))).toBe(
      '403 ROLE_ABOVE_OWN',
    );
    expect(count('time_shifts')).toBe(0);
    // A cashier holds nothing the lead lacks: their shift may be entered and removed.
    expect((await putShift(mine, times, lead)).status).toBe(200);
    const managers = newId();
    await putShift(managers, { ...times, staffId: fx.managerId });
    const remove = (id: string) =>
      t.call('DELETE', `/time-clock/shifts/${id}?reason=wrong`, { headers: lead });
    expect(await code(await remove(managers))).toBe('403 ROLE_ABOVE_OWN');
    expect((await remove(mine)).status).toBe(204);
    expect(count('time_shifts')).toBe(1);
  });

  it('splits a shift over midnight and over the change to summer time by the shop’s calendar days', async () => {
    // 23:00 CET on 28 March to 01:00 CEST on 30 March: 1 h, then a 23-hour day, then 1 h.
    await putShift(newId(), {
      clockInAt: '2026-03-28T22:00:00Z',
      clockOutAt: '2026-03-29T23:00:00Z',
      breaks: [{ startAt: '2026-03-29T21:30:00Z', endAt: '2026-03-29T22:30:00Z' }],
    });
    const result = await sheet('from=2026-03-28&to=2026-03-30');
    expect(result.employees[0]).toMatchObject({
      workedMinutes: 1440,
      breakMinutes: 60,
      shifts: 1,
      days: [
        { date: '2026-03-28', workedMinutes: 60, breakMinutes: 0 },
        // The break runs 23:30-00:30 local: half on each day.
        { date: '2026-03-29', workedMinutes: 1350, breakMinutes: 30 },
        { date: '2026-03-30', workedMinutes: 30, breakMinutes: 30 },
      ],
    });
    // Asked for one day, only that day's part counts.
    const middle = await sheet('from=2026-03-29&to=2026-03-29');
    expect(middle.employees[0]).toMatchObject({ workedMinutes: 1350, breakMinutes: 30, shifts: 0 });
  });

  it('exports the timesheet as CSV, one row per person and day', async () => {
    await putShift(newId(), { clockInAt: '2026-05-29T06:00:00Z', clockOutAt: '2026-05-29T13:30:00Z' });
    await putShift(newId(), {
      staffId: fx.supervisorId,
      clockInAt: '2026-05-30T06:00:00Z',
      clockOutAt: '2026-05-30T08:05:00Z',
    });
    const res = await t.call('GET', '/time-clock/timesheets/export?from=2026-05-29&to=2026-05-31', {
      headers: manager,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('timesheet-2026-05-29-2026-05-31.csv');
    expect((await res.text()).trim().split('\n')).toEqual([
      'staff_id,name,role,date,worked_minutes,break_minutes,worked_hours',
      `${fx.cashierId},Cara Cashier,cashier,2026-05-29,450,0,7:30`,
      `${fx.supervisorId},Sam Supervisor,supervisor,2026-05-30,125,0,2:05`,
    ]);
  });

  it('refuses bad ranges and unknown parameters, and keeps timesheets to managers', async () => {
    const status = async (query: string, headers = manager) =>
      (await t.call('GET', `/time-clock/timesheets?${query}`, { headers })).status;
    expect(await status('from=2026-06-02&to=2026-06-01')).toBe(400);
    expect(await status('from=2026-02-30&to=2026-03-01')).toBe(400);
    expect(await status('from=2025-01-01&to=2026-06-01')).toBe(400);
    expect(await status('from=2026-06-01&to=2026-06-01&bogus=1')).toBe(400);
    expect(await status('from=2026-06-01&to=2026-06-01', cashier)).toBe(403);
    expect(await status('from=2026-06-01&to=2026-06-01', {})).toBe(401);
    const shifts = await t.call(
      'GET',
      '/time-clock/shifts?from=2026-05-01T00:00:00Z&to=2026-06-02T00:00:00Z',
      { headers: manager },
    );
    expect(await json(shifts)).toEqual({ items: [], total: 0, nextOffset: null });
  });
});
