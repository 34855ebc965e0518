import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, oneOf, optionalString, string } from '../../shared/api/decode.js';
import { decodeLowStock, type LowStockRow } from '../reports/reports-api.js';

export type DeviceProblem = 'offline' | 'paper_out' | 'paper_low' | 'error' | 'warning';

export interface Dashboard {
  date: string;
  today: { sales: number; totalMinor: number; returnsMinor: number };
  lastWeekSoFar: { sales: number; totalMinor: number };
  lastWeekDay: { sales: number; totalMinor: number };
  lowStock: { total: number; items: LowStockRow[] };
  openSessions: {
    id: string;
    tillName: string | null;
    openedAt: string;
    openedByName: string | null;
    expectedMinor: number;
  }[];
  /** Null when this manager may not see devices. */
  deviceAlerts:
    { deviceId: string; name: string; kind: string; problem: DeviceProblem; errors: string[] }[] | null;
}

const PROBLEMS: readonly DeviceProblem[] = ['offline', 'paper_out', 'paper_low', 'error', 'warning'];

function day(value: unknown, what: string) {
  const o = object(value, what);
  return {
    sales: integer(o, 'sales', what),
    totalMinor: integer(o, 'totalMinor', what),
    returnsMinor: integer(o, 'returnsMinor', what),
  };
}

export async function loadDashboard(api: HubApiClient, signal?: AbortSignal): Promise<Dashboard> {
  const o = object(await api.request('/dashboard', signal ? { signal } : {}), 'dashboard');
  const low = object(o.lowStock, 'dashboard.lowStock');
  return {
    date: string(o, 'date', 'dashboard'),
    today: day(o.today, 'dashboard.today'),
    lastWeekSoFar: day(o.lastWeekSoFar, 'dashboard.lastWeekSoFar'),
    lastWeekDay: day(o.lastWeekDay, 'dashboard.lastWeekDay'),
    lowStock: {
      total: integer(low, 'total', 'lowStock'),
      items: array(low, 'items', 'lowStock').map(decodeLowStock),
    },
    openSessions: array(o, 'openSessions', 'dashboard').map((v) => {
      const s = object(v, 'session');
      return {
        id: string(s, 'id', 'session'),
        tillName: optionalString(s, 'tillName', 'session'),
        openedAt: string(s, 'openedAt', 'session'),
        openedByName: optionalString(s, 'openedByName', 'session'),
        expectedMinor: integer(s, 'expectedMinor', 'session'),
      };
    }),
    deviceAlerts:
      o.deviceAlerts === null
        ? null
        : array(o, 'deviceAlerts', 'dashboard').map((v) => {
            const a = object(v, 'alert');
            return {
              deviceId: string(a, 'deviceId', 'alert'),
              name: string(a, 'name', 'alert'),
              kind: string(a, 'kind', 'alert'),
              problem: oneOf(a, 'problem', PROBLEMS, 'alert'),
              errors: array(a, 'errors', 'alert').filter((e): e is string => typeof e === 'string'),
            };
          }),
  };
}
