import type { HubContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import * as q from '../../db/reports-queries.js';
import { reportsBuilt } from '../../db/reports-facts-queries.js';
import { ValidationError } from '../../errors.js';
import { addRow, sumFigures, zeroFigures, type Figures } from './figures.js';
import { dateOfDay, utcStartOfDay } from './local-time.js';
import {
  bucketOf,
  bucketsOf,
  monthSpan,
  previousRange,
  rangeOf,
  type DayRange,
  type Granularity,
} from './periods.js';
import { rebuildReportFacts, storeTimeZone } from './sale-facts.js';

/** What every report is filtered by: local dates (both included) and optional till, staff and category. */
export interface ReportQuery {
  from: string;
  to: string;
  tillId?: string | undefined;
  staffId?: string | undefined;
  categoryId?: string | undefined;
}

/** Ten years and a bit: a report longer than this is a typo. */
const MAX_DAYS = 3700;

export interface Page<T> {
  items: T[];
  total: number;
  nextOffset: number | null;
}

function pageOf<T>(items: T[], total: number, offset: number): Page<T> {
  const end = offset + items.length;
  return { items, total, nextOffset: end < total ? end : null };
}

/**
 * The store's reports, read from the summaries kept by sale-facts.ts (and, for rare events such as voids,
 * from indexed document tables). Every report takes the same filters; dates are in the store's time zone.
 */
export class ReportService {
  constructor(private readonly ctx: HubContext) {}

  /** Fills the summaries once when a store that already sold is upgraded (see 060_reports.sql). */
  start(): void {
    if (this.ctx.tx.read((db) => reportsBuilt(db))) return;
    const n = this.ctx.tx.write((tx) => rebuildReportFacts(tx.db));
    this.ctx.log('info', 'report summaries rebuilt', { documents: n });
  }

  private range(query: ReportQuery): DayRange {
    const range = rangeOf(query.from, query.to);
    if (!(range.toDay >= range.fromDay)) {
      throw new ValidationError('The end date is before the start date', { from: query.from, to: query.to });
    }
    if (range.toDay - range.fromDay + 1 > MAX_DAYS) {
      throw new ValidationError(`A report covers at most ${MAX_DAYS} days`, {
        from: query.from,
        to: query.to,
      });
    }
    return range;
  }

  private filter(range: DayRange, query: ReportQuery): q.FactFilter {
    return {
      fromHour: range.fromDay * 24,
      toHour: (range.toDay + 1) * 24,
      tillId: query.tillId ?? null,
      staffId: query.staffId ?? null,
      categoryId: query.categoryId ?? null,
    };
  }

  private instants(db: Db, range: DayRange, query: ReportQuery): q.InstantFilter {
    const zone = storeTimeZone(db);
    return {
      fromAt: utcStartOfDay(range.fromDay, zone),
      toAt: utcStartOfDay(range.toDay + 1, zone),
      tillId: query.tillId ?? null,
      staffId: query.staffId ?? null,
    };
  }

  /** Sales by hour of day, day, week, month or year, each bucket beside the same bucket of the period before. */
  sales(query: ReportQuery, granularity: Granularity) {
    const range = this.range(query);
    const previous = previousRange(range);
    return this.ctx.tx.read((db) => {
      const current = this.bucketFigures(db, range, query, granularity);
      const before = this.bucketFigures(db, previous, query, granularity);
      const buckets = current.map((c, i) => ({
        key: c.key,
        current: c.figures,
        previousKey: before[i]?.key ?? null,
        previous: before[i]?.figures ?? zeroFigures(),
      }));
      return {
        granularity,
        from: query.from,
        to: query.to,
        previousFrom: dateOfDay(previous.fromDay),
        previousTo: dateOfDay(previous.toDay),
        buckets,
        totals: sumFigures(current.map((c) => c.figures)),
        previousTotals: sumFigures(before.map((c) => c.figures)),
      };
    });
  }

  private bucketFigures(
    db: Db,
    range: DayRange,
    query: ReportQuery,
    granularity: Granularity,
  ): { key: string; figures: Figures }[] {
    const byKey = new Map(bucketsOf(range, granularity).map((key) => [key, zeroFigures()]));
    // Rows come hour by hour; the bucket of an hour depends only on its day (or hour of day), so each
    // day's key is worked out once.
    const keyOf = new Map<number, Figures | undefined>();
    for (const row of q.selectPeriodRows(db, this.filter(range, query))) {
      const slot = granularity === 'hour' ? row.hour % 24 : Math.floor(row.hour / 24);
      let figures = keyOf.get(slot);
      if (!keyOf.has(slot)) {
        figures = byKey.get(bucketOf(row.hour, granularity));
        keyOf.set(slot, figures);
      }
      if (figures) addRow(figures, row);
    }
    return [...byKey].map(([key, figures]) => ({ key, figures }));
  }

  /** Products ranked by revenue (before tax), quantity or margin; best first or worst first. */
  products(query: ReportQuery, sort: q.ProductSort, order: 'best' | 'worst', limit: number, offset: number) {
    const range = this.range(query);
    const f = this.filter(range, query);
    const span = monthSpan(range);
    return this.ctx.tx.read((db) => {
      const page = q.selectProductPage(db, f, span, sort, order === 'best', limit, offset);
      // A page past the end has no rows to carry the totals: only then are they read on their own.
      const totals = page.totals ?? q.selectProductTotals(db, f, span);
      return { ...pageOf(page.rows, totals.products, offset), totals };
    });
  }

  categories(query: ReportQuery) {
    const range = this.range(query);
    const f = this.filter(range, query);
    return this.ctx.tx.read((db) => {
      const categories = q.selectCategoryRows(db, f, monthSpan(range));
      return {
        categories: categories.map((c) => ({ ...c, marginMinor: c.totalMinor - c.taxMinor - c.costMinor })),
        totals: {
          totalMinor: categories.reduce((n, c) => n + c.totalMinor, 0),
          taxMinor: categories.reduce((n, c) => n + c.taxMinor, 0),
          costMinor: categories.reduce((n, c) => n + c.costMinor, 0),
          discountMinor: categories.reduce((n, c) => n + c.discountMinor, 0),
        },
      };
    });
  }

  payments(query: ReportQuery) {
    const f = this.filter(this.range(query), query);
    return this.ctx.tx.read((db) => {
      const byTender = new Map<
        string,
        {
          tenderId: string;
          name: string;
          tenderKind: string;
          charges: number;
          chargeMinor: number;
          refunds: number;
          refundMinor: number;
          netMinor: number;
        }
      >();
      for (const row of q.selectPaymentRows(db, f)) {
        const t = byTender.get(row.tenderId) ?? {
          tenderId: row.tenderId,
          name: row.name ?? row.tenderKind,
          tenderKind: row.tenderKind,
          charges: 0,
          chargeMinor: 0,
          refunds: 0,
          refundMinor: 0,
          netMinor: 0,
        };
        if (row.direction === 'charge') {
          t.charges += row.payments;
          t.chargeMinor += row.amountMinor;
          t.netMinor += row.amountMinor;
        } else {
          t.refunds += row.payments;
          t.refundMinor += row.amountMinor;
          t.netMinor -= row.amountMinor;
        }
        byTender.set(row.tenderId, t);
      }
      const tenders = [...byTender.values()].sort((a, b) => b.netMinor - a.netMinor);
      return {
        tenders,
        totals: {
          chargeMinor: tenders.reduce((n, t) => n + t.chargeMinor, 0),
          refundMinor: tenders.reduce((n, t) => n + t.refundMinor, 0),
          netMinor: tenders.reduce((n, t) => n + t.netMinor, 0),
        },
      };
    });
  }

  discounts(query: ReportQuery) {
    const range = this.range(query);
    const f = this.filter(range, query);
    return this.ctx.tx.read((db) => {
      const days = q.selectDiscountDays(db, f).map((d) => ({
        date: dateOfDay(d.day),
        promotionMinor: d.promotionMinor,
        lineMinor: d.lineMinor,
        saleMinor: d.saleMinor,
        totalMinor: d.promotionMinor + d.lineMinor + d.saleMinor,
        grossMinor: d.grossMinor,
      }));
      const at = this.instants(db, range, query);
      return {
        days,
        totals: {
          promotionMinor: days.reduce((n, d) => n + d.promotionMinor, 0),
          lineMinor: days.reduce((n, d) => n + d.lineMinor, 0),
          saleMinor: days.reduce((n, d) => n + d.saleMinor, 0),
          totalMinor: days.reduce((n, d) => n + d.totalMinor, 0),
          grossMinor: days.reduce((n, d) => n + d.grossMinor, 0),
        },
        voids: { ...q.selectVoidTotals(db, at), recent: q.selectVoids(db, at, 100) },
        removedLines: q.selectRemovedLines(db, at),
      };
    });
  }

  refunds(query: ReportQuery) {
    const range = this.range(query);
    const f = this.filter(range, query);
    return this.ctx.tx.read((db) => {
      const days = new Map<string, { date: string; returns: number; totalMinor: number }>();
      for (const row of q.selectPeriodRows(db, f)) {
        if (row.kind !== 'return') continue;
        const date = dateOfDay(Math.floor(row.hour / 24));
        const d = days.get(date) ?? { date, returns: 0, totalMinor: 0 };
        d.returns += row.docs;
        d.totalMinor += row.totalMinor;
        days.set(date, d);
      }
      const byDay = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
      const tenders = q
        .selectPaymentRows(db, f)
        .filter((p) => p.direction === 'refund')
        .map((p) => ({
          tenderId: p.tenderId,
          name: p.name ?? p.tenderKind,
          tenderKind: p.tenderKind,
          refunds: p.payments,
          amountMinor: p.amountMinor,
        }));
      return {
        days: byDay,
        reasons: q.selectReturnReasons(db, { ...this.instants(db, range, query), categoryId: f.categoryId }),
        tenders,
        totals: {
          returns: byDay.reduce((n, d) => n + d.returns, 0),
          totalMinor: byDay.reduce((n, d) => n + d.totalMinor, 0),
        },
      };
    });
  }

  tax(query: ReportQuery) {
    const f = this.filter(this.range(query), query);
    return this.ctx.tx.read((db) => {
      const byRate = new Map<
        number,
        {
          taxRateBp: number;
          salesNetMinor: number;
          salesTaxMinor: number;
          returnsNetMinor: number;
          returnsTaxMinor: number;
          netMinor: number;
          taxMinor: number;
          totalMinor: number;
        }
      >();
      for (const row of q.selectTaxRows(db, f)) {
        const r = byRate.get(row.taxRateBp) ?? {
          taxRateBp: row.taxRateBp,
          salesNetMinor: 0,
          salesTaxMinor: 0,
          returnsNetMinor: 0,
          returnsTaxMinor: 0,
          netMinor: 0,
          taxMinor: 0,
          totalMinor: 0,
        };
        const sign = row.kind === 'sale' ? 1 : -1;
        if (row.kind === 'sale') {
          r.salesNetMinor += row.netMinor;
          r.salesTaxMinor += row.taxMinor;
        } else {
          r.returnsNetMinor += row.netMinor;
          r.returnsTaxMinor += row.taxMinor;
        }
        r.netMinor += sign * row.netMinor;
        r.taxMinor += sign * row.taxMinor;
        r.totalMinor += sign * row.totalMinor;
        byRate.set(row.taxRateBp, r);
      }
      const rates = [...byRate.values()];
      return {
        rates,
        totals: {
          netMinor: rates.reduce((n, r) => n + r.netMinor, 0),
          taxMinor: rates.reduce((n, r) => n + r.taxMinor, 0),
          totalMinor: rates.reduce((n, r) => n + r.totalMinor, 0),
        },
      };
    });
  }

  cashSessions(query: ReportQuery, limit: number, offset: number) {
    const range = this.range(query);
    return this.ctx.tx.read((db) => {
      const at = this.instants(db, range, query);
      const totals = q.selectCashSessionTotals(db, at);
      return { ...pageOf(q.selectCashSessions(db, at, limit, offset), totals.count, offset), totals };
    });
  }

  lowStock(categoryId: string | null, limit: number, offset: number): Page<q.LowStockRow> {
    return this.ctx.tx.read((db) =>
      pageOf(q.selectLowStock(db, categoryId, limit, offset), q.countLowStock(db, categoryId), offset),
    );
  }
}
