import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, optionalString, string, type Json } from '../../shared/api/decode.js';

/** The admin's calls for timesheets, shifts and per-employee performance (/time-clock, /staff-performance). */

export interface DayMinutes {
  date: string;
  workedMinutes: number;
  breakMinutes: number;
}

export interface TimesheetRow {
  staffId: string;
  name: string;
  roleName: string;
  workedMinutes: number;
  breakMinutes: number;
  shifts: number;
  days: DayMinutes[];
}

export interface Shift {
  id: string;
  staffId: string;
  clockInAt: string;
  clockOutAt: string | null;
  corrected: boolean;
  breaks: { startAt: string; endAt: string | null }[];
  workedMinutes: number;
  breakMinutes: number;
}

export interface ShiftInput {
  staffId: string;
  clockInAt: string;
  clockOutAt: string | null;
  breaks: { startAt: string; endAt: string | null }[];
  reason: string;
}

export interface PerformanceRow {
  staffId: string;
  name: string;
  roleName: string;
  active: boolean;
  transactions: number;
  salesMinor: number;
  items: number;
  itemsPerSale: number;
  averageSaleMinor: number;
  refunds: number;
  refundsMinor: number;
  voidedSales: number;
  voidedMinor: number;
  removedLines: number;
  discountsMinor: number;
  discountedSales: number;
  promotionsMinor: number;
}

/** A date range in the shop's calendar (YYYY-MM-DD, both days included). */
export interface DateRange {
  from: string;
  to: string;
}

const ints = <K extends string>(o: Json, keys: readonly K[], what: string) =>
  Object.fromEntries(keys.map((k) => [k, integer(o, k, what)])) as Record<K, number>;

function decodeDay(value: unknown): DayMinutes {
  const o = object(value, 'timesheet.day');
  return {
    date: string(o, 'date', 'timesheet.day'),
    ...ints(o, ['workedMinutes', 'breakMinutes'], 'timesheet.day'),
  };
}

function decodeTimesheetRow(value: unknown): TimesheetRow {
  const o = object(value, 'timesheet.employee');
  return {
    staffId: string(o, 'staffId', 'timesheet.employee'),
    name: string(o, 'name', 'timesheet.employee'),
    roleName: string(o, 'roleName', 'timesheet.employee'),
    ...ints(o, ['workedMinutes', 'breakMinutes', 'shifts'], 'timesheet.employee'),
    days: array(o, 'days', 'timesheet.employee').map(decodeDay),
  };
}

function decodeShift(value: unknown): Shift {
  const o = object(value, 'shift');
  return {
    id: string(o, 'id', 'shift'),
    staffId: string(o, 'staffId', 'shift'),
    clockInAt: string(o, 'clockInAt', 'shift'),
    clockOutAt: optionalString(o, 'clockOutAt', 'shift'),
    corrected: o.corrected === true,
    breaks: array(o, 'breaks', 'shift').map((b) => {
      const br = object(b, 'shift.break');
      return {
        startAt: string(br, 'startAt', 'shift.break'),
        endAt: optionalString(br, 'endAt', 'shift.break'),
      };
    }),
    ...ints(o, ['workedMinutes', 'breakMinutes'], 'shift'),
  };
}

const PERFORMANCE_FIGURES = [
  'transactions',
  'salesMinor',
  'items',
  'averageSaleMinor',
  'refunds',
  'refundsMinor',
  'voidedSales',
  'voidedMinor',
  'removedLines',
  'discountsMinor',
  'discountedSales',
  'promotionsMinor',
] as const;

function decodePerformance(value: unknown): PerformanceRow {
  const o = object(value, 'performance');
  const ratio = o.itemsPerSale;
  return {
    staffId: string(o, 'staffId', 'performance'),
    name: string(o, 'name', 'performance'),
    roleName: string(o, 'roleName', 'performance'),
    active: o.active === true,
    itemsPerSale: typeof ratio === 'number' && Number.isFinite(ratio) ? ratio : 0,
    ...ints(o, PERFORMANCE_FIGURES, 'performance'),
  };
}

const rangeQuery = (range: DateRange) =>
  `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

export async function timesheet(
  api: HubApiClient,
  range: DateRange,
  signal?: AbortSignal,
): Promise<TimesheetRow[]> {
  const o = object(
    await api.request(`/time-clock/timesheets?${rangeQuery(range)}`, signal ? { signal } : {}),
    'timesheet',
  );
  return array(o, 'employees', 'timesheet').map(decodeTimesheetRow);
}

/** The CSV's address: a plain link downloads it with the session cookie (a GET needs no CSRF token). */
export function timesheetCsvHref(range: DateRange): string {
  return `/api/v1/time-clock/timesheets/export?${rangeQuery(range)}`;
}

/** The shifts of one person touching [from, to) (ISO instants); a person's month fits one page of 500. */
export async function shiftsOf(
  api: HubApiClient,
  staffId: string,
  from: string,
  to: string,
): Promise<Shift[]> {
  const query = `staffId=${encodeURIComponent(staffId)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=500`;
  const o = object(await api.request(`/time-clock/shifts?${query}`), 'shifts');
  return array(o, 'items', 'shifts').map(decodeShift);
}

export async function putShift(api: HubApiClient, id: string, input: ShiftInput): Promise<Shift> {
  return decodeShift(
    await api.request(`/time-clock/shifts/${encodeURIComponent(id)}`, { method: 'PUT', body: input }),
  );
}

export async function deleteShift(api: HubApiClient, id: string, reason: string): Promise<void> {
  await api.request(`/time-clock/shifts/${encodeURIComponent(id)}?reason=${encodeURIComponent(reason)}`, {
    method: 'DELETE',
  });
}

export async function performance(
  api: HubApiClient,
  range: DateRange,
  signal?: AbortSignal,
): Promise<{ currency: string; rows: PerformanceRow[] }> {
  const o = object(
    await api.request(`/staff-performance?${rangeQuery(range)}`, signal ? { signal } : {}),
    'performance',
  );
  return {
    currency: string(o, 'currency', 'performance'),
    rows: array(o, 'employees', 'performance').map(decodePerformance),
  };
}
