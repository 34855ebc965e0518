import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { listStaff } from '../../db/access-queries.js';
import { staffFigures, type StaffFiguresRow } from '../../db/staff-performance-queries.js';
import { divRoundToNumber } from '../../domain/money.js';
import { requirePermission } from '../access/guards.js';
import { checkRange, type DateRange } from './date-range.js';
import { localMidnightMs, nextDate } from './local-days.js';

/** One person's figures over a period; money in integer minor units of the store currency. */
export interface StaffPerformance {
  staffId: string;
  name: string;
  roleName: string;
  active: boolean;
  transactions: number;
  salesMinor: number;
  items: number;
  /** Items divided by transactions, to two decimals (0 without sales): a ratio, not money. */
  itemsPerSale: number;
  /** salesMinor / transactions, rounded to the minor unit (the codebase's one rounding rule). */
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

export interface PerformanceReport {
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  employees: StaffPerformance[];
}

/**
 * Per-employee performance ('reports.view') over local dates, summed from the sales tables so the figures
 * agree to the minor unit with the sales themselves. Lists active staff with no activity too (zeros), and
 * anyone since deactivated who had some.
 */
export class PerformanceService {
  constructor(
    private readonly ctx: HubContext,
    private readonly store: () => { timeZone: string; currency: string },
  ) {}

  report(principal: Principal, range: DateRange): PerformanceReport {
    requirePermission(principal, 'reports.view');
    checkRange(range);
    const { timeZone, currency } = this.store();
    const from = new Date(localMidnightMs(range.from, timeZone)).toISOString();
    const to = new Date(localMidnightMs(nextDate(range.to), timeZone)).toISOString();
    const employees = this.ctx.tx.read((db) => {
      const figures = new Map(staffFigures(db, from, to).map((f) => [f.staff_id, f]));
      return listStaff(db, true)
        .filter((s) => s.active === 1 || figures.has(s.id))
        .map((s) => toPerformance(s.id, s.name, s.role_name, s.active === 1, figures.get(s.id)));
    });
    return { from: range.from, to: range.to, timeZone, currency, employees };
  }
}

function toPerformance(
  staffId: string,
  name: string,
  roleName: string,
  active: boolean,
  f: StaffFiguresRow | undefined,
): StaffPerformance {
  const transactions = f?.transactions ?? 0;
  const salesMinor = f?.sales_minor ?? 0;
  const items = f?.items ?? 0;
  return {
    staffId,
    name,
    roleName,
    active,
    transactions,
    salesMinor,
    items,
    itemsPerSale: transactions === 0 ? 0 : divRoundToNumber(BigInt(items) * 100n, BigInt(transactions)) / 100,
    averageSaleMinor: transactions === 0 ? 0 : divRoundToNumber(BigInt(salesMinor), BigInt(transactions)),
    refunds: f?.refunds ?? 0,
    refundsMinor: f?.refunds_minor ?? 0,
    voidedSales: f?.voided_sales ?? 0,
    voidedMinor: f?.voided_minor ?? 0,
    removedLines: f?.removed_lines ?? 0,
    discountsMinor: f?.discounts_minor ?? 0,
    discountedSales: f?.discounted_sales ?? 0,
    promotionsMinor: f?.promotions_minor ?? 0,
  };
}
