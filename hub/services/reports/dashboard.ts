import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import {
  countLowStock,
  selectLowStock,
  selectPeriodRows,
  type LowStockRow,
} from '../../db/reports-queries.js';
import { selectOpenSessions, type OpenSessionRow } from '../../db/reports-dashboard-queries.js';
import type { Device } from '../devices/device-view.js';
import { staffOf } from '../access/guards.js';
import { addRow, zeroFigures, type Figures } from './figures.js';
import { dateOfDay, localHourOf } from './local-time.js';
import { storeTimeZone } from './sale-facts.js';

export type DeviceProblem = 'offline' | 'paper_out' | 'paper_low' | 'error' | 'warning';

export interface DeviceAlert {
  deviceId: string;
  name: string;
  kind: string;
  tillId: string | null;
  problem: DeviceProblem;
  errors: string[];
  lastSeenAt: string | null;
}

export interface Dashboard {
  date: string;
  today: Figures;
  /** The same weekday a week ago, up to the same hour, and the whole of that day. */
  lastWeekSoFar: Figures;
  lastWeekDay: Figures;
  lowStock: { total: number; items: LowStockRow[] };
  openSessions: OpenSessionRow[];
  /** Null when the viewer may not see devices ('devices.manage'). */
  deviceAlerts: DeviceAlert[] | null;
}

/** The registry's devices with their live state, as the devices area lists them for this principal. */
export type DeviceLister = (principal: Principal) => readonly Device[];

const LOW_STOCK_SHOWN = 5;

/** The first thing a manager sees: today against a week ago, and what needs attention now. */
export class DashboardService {
  constructor(
    private readonly ctx: HubContext,
    private readonly devices: DeviceLister,
  ) {}

  get(principal: Principal): Dashboard {
    const seesDevices = staffOf(principal).permissions.has('devices.manage');
    const figures = this.ctx.tx.read((db) => {
      const nowHour = localHourOf(this.ctx.clock.now().toISOString(), storeTimeZone(db));
      const today = Math.floor(nowHour / 24) * 24;
      const week = 7 * 24;
      const sum = (fromHour: number, toHour: number) => {
        const f = zeroFigures();
        const filter = { fromHour, toHour, tillId: null, staffId: null, categoryId: null };
        for (const row of selectPeriodRows(db, filter)) addRow(f, row);
        return f;
      };
      return {
        date: dateOfDay(today / 24),
        today: sum(today, nowHour + 1),
        lastWeekSoFar: sum(today - week, nowHour + 1 - week),
        lastWeekDay: sum(today - week, today - week + 24),
        lowStock: { total: countLowStock(db, null), items: selectLowStock(db, null, LOW_STOCK_SHOWN, 0) },
        openSessions: selectOpenSessions(db),
      };
    });
    return { ...figures, deviceAlerts: seesDevices ? deviceAlerts(this.devices(principal)) : null };
  }
}

/** Active devices that are offline, out of (or low on) paper, or report errors; worst first. */
export function deviceAlerts(devices: readonly Device[]): DeviceAlert[] {
  const rank: Record<DeviceProblem, number> = {
    offline: 0,
    paper_out: 1,
    error: 2,
    paper_low: 3,
    warning: 4,
  };
  const alerts: DeviceAlert[] = [];
  for (const d of devices) {
    if (d.status !== 'active') continue;
    const problem = problemOf(d);
    if (problem === null) continue;
    alerts.push({
      deviceId: d.id,
      name: d.name,
      kind: d.kind,
      tillId: d.tillId,
      problem,
      errors: d.live.errors,
      lastSeenAt: d.live.lastSeenAt,
    });
  }
  return alerts.sort((a, b) => rank[a.problem] - rank[b.problem] || a.name.localeCompare(b.name));
}

function problemOf(d: Device): DeviceProblem | null {
  const live = d.live;
  if (live.detail.paper === 'out') return 'paper_out';
  if (!live.online) return 'offline';
  if (live.status === 'error') return 'error';
  if (live.detail.paper === 'near_end') return 'paper_low';
  if (live.status === 'warning' || live.errors.length > 0) return 'warning';
  return null;
}
